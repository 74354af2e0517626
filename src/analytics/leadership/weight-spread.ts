/**
 * Equal-weight versus cap-weight: the return of each version of the same group over the same
 * calendar periods (RSP vs SPY, the MAG7 equal-weight basket vs MAGS) and the spread between them,
 * equal minus cap, in fractions. A positive spread means the average member beat the index's
 * heavyweights: participation is broadening. Periods follow returns/period-returns.ts.
 */

import type { PeriodKey } from '../../domain/period-keys.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import type { DayNumber } from '../../domain/trading-date.js';
import { periodReturn } from '../returns/period-returns.js';

export const SPREAD_PERIODS = ['1d', '5d', 'mtd', 'qtd', 'ytd', '1y', '3y'] as const satisfies readonly PeriodKey[];

export interface SpreadPeriod {
  readonly equal: number | null;
  readonly cap: number | null;
  /** equal - cap, null when either is missing. */
  readonly spread: number | null;
}

export interface SeriesCloses {
  readonly dates: Int32Array;
  readonly closes: Float64Array;
}

/**
 * Both legs as of the last day on or before `asOf` that BOTH have a bar, so a stale leg never
 * compares different days. Null when they share no day.
 */
export function weightSpread(
  equal: SeriesCloses,
  cap: SeriesCloses,
  asOf: DayNumber,
): { day: DayNumber; periods: Record<(typeof SPREAD_PERIODS)[number], SpreadPeriod> } | null {
  let i = indexOnOrBefore(equal.dates, asOf);
  let j = indexOnOrBefore(cap.dates, asOf);
  while (i >= 0 && j >= 0 && equal.dates[i] !== cap.dates[j]) {
    if (equal.dates[i]! > cap.dates[j]!) i--;
    else j--;
  }
  if (i < 0 || j < 0) return null;
  const periods = {} as Record<(typeof SPREAD_PERIODS)[number], SpreadPeriod>;
  for (const p of SPREAD_PERIODS) {
    const e = periodReturn(equal.dates, equal.closes, i, p);
    const c = periodReturn(cap.dates, cap.closes, j, p);
    periods[p] = { equal: e, cap: c, spread: e !== null && c !== null ? e - c : null };
  }
  return { day: equal.dates[i]!, periods };
}
