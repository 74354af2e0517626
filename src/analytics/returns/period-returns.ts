/**
 * Period returns over a close column (close = price return, adjClose = total return), with the
 * conventions a newsroom or Yahoo prints:
 * - `1d`, `5d`: the close 1 or 5 trading days (bars) before the as-of bar.
 * - `wtd` (week to date, read by the claim checker only): the last close on or before the Sunday that
 *   ends the previous calendar week (Monday to Sunday), i.e. the previous Friday's close; on a Friday
 *   it is the whole week's return, and "last week" is the `wtd` return as of the previous week's end.
 * - `mtd`, `qtd`, `ytd`: the last close on or before the previous month / quarter / year end
 *   (calendar day before the first day of the as-of bar's month, quarter, year).
 * - `1m`, `3m`, `6m`: the last close on or before the same calendar day N months before the as-of
 *   bar's date, clamped to the month's last day (Jan 31 + 1 month -> Feb 28/29; May 31 - 3 months
 *   -> Feb 28/29), which is pandas' `DateOffset(months=N)`.
 * - `1y`, `3y`, `5y`, `10y`: the last close on or before the same calendar date N years before the
 *   as-of bar's date (Feb 29 -> Feb 28 in a year without one), pandas' `DateOffset(years=N)`.
 * - `max`: since the first bar of the series ("since inception", labelled MAX).
 * The rule for "not enough history": the base must be a bar on or before the boundary. A series whose
 * first bar is after the boundary (a fund listed in March has no YTD that year) gives null, never a
 * return from its first bar; a base close that is not a positive finite number also gives null.
 */
import { PERIOD_KEYS, type PeriodKey, type PeriodReturns, type ReturnPeriod } from '../../domain/period-keys.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import {
  type DayNumber,
  previousMonthEnd,
  previousQuarterEnd,
  previousWeekEnd,
  previousYearEnd,
  sameDateMonthsEarlier,
  sameDateYearsEarlier,
} from '../../domain/trading-date.js';

/** `v[to] / v[from] - 1`, or null when either close is missing, zero or negative. */
export function simpleReturn(values: Float64Array, fromIndex: number, toIndex: number): number | null {
  if (fromIndex < 0 || toIndex < 0 || fromIndex >= values.length || toIndex >= values.length) return null;
  const base = values[fromIndex]!;
  const last = values[toIndex]!;
  if (!(base > 0) || !(last > 0) || !Number.isFinite(base) || !Number.isFinite(last)) return null;
  return last / base - 1;
}

// The calendar periods' boundaries (see the module comment); the bar-count periods have none.
const PERIOD_ENDS: Partial<Record<ReturnPeriod, (day: DayNumber) => DayNumber>> = {
  wtd: previousWeekEnd,
  mtd: previousMonthEnd,
  qtd: previousQuarterEnd,
  ytd: previousYearEnd,
};
const MONTHS_BACK: Partial<Record<ReturnPeriod, number>> = { '1m': 1, '3m': 3, '6m': 6 };
const YEARS_BACK: Partial<Record<ReturnPeriod, number>> = { '1y': 1, '3y': 3, '5y': 5, '10y': 10 };

/**
 * The calendar boundary of a period for an as-of day: the base is the last close on or before it.
 * Bar-count periods (`1d`, `5d`) and `max` have no calendar boundary and give null.
 */
export function periodBoundary(asOfDay: DayNumber, period: ReturnPeriod): DayNumber | null {
  // a table of thousands of symbols asks the same few (day, period) pairs over and over: the calendar
  // arithmetic is done once per as-of day
  if (asOfDay !== boundariesOf) {
    boundaries.clear();
    boundariesOf = asOfDay;
  }
  let boundary = boundaries.get(period);
  if (boundary === undefined) {
    boundary = calendarBoundary(asOfDay, period);
    boundaries.set(period, boundary);
  }
  return boundary;
}

/** The as-of day whose boundaries `boundaries` holds. */
let boundariesOf: DayNumber | null = null;
const boundaries = new Map<ReturnPeriod, DayNumber | null>();

