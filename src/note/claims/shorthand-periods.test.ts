// Broker shorthand with the period label after the figure ("+1.01% 1M") or before it ("MTD +1.1%"): each
// figure takes its own label, in either order, and a desk's tokens (1M, 3mo, 6M, 1W, y/y) are periods only
// next to a figure. The figures are the claims' own words (no data needed).
import { describe, expect, it } from 'vitest';
import { readClaims, resolver } from '../../../test/support/read-claims.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims } from './extract-claims.js';
import { findPeriods } from './period-phrases.js';

/** Read as a note dated Thursday 2025-12-11 ("As of the close of December 11, 2025."). */
const read = readClaims;

describe('broker shorthand periods', () => {
  it('reads a label after its figure', () => {
    expect(read('XLK +1.01% 1M, -3.2% 3M, +12.4% YTD, +8% 1Y')).toEqual([
      ['XLK', '1m', 0.0101],
      ['XLK', '3m', -0.032],
      ['XLK', 'ytd', 0.124],
      ['XLK', '1y', 0.08],
    ]);
    expect(read('IWM +0.4% d/d, +2.1% w/w, +23.5% 6M, +2.25% 1W')).toEqual([
      ['IWM', '1d', 0.004],
      ['IWM', '5d', 0.021],
      ['IWM', '6m', 0.235],
      ['IWM', '5d', 0.0225],
    ]);
    expect(read('SPY +0.9% 1mo, +5.1% 3-mo, +9.6% y/y')).toEqual([
      ['SPY', '1m', 0.009],
      ['SPY', '3m', 0.051],
      ['SPY', '1y', 0.096],
    ]);
    expect(read('XLK +1.0% (1M), +9.3% (3M)')).toEqual([
      ['XLK', '1m', 0.01],
      ['XLK', '3m', 0.093],
    ]);
    expect(read('AAPL +1.0% 1M | +21.0% 3M | +40.2% 6M')).toEqual([
      ['AAPL', '1m', 0.01],
      ['AAPL', '3m', 0.21],
      ['AAPL', '6m', 0.402],
    ]);
  });

  it('reads MTD before or after its figure, and a run of labels after their figures without commas', () => {
    expect(read('SPY MTD +1.1%')).toEqual([['SPY', 'mtd', 0.011]]);
    expect(read('SPY +1.1% MTD')).toEqual([['SPY', 'mtd', 0.011]]);
    expect(read('XLK 1M +1.00%, 6M: +23.50%')).toEqual([
      ['XLK', '1m', 0.01],
      ['XLK', '6m', 0.235],
    ]);
    // Labels after their figures: the label between two figures is the first's ...
    expect(read('IWM +3.64% MTD +17.59% YTD')).toEqual([
      ['IWM', 'mtd', 0.0364],
      ['IWM', 'ytd', 0.1759],
    ]);
    // ... but labels before theirs keep the label between them for the second figure.
    expect(read('IWM +1.17% YTD +17.59%')).toEqual([
      ['IWM', '1d', 0.0117],
      ['IWM', 'ytd', 0.1759],
    ]);
    expect(read('IWM MTD +3.64% YTD +17.59%')).toEqual([
      ['IWM', 'mtd', 0.0364],
      ['IWM', 'ytd', 0.1759],
    ]);
  });

  it('reads the tokens only next to a figure', () => {
    const periods = (t: string) => findPeriods(t).map((p) => [p.period, t.slice(p.start, p.end)]);
    expect(periods('XLK +1.01% 1M')).toEqual([['1m', '1M']]);
    expect(periods('3M: -2.1%')).toEqual([['3m', '3M']]);
    expect(periods('3M rose 2.1% after earnings')).toEqual([]);
    expect(periods('a 1W view, 6M out')).toEqual([]);
  });
});

