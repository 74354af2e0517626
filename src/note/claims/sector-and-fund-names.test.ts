// Sector funds by their short names (the config's aliases: "Staples" -> XLP, "Tech" -> XLK, "Discretionary" -> XLY
// beside "Utilities", "Energy", ...), never an ordinary word qualifying a noun (NAME_AS_MODIFIER: "Energy prices",
// "the tech giant"); and an index's name with "ETF"/"fund" names the fund the config's trackingPairs pair with it
// (FUND_OF_INDEX: "the S&P 600 ETF" is SPSM, as "the S&P 500 ETF" is SPY), never the index. Worked by hand.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';

const stored = ['SPSM', 'SPY', 'IWM', 'XLB', 'XLC', 'XLE', 'XLF', 'XLI', 'XLK', 'XLP', 'XLRE', 'XLU', 'XLV', 'XLY'];
const resolver = resolverFromConfig(defaultConfig(), stored);
const read = (text: string, r = resolver) =>
  extractClaims(text, r, { noteDate: parseIsoDate('2025-12-11') }).map((c) => [
    c.symbol,
    c.metric === 'return' ? c.value : c.metric,
    c.unresolved,
  ]);

describe("sector funds by their short names (the config's aliases)", () => {
  it.each([
    ['Staples fell 0.5% today.', 'XLP', -0.005],
    ['Consumer Staples fell 0.5% today.', 'XLP', -0.005],
    ['Utilities rose 0.4% today.', 'XLU', 0.004],
    ['Energy fell 1.1% today.', 'XLE', -0.011],
    ['Financials rose 0.2% today.', 'XLF', 0.002],
    ['Tech rose 1% today.', 'XLK', 0.01],
    ['Technology rose 1% today.', 'XLK', 0.01],
    ['Health Care slipped 0.3% today.', 'XLV', -0.003],
    ['Industrials rose 0.6% today.', 'XLI', 0.006],
    ['Materials rose 0.7% today.', 'XLB', 0.007],
    ['Real Estate fell 0.9% today.', 'XLRE', -0.009],
    ['Communication Services rose 0.1% today.', 'XLC', 0.001],
    ['Discretionary rose 0.3% today.', 'XLY', 0.003],
    ['Consumer Discretionary rose 0.3% today.', 'XLY', 0.003],
  ])('%s -> %s', (text, symbol, value) => {
    expect(read(text)).toEqual([[symbol, value, undefined]]);
  });

  it('reads no fund in ordinary prose where the word qualifies a noun (NAME_AS_MODIFIER)', () => {
    expect(read('Energy prices rose 2% today.')).toEqual([]);
    expect(read('The tech giant rose 2% today.')).toEqual([]);
    expect(read('Tech giant Apple rose 2% today.')).toEqual([['AAPL', 0.02, undefined]]);
    expect(read('Health care costs rose 3% this year.')).toEqual([]);
    expect(read('Staples producers fell 1% today.')).toEqual([]);
  });
});

describe('an index named with "ETF" or "fund" is the fund (FUND_OF_INDEX)', () => {
  it('reads "the S&P 600 ETF" as SPSM, the fund trackingPairs pairs with ^SP600, as "the S&P 500 ETF" is SPY', () => {
    expect(read('The S&P 600 ETF rose 1% on the day.')).toEqual([['SPSM', 0.01, undefined]]);
    expect(read('The S&P 600 index fund rose 1% on the day.')).toEqual([['SPSM', 0.01, undefined]]);
    expect(read('The S&P 500 ETF rose 1% on the day.')).toEqual([['SPY', 0.01, undefined]]);
    // the index itself stays the index
    expect(read('The S&P 600 rose 1% on the day.')).toEqual([['^SP600', 0.01, undefined]]);
  });

  it('names no symbol when the config pairs no fund with the index', () => {
    const bare = resolverFromConfig({ ...defaultConfig(), trackingPairs: [] }, stored);
    expect(read('The S&P 600 ETF rose 1% on the day.', bare)).toEqual([
      [null, 0.01, "'S&P 600 ETF' names a fund tracking ^SP600, and the config pairs no fund with it (trackingPairs)"],
    ]);
  });
});
