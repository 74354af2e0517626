/**
 * Highs and lows on closes (never intraday highs): the all-time high up to the as-of bar and the
 * 52-week high and low. Ties go to the earliest bar: a later equal close matches the record, it
 * does not set it.
 * The 52-week window is the bars dated strictly after the same calendar date one year before the
 * as-of bar (Feb 29 -> Feb 28), through the as-of bar: as of 2025-12-11 it is 2024-12-12..2025-12-11.
 * Like a 1-year return it needs a bar on or before that boundary; with less history it is null.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, sameDateYearsEarlier } from '../../domain/trading-date.js';

export interface Extreme {
  readonly value: number;
  readonly index: number;
  readonly day: DayNumber;
}

export interface AllTimeHigh extends Extreme {
  /** as-of close / ATH - 1: 0 at a record, -0.25 when 25% below it. */
  readonly distance: number;
}

/** The highest close in bars [start, end] (inclusive), earliest on ties; null when none is finite. */
export function highestIn(dates: Int32Array, values: Float64Array, start: number, end: number): Extreme | null {
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = start; i <= end; i++) {
    const v = values[i]!;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best < 0 ? null : { value: bestValue, index: best, day: dates[best]! };
}

/** The lowest close in bars [start, end] (inclusive), earliest on ties; null when none is finite. */
export function lowestIn(dates: Int32Array, values: Float64Array, start: number, end: number): Extreme | null {
  let best = -1;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let i = start; i <= end; i++) {
    const v = values[i]!;
    if (v < bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best < 0 ? null : { value: bestValue, index: best, day: dates[best]! };
}

/** The all-time closing high up to and including the as-of bar, with the as-of close's distance to it. */
export function allTimeHigh(dates: Int32Array, values: Float64Array, asOfIndex: number): AllTimeHigh | null {
  if (asOfIndex < 0) return null;
  const high = highestIn(dates, values, 0, asOfIndex);
  if (high === null) return null;
  return { ...high, distance: values[asOfIndex]! / high.value - 1 };
}

/** The as-of day of the last `fiftyTwoWeekStart` and the same date a year earlier. */
let yearBackOf: DayNumber | null = null;
let yearBack: DayNumber = 0;

/** First bar index of the 52-week window ending at `asOfIndex`, or -1 when history is shorter than a year. */
export function fiftyTwoWeekStart(dates: Int32Array, asOfIndex: number): number {
  if (asOfIndex < 0) return -1;
  const day = dates[asOfIndex]!;
  // the same as-of day for most symbols of a table: its calendar arithmetic once
  if (day !== yearBackOf) {
    yearBack = sameDateYearsEarlier(day, 1);
    yearBackOf = day;
  }
  const before = indexOnOrBefore(dates, yearBack);
  return before < 0 ? -1 : before + 1;
}

export function fiftyTwoWeekHigh(dates: Int32Array, values: Float64Array, asOfIndex: number): Extreme | null {
  const start = fiftyTwoWeekStart(dates, asOfIndex);
  return start < 0 ? null : highestIn(dates, values, start, asOfIndex);
}

export function fiftyTwoWeekLow(dates: Int32Array, values: Float64Array, asOfIndex: number): Extreme | null {
  const start = fiftyTwoWeekStart(dates, asOfIndex);
  return start < 0 ? null : lowestIn(dates, values, start, asOfIndex);
}
