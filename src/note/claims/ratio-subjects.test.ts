/**
 * A ratio as the subject of a move is the ratio's move, never the second name's, reported as a spread of A over B
 * read as the change of the ratio only: made-up series by hand, AAA 100 (2024-12-31) -> 110 (2025-12-11), BBB 100 ->
 * 105, so AAA/BBB YTD is 110/105 - 1 = +4.7619%, the difference of the returns 10% - 5% = 5 points, and BBB's own
 * YTD is +5%.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { verifyClaim } from '../check/verify-claim.js';
import { verifyOptions } from '../check/verify-options.js';
import type { SeriesFor } from '../claim-types/claim-type.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';

const dates = Int32Array.from(['2024-12-31', '2025-12-10', '2025-12-11'], (d) => parseIsoDate(d));
const a = closeOnlySeries('AAA', dates, [100, 108, 110]);
const b = closeOnlySeries('BBB', dates, [100, 104, 105]);
const ratio = closeOnlySeries('AAA/BBB', dates, [1, 108 / 104, 110 / 105]);
const series: Record<string, typeof a> = { AAA: a, BBB: b, 'AAA/BBB': ratio };
const seriesFor: SeriesFor = (s) => (series[s] ? { series: series[s]! } : { missing: `no data for ${s} in the store` });
const NOTE = parseIsoDate('2025-12-11');
const resolver = resolverFromConfig(defaultConfig(), ['AAA', 'BBB']);
const check = (text: string) =>
  extractClaims(text, resolver, { noteDate: NOTE }).map((c) => {
    const v = verifyClaim(c, seriesFor, verifyOptions(NOTE));
    return [v.metric, v.symbol, v.period, v.verdict];
  });

describe('a ratio named as the subject of a move', () => {
  it('reads "A/B", "the ratio of A to B" and "the A-to-B ratio" as the ratio', () => {
    expect(check('AAA/BBB +4.76% YTD.')).toEqual([['spread', 'AAA', 'ytd', 'supported']]);
    expect(check('The ratio of AAA to BBB has climbed 5.5% this year.')).toEqual([
      ['spread', 'AAA', 'ytd', 'contradicted'],
    ]);
    expect(check('The AAA-to-BBB ratio gained 4.8% this year.')).toEqual([['spread', 'AAA', 'ytd', 'supported']]);
  });

  it("holds a ratio's move to the change of the ratio only, a gap in points to any of its readings", () => {
    // 5.00% is the difference of the returns (10% - 5%), not the ratio's +4.76%.
    expect(check('The ratio of AAA to BBB rose 5.00% this year.')).toEqual([['spread', 'AAA', 'ytd', 'contradicted']]);
    expect(check('AAA beat BBB by 5.00 points this year.')).toEqual([['spread', 'AAA', 'ytd', 'supported']]);
    const [c] = extractClaims('AAA/BBB +4.76% YTD.', resolver, { noteDate: NOTE });
    expect(c).toMatchObject({ metric: 'spread', symbol: 'AAA', versus: 'BBB', value: 0.0476, reading: 'ratio' });
    expect(verifyClaim(c!, seriesFor, verifyOptions(NOTE)).sentence).toMatch(/AAA\/BBB ratio moved \+4\.76% YTD/);
  });

  it('reads a ratio whose sides carry a word or a description ("the S&P 600 index", "small caps (AAA)")', () => {
    expect(check('The ratio of the AAA index to BBB gained 4.8% this year.')).toEqual([
      ['spread', 'AAA', 'ytd', 'supported'],
    ]);
    expect(check('The ratio of small caps (AAA) to large caps (BBB) gained 4.8% this year.')).toEqual([
      ['spread', 'AAA', 'ytd', 'supported'],
    ]);
  });

  it("leaves a ratio whose first side names nothing unresolved, never the second side's move", () => {
    const [c] = extractClaims('The ratio of mid caps to BBB gained 4.8% this year.', resolver, { noteDate: NOTE });
    expect(c).toMatchObject({
      symbol: null,
      unresolved: "the ratio's first side 'mid caps' names no configured symbol",
    });
  });

  it('leaves a move of a name that is no ratio alone', () => {
    expect(check('AAA and BBB rose; BBB is up 5% this year.')).toEqual([['return', 'BBB', 'ytd', 'supported']]);
    expect(check('AAA beat BBB, and BBB rose 5% this year.')).toEqual([['return', 'BBB', 'ytd', 'supported']]);
  });
});
