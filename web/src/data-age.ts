/**
 * How old the newest stored day is, in the words the header shows: a store whose data ends months
 * before today says so ("data ends 2026-08-03, 4 months ago") instead of calling its last day "latest".
 * Pure (no DOM): the header and the unit tests share it.
 */
import { tradingDaysBetween } from '../../src/domain/nyse-calendar.js';
import { civilFromDays, tryParseIsoDate } from '../../src/domain/trading-date.js';

/** Sessions the data may lag today before the header calls it old (a weekend plus a holiday or two). */
export const STALE_AFTER_SESSIONS = 3;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;

/**
 * The age of `last` on `today` in words: days under two weeks, weeks under two months, then whole
 * calendar months (2026-08-03 to 2026-12-06 is 4 months: Dec 6 is past the 3rd), years from two years.
 * @example ageWords('2026-08-03', '2026-12-06') // '4 months ago'
 */
export function ageWords(last: string, today: string): string {
  const a = tryParseIsoDate(last);
  const b = tryParseIsoDate(today);
  if (a === null || b === null || b <= a) return 'today';
  const days = b - a;
  if (days < 14) return plural(days, 'day');
  if (days < 61) return plural(Math.floor(days / 7), 'week');
  const [ya, ma, da] = civilFromDays(a);
  const [yb, mb, db] = civilFromDays(b);
  const months = (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
  return months < 24 ? plural(months, 'month') : plural(Math.floor(months / 12), 'year');
}

/**
 * The header's warning when the newest stored day is more than a few trading sessions before today
 * (sessions strictly between the two days: today's own close may not be in yet); null when the data is
 * current or the days are not dates.
 * @example dataAgeNotice('2026-08-03', '2026-12-06') // 'data ends 2026-08-03, 4 months ago'
 * @example dataAgeNotice('2026-12-04', '2026-12-07') // null (Friday's data on Monday)
 */
export function dataAgeNotice(last: string | null, today: string): string | null {
  if (!last) return null;
  const a = tryParseIsoDate(last);
  const b = tryParseIsoDate(today);
  if (a === null || b === null || b - a < 2) return null;
  const missed = tradingDaysBetween(a + 1, b - 1).length;
  return missed > STALE_AFTER_SESSIONS ? `data ends ${last}, ${ageWords(last, today)}` : null;
}
