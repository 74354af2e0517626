/**
 * How an asset moves with a yield: the beta and correlation of its returns to the yield's changes
 * in basis points, over the last N aligned observations. Only days on which both the asset and the
 * yield have a value count (FRED leaves market holidays empty); a daily return pairs two
 * consecutive such days. Weekly: the last such day of each Monday-to-Sunday week, Friday to Friday
 * as a rule. A negative beta means the asset rises when the yield falls: "sensitive to falling
 * rates". Beta is the return (a fraction) per +1 bp; `betaPer10bp` the same per +10 bp.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import type { DayNumber } from '../../domain/trading-date.js';

export type SensitivityFrequency = 'daily' | 'weekly';

export interface SensitivityWindow {
  readonly frequency: SensitivityFrequency;
  /** Observations asked for (63 or 252 days; 13 or 52 weeks). */
  readonly window: number;
  /** Observations used (fewer when the history is short); beta and correlation need at least 10. */
  readonly n: number;
  readonly beta: number | null;
  readonly betaPer10bp: number | null;
  readonly correlation: number | null;
}

export interface Observations {
  /** Asset returns (fractions) and yield changes (bp), oldest first, same length. */
  readonly returns: Float64Array;
  readonly changesBp: Float64Array;
}

const MIN_OBSERVATIONS = 10;

/** The aligned pairs (asset close, yield level) up to `asOf`, daily or the last of each week. */
export function alignedObservations(
  assetDates: Int32Array,
  assetCloses: Float64Array,
  rateDates: Int32Array,
  rateValues: Float64Array,
  asOf: DayNumber,
  frequency: SensitivityFrequency,
): Observations {
  const end = indexOnOrBefore(assetDates, asOf);
  const prices: number[] = [];
  const levels: number[] = [];
  const weeks: number[] = [];
  let j = 0;
  for (let i = 0; i <= end; i++) {
    const d = assetDates[i]!;
    while (j < rateDates.length && rateDates[j]! < d) j++;
    if (j >= rateDates.length || rateDates[j] !== d) continue;
    const c = assetCloses[i]!;
    const y = rateValues[j]!;
    if (!Number.isFinite(c) || !Number.isFinite(y)) continue;
    // day 0 (1970-01-01) is a Thursday: (d + 3) / 7 counts Monday-starting weeks
    const week = Math.floor((d + 3) / 7);
    if (frequency === 'weekly' && weeks.length > 0 && weeks[weeks.length - 1] === week) {
      prices[prices.length - 1] = c;
      levels[levels.length - 1] = y;
      continue;
    }
    prices.push(c);
    levels.push(y);
    weeks.push(week);
  }
  const n = Math.max(0, prices.length - 1);
  const returns = new Float64Array(n);
  const changesBp = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    returns[k] = prices[k + 1]! / prices[k]! - 1;
    changesBp[k] = Math.round((levels[k + 1]! - levels[k]!) * 100 * 1e6) / 1e6;
  }
  return { returns, changesBp };
}

/**
 * Beta (cov / var of the changes) and Pearson correlation over the last `window` observations.
 * @example betaAndCorrelation({ returns: Float64Array.of(-0.01, 0.02, 0), changesBp: Float64Array.of(10, -20, 0) }, 3)
 */
export function betaAndCorrelation(
  obs: Observations,
  window: number,
): { n: number; beta: number | null; correlation: number | null } {
  const total = obs.returns.length;
  const n = Math.min(window, total);
  if (n < MIN_OBSERVATIONS) return { n, beta: null, correlation: null };
  const from = total - n;
  let mr = 0;
  let my = 0;
  for (let k = from; k < total; k++) {
    mr += obs.returns[k]!;
    my += obs.changesBp[k]!;
  }
  mr /= n;
  my /= n;
  let sxy = 0;
  let syy = 0;
  let sxx = 0;
  for (let k = from; k < total; k++) {
    const a = obs.returns[k]! - mr;
    const b = obs.changesBp[k]! - my;
    sxy += a * b;
    syy += b * b;
    sxx += a * a;
  }
  if (syy === 0) return { n, beta: null, correlation: null };
  return { n, beta: sxy / syy, correlation: sxx === 0 ? null : sxy / Math.sqrt(sxx * syy) };
}

/** Daily over 63 and 252 days, weekly over 13 and 52 weeks. */
export function rateSensitivity(
  asset: { dates: Int32Array; closes: Float64Array },
  rate: { dates: Int32Array; closes: Float64Array },
  asOf: DayNumber,
): SensitivityWindow[] {
  const out: SensitivityWindow[] = [];
  for (const [frequency, windows] of [
    ['daily', [63, 252]],
    ['weekly', [13, 52]],
  ] as const) {
    const obs = alignedObservations(asset.dates, asset.closes, rate.dates, rate.closes, asOf, frequency);
    for (const window of windows) {
      const r = betaAndCorrelation(obs, window);
      out.push({
        frequency,
        window,
        n: r.n,
        beta: r.beta,
        betaPer10bp: r.beta === null ? null : r.beta * 10,
        correlation: r.correlation,
      });
    }
  }
  return out;
}
