// The sign of a move comes from its verb: "gave up 1.78%" is a loss although it holds "up", and the desk's
// verbs of both directions ("surrendered", "pared", "tacked on", "firmed" ...) each give their sign. The
// figures are the claims' own (no data needed): each sentence's single return claim, value and words.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';

const resolver = resolverFromConfig(defaultConfig());
const returns = (text: string) =>
  extractClaims(text, resolver, { noteDate: parseIsoDate('2025-12-11') })
    .filter((c) => c.metric === 'return')
    .map((c) => [c.symbol, c.metric === 'return' ? c.value : null, text.slice(c.span.start, c.span.end)]);

describe('the sign of a move follows its verb', () => {
  it.each([
    'gave up',
    'gives up',
    'giving up',
    'surrendered',
    'handed back',
    'pared',
    'erased',
    'lost ground',
    'slipped',
    'eased',
    'easing',
    'dipped',
    'retreated',
    'retreating',
    'gave back',
    'shed',
    'shedding',
    'shaved',
    'ceded',
  ])('"%s" is a loss', (verb) => {
    expect(returns(`Microsoft ${verb} 2.74% on the day.`)).toEqual([['MSFT', -0.0274, `${verb} 2.74%`]]);
  });

  it.each([
    'tacked on',
    'tacking on',
    'added',
    'adding',
    'firmed',
    'firming',
    'climbed',
    'clawed back',
    'recouped',
    'put on',
  ])('"%s" is a gain', (verb) => {
    expect(returns(`The financials fund XLF ${verb} 1.82% on the day.`)).toEqual([['XLF', 0.0182, `${verb} 1.82%`]]);
  });

  it('reads a gain or a loss named after the figure, and "up" after other verbs as a gain', () => {
    expect(returns('XLF notched a gain of 1.82%.')).toEqual([['XLF', 0.0182, 'gain of 1.82%']]);
    expect(returns('XLF notched a 1.82% gain.')).toEqual([['XLF', 0.0182, '1.82% gain']]);
    expect(returns('SPY posted a 0.23% uptick.')).toEqual([['SPY', 0.0023, '0.23% uptick']]);
    expect(returns('Nvidia suffered a 1.55% giveback.')).toEqual([['NVDA', -0.0155, '1.55% giveback']]);
    expect(returns('Apple ended up 0.58%.')).toEqual([['AAPL', 0.0058, 'up 0.58%']]);
    expect(returns('Nvidia picked up 1.72%.')).toEqual([['NVDA', 0.0172, 'up 1.72%']]);
  });

  it("reads a signed figure after \"today's\" as the day's move of the post's name", () => {
    expect(returns("$NVDA still -10.98% this month even with today's +1.37%")).toEqual([
      ['NVDA', -0.1098, '-10.98%'],
      ['NVDA', 0.0137, '+1.37%'],
    ]);
  });

  it('reads a move told through what it did to its subject ("lifting the fund", "dragging the stock ... lower")', () => {
    expect(returns('XLU had its best week since May, lifting the fund 2.88% for the week.')).toEqual([
      ['XLU', 0.0288, 'lifting the fund 2.88%'],
    ]);
    expect(returns('A downgrade hit Tesla, pulling the stock 3.1% on the day.')).toEqual([
      ['TSLA', -0.031, 'pulling the stock 3.1%'],
    ]);
    expect(returns('Apple jumped, sending its shares up 2.1% on the day.')).toEqual([
      ['AAPL', 0.021, 'sending its shares up 2.1%'],
    ]);
  });
});
