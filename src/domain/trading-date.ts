/**
 * Trading dates as day numbers: whole days since 1970-01-01 (UTC), stored in Int32Array columns.
 * Hot loops compare integers, never Date objects; ISO `YYYY-MM-DD` strings exist only at the edges.
 */
import { UsageError } from './errors.js';

/** A calendar day as days since 1970-01-01. Branded so it is not mixed up with a count or an index. */
export type DayNumber = number & { readonly __brand?: 'DayNumber' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since epoch for a proleptic Gregorian y-m-d (m 1..12). Howard Hinnant's days_from_civil. */
export function daysFromCivil(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil: [year, month 1..12, day 1..31]. */
export function civilFromDays(z: DayNumber): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Parses a strict ISO date; returns null when the text is not a real calendar date. */
export function tryParseIsoDate(text: string): DayNumber | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

/**
 * Parses a strict ISO date or throws a UsageError naming the parameter.
 * @example parseIsoDate('2025-12-11', '--as-of') // 20433
 */
export function parseIsoDate(text: string, parameter = 'date'): DayNumber {
  const day = tryParseIsoDate(text.trim());
  if (day === null) throw new UsageError(`${parameter}: '${text}' is not a valid date (expected YYYY-MM-DD)`);
  return day;
}

export function formatIsoDate(day: DayNumber): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The last day of the month before the one containing `day`. */
export function previousMonthEnd(day: DayNumber): DayNumber {
  const [y, m] = civilFromDays(day);
  return daysFromCivil(y, m, 1) - 1;
}

/**
 * The Sunday that ends the calendar week (Monday to Sunday) before the one containing `day`: the base
 * of a week-to-date return is the last close on or before it (the previous Friday's, or Thursday's
 * when that Friday was a holiday).
 */
export function previousWeekEnd(day: DayNumber): DayNumber {
  // weekday: 0 = Sunday; Monday of `day`'s week is (weekday + 6) % 7 days back.
  return day - ((weekday(day) + 6) % 7) - 1;
}

/** The last day of the calendar quarter before the one containing `day`. */
export function previousQuarterEnd(day: DayNumber): DayNumber {
  const [y, m] = civilFromDays(day);
  const firstMonthOfQuarter = m - ((m - 1) % 3);
  return daysFromCivil(y, firstMonthOfQuarter, 1) - 1;
}

/** December 31 of the year before the one containing `day`. */
export function previousYearEnd(day: DayNumber): DayNumber {
  const [y] = civilFromDays(day);
  return daysFromCivil(y - 1, 12, 31);
}

/** The same calendar date `years` earlier; Feb 29 maps to Feb 28 when the earlier year has none. */
export function sameDateYearsEarlier(day: DayNumber, years: number): DayNumber {
  const [y, m, d] = civilFromDays(day);
  const ty = y - years;
  return daysFromCivil(ty, m, Math.min(d, daysInMonth(ty, m)));
}

/** The same calendar date `months` earlier, clamped to the month's last day (Mar 31 - 1 month = Feb 28/29). */
export function sameDateMonthsEarlier(day: DayNumber, months: number): DayNumber {
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return daysFromCivil(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}
