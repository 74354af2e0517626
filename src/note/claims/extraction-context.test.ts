/**
 * What "the sector", "the ratio" and "the pair" refer to across the sentences of a section: the last sector
 * fund, the last ratio named (by "the ratio of A to B", "A/B" or "A versus B"); nothing after a heading.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';

const resolver = resolverFromConfig(defaultConfig(), ['XLE', 'SPY', 'IWM', 'QQQ', 'SPSM']);
const claims = (text: string) =>
  extractClaims(text, resolver, { noteDate: parseIsoDate('2025-12-11') }).map((c) => [
    c.metric,
    c.symbol,
    c.metric === 'return' ? c.period : c.metric === 'trend' ? c.state : null,
  ]);

describe('subjects across sentences', () => {
  it('"the sector" is the last sector fund named, never a broad fund', () => {
    expect(claims('Energy (XLE) slipped 0.48% on Thursday. The sector is up 9.96% this year.')).toEqual([
      ['return', 'XLE', '1d'],
      ['return', 'XLE', 'ytd'],
    ]);
    expect(claims('SPY rose 0.23% on Thursday. The sector is up 20% this year.')).toEqual([['return', 'SPY', '1d']]);
  });

  it('"the stock" and "the fund" after a name nothing stores are that name, never a stock or fund named before', () => {
    expect(claims('Nvidia fell 1.55% on Thursday. Palantir (PLTR) jumped 4%. The stock is up 150% this year.')).toEqual(
      [
        ['return', 'NVDA', '1d'],
        ['return', 'PLTR', '1d'],
        ['return', 'PLTR', 'ytd'],
      ],
    );
    expect(claims('Nvidia fell 1.55% on Thursday. Palantir jumped 4%. The stock is up 150% this year.')).toEqual([
      ['return', 'NVDA', '1d'],
      ['return', null, '1d'],
      ['return', null, 'ytd'],
    ]);
    expect(claims('XLK slipped 0.51%. ARKK rose 2.1% on Thursday. The fund is up 30% this year.')).toEqual([
      ['return', 'XLK', '1d'],
      ['return', null, '1d'],
      ['return', null, 'ytd'],
    ]);
  });

  it('"the ratio" and "the pair" are the last ratio named in the section', () => {
    expect(claims('IWM versus QQQ is back in focus. The pair is testing its downtrend line.')).toEqual([
      ['trend', 'IWM/QQQ', 'testing'],
    ]);
    expect(claims('The ratio of IWM to QQQ rose. The ratio has confirmed its breakout.')).toEqual([
      ['trend', 'IWM/QQQ', 'confirmed'],
    ]);
    expect(claims('The SPSM/MAG7 ratio broke above its downtrend line.')).toEqual([['trend', 'SPSM/MAG7', 'breaking']]);
    expect(claims('IWM versus QQQ is back in focus.\n\n## Rates\n\nThe pair is testing its downtrend line.')).toEqual(
      [],
    );
  });
});
