/** The period phrases of issue 15 (1m 3m 6m 10y max) as commentary writes them. */
import { expect, it } from 'vitest';
import { findPeriods, headerPeriods } from './period-phrases.js';

const periods = (text: string) => findPeriods(text).map((m) => m.period);

it('maps the months, the decade and "since inception" to their period keys', () => {
  expect(periods('XLU rose 4% over the past three months')).toEqual(['3m']);
  expect(periods('small caps gained 9% in the past six months')).toEqual(['6m']);
  expect(periods('a one-month gain of 2%, a 3-month loss, a six-month high')).toEqual(['1m', '3m', '6m']);
  expect(periods('XLK tripled over the past decade')).toEqual(['10y']);
  expect(periods('a ten-year return of 180%')).toEqual(['10y']);
  expect(periods('MAGS is up 60% since inception')).toEqual(['max']);
  expect(periods('the index is up 3% since the start of the quarter')).toEqual(['qtd']);
  // the existing ones are unchanged
  expect(periods('up 10% year-to-date and 20% over the past year')).toEqual(['ytd', '1y']);
});

it('finds 1M/3M/6M/10Y headers without reading 10Y as 1Y', () => {
  expect(headerPeriods('1M 3M 6M YTD 1Y 10Y')).toEqual(['1m', '3m', '6m', 'ytd', '1y', '10y']);
});

it('reads headers that count in digits and words apart ("5 Day", "1 Month", "6 Month"), as a tab-separated page gives them', () => {
  // "5 Day" is five sessions, not a day's move; "Today" and "1 Year" beside them keep their periods.
  expect(headerPeriods('Today')).toEqual(['1d']);
  expect(headerPeriods('5 Day')).toEqual(['5d']);
  expect(headerPeriods('1 Day')).toEqual(['1d']);
  expect(headerPeriods('1 Week')).toEqual(['5d']);
  expect(headerPeriods('1 Month')).toEqual(['1m']);
  expect(headerPeriods('3 Months')).toEqual(['3m']);
  expect(headerPeriods('6 Month')).toEqual(['6m']);
  expect(headerPeriods('1 Year')).toEqual(['1y']);
  expect(headerPeriods('10 Year')).toEqual(['10y']);
});

it('does not take the length of a run for a period ("ending a five-day rally" is a streak)', () => {
  expect(periods('XLF fell 1.04%, ending a five-day rally')).toEqual([]);
  expect(periods('a 5-day winning streak')).toEqual([]);
  expect(periods('XLF fell 1.04% over the five-day stretch')).toEqual(['5d']);
});
