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

  it('gives no claim when the second side is no series, or the sign is not said', () => {
    expect(check('AAA beat estimates by 5 points.')).toEqual([]);
    expect(check('AAA has a 5-point gap versus BBB this year.')).toEqual([]);
    expect(check('AAA could beat BBB by 5 points next year.')).toEqual([]);
  });
});
