/**
 * The verdict rules on small hand-made series whose answers are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { closeOnlySeries, type PriceSeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import type { Claim } from '../claims/claim.js';
import { type SeriesFor, type VerifyOptions, verifyClaim } from './verify-claim.js';
import { verifyOptions } from './verify-options.js';

// Weekdays from 2024-12-30 (Mon) to 2025-01-17 (Fri); Jan 1 is left out as a holiday.
const DAYS = [
  '2024-12-30',
  '2024-12-31',
  '2025-01-02',
  '2025-01-03',
  '2025-01-06',
  '2025-01-07',
  '2025-01-08',
  '2025-01-09',
  '2025-01-10',
  '2025-01-13',
  '2025-01-14',
  '2025-01-15',
  '2025-01-16',
  '2025-01-17',
];
//              100            100            101           102           103           104           105           104           103           106           107           108           109           110
const CLOSES = [100, 100, 101, 102, 103, 104, 105, 104, 103, 106, 107, 108, 109, 110];
const series: PriceSeries = closeOnlySeries(
  'ABC',
  DAYS.map((d) => parseIsoDate(d)),
  CLOSES,
);
const lookup: SeriesFor = (s) => (s === 'ABC' ? { series } : { missing: `no data for ${s} in the store` });
const options = (asOf: string): VerifyOptions => verifyOptions(parseIsoDate(asOf));
const base = { text: 't', subject: 'ABC', symbol: 'ABC', line: 1, span: { start: 0, end: 1 } } as const;

/** The verdict on "ABC returned `value` YTD" (printed with `decimals`) as of `asOf`. */
const verifyYtd = (value: number, decimals: number, asOf: string) =>
  verifyClaim({ ...base, metric: 'return', period: 'ytd', value, decimals }, lookup, options(asOf));

describe('return claims', () => {
  it('supports a YTD figure within the tolerance (YTD as of Jan 10: 103/100 - 1 = 3.00%)', () => {
    const v = verifyYtd(0.03, 2, '2025-01-10');
    expect(v.verdict).toBe('supported');
    expect(v.actual).toBeCloseTo(0.03, 12);
  });

  it('contradicts a wrong figure, shows the actual value and finds the close it matches (5.00% is Jan 8: 105/100 - 1)', () => {
    const v = verifyYtd(0.05, 2, '2025-01-10');
    expect(v.verdict).toBe('contradicted');
    expect(v.actual).toBeCloseTo(0.03, 12);
    expect(v.matchesCloseOf).toBe('2025-01-08');
    expect(v.reason).toMatch(/matches the close of Jan 8/);
  });

  it('looks no further than five sessions: 10.00% (Jan 17) is six sessions after Jan 8', () => {
    const v = verifyYtd(0.1, 2, '2025-01-08');
    expect(v.verdict).toBe('contradicted');
    expect(v.matchesCloseOf).toBeNull();
    expect(v.reason).toMatch(/no close within 5 sessions/);
  });

  it('holds a figure printed with no decimals to half a point (3% vs 3.00% is fine, 4% vs 3.00% is not)', () => {
    expect(verifyYtd(0.034, 1, '2025-01-10').verdict).toBe('contradicted');
    expect(verifyYtd(0.03, 0, '2025-01-10').verdict).toBe('supported');
    expect(verifyYtd(0.04, 0, '2025-01-10').verdict).toBe('contradicted');
  });

  it('is unverifiable for a symbol with no data, with the reason', () => {
    const v = verifyClaim(
      { ...base, symbol: 'ZZZ', metric: 'return', period: 'ytd', value: 0.03, decimals: 2 },
      lookup,
      options('2025-01-10'),
    );
    expect(v).toMatchObject({ verdict: 'unverifiable', actual: null, reason: 'no data for ZZZ in the store' });
  });

  it('is unverifiable without a period, and for too little history (no 1-year base before 2024-12-30)', () => {
    expect(
      verifyClaim({ ...base, metric: 'return', period: null, value: 0.03, decimals: 2 }, lookup, options('2025-01-10'))
        .reason,
    ).toMatch(/no period/);
    expect(
      verifyClaim({ ...base, metric: 'return', period: '1y', value: 0.03, decimals: 2 }, lookup, options('2025-01-10'))
        .reason,
    ).toMatch(/too little history/);
  });
});

