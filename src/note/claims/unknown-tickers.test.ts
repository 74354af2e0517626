/**
 * Unstored tickers in a broker's run give claims that are unverifiable (the symbol is not stored), never
 * nothing and never claims credited to another name: also with their level before the move.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';
import { tickersBeforeMoves } from './unknown-tickers.js';

const resolver = resolverFromConfig(defaultConfig(), ['XLK', 'NVDA']);
const claims = (text: string) =>
  extractClaims(text, resolver, { noteDate: parseIsoDate('2025-12-11') }).map((c) => [
    c.metric,
    c.symbol,
    c.metric === 'return' || c.metric === 'level' ? c.value : null,
  ]);

describe('unknown tickers with their level first', () => {
  it('finds the ticker before a level and a signed move', () => {
    const known = (t: string) => t === 'XLK';
    expect(tickersBeforeMoves('SMCI 41.20, -2.1%', known)).toEqual([{ start: 0, ticker: 'SMCI' }]);
    expect(tickersBeforeMoves('AMD 162.3 (+0.9%)', known)).toEqual([{ start: 0, ticker: 'AMD' }]);
    expect(tickersBeforeMoves('Movers: AVGO $1,341.10 +1.2%', known)).toEqual([{ start: 8, ticker: 'AVGO' }]);
    expect(tickersBeforeMoves('XLK 147.39 -0.5%, CEO 12.5, +3%', known)).toEqual([]);
    expect(tickersBeforeMoves('SMCI closed at 41.20, down 2.1%', known)).toEqual([{ start: 0, ticker: 'SMCI' }]);
    expect(tickersBeforeMoves('The NYSE closed at 4 p.m.', known)).toEqual([]);
  });

  it('reads the level and the move of each name, each under its own name', () => {
    expect(claims('SMCI 41.20, -2.1%')).toEqual([
      ['level', 'SMCI', 41.2],
      ['return', 'SMCI', -0.021],
    ]);
    expect(claims('AMD 162.30 +0.9%, NVDA 180.71 (-1.55%), XLK 147.39 (-0.51%).')).toEqual([
      ['level', 'AMD', 162.3],
      ['return', 'AMD', 0.009],
      ['level', 'NVDA', 180.71],
      ['return', 'NVDA', -0.0155],
      ['level', 'XLK', 147.39],
      ['return', 'XLK', -0.0051],
    ]);
  });
});
