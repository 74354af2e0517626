/**
 * A rate (FRED yields such as DGS2 and DGS10, in percent) as of a date and its change since an
 * earlier date, in percentage points and basis points. Both ends use the last value on or before
 * their date, so a holiday or a missing FRED day means the previous published value.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';

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