function calendarBoundary(asOfDay: DayNumber, period: ReturnPeriod): DayNumber | null {
  const periodEnd = PERIOD_ENDS[period];
  if (periodEnd !== undefined) return periodEnd(asOfDay);
  const months = MONTHS_BACK[period];
  if (months !== undefined) return sameDateMonthsEarlier(asOfDay, months);
  const years = YEARS_BACK[period];
  return years === undefined ? null : sameDateYearsEarlier(asOfDay, years);
}

/** Index of the base bar of `period` for the bar at `asOfIndex`, or -1 when history is too short. */
export function periodBaseIndex(dates: Int32Array, asOfIndex: number, period: ReturnPeriod): number {
  if (asOfIndex < 0 || asOfIndex >= dates.length) return -1;
  if (period === '1d') return asOfIndex - 1;
  if (period === '5d') return asOfIndex - 5 >= 0 ? asOfIndex - 5 : -1;
  if (period === 'max') return asOfIndex > 0 ? 0 : -1;
  const boundary = periodBoundary(dates[asOfIndex]!, period)!;
  // The base lies strictly before the as-of bar's period, so searching the prefix is enough.
  return indexOnOrBefore(dates, boundary, asOfIndex + 1);
}

/** A figure of one period for the bar at `asOfIndex` of a series, or null when it is not available. */
export type PeriodFigure = (
  dates: Int32Array,
  values: Float64Array,
  asOfIndex: number,
  period: ReturnPeriod,
) => number | null;

/** One period's return for the bar at `asOfIndex`, or null when history is too short. */
export const periodReturn: PeriodFigure = (dates, values, asOfIndex, period) => {
  const base = periodBaseIndex(dates, asOfIndex, period);
  return base < 0 ? null : simpleReturn(values, base, asOfIndex);
};

/** Every period's return for the bar at `asOfIndex`. */
export function periodReturns(dates: Int32Array, values: Float64Array, asOfIndex: number): PeriodReturns {
  const out = {} as PeriodReturns;
  for (const key of PERIOD_KEYS) out[key] = periodReturn(dates, values, asOfIndex, key);
  return out;
}

export interface WindowReturn {
  readonly value: number;
  /** Base bar: the last bar on or before `from`. */
  readonly fromIndex: number;
  /** End bar: the last bar on or before `to`. */
  readonly toIndex: number;
}

/**
 * The return of an arbitrary window: from the last close on or before `from` to the last close on or
 * before `to` (the same base rule as the calendar periods, so `from` = Dec 31 gives the YTD figure).
 * Null when `from` precedes the first bar or is after `to`.
 */
export function windowReturn(
  dates: Int32Array,
  values: Float64Array,
  from: DayNumber,
  to: DayNumber,
): WindowReturn | null {
  if (from > to) return null;
  const fromIndex = indexOnOrBefore(dates, from);
  const toIndex = indexOnOrBefore(dates, to);
  if (fromIndex < 0 || toIndex < 0) return null;
  const value = simpleReturn(values, fromIndex, toIndex);
  return value === null ? null : { value, fromIndex, toIndex };
}

/** Periods longer than a year, for which an annualised figure is shown beside the total. */
export const MULTI_YEAR_PERIODS = ['3y', '5y', '10y', 'max'] as const satisfies readonly PeriodKey[];

/**
 * Compound annual growth rate of a total return earned between two days:
 * (1 + total)^(365.25 / calendar days) - 1; null for spans of a year or less (not annualised).
 * @example cagr(1, baseDay, baseDay + 3653) // 10 years doubling: ~0.0718
 */
export function cagr(total: number | null, baseDay: DayNumber, asOfDay: DayNumber): number | null {
  const days = asOfDay - baseDay;
  if (total === null || days <= 366 || !(total > -1)) return null;
  return (1 + total) ** (365.25 / days) - 1;
}

/** The CAGR of a multi-year period for the bar at `asOfIndex` (null when not available). */
export const periodCagr: PeriodFigure = (dates, values, asOfIndex, period) => {
  const base = periodBaseIndex(dates, asOfIndex, period);
  if (base < 0) return null;
  return cagr(simpleReturn(values, base, asOfIndex), dates[base]!, dates[asOfIndex]!);
};
