/**
 * The NYSE trading calendar, computed by rule (pure: no I/O, no tables to maintain).
 *
 * Source of the rules: NYSE Rule 7.2 ("Holidays") and the exchange's published holiday and
 * early-close calendars (nyse.com/markets/hours-calendars). The rules:
 * - New Year's Day (Jan 1; a Sunday moves to Monday; a Saturday is NOT observed on Friday Dec 31,
 *   because Rule 7.2 keeps the exchange open on the last day of an accounting year),
 * - Martin Luther King Jr. Day (third Monday of January, from 1998),
 * - Washington's Birthday / Presidents' Day (third Monday of February),
 * - Good Friday (two days before Western Easter, by the anonymous Gregorian computus),
 * - Memorial Day (last Monday of May), Juneteenth (June 19, from 2022), Independence Day (July 4),
 * - Labor Day (first Monday of September), Thanksgiving (fourth Thursday of November), Christmas (Dec 25);
 *   for these fixed dates a Saturday is observed on the Friday before, a Sunday on the Monday after,
 * - special closures: 1994-04-27 (President Nixon's funeral), 2001-09-11..14 (the September 11 attacks),
 *   2004-06-11 (President Reagan), 2007-01-02 (President Ford), 2012-10-29/30 (Hurricane Sandy),
 *   2018-12-05 (President G. H. W. Bush), 2025-01-09 (President Carter).
 * Early closes (13:00 ET): July 3 when it falls Monday to Thursday, the day after Thanksgiving, and
 * December 24 when it falls Monday to Thursday.
 * Checked against the NYSE's published lists for 2024-2026 (nyse-calendar.test.ts). The rules are
 * stated for 1990..2035; other years follow the same rules but know no special closures.
 */
import { type DayNumber, daysFromCivil, weekday } from './trading-date.js';

/** The first and last year the calendar is stated for (special closures are known in this range). */
export const NYSE_CALENDAR_FIRST_YEAR = 1990;
export const NYSE_CALENDAR_LAST_YEAR = 2035;

/** Where the rules come from, for provenance in outputs and docs. */
export const NYSE_CALENDAR_SOURCE = 'NYSE Rule 7.2 and the holiday/early-close calendars published at nyse.com';

export interface MarketClosure {
  readonly day: DayNumber;
  readonly name: string;
}

const SPECIAL_CLOSURES: readonly (readonly [number, number, number, string])[] = [
  [1994, 4, 27, 'National Day of Mourning (President Nixon)'],
  [2001, 9, 11, 'September 11 attacks'],
  [2001, 9, 12, 'September 11 attacks'],
  [2001, 9, 13, 'September 11 attacks'],
  [2001, 9, 14, 'September 11 attacks'],
  [2004, 6, 11, 'National Day of Mourning (President Reagan)'],
  [2007, 1, 2, 'National Day of Mourning (President Ford)'],
  [2012, 10, 29, 'Hurricane Sandy'],
  [2012, 10, 30, 'Hurricane Sandy'],
  [2018, 12, 5, 'National Day of Mourning (President G. H. W. Bush)'],
  [2025, 1, 9, 'National Day of Mourning (President Carter)'],
];

/** Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** The n-th (1-based) given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, wd: number, n: number): DayNumber {
  const first = daysFromCivil(year, month, 1);
  const offset = (wd - weekday(first) + 7) % 7;
  return first + offset + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, wd: number): DayNumber {
  const nextFirst = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  const last = nextFirst - 1;
  return last - ((weekday(last) - wd + 7) % 7);
}

/** A fixed-date holiday observed Friday when on Saturday, Monday when on Sunday. */
function observed(day: DayNumber): DayNumber {
  const wd = weekday(day);
  if (wd === 6) return day - 1;
  if (wd === 0) return day + 1;
  return day;
}

const holidayCache = new Map<number, readonly MarketClosure[]>();

