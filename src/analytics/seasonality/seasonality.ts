/**
 * Seasonality of a close series (a symbol or a ratio A/B): the return over a calendar window in
 * every year of the history, e.g. the "Santa" window 12-15..01-05, and average returns by calendar
 * month. Conventions: a window's base is the last close BEFORE its first day (so the first day's
 * move counts), its end the last close on or before its last day; a window whose end is after the
 * first day of the next year (12-15..01-05) belongs to the year it starts in. A year counts when
 * the history reaches before its start and the as-of day is on or after its end; the window that
 * contains the as-of day is reported separately as "this year so far". A month's return is from the
 * last close of the previous month to the last close of the month, complete months only.
 */
import { ensureDefined } from '../../domain/ensure.js';
import { UsageError } from '../../domain/errors.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { civilFromDays, type DayNumber, daysFromCivil, daysInMonth, formatIsoDate } from '../../domain/trading-date.js';

export interface CalendarWindow {
  readonly startMonth: number;
  readonly startDay: number;
  readonly endMonth: number;
  readonly endDay: number;
  /** The text it was parsed from, `12-15..01-05`. */
  readonly text: string;
}

export interface WindowYear {
  readonly year: number;
  readonly from: string;
  readonly to: string;
  readonly change: number;
}

export interface WindowSeasonality {
  readonly window: string;
  readonly years: readonly WindowYear[];
  readonly median: number | null;
  readonly mean: number | null;
  /** Share of the years with a rise. */
  readonly shareUp: number | null;
  /** The window the as-of day falls in, from its base to the as-of close; null outside the window. */
  readonly current: WindowYear | null;
}

export interface MonthSeasonality {
  /** 1..12 */
  readonly month: number;
  readonly years: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly shareUp: number | null;
}

/**
 * Parses `MM-DD..MM-DD` (Feb 29 is not allowed: it is missing in most years).
 * @example parseCalendarWindow('12-15..01-05').endMonth // 1
 */
export function parseCalendarWindow(text: string, parameter = '--window'): CalendarWindow {
  const m = /^(\d{2})-(\d{2})\.\.(\d{2})-(\d{2})$/.exec(text.trim());
  const bad = (why: string) => new UsageError(`${parameter}: '${text}' ${why}`, { parameter });
  if (!m) throw bad('is not MM-DD..MM-DD (e.g. 12-15..01-05)');
  const [sm, sd, em, ed] = m.slice(1).map(Number) as [number, number, number, number];
  for (const [mo, d] of [
    [sm, sd],
    [em, ed],
  ] as const) {
    if (mo < 1 || mo > 12) throw bad(`has no month ${String(mo).padStart(2, '0')} (months are 01 to 12)`);
    if (d < 1 || d > daysInMonth(2023, mo)) throw bad(`has no day ${d} in month ${mo}`);
  }
  if (sm === em && sd === ed) throw bad('starts and ends on the same day');
  return { startMonth: sm, startDay: sd, endMonth: em, endDay: ed, text: text.trim() };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const mean = (v: number[]) => (v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length);

/** The window's days for the year it starts in. */
function windowDays(w: CalendarWindow, year: number): { start: DayNumber; end: DayNumber } {
  const start = daysFromCivil(year, w.startMonth, w.startDay);
  const wraps = w.endMonth < w.startMonth || (w.endMonth === w.startMonth && w.endDay < w.startDay);
  const end = daysFromCivil(wraps ? year + 1 : year, w.endMonth, w.endDay);
  return { start, end };
}

/** @example windowSeasonality(dates, closes, parseCalendarWindow('12-15..01-05'), asOf) */
export function windowSeasonality(
  dates: Int32Array,
  closes: Float64Array,
  w: CalendarWindow,
  asOf: DayNumber,
): WindowSeasonality {
  const last = indexOnOrBefore(dates, asOf);
  const years: WindowYear[] = [];
  let current: WindowYear | null = null;
  if (last >= 0) {
    const [firstYear] = civilFromDays(ensureDefined(dates[0], 'first day of the seasonality series'));
    const [lastYear] = civilFromDays(dates[last]!);
    for (let y = firstYear - 1; y <= lastYear; y++) {
      const { start, end } = windowDays(w, y);
      const base = indexOnOrBefore(dates, start - 1);
      if (base < 0 || start > dates[last]!) continue;
      const complete = asOf >= end;
      const k = complete ? indexOnOrBefore(dates, end) : last;
      if (k <= base) continue;
      const row = {
        year: y,
        from: formatIsoDate(dates[base]!),
        to: formatIsoDate(dates[k]!),
        change: closes[k]! / closes[base]! - 1,
      };
      if (complete) years.push(row);
      else current = row;
    }
  }
  const changes = years.map((r) => r.change);
  return {
    window: w.text,
    years,
    median: median(changes),
    mean: mean(changes),
    shareUp: changes.length === 0 ? null : changes.filter((c) => c > 0).length / changes.length,
    current,
  };
}

/** Average return by calendar month over the complete months up to the as-of day. */
export function monthlySeasonality(dates: Int32Array, closes: Float64Array, asOf: DayNumber): MonthSeasonality[] {
  const last = indexOnOrBefore(dates, asOf);
  const byMonth: number[][] = Array.from({ length: 12 }, () => []);
  if (last >= 0) {
    const [y0, m0] = civilFromDays(ensureDefined(dates[0], 'first day of the seasonality series'));
    const [y1, m1] = civilFromDays(asOf);
    for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), y++) : m++) {
      const monthEnd = daysFromCivil(y, m, daysInMonth(y, m));
      if (monthEnd > asOf) break;
      const base = indexOnOrBefore(dates, daysFromCivil(y, m, 1) - 1);
      const end = indexOnOrBefore(dates, monthEnd);
      if (base < 0 || end <= base) continue;
      byMonth[m - 1]!.push(closes[end]! / closes[base]! - 1);
    }
  }
  return byMonth.map((v, i) => ({
    month: i + 1,
    years: v.length,
    mean: mean(v),
    median: median(v),
    shareUp: v.length === 0 ? null : v.filter((x) => x > 0).length / v.length,
  }));
}
