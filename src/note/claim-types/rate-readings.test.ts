// Yields and the curve told the way the eighth blind batch tells them (its kinds, in sentences of our own): a
// level after a bp move in the same clause ("down 3 bp at 3.76%", "ending at 4.28%", "; the note yielded 3.73%"),
// the curve as "a curve of 55 basis points" or "curve 51bp", and a pasted table of yields (FRED's series names
// with their codes, or a desk's "2Y", "10Y") with a level column and bp columns for the day, week and year.
// Readings are the text's own; verdicts on the real FRED files are in the dev corpus (dev-sentences-b8b.txt).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from '../claims/extract-claims.js';

const resolver = resolverFromConfig(defaultConfig());
const read = (text: string) =>
  extractClaims(text, resolver, { noteDate: parseIsoDate('2026-03-13') }).map((c) => {
    const f = c as unknown as Record<string, unknown>;
    return [c.metric, c.symbol, f.value ?? f.bp, f.period ?? null];
  });

describe('yields and the curve', () => {
  it.each([
    [
      'The 10-year yield rose 1 bp on Friday, ending at 4.28%.',
      [
        ['rate.change', 'DGS10', 1, '1d'],
        ['rate.level', 'DGS10', 4.28, null],
      ],
    ],
    [
      'The 2-year was down 3 bp at 3.76%.',
      [
        ['rate.change', 'DGS2', -3, '1d'],
        ['rate.level', 'DGS2', 3.76, null],
      ],
    ],
    [
      'Two-year yields fell 3 basis points; the note yielded 3.73%.',
      [
        ['rate.change', 'DGS2', -3, '1d'],
        ['rate.level', 'DGS2', 3.73, null],
      ],
    ],
    ['Yields diverged, leaving a curve of 55 basis points.', [['rate.spread', 'DGS10', 55, null]]],

    // A signed figure of 25 bp or more is the curve's level; a smaller one, without a period, is neither read.
    [
      '10y 4.28, 2s 3.73, 2s10s +55bp',
      [
        ['rate.level', 'DGS10', 4.28, null],
        ['rate.level', 'DGS2', 3.73, null],
        ['rate.spread', 'DGS10', 55, null],
      ],
    ],
    ['2s10s +4bp', []],
    // With a period after it, a signed figure is a move over that period, not the level.
    ['2s10s +45bp YTD', [['rate.spread.change', 'DGS10', 45, 'ytd']]],
    // Tenth blind batch's kinds (dev corpus dev-sentences-b10b.txt), in a note of 2026-03-13: the curve as "the gap
    // between them" after both yields are named, and as "the gap between two- and 10-year yields"; a level "at x%"
    // between commas, after "now", after "ended the year at"; a move told by where the yield started the period; a
    // desk's move with the month's short name (March in a March note: MTD).
    [
      'Two-year yields jumped 13 basis points to 3.83%, the 10-year rose 3 bp, and the gap between them stood at 50 basis points.',
      [
        ['rate.change', 'DGS2', 13, '1d'],
        ['rate.level', 'DGS2', 3.83, null],
        ['rate.change', 'DGS10', 3, '1d'],
        ['rate.spread', 'DGS10', 50, null],
      ],
    ],
    ['The gap between two- and 10-year yields stood at 76 basis points.', [['rate.spread', 'DGS10', 76, null]]],
    [
      'The 10-year yield, at 4.31%, is up 20 basis points this month.',
      [
        ['rate.level', 'DGS10', 4.31, null],
        ['rate.change', 'DGS10', 20, 'mtd'],
      ],
    ],
    [
      '2 year yield up 13 bp on payrolls, now 3.83%',
      [
        ['rate.change', 'DGS2', 13, '1d'],
        ['rate.level', 'DGS2', 3.83, null],
      ],
    ],
    ['The 10-year yield ended the year at 4.18%.', [['rate.level', 'DGS10', 4.18, null]]],
    [
      'The 10-year yield is at 4.22%, 4 basis points above where it started the year.',
      [
        ['rate.level', 'DGS10', 4.22, null],
        ['rate.change', 'DGS10', 4, 'ytd'],
      ],
    ],
    ['The two-year yield is 12 bp below where it began the month.', [['rate.change', 'DGS2', -12, 'mtd']]],
    ['10Y +16bp in Mar.', [['rate.change', 'DGS10', 16, 'mtd']]],
    // "over the year" is the year to date, as "for the year" is.
    [
      'The two-year fell 30 bp over the year to 3.47%.',
      [
        ['rate.change', 'DGS2', -30, 'ytd'],
        ['rate.level', 'DGS2', 3.47, null],
      ],
    ],
    // "them" is the curve only after the two yields: here it is stocks and bonds.
    ['Stocks and bonds diverged, and the gap between them stood at 50 basis points.', []],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('reads no 2s10s curve in another curve or in a bare "curve", and no yield level above 25%', () => {
    expect(read('UST: curve 51bp')).toEqual([]);
    expect(read('The credit curve 62bp wider.')).toEqual([]);
    expect(read('The 3m10y curve 40bp.')).toEqual([]);
    expect(read('The 10-year yield fell 2 bp as the dollar ended at 98.50%.')).toEqual([
      ['rate.change', 'DGS10', -2, '1d'],
    ]);
  });

  it('reads a table of yields: FRED names with codes, a level and bp columns for the day, week and year', () => {
    const table = [
      'Series\tLevel\t1D (bp)\t1W (bp)\t1Y (bp)',
      '10-Year Treasury Constant Maturity (DGS10)\t4.02\t+3\t-12\t-7',
      'Federal Funds Effective Rate (DFF)\t4.11\t0\t+1\t-72',
    ].join('\n');
    expect(read(table)).toEqual([
      ['rate.level', 'DGS10', 4.02, null],
      ['rate.change', 'DGS10', 3, '1d'],
      ['rate.change', 'DGS10', -12, '5d'],
      ['rate.change', 'DGS10', -7, '1y'],
      ['rate.level', 'DFF', 4.11, null],
      ['rate.change', 'DFF', 0, '1d'],
      ['rate.change', 'DFF', 1, '5d'],
      ['rate.change', 'DFF', -72, '1y'],
    ]);
    // A desk's names, a "Yield" column with percent signs, a bare "Chg (bp)" is the day's move.
    expect(read('| Maturity | Yield | Chg (bp) |\n|---|---|---|\n| 2Y | 3.46% | +5 |')).toEqual([
      ['rate.level', 'DGS2', 3.46, null],
      ['rate.change', 'DGS2', 5, '1d'],
    ]);
    // A fund's row under "Yield" is its dividend yield, not a close: no claim from that column.
    expect(read('| Ticker | Yield | Chg % |\n|---|---|---|\n| XLU | 2.80% | +0.50% |')).toEqual([
      ['return', 'XLU', 0.005, '1d'],
    ]);
  });
});
