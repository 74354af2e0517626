/**
 * Turns a synthetic total-return path into the bars a data vendor would publish: closes that drop by
 * each dividend on its ex-date (split-adjusted, like Yahoo), Yahoo-style adjusted closes, and
 * open/high/low/volume consistent with the day's move.
 */
import { type PriceSeries, seriesOfLength } from '../../domain/price-series.js';
import type { SeededRandom } from './seeded-random.js';

export interface DividendEvent {
  readonly day: number;
  /** Cash per share, in split-adjusted terms (as Yahoo reports it). */
  readonly amount: number;
}

export interface BarSpec {
  readonly symbol: string;
  readonly days: Int32Array;
  /** First index (inclusive) the symbol trades. */
  readonly from: number;
  /** Log total-return level per day (its exp is the price when there are no dividends). */
  readonly logTotal: Float64Array;
  /** Indexes of ex-dividend days and the yield of each payment (fraction of the previous close). */
  readonly exDates: readonly number[];
  readonly payoutFraction: number;
  /** Daily volatility per day (for the intraday range). */
  readonly sigma: Float64Array;
  /** Typical daily volume; 0 for indices that publish none. */
  readonly volume: number;
  /** Whether open/high/low are published (rates have a close only). */
  readonly ohlc: boolean;
  /** Fixed decimals for every price (index levels: 2); default: cents from $10 up, else 4 decimals. */
  readonly decimals?: number;
}

/** Prices at or above $10 to the cent; below, to 1/100 of a cent (split-adjusted history of a stock). */
export function roundPrice(p: number, decimals?: number): number {
  const places = decimals ?? (p >= 10 ? 2 : 4);
  const f = 10 ** places;
  return Math.round(p * f) / f;
}

export function buildBars(spec: BarSpec, rng: SeededRandom): { series: PriceSeries; dividends: DividendEvent[] } {
  const { days, from, logTotal, sigma } = spec;
  const n = days.length - from;
  const s = seriesOfLength(spec.symbol, n);
  const exSet = new Set(spec.exDates.filter((i) => i > from));
  const dividends: DividendEvent[] = [];
  const round = (p: number) => roundPrice(p, spec.decimals);
  const divAt = new Float64Array(n);
  let price = Math.exp(logTotal[from]!);
  for (let k = 0; k < n; k++) {
    const t = from + k;
    s.dates[k] = days[t]!;
    if (k > 0) {
      const prev = price;
      price = prev * Math.exp(logTotal[t]! - logTotal[t - 1]!);
      if (exSet.has(t)) {
        const amount = Math.round(prev * spec.payoutFraction * 10000) / 10000;
        if (amount > 0) {
          price -= amount;
          divAt[k] = amount;
          dividends.push({ day: days[t]!, amount });
        }
      }
    }
    s.close[k] = round(price);
  }
  // Yahoo's adjusted close: every close before an ex-date is multiplied by (1 - D / previous close).
  let factor = 1;
  for (let k = n - 1; k >= 0; k--) {
    s.adjClose[k] = s.close[k]! * factor;
    if (divAt[k]! > 0 && k > 0) factor *= 1 - divAt[k]! / s.close[k - 1]!;
  }
  for (let k = 0; k < n; k++) {
    const t = from + k;
    if (!spec.ohlc) {
      s.open[k] = Number.NaN;
      s.high[k] = Number.NaN;
      s.low[k] = Number.NaN;
      s.volume[k] = Number.NaN;
      continue;
    }
    const sg = sigma[t]!;
    const base = k === 0 ? s.close[0]! : s.close[k - 1]! - divAt[k]!;
    const open = round(base * Math.exp(0.35 * sg * rng.normal()));
    const close = s.close[k]!;
    const high = round(Math.max(open, close) * Math.exp(Math.abs(rng.normal()) * 0.45 * sg));
    const low = round(Math.min(open, close) * Math.exp(-Math.abs(rng.normal()) * 0.45 * sg));
    s.open[k] = open;
    s.high[k] = Math.max(high, open, close);
    s.low[k] = Math.min(low, open, close);
    if (spec.volume > 0) {
      const move = k === 0 ? 0 : Math.abs(Math.log(close / base));
      s.volume[k] = Math.round(spec.volume * Math.exp(0.25 * rng.normal()) * (0.7 + (0.8 * move) / Math.max(sg, 1e-4)));
    } else s.volume[k] = 0;
  }
  return { series: s, dividends };
}
