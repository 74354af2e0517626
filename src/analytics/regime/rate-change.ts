/**
 * A rate (FRED yields such as DGS2 and DGS10, in percent) as of a date and its change since an
 * earlier date, in percentage points and basis points. Both ends use the last value on or before
 * their date, so a holiday or a missing FRED day means the previous published value.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate, previousYearEnd, sameDateMonthsEarlier } from '../../domain/trading-date.js';

export interface RateChange {
  readonly date: string;
  /** Percent, as published (4.12 = 4.12%). */
  readonly level: number;
  readonly sinceDate: string | null;
  readonly sinceLevel: number | null;
  /** level - sinceLevel in percentage points; null when nothing is stored on or before `since`. */
  readonly change: number | null;
  /** The same change in basis points, rounded to a whole basis point. */
  readonly changeBp: number | null;
}

/** Null when the series has no value on or before `asOf`. Values must be finite. */
export function rateChange(
  dates: Int32Array,
  values: Float64Array,
  asOf: DayNumber,
  since: DayNumber,
): RateChange | null {
  const i = indexOnOrBefore(dates, asOf);
  if (i < 0) return null;
  const j = indexOnOrBefore(dates.subarray(0, i + 1), since);
  const level = values[i]!;
  if (j < 0)
    return { date: formatIsoDate(dates[i]!), level, sinceDate: null, sinceLevel: null, change: null, changeBp: null };
  const change = level - values[j]!;
  return {
    date: formatIsoDate(dates[i]!),
    level,
    sinceDate: formatIsoDate(dates[j]!),
    sinceLevel: values[j]!,
    change: Math.round(change * 1e6) / 1e6,
    changeBp: Math.round(change * 100),
  };
}

/** The windows the regime panel and the rates report give a rate's change over. */
export const RATE_CHANGE_WINDOWS = ['1m', '3m', 'ytd'] as const;
export type RateChangeWindow = (typeof RATE_CHANGE_WINDOWS)[number];

export interface RateChanges {
  /** level(as-of) - level(base) in whole basis points; null when nothing is stored on or before the base. */
  readonly changesBp: Record<RateChangeWindow, number | null>;
  /** The value's date used as each base (the last on or before it). */
  readonly baseDates: Record<RateChangeWindow, string | null>;
}

/**
 * A rate's change over 1M, 3M and YTD in basis points (rates are levels: a change in bp, never a
 * percent return). Bases: the last value on or before the same calendar day 1 and 3 months before
 * the value's date (clamped to the month's end, as the perf table's 1m/3m), and on or before the
 * previous Dec 31. Null when the series has no value on or before `asOf`.
 * @example rateChanges(dff.dates, dff.values, parseIsoDate('2025-12-11'))!.changesBp['1m'] // -24 on the real DFF
 */
export function rateChanges(dates: Int32Array, values: Float64Array, asOf: DayNumber): RateChanges | null {
  const at = indexOnOrBefore(dates, asOf);
  if (at < 0) return null;
  const day = dates[at]!;
  const bases: Record<RateChangeWindow, DayNumber> = {
    '1m': sameDateMonthsEarlier(day, 1),
    '3m': sameDateMonthsEarlier(day, 3),
    ytd: previousYearEnd(day),
  };
  const changesBp = {} as Record<RateChangeWindow, number | null>;
  const baseDates = {} as Record<RateChangeWindow, string | null>;
  for (const w of RATE_CHANGE_WINDOWS) {
    const r = rateChange(dates, values, day, bases[w]);
    changesBp[w] = r?.changeBp ?? null;
    baseDates[w] = r?.sinceDate ?? null;
  }
  return { changesBp, baseDates };
}

/** One rate minus another on the dates both have (the 10y - 2y curve), in percentage points. */
export function rateSpread(
  a: { readonly dates: Int32Array; readonly values: Float64Array },
  b: { readonly dates: Int32Array; readonly values: Float64Array },
): { dates: Int32Array; values: Float64Array } {
  const dates: number[] = [];
  const values: number[] = [];
  let j = 0;
  for (let i = 0; i < a.dates.length; i++) {
    const d = a.dates[i]!;
    while (j < b.dates.length && b.dates[j]! < d) j++;
    if (j < b.dates.length && b.dates[j] === d) {
      dates.push(d);
      values.push(Math.round((a.values[i]! - b.values[j]!) * 1e6) / 1e6);
    }
  }
  return { dates: Int32Array.from(dates), values: Float64Array.from(values) };
}
