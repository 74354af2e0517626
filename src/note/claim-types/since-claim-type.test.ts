/**
 * "Highest/lowest close since <Month> <Year>": the year is read as the year, never as a day of the month
 * ("December 2024" once read as December 20, so a previous higher close on the 27th contradicted the claim).
 * Series and verdicts worked by hand in the comments.
 */
import { expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { verifyClaim } from '../check/verify-claim.js';
import { verifyOptions } from '../check/verify-options.js';
import type { SinceClaim } from '../claims/claim.js';
import { extractClaims, resolverFromConfig } from '../claims/extract-claims.js';

// SPY closes: 120 on Nov 29, then 100, 105 and 112 in December (112 on the 27th, after the 20th), then 101,
// 108 and 110 in January. As of Jan 17 the close 110 is the highest since Dec 27 (the last close above 110).
const DAYS = ['2024-11-29', '2024-12-02', '2024-12-18', '2024-12-27', '2025-01-02', '2025-01-10', '2025-01-17'];
const CLOSES = [120, 100, 105, 112, 101, 108, 110];
const series = closeOnlySeries(
  'SPY',
  DAYS.map((d) => parseIsoDate(d)),
  CLOSES,
);
const resolver = resolverFromConfig(defaultConfig(), ['SPY']);
const asOf = parseIsoDate('2025-01-17');

const since = (text: string) => {
  const claims = extractClaims(text, resolver, { noteDate: asOf }).filter((c) => c.metric === 'since');
  expect(claims, text).toHaveLength(1);
  return claims[0] as SinceClaim;
};
const verdict = (text: string) =>
  verifyClaim(since(text), () => ({ series }), verifyOptions(asOf, { sessionsAround: 0 })).verdict;

it('reads "<Month> <Year>" as the whole month of that year, not a day', () => {
  expect(since('SPY notched its highest close since December 2024.').since).toEqual({
    year: 2024,
    month: 12,
    day: null,
  });
  expect(since('SPY fell to its lowest close since Dec. 2024.').since).toMatchObject({ year: 2024, day: null });
  // A day and a year are both still read.
  expect(since('SPY hit its highest close since Dec. 20, 2024.').since).toEqual({ year: 2024, month: 12, day: 20 });
  expect(since('SPY hit its highest close since December 27th 2024.').since).toEqual({
    year: 2024,
    month: 12,
    day: 27,
  });
});

it('holds the claim against the end of the named month: the higher close on Dec 27 is inside December 2024', () => {
  // Dec 27 (112 > 110) is on or before Dec 31, the end of December 2024: supported.
  expect(verdict('SPY notched its highest close since December 2024.')).toBe('supported');
  // Against November 2024 (ends Nov 30) the Dec 27 close comes after it: contradicted.
  expect(verdict('SPY notched its highest close since November 2024.')).toBe('contradicted');
  // Since a day: Dec 27 is the mark, so "since Dec. 27, 2024" holds and "since Dec. 20, 2024" does not.
  expect(verdict('SPY notched its highest close since Dec. 27, 2024.')).toBe('supported');
  expect(verdict('SPY notched its highest close since Dec. 20, 2024.')).toBe('contradicted');
});
