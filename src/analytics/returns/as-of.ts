/**
 * As-of resolution: the bar a figure is computed "as of". A requested day that is not a trading day
 * (weekend, holiday, or simply after the last bar) means the last bar on or before it; the day
 * actually used is reported back so outputs can say which close they describe.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import type { DayNumber } from '../../domain/trading-date.js';

export interface AsOfResolution {
  /** Index of the bar used, or -1 when every bar is later than the requested day. */
  readonly index: number;
  /** The trading day used (dates[index]), or null when there is none. */
  readonly day: DayNumber | null;
  /** True when the requested day itself has a bar. */
  readonly exact: boolean;
}

/**
 * The last bar on or before `requested`; with no requested day, the last bar of the series.
 * @example resolveAsOf(dates, parseIsoDate('2025-12-25')) // the bar of 2025-12-24
 */
export function resolveAsOf(dates: Int32Array, requested: DayNumber | null): AsOfResolution {
  const index = requested === null ? dates.length - 1 : indexOnOrBefore(dates, requested);
  if (index < 0) return { index: -1, day: null, exact: false };
  const day = dates[index]!;
  return { index, day, exact: requested === null || day === requested };
}