describe('event claims', () => {
  it('new high: Jan 8 (105) is a record; Jan 10 (103) is 1.90% below it', () => {
    const c: Claim = { ...base, metric: 'ath', kind: 'new_high', distance: null };
    // A record claims no percentage: claimed is the words, actual the day of the record close.
    expect(verifyClaim(c, lookup, options('2025-01-08'))).toMatchObject({
      verdict: 'supported',
      claimed: 'record',
      actual: '2025-01-08',
    });
    const v = verifyClaim(c, lookup, options('2025-01-10'));
    expect(v).toMatchObject({ verdict: 'contradicted', claimed: 'record', actual: '2025-01-08' });
    expect(v.sentence).toMatch(/ABC closed at 103\.00, 1\.90% below its record close of Jan 8/);
    expect(v.matchesCloseOf).toBe('2025-01-13');
  });

  it('near high: claimed is the bound in words, never a bare percentage beside 0.00% at a record', () => {
    // "within 1.50% of its record" on Jan 8, the record day (105): claimed "within 1.50%", actual 0 (at the record).
    const v = verifyClaim(
      { ...base, metric: 'ath', kind: 'near_high', distance: -0.015 },
      lookup,
      options('2025-01-08'),
    );
    expect(v).toMatchObject({ verdict: 'supported', claimed: 'within 1.50%', actual: 0 });
    // Without a figure, the configured "spitting distance" (2%) is the bound; Jan 10 is 103/105 - 1 = -1.90%.
    const near = verifyClaim(
      { ...base, metric: 'ath', kind: 'near_high', distance: null },
      lookup,
      options('2025-01-10'),
    );
    expect(near.claimed).toBe('within 2.00%');
    expect(near.actual).toBeCloseTo(103 / 105 - 1, 12);
  });

  it('says how a bare company name was read ("Alphabet read as GOOGL (Class A)") in the reason', () => {
    // ABC's Jan 10 close 103 is 1.90% below its Jan 8 record 105: near its high, supported.
    const c: Claim = { ...base, metric: 'ath', kind: 'near_high', distance: null, readAs: 'ABC read as ABC (Class A)' };
    expect(verifyClaim(c, lookup, options('2025-01-10')).reason).toMatch(/; ABC read as ABC \(Class A\)$/);
  });

  it('near high: 1.90% below is within the 2% "spitting distance"', () => {
    expect(
      verifyClaim({ ...base, metric: 'ath', kind: 'near_high', distance: null }, lookup, options('2025-01-10')).verdict,
    ).toBe('supported');
  });

  it('lowest close since: 103 on Jan 10 is the lowest since Jan 6 (103 is not below 103; Jan 3 at 102 is)', () => {
    const lowestSince = (day: number): Claim => ({
      ...base,
      metric: 'since',
      direction: 'lowest',
      since: { year: 2025, month: 1, day },
      approaching: false,
    });
    const v = verifyClaim(lowestSince(3), lookup, options('2025-01-10'));
    expect(v).toMatchObject({ verdict: 'supported', actual: '2025-01-03' });
    expect(verifyClaim(lowestSince(2), lookup, options('2025-01-10')).verdict).toBe('contradicted');
  });

  it('streaks: Jan 8 ends five up closes (Jan 2..8); Jan 9 is a down close after them', () => {
    const ongoing: Claim = { ...base, metric: 'streak', direction: 'winning', phase: 'ongoing', length: 5 };
    expect(verifyClaim(ongoing, lookup, options('2025-01-08'))).toMatchObject({ verdict: 'supported', actual: 5 });
    const ending: Claim = { ...base, metric: 'streak', direction: 'winning', phase: 'ending', length: null };
    // An ended streak's actual is the streak it ended (+5), in the claim's sign convention.
    expect(verifyClaim(ending, lookup, options('2025-01-09'))).toMatchObject({
      verdict: 'supported',
      actual: 5,
      sentence: 'ABC ended a 5-day winning streak on Jan 9: supported',
    });
    expect(verifyClaim(ending, lookup, options('2025-01-08')).verdict).toBe('contradicted');
    // A losing streak is negative on both sides (the "claimed 6 against actual -6").
    const losing: Claim = { ...base, metric: 'streak', direction: 'losing', phase: 'ongoing', length: 2 };
    expect(verifyClaim(losing, lookup, options('2025-01-10'))).toMatchObject({
      verdict: 'supported',
      claimed: -2,
      actual: -2,
    });
  });

  it('says which basis a return matches: price (close) or total (adjusted close, with dividends)', () => {
    // Same dates; adjusted closes 1% higher from Jan 6 on (a dividend before it): YTD as of Jan 10 is
    // 103/100 - 1 = 3.00% on price and 103*1.01/100 - 1 = 4.03% on total return.
    const adj = CLOSES.map((x, i) => (i >= 4 ? x * 1.01 : x));
    const two: PriceSeries = { ...series, adjClose: Float64Array.from(adj) };
    const both: SeriesFor = () => ({ series: two });
    const claim = (value: number): Claim => ({ ...base, metric: 'return', period: 'ytd', value, decimals: 2 });
    expect(verifyClaim(claim(0.03), both, options('2025-01-10'))).toMatchObject({
      verdict: 'supported',
      basis: 'price',
      sentence: 'ABC is up 3.00% YTD on Jan 10: supported; matches the price return',
    });
    expect(verifyClaim(claim(0.0403), both, options('2025-01-10'))).toMatchObject({
      verdict: 'supported',
      basis: 'total',
      sentence:
        'ABC is up 4.03% YTD on Jan 10: supported; matches the total return (with dividends); the price return is 3.00%',
    });
    // A close-only series: one close, and the reason says so.
    const v = verifyClaim(claim(0.03), lookup, options('2025-01-10'));
    expect(v).toMatchObject({ basis: 'same', sentence: 'ABC is up 3.00% YTD on Jan 10: supported' });
    expect(v.reason).toMatch(/price and total return are the same here/);
    expect(v.reason).toMatch(/YTD return on the one stored close/);
  });

  it('an unresolved name is unverifiable with the resolver reason', () => {
    const c: Claim = {
      ...base,
      symbol: null,
      unresolved: "no symbol in the config is named 'Palantir'",
      metric: 'return',
      period: 'ytd',
      value: 1.4,
      decimals: 0,
    };
    expect(verifyClaim(c, lookup, options('2025-01-10')).reason).toBe("no symbol in the config is named 'Palantir'");
  });
});