// Period words of the eighth blind batch's kinds: "over five sessions" (5d), "over a month" (1m) and an elliptical
// "over three" after it (3m), "in the quarter" (QTD), "in the month" (MTD), "the first N sessions of the year"
// (YTD), a "weekly" move (WTD), a list headed "a rough week:" whose figures all take the week.
describe('period words', () => {
  const periods = (text: string) => findPeriods(text).map((m) => m.period);

  it("reads spans of five sessions and a month, and the note's quarter, month and opening sessions", () => {
    expect(periods('XLE dropped 2.98% over five sessions')).toEqual(['5d']);
    expect(periods('XLE dropped 2.98% in 5 trading days')).toEqual(['5d']);
    expect(periods('XLE has lost 1.41% over a month')).toEqual(['1m']);
    expect(periods('XLK is up 0.87% in the quarter, 0.5% in the month')).toEqual(['qtd', 'mtd']);
    expect(periods('IWM gained 4.92% in the first five sessions of the year')).toEqual(['ytd']);
    // "a month's worth" is no period; "the quarter of" is another quarter.
    expect(periods("over a month's worth of gains")).toEqual([]);
    expect(periods('in the quarter of a century')).toEqual([]);
  });

  it('reads "over three" after "over a month" as three months', () => {
    expect(read('XLE has lost 1.41% over a month and gained 0.20% over three.')).toEqual([
      ['XLE', '1m', -0.0141],
      ['XLE', '3m', 0.002],
    ]);
  });

  it('reads a weekly move as the week to date, as a noun before or after the figure', () => {
    expect(read('Utilities (XLU) posted a weekly gain of 2.99%.')).toEqual([['XLU', 'wtd', 0.0299]]);
    expect(read("XLF's 2.07% weekly jump led the financials.")).toEqual([['XLF', 'wtd', 0.0207]]);
  });

  it('gives a period stated once before a list to every figure of it', () => {
    expect(read('It was a rough week: XLK fell 2.1%, XLF fell 1.3%, and XLV 0.3%.')).toEqual([
      ['XLK', 'wtd', -0.021],
      ['XLF', 'wtd', -0.013],
      ['XLV', 'wtd', -0.003],
    ]);
    expect(read('Rough week for tech: XLK -2.1%, XLF -1.3%')).toEqual([
      ['XLK', 'wtd', -0.021],
      ['XLF', 'wtd', -0.013],
    ]);
    expect(read('A rough month for megacaps: AAPL fell 2.08%, MSFT fell 0.87%.')).toEqual([
      ['AAPL', 'mtd', -0.0208],
      ['MSFT', 'mtd', -0.0087],
    ]);
    expect(read('Small caps have had a strong year, with IWM up 14.18%.')).toEqual([['IWM', 'ytd', 0.1418]]);
    // "the previous week:" is the whole week before, not this one.
    expect(periods('The previous week: XLK fell 2.1%')).toEqual(['lastweek']);
  });

  it('reads the year in other words: "2025 gain", "so far in the year", "since New Year", "year-on-year"', () => {
    expect(read("XLE's 2025 gain of 3.26% trails the market.")).toEqual([['XLE', 'ytd', 0.0326]]);
    expect(read('XLE is up 3.26% so far in the year, 5% since New Year and 7% year-on-year.')).toEqual([
      ['XLE', 'ytd', 0.0326],
      ['XLE', 'ytd', 0.05],
      ['XLE', '1y', 0.07],
    ]);
    // Another year's gain is a period not computed: no day move.
    expect(
      extractClaims("XLE's 2024 gain of 5% was bigger.", resolver, { noteDate: parseIsoDate('2025-10-15') })[0],
    ).toMatchObject({
      period: null,
      periodText: '2024',
    });
  });

  it('reads a move with an adjective or its period between the verb and the figure', () => {
    expect(read('XLE is up a modest 3.26% for the year.')).toEqual([['XLE', 'ytd', 0.0326]]);
    expect(read('XLE is up for the year by 3.3%.')).toEqual([['XLE', 'ytd', 0.033]]);
    expect(read('XLE is down a painful 3% this month.')).toEqual([['XLE', 'mtd', -0.03]]);
  });

  it('keeps a span after a superlative off the figure ("its first gain in five sessions")', () => {
    expect(read('XLE rose 1.29%, its first gain in five sessions.')[0]).toEqual(['XLE', '1d', 0.0129]);
  });

  it('reads figures each followed by its name under a heading of moves ("Year-to-date returns:")', () => {
    expect(read('Year-to-date returns: 22.84% for XLK, 14.49% for SPY and 18.24% for QQQ.')).toEqual([
      ['XLK', 'ytd', 0.2284],
      ['SPY', 'ytd', 0.1449],
      ['QQQ', 'ytd', 0.1824],
    ]);
    expect(read('Losses this week: 2.1% for XLK and 1.3% for XLF.')).toEqual([
      ['XLK', 'wtd', -0.021],
      ['XLF', 'wtd', -0.013],
    ]);
  });

  it('pairs "x for A and y for B" with the names after the figures', () => {
    expect(read('XLK is up 22.84% year to date, against 14.49% for SPY and 18.24% for QQQ.')).toEqual([
      ['XLK', 'ytd', 0.2284],
      ['SPY', 'ytd', 0.1449],
      ['QQQ', 'ytd', 0.1824],
    ]);
  });
});
