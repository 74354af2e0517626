/**
 * The volatility regime read off a VIX-like close series as of a date: its level, where that level
 * sits among the closes of the last 1 and 5 years (percentile), and since when it is the lowest or
 * highest close (returns/since.ts: the most recent earlier close strictly below / above it).
 *
 * Percentile convention: the share of the OTHER closes in the window strictly below the as-of close,
 * in percent, so the lowest close of the window reads 0 and the highest 100. The window is the bars
 * dated strictly after the same calendar date N years earlier through the as-of bar (as the 52-week
 * window of returns/highs-lows.ts) and needs a bar on or before that boundary, else null.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate, sameDateYearsEarlier } from '../../domain/trading-date.js';
import { highestSince, lowestSince } from '../returns/since.js';

export interface VolatilityRegime {
  readonly date: string;
  readonly level: number;
  readonly percentile1y: number | null;
  readonly percentile5y: number | null;
  /** Last earlier close below today's: "lowest close since <date>"; null = lowest on record. */
  readonly lowestSince: string | null;
  /** Last earlier close above today's: "highest close since <date>"; null = highest on record. */
  readonly highestSince: string | null;
}

/** Percentile (0..100) of the close at `asOfIndex` within the trailing `years` window, or null. */
export function trailingPercentile(
  dates: Int32Array,
  closes: Float64Array,
  asOfIndex: number,
  years: number,
): number | null {
  if (asOfIndex < 0) return null;
  const boundary = sameDateYearsEarlier(dates[asOfIndex]!, years);
  const before = indexOnOrBefore(dates, boundary);
  if (before < 0) return null;
  const v = closes[asOfIndex]!;
  let below = 0;
  let others = 0;
  for (let i = before + 1; i < asOfIndex; i++) {
    const x = closes[i]!;
    if (!Number.isFinite(x)) continue;
    others++;
    if (x < v) below++;
  }
  return others === 0 ? null : (100 * below) / others;
}

/** Null when the series has no bar on or before `asOf`. Closes must be finite. */
export function volatilityRegime(dates: Int32Array, closes: Float64Array, asOf: DayNumber): VolatilityRegime | null {
  const i = indexOnOrBefore(dates, asOf);
  if (i < 0) return null;
  const lo = lowestSince(dates, closes, i);
  const hi = highestSince(dates, closes, i);
  return {
    date: formatIsoDate(dates[i]!),
    level: closes[i]!,
    percentile1y: trailingPercentile(dates, closes, i, 1),
    percentile5y: trailingPercentile(dates, closes, i, 5),
    lowestSince: lo === null ? null : formatIsoDate(lo),
    highestSince: hi === null ? null : formatIsoDate(hi),
  };
}
