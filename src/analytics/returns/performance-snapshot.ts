/**
 * One symbol's performance figures as of one bar: period returns, all-time and 52-week highs and
 * lows, highest/lowest-since dates and the streak, all on one close column (close for price
 * return, adjClose for total return). The perf table is one snapshot per symbol.
 */

import type { PeriodReturns } from '../../domain/period-keys.js';
import type { CloseField, PriceSeries } from '../../domain/price-series.js';
import type { DayNumber } from '../../domain/trading-date.js';
import { resolveAsOf } from './as-of.js';
import { type AllTimeHigh, allTimeHigh, type Extreme, fiftyTwoWeekHigh, fiftyTwoWeekLow } from './highs-lows.js';
import { MULTI_YEAR_PERIODS, periodCagr, periodReturns } from './period-returns.js';
import { highestSince, lowestSince } from './since.js';
import { streak } from './streak.js';

export interface PerformanceSnapshot {
  readonly symbol: string;
  /** The trading day used (the last bar on or before the requested as-of day). */
  readonly asOf: DayNumber;
  readonly close: number;
  readonly returns: PeriodReturns;
  /** Annualised (CAGR) beside the total of each period longer than a year; null where the total is. */
  readonly cagr: Record<(typeof MULTI_YEAR_PERIODS)[number], number | null>;
  readonly ath: AllTimeHigh;
  readonly high52w: Extreme | null;
  readonly low52w: Extreme | null;
  readonly highestSince: DayNumber | null;
  readonly lowestSince: DayNumber | null;
  readonly streak: number;
}

/**
 * The snapshot of `series` as of the last bar on or before `asOf` (null = the last bar), or null when
 * the series has no bar that early.
 */
export function performanceSnapshot(
  series: PriceSeries,
  field: CloseField,
  asOf: DayNumber | null,
): PerformanceSnapshot | null {
  const { index } = resolveAsOf(series.dates, asOf);
  if (index < 0) return null;
  const dates = series.dates;
  const values = series[field];
  const ath = allTimeHigh(dates, values, index);
  if (ath === null) return null;
  return {
    symbol: series.symbol,
    asOf: dates[index]!,
    close: values[index]!,
    returns: periodReturns(dates, values, index),
    cagr: Object.fromEntries(
      MULTI_YEAR_PERIODS.map((k) => [k, periodCagr(dates, values, index, k)]),
    ) as PerformanceSnapshot['cagr'],
    ath,
    high52w: fiftyTwoWeekHigh(dates, values, index),
    low52w: fiftyTwoWeekLow(dates, values, index),
    highestSince: highestSince(dates, values, index),
    lowestSince: lowestSince(dates, values, index),
    streak: streak(values, index),
  };
}
