/**
 * Percentage-point spreads worded in points, "pts", basis points, a margin, or as a noun ("a 5-point lead
 * over", "4.5 points behind"), held against two made-up series whose figures are worked by hand:
 * AAA 100 (2024-12-31) -> 110 (2025-12-11), YTD +10%; BBB 100 -> 105, YTD +5%. AAA over BBB: difference
 * 5.00 points, change of the AAA/BBB ratio 110/105 - 1 = 4.7619%, fall of BBB/AAA 1 - 105/110 = 4.5455%.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { verifyClaim } from '../check/verify-claim.js';
import { verifyOptions } from '../check/verify-options.js';
import { extractClaims, resolverFromConfig } from '../claims/extract-claims.js';
import type { SeriesFor } from './claim-type.js';

const dates = Int32Array.from(['2024-12-31', '2025-12-10', '2025-12-11'], (d) => parseIsoDate(d));
const series = {
  AAA: closeOnlySeries('AAA', dates, [100, 108, 110]),
  BBB: closeOnlySeries('BBB', dates, [100, 104, 105]),
};
const seriesFor: SeriesFor = (s) =>
  s in series ? { series: series[s as keyof typeof series] } : { missing: `no data for ${s} in the store` };
const NOTE = parseIsoDate('2025-12-11');
const resolver = resolverFromConfig(defaultConfig(), ['AAA', 'BBB']);
const check = (text: string) =>
  extractClaims(text, resolver, { noteDate: NOTE })
    .filter((c) => c.metric === 'spread')
    .map((c) => {
      const v = verifyClaim(c, seriesFor, verifyOptions(NOTE));
      return [v.symbol, c.metric === 'spread' ? c.versus : null, v.claimed, v.verdict];
    });

describe('spreads in points, basis points and as a noun', () => {
  it('reads "by N pts", "by N basis points" and "by an N-point margin"', () => {
    expect(check('AAA beat BBB by 5 pts this year.')).toEqual([['AAA', 'BBB', 0.05, 'supported']]);
    expect(check('AAA has topped BBB by 500 basis points year to date.')).toEqual([['AAA', 'BBB', 0.05, 'supported']]);
    expect(check('BBB trails AAA by a 5.0-point margin this year.')).toEqual([['BBB', 'AAA', -0.05, 'supported']]);
    expect(check('AAA outstripped BBB by 620 bp this year.')).toEqual([['AAA', 'BBB', 0.062, 'contradicted']]);
  });

  it('reads a lead, an edge or a deficit, and a place ahead of or behind the other side', () => {
    // 4.76 is the change of the AAA/BBB ratio; -4.5 is BBB/AAA - 1 = -4.5455%, within 0.05 points.
    expect(check('AAA holds a 4.76-point lead over BBB this year.')).toEqual([['AAA', 'BBB', 0.0476, 'supported']]);
    expect(check('BBB sits 4.5 points behind AAA this year.')).toEqual([['BBB', 'AAA', -0.045, 'supported']]);
    expect(check("AAA's 6-point edge over BBB this year is new.")).toEqual([['AAA', 'BBB', 0.06, 'contradicted']]);
    expect(check('BBB ended with a deficit of 5 points to AAA this year.')).toEqual([
      ['BBB', 'AAA', -0.05, 'supported'],
    ]);
    expect(check('AAA is 5 percentage points ahead of BBB this year.')).toEqual([['AAA', 'BBB', 0.05, 'supported']]);
  });

  it('reads "ahead of B by N points" and a second side that refers back ("the basket", "the fund")', () => {
    expect(check('That left AAA ahead of BBB by 5 points this year.')).toEqual([['AAA', 'BBB', 0.05, 'supported']]);
    expect(check('BBB stayed behind AAA by 5 points this year.')).toEqual([['BBB', 'AAA', -0.05, 'supported']]);
    // "the basket" is the last basket named (MAG7, in the sentence before); "the fund" is never the gap's own subject.
    const basket = extractClaims(
      'The Magnificent 7 basket fell 2% this year. AAA is ahead of the basket by 12 points this year.',
      resolver,
      { noteDate: NOTE },
    ).filter((c) => c.metric === 'spread');
    expect(basket).toMatchObject([{ symbol: 'AAA', versus: 'MAG7', value: 0.12 }]);
    expect(check('SPY rose. AAA is ahead of the fund by 5 points this year.')).toEqual([
      ['AAA', 'SPY', 0.05, 'unverifiable'],
    ]);
    expect(check('AAA is ahead of the fund by 5 points this year.')).toEqual([]);
  });

  it('reads a gap without a figure as its sign only, over the period stated or carried', () => {
    // AAA +10% YTD, BBB +5%: AAA ahead. No figure and no period: nothing to hold it to.
    expect(check('AAA has outperformed BBB this year.')).toEqual([['AAA', 'BBB', 'ahead', 'supported']]);
    expect(check('AAA and BBB rose this year. BBB has significantly underperformed AAA.')).toEqual([
      ['BBB', 'AAA', 'behind', 'supported'],
    ]);
    expect(check('BBB outperformed AAA this year.')).toEqual([['BBB', 'AAA', 'ahead', 'contradicted']]);
    expect(check('AAA outperformed BBB again.')).toEqual([]);
    // The gap with its figure is one claim, not also a gap without one.
    expect(check('AAA outperformed BBB by 5 points this year.')).toEqual([['AAA', 'BBB', 0.05, 'supported']]);
  });

  it('reads the gap of the name right before its own gap word, with the period said before it', () => {
    // "lagged" is not the gap: its second side would hold "behind" (BBB behind AAA: 5 - 10 = -5.00 points YTD).
    expect(check('Laggards lagged leaders this year, with BBB behind AAA by 5 points.')).toEqual([
      ['BBB', 'AAA', -0.05, 'supported'],
    ]);
  });

  it('reads desk shorthand "A vs B MTD: +N pts" and "A over B, YTD: -N pts"', () => {
    expect(check('AAA vs BBB YTD: +5.00 pts.')).toEqual([['AAA', 'BBB', 0.05, 'supported']]);
    expect(check('BBB over AAA, YTD: -4.5 pts')).toEqual([['BBB', 'AAA', -0.045, 'supported']]);
    // No period label: no period to hold it to, so no claim.
    expect(check('AAA vs BBB: +5 pts')).toEqual([]);
  });

  it('gives no claim when the second side is no series, or the sign is not said', () => {
    expect(check('AAA beat estimates by 5 points.')).toEqual([]);
    expect(check('AAA has a 5-point gap versus BBB this year.')).toEqual([]);
    expect(check('AAA could beat BBB by 5 points next year.')).toEqual([]);
  });
});
