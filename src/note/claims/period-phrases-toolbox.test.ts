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
