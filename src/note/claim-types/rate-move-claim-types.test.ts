/**
 * Yield and curve moves in basis points, read from prose and held against FRED's values (copied by hand
 * from ../shared/data/real/rates: DGS10 4.14 on 2025-12-05, 4.13 on Dec 10, 4.14 on Dec 11; DGS2 3.56,
 * 3.54, 3.52). By hand: DGS2 week to date 3.52 - 3.56 = -4 bp; DGS10 on the day +1 bp; the 10y-2y curve
 * 62 bp on Dec 11, 59 on Dec 10 (+3 bp on the day), 58 on Dec 5 (+4 bp week to date).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { verifyClaim } from '../check/verify-claim.js';
import { verifyOptions } from '../check/verify-options.js';
import { extractClaims, resolverFromConfig } from '../claims/extract-claims.js';
import type { SeriesFor } from './claim-type.js';

const dates = Int32Array.from(['2025-12-05', '2025-12-10', '2025-12-11'], (d) => parseIsoDate(d));
const series = {
  DGS10: closeOnlySeries('DGS10', dates, [4.14, 4.13, 4.14]),
  DGS2: closeOnlySeries('DGS2', dates, [3.56, 3.54, 3.52]),
  DFF: closeOnlySeries('DFF', dates, [3.89, 3.89, 3.64]),
};
const seriesFor: SeriesFor = (s) =>
  s in series ? { series: series[s as keyof typeof series] } : { missing: `no data for ${s} in the store` };
const NOTE = parseIsoDate('2025-12-11');
const resolver = resolverFromConfig(defaultConfig());
const check = (text: string) =>
  extractClaims(text, resolver, { noteDate: NOTE }).map((c) => {
    const v = verifyClaim(c, seriesFor, verifyOptions(NOTE));
    return [v.metric, v.symbol, v.period, v.claimed, v.verdict];
  });

describe('rate moves in basis points', () => {
  it('reads each move of a yield in one sentence with its own period, also a move told by its noun', () => {
    // By hand: DGS10 on the day 4.14 - 4.13 = +1 bp; week to date 4.14 - 4.14 (Dec 5) = 0 bp.
    expect(check('The 10-year yield rose 1 basis point to 4.14%, leaving its rise this week at 0 bp.')).toEqual([
      ['rate.change', 'DGS10', '1d', 1, 'supported'],
      ['rate.level', 'DGS10', null, 4.14, 'supported'],
      ['rate.change', 'DGS10', 'wtd', 0, 'supported'],
    ]);
    expect(check('The 10-year yield rose 1 basis point to 4.14%, taking its gain this week to 3 bp.')).toEqual([
      ['rate.change', 'DGS10', '1d', 1, 'supported'],
      ['rate.level', 'DGS10', null, 4.14, 'supported'],
      ['rate.change', 'DGS10', 'wtd', 3, 'contradicted'],
    ]);
    // "in December" in a December note is the month to date; the first move keeps the day (no phrase of its own).
    expect(check('The two-year yield dipped 2 bp, though it rose 5 bp in December.').map((c) => c.slice(0, 4))).toEqual(
      [
        ['rate.change', 'DGS2', '1d', -2],
        ['rate.change', 'DGS2', 'mtd', 5],
      ],
    );
  });

  it('reads "than at the end of <the year before>" and "since the end of last year" as the year to date', () => {
    const periods = (text: string) =>
      extractClaims(text, resolver, { noteDate: NOTE }).map((c) => [
        c.metric,
        c.symbol,
        (c as { period?: unknown }).period,
      ]);
    expect(periods('The 10-year yield is 53 basis points lower than at the end of 2024.')).toEqual([
      ['rate.change', 'DGS10', 'ytd'],
    ]);
    expect(periods('The 2-year yield has fallen 75 basis points since the end of last year.')).toEqual([
      ['rate.change', 'DGS2', 'ytd'],
    ]);
    // The end of 2023 is no base MarketDash computes in a 2025 note: no claim rather than a wrong period.
    expect(periods('The 10-year yield is 20 basis points lower than at the end of 2023.')).toEqual([]);
  });

  it('reads a yield’s move over the period named, and its level', () => {
    expect(check('The two-year yield has dropped 4 bp for the week, to 3.52%.')).toEqual([
      ['rate.change', 'DGS2', 'wtd', -4, 'supported'],
      ['rate.level', 'DGS2', null, 3.52, 'supported'],
    ]);
    expect(check('The yield on the 10-year Treasury note rose 1 basis point to 4.14%.')).toEqual([
      ['rate.change', 'DGS10', '1d', 1, 'supported'],
      ['rate.level', 'DGS10', null, 4.14, 'supported'],
    ]);
    expect(check('The 10-year yield fell 8 basis points this week.')).toEqual([
      ['rate.change', 'DGS10', 'wtd', -8, 'contradicted'],
    ]);
    expect(check('The 2-year yield rose 4 bp this week.')).toEqual([['rate.change', 'DGS2', 'wtd', 4, 'contradicted']]);
  });

  it('marks the level and the move apart: their spans do not overlap', () => {
    const text = 'The two-year yield has dropped 4 bp for the week, to 3.52%.';
    const [move, level] = extractClaims(text, resolver, { noteDate: NOTE });
    expect(text.slice(move!.span.start, move!.span.end)).toBe('has dropped 4 bp');
    expect(text.slice(level!.span.start, level!.span.end)).toBe('3.52%');
  });

  it('reads desk shorthand: a name, its level and a signed move in parentheses', () => {
    expect(check('Rates: FF effective 3.64% (-25bp), 2s 3.52% (-2bp), 10s 4.14% (+1bp).')).toEqual([
      ['rate.level', 'DFF', null, 3.64, 'supported'],
      ['rate.change', 'DFF', '1d', -25, 'supported'],
      ['rate.level', 'DGS2', null, 3.52, 'supported'],
      ['rate.change', 'DGS2', '1d', -2, 'supported'],
      ['rate.level', 'DGS10', null, 4.14, 'supported'],
      ['rate.change', 'DGS10', '1d', 1, 'supported'],
    ]);
    expect(check('the 2-year at 3.52%')).toEqual([['rate.level', 'DGS2', null, 3.52, 'supported']]);
    expect(check('10y back at 4.14, 2s 3.53')).toEqual([
      ['rate.level', 'DGS10', null, 4.14, 'supported'],
      ['rate.level', 'DGS2', null, 3.53, 'contradicted'],
    ]);
  });

  it('reads the curve steepening or flattening over a period', () => {
    expect(check('The 2s10s curve steepened 3 bp.')).toEqual([['rate.spread.change', 'DGS10', '1d', 3, 'supported']]);
    expect(check('The 2s10s curve steepened 4 bp this week.')).toEqual([
      ['rate.spread.change', 'DGS10', 'wtd', 4, 'supported'],
    ]);
    expect(check('The Treasury curve flattened 3 bp on the day.')).toEqual([
      ['rate.spread.change', 'DGS10', '1d', -3, 'contradicted'],
    ]);
  });

  it('reads a move on an earlier day at that day’s value, and nothing from a policy decision or a hedge', () => {
    // Dec 10: 4.13 - 4.14 (Dec 5, the bar before in this series) = -1 bp.
    expect(check('The 10-year yield slipped 1 bp on Wednesday.')).toEqual([
      ['rate.change', 'DGS10', '1d', -1, 'supported'],
    ]);
    expect(check('The Fed cut rates by 25 basis points on Wednesday.')).toEqual([]);
    expect(check('The 10-year yield could fall 20 bp next year.')).toEqual([]);
    expect(check("XLK's 10-year return is 300%.")).toEqual([]);
  });
});

describe('yield moves in words and rate shorthand (group B of the sixth batch)', () => {
  it('reads a number of basis points written in words', () => {
    // DGS10 4.14 - 4.13 = +1 bp; DGS2 3.52 - 3.54 = -2 bp; DFF 3.64 - 3.89 = -25 bp.
    expect(check('The 10-year yield rose a single basis point.')).toEqual([
      ['rate.change', 'DGS10', '1d', 1, 'supported'],
    ]);
    expect(check('Ten-year yields edged up one basis point on Thursday.')).toEqual([
      ['rate.change', 'DGS10', '1d', 1, 'supported'],
    ]);
    expect(check('The two-year yield fell two basis points.')).toEqual([
      ['rate.change', 'DGS2', '1d', -2, 'supported'],
    ]);
    expect(check('The 2-year yield was down a basis point.')).toEqual([
      ['rate.change', 'DGS2', '1d', -1, 'contradicted'],
    ]);
    expect(check('The fed funds rate fell twenty-five basis points.')).toEqual([
      ['rate.change', 'DFF', '1d', -25, 'supported'],
    ]);
  });

  it('reads "unchanged" as a move of 0 bp, never a decision to leave a rate unchanged', () => {
    // DGS10 4.14 on Dec 5 and Dec 11: 0 bp week to date; +1 bp on the day.
    expect(check('The 10-year yield was unchanged this week at 4.14%.')).toEqual([
      ['rate.change', 'DGS10', 'wtd', 0, 'supported'],
      ['rate.level', 'DGS10', null, 4.14, 'supported'],
    ]);
    expect(check('10s unch at 4.14%.')).toEqual([
      ['rate.change', 'DGS10', '1d', 0, 'contradicted'],
      ['rate.level', 'DGS10', null, 4.14, 'supported'],
    ]);
    expect(check('The Fed left the fed funds rate unchanged.')).toEqual([]);
  });

  it('reads desk names of the fed funds rate and a colon after a yield name', () => {
    expect(check('FF 3.64%, 2s 3.52%.')).toEqual([
      ['rate.level', 'DFF', null, 3.64, 'supported'],
      ['rate.level', 'DGS2', null, 3.52, 'supported'],
    ]);
    expect(check('EFFR 3.89')).toEqual([['rate.level', 'DFF', null, 3.89, 'contradicted']]);
    expect(check('US 10Y: 4.14%')).toEqual([['rate.level', 'DGS10', null, 4.14, 'supported']]);
    expect(check('Staff cut costs; ff. 3 notes.')).toEqual([]);
  });

  it('reads the curve in shorthand: its level in bp, and a signed move only with a period word', () => {
    // 2s10s: 4.14 - 3.52 = 62 bp on Dec 11; 59 on Dec 10 (+3 bp d/d); 58 on Dec 5 (+4 bp WTD).
    expect(check('2s10s at 62bp.')).toEqual([['rate.spread', 'DGS10', null, 62, 'supported']]);
    expect(check('2s10s 62bp (+3bp d/d).')).toEqual([
      ['rate.spread', 'DGS10', null, 62, 'supported'],
      ['rate.spread.change', 'DGS10', '1d', 3, 'supported'],
    ]);
    expect(check('2s10s -2bp WTD.')).toEqual([['rate.spread.change', 'DGS10', 'wtd', -2, 'contradicted']]);
    // A signed figure without a period is not guessed alone; after yield levels, +62 bp is the curve's level (no day
    // moves it 25 bp; blind batch 4 labels it so), +3 bp could still be the level or the day's move.
    expect(check('2s10s +62bp.')).toEqual([]);
    expect(check('10s 4.14%, 2s10s +62bp.')).toContainEqual(['rate.spread', 'DGS10', null, 62, 'supported']);
    expect(check('10s 4.14%, 2s10s +3bp.')).toEqual([['rate.level', 'DGS10', null, 4.14, 'supported']]);
    expect(check('The curve steepened to 62 basis points.')).toEqual([['rate.spread', 'DGS10', null, 62, 'supported']]);
    expect(check('The yield curve steepened 3 basis points.')).toEqual([
      ['rate.spread.change', 'DGS10', '1d', 3, 'supported'],
    ]);
    expect(check('The credit curve widened to 40 bp.')).toEqual([]);
    expect(check('Curve watch: the 2s10s spread stood at 62 bp.')).toEqual([
      ['rate.spread', 'DGS10', null, 62, 'supported'],
    ]);
  });
});

describe('yields "N bp higher/lower" and the curve named by its two yields (group B of the sixth batch)', () => {
  it('reads "were 2 bp lower at 3.52%" as a move and a level', () => {
    expect(check('Two-year yields were 2 bp lower at 3.52%.')).toEqual([
      ['rate.change', 'DGS2', '1d', -2, 'supported'],
      ['rate.level', 'DGS2', null, 3.52, 'supported'],
    ]);
    expect(check('The 10-year yield ended 3bp higher at 4.14%.')).toEqual([
      ['rate.change', 'DGS10', '1d', 3, 'contradicted'],
      ['rate.level', 'DGS10', null, 4.14, 'supported'],
    ]);
  });

  it('reads "the spread between the 10-year and 2-year yields" and "10y-2y" in bp as the curve, not as a yield', () => {
    expect(check('The spread between the 10-year and 2-year yields widened to 62 basis points.')).toEqual([
      ['rate.spread', 'DGS10', null, 62, 'supported'],
    ]);
    expect(check('The gap between two-year and 10-year Treasury yields rose 3 bp to 62 bp.')).toEqual([
      ['rate.spread', 'DGS10', null, 62, 'supported'],
    ]);
    expect(check('10yr/2yr 62 bp, +4bp WTD.')).toEqual([
      ['rate.spread', 'DGS10', null, 62, 'supported'],
      ['rate.spread.change', 'DGS10', 'wtd', 4, 'supported'],
    ]);
    expect(check('10y-2y at 0.7.')).toEqual([]);
  });

  it('reads a table of yields whose period columns hold bp cells, with the 2s10s and fed funds rows', () => {
    // By hand: DGS2 1d 3.52 - 3.54 = -2, wtd 3.52 - 3.56 = -4; DGS10 1d +1, wtd 0; curve 62 bp, 1d 62 - 59 = +3,
    // wtd 62 - 58 = +4; DFF 1d 3.64 - 3.89 = -25.
    const table = [
      '| Series | Yield | 1D | WTD |',
      '|---|---|---|---|',
      '| 2-Year | 3.52% | -2bp | -4bp |',
      '| 10-Year | 4.14% | +1bp | +2bp |',
      '| 2s10s curve | 62bp | +3bp | +4bp |',
      '| Fed funds | 3.64% | -25bp | |',
    ].join('\n');
    expect(check(table)).toEqual([
      ['rate.level', 'DGS2', null, 3.52, 'supported'],
      ['rate.change', 'DGS2', '1d', -2, 'supported'],
      ['rate.change', 'DGS2', 'wtd', -4, 'supported'],
      ['rate.level', 'DGS10', null, 4.14, 'supported'],
      ['rate.change', 'DGS10', '1d', 1, 'supported'],
      ['rate.change', 'DGS10', 'wtd', 2, 'contradicted'],
      ['rate.spread', 'DGS10', null, 62, 'supported'],
      ['rate.spread.change', 'DGS10', '1d', 3, 'supported'],
      ['rate.spread.change', 'DGS10', 'wtd', 4, 'supported'],
      ['rate.level', 'DFF', null, 3.64, 'supported'],
      ['rate.change', 'DFF', '1d', -25, 'supported'],
    ]);
  });

  it('reads a second signed move after the first one\'s label, "flat at", and the curve "steeper/flatter by"', () => {
    // By hand: DGS2 1d 3.52 - 3.54 = -2, wtd 3.52 - 3.56 = -4; curve wtd 62 - 58 = +4, 1d 62 - 59 = +3.
    expect(check('2s 3.52% (-2bp d/d, -4bp WTD)').map((c) => c.slice(0, 4))).toEqual([
      ['rate.level', 'DGS2', null, 3.52],
      ['rate.change', 'DGS2', '1d', -2],
      ['rate.change', 'DGS2', 'wtd', -4],
    ]);
    expect(check('2s flat at 3.52%')).toEqual([['rate.level', 'DGS2', null, 3.52, 'supported']]);
    expect(check('2s10s at 62bp, steeper by 4bp WTD.')).toEqual([
      ['rate.spread', 'DGS10', null, 62, 'supported'],
      ['rate.spread.change', 'DGS10', 'wtd', 4, 'supported'],
    ]);
    expect(check('2s10s 62bp, flatter by 3bp d/d.').at(-1)).toEqual([
      'rate.spread.change',
      'DGS10',
      '1d',
      -3,
      'contradicted',
    ]);
  });

  it('reads a week of a series with a value every calendar day as seven days back, not five rows', () => {
    // DFF has a row per calendar day: on Tue 2025-09-23 (4.09), five rows back is Thu Sep 18 (4.08), a week back
    // Tue Sep 16 (4.33): -24 bp. DGS10 has trading days only: five rows back stays the week's base.
    const days = ['2025-09-14', '2025-09-15', '2025-09-16', '2025-09-17', '2025-09-18', '2025-09-19', '2025-09-20'];
    const dff = closeOnlySeries(
      'DFF',
      Int32Array.from([...days, '2025-09-21', '2025-09-22', '2025-09-23'], (d) => parseIsoDate(d)),
      [4.33, 4.33, 4.33, 4.33, 4.08, 4.08, 4.08, 4.08, 4.09, 4.09],
    );
    const asOf = parseIsoDate('2025-09-23');
    const week = (text: string) =>
      extractClaims(text, resolver, { noteDate: asOf }).map((c) => {
        const v = verifyClaim(c, () => ({ series: dff }), verifyOptions(asOf));
        return [v.metric, v.period, v.claimed, v.actual, v.verdict];
      });
    expect(week('Fed funds effective 4.09% (-24bp w/w)')).toEqual([
      ['rate.level', null, 4.09, 4.09, 'supported'],
      ['rate.change', '5d', -24, -24, 'supported'],
    ]);
  });
});
