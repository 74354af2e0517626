/**
 * The range buttons of the price and ratio charts (1M 3M 6M YTD 1Y 3Y 5Y All): where each starts,
 * counted back from the as-of day with the domain's calendar rules (the same date N months earlier,
 * clamped to the month's end: Aug 31 - 6 months = Feb 28/29, never Mar 3), and whether it opens on
 * a log scale (ranges over three years do).
 */
import {
  formatIsoDate,
  previousYearEnd,
  sameDateMonthsEarlier,
  tryParseIsoDate,
} from '../../src/domain/trading-date.js';

export const RANGE_KEYS = ['1m', '3m', '6m', 'ytd', '1y', '3y', '5y', 'all'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];

export const RANGE_LABEL: Readonly<Record<RangeKey, string>> = {
  '1m': '1M',
  '3m': '3M',
  '6m': '6M',
  ytd: 'YTD',
  '1y': '1Y',
  '3y': '3Y',
  '5y': '5Y',
  all: 'All',
};

const MONTHS: Readonly<Record<Exclude<RangeKey, 'ytd' | 'all'>, number>> = {
  '1m': 1,
  '3m': 3,
  '6m': 6,
  '1y': 12,
  '3y': 36,
  '5y': 60,
};

/** The first day of the range ending on `last` (YYYY-MM-DD), or undefined for All. */
export function rangeStart(last: string, range: RangeKey): string | undefined {
  const day = tryParseIsoDate(last);
  if (day === null || range === 'all') return undefined;
  if (range === 'ytd') return formatIsoDate(previousYearEnd(day));
  return formatIsoDate(sameDateMonthsEarlier(day, MONTHS[range]));
}

/** Ranges longer than three years open on a log scale. */
export function defaultLog(range: RangeKey): boolean {
  return range === '5y' || range === 'all';
}