/** The full-day closures of a year (weekdays only), in date order. */
export function nyseHolidays(year: number): readonly MarketClosure[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const out: MarketClosure[] = [];
  const newYear = daysFromCivil(year, 1, 1);
  // Saturday New Year's Day is not observed (the Friday before closes a year); Sunday moves to Monday.
  if (weekday(newYear) !== 6) out.push({ day: observed(newYear), name: "New Year's Day" });
  if (year >= 1998) out.push({ day: nthWeekday(year, 1, 1, 3), name: 'Martin Luther King Jr. Day' });
  out.push({ day: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" });
  out.push({ day: easterSunday(year) - 2, name: 'Good Friday' });
  out.push({ day: lastWeekday(year, 5, 1), name: 'Memorial Day' });
  if (year >= 2022)
    out.push({ day: observed(daysFromCivil(year, 6, 19)), name: 'Juneteenth National Independence Day' });
  out.push({ day: observed(daysFromCivil(year, 7, 4)), name: 'Independence Day' });
  out.push({ day: nthWeekday(year, 9, 1, 1), name: 'Labor Day' });
  out.push({ day: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' });
  out.push({ day: observed(daysFromCivil(year, 12, 25)), name: 'Christmas Day' });
  for (const [y, m, d, name] of SPECIAL_CLOSURES) if (y === year) out.push({ day: daysFromCivil(y, m, d), name });
  out.sort((a, b) => a.day - b.day);
  holidayCache.set(year, out);
  return out;
}

/** The early closes (13:00 ET) of a year, in date order. */
export function nyseEarlyCloses(year: number): readonly MarketClosure[] {
  const out: MarketClosure[] = [];
  const july3 = daysFromCivil(year, 7, 3);
  if (weekday(july3) >= 1 && weekday(july3) <= 4) out.push({ day: july3, name: 'Day before Independence Day' });
  out.push({ day: nthWeekday(year, 11, 4, 4) + 1, name: 'Day after Thanksgiving' });
  const dec24 = daysFromCivil(year, 12, 24);
  if (weekday(dec24) >= 1 && weekday(dec24) <= 4) out.push({ day: dec24, name: 'Christmas Eve' });
  return out.filter((c) => isTradingDay(c.day));
}

function yearOf(day: DayNumber): number {
  // civilFromDays is exact but slower; the year is all that is needed here.
  let y = Math.floor(day / 365.2425) + 1970;
  while (daysFromCivil(y, 1, 1) > day) y--;
  while (daysFromCivil(y + 1, 1, 1) <= day) y++;
  return y;
}

/** The holiday closing the exchange on `day`, or null (weekends are not holidays). */
export function nyseHolidayOn(day: DayNumber): MarketClosure | null {
  return nyseHolidays(yearOf(day)).find((h) => h.day === day) ?? null;
}

/** True when the NYSE trades a full or shortened session on `day`. */
export function isTradingDay(day: DayNumber): boolean {
  const wd = weekday(day);
  if (wd === 0 || wd === 6) return false;
  return nyseHolidayOn(day) === null;
}

/** True when `day` is a trading day that closes at 13:00 ET. */
export function isEarlyClose(day: DayNumber): boolean {
  return nyseEarlyCloses(yearOf(day)).some((c) => c.day === day);
}

/** The last trading day strictly before `day`. */
export function previousTradingDay(day: DayNumber): DayNumber {
  let d = day - 1;
  while (!isTradingDay(d)) d--;
  return d;
}

/** The first trading day strictly after `day`. */
export function nextTradingDay(day: DayNumber): DayNumber {
  let d = day + 1;
  while (!isTradingDay(d)) d++;
  return d;
}

/** The calendar date of `now` in UTC as a day number (the default "today" of commands). */
export function todayDay(now: Date = new Date()): DayNumber {
  return daysFromCivil(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

/** The trading day on or before `day`. */
export function tradingDayOnOrBefore(day: DayNumber): DayNumber {
  return isTradingDay(day) ? day : previousTradingDay(day);
}

/** Every trading day in [from, to] (both inclusive), ascending. Empty when from > to. */
export function tradingDaysBetween(from: DayNumber, to: DayNumber): Int32Array {
  if (from > to) return new Int32Array(0);
  const out = new Int32Array(to - from + 1);
  let n = 0;
  for (let d = from; d <= to; d++) if (isTradingDay(d)) out[n++] = d;
  return out.slice(0, n);
}
