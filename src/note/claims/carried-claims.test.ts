/**
 * Subjects carried from the sentence before: "SPSM has done the same" (its records and streaks), "Both
 * are up ..." (the two names before, a figure each in order or one figure for each); and levels after
 * "at a record", "closed", "flat at" and, in shorthand, "to". Values are the sentences' own figures.
 */
import { expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';

const resolver = resolverFromConfig(defaultConfig());
const read = (text: string) =>
  extractClaims(text, resolver, { noteDate: parseIsoDate('2025-12-11') }).map((c) => ({
    metric: c.metric,
    symbol: c.symbol,
    value: 'value' in c ? c.value : null,
    period: c.metric === 'return' ? c.period : null,
  }));

it('carries records and streaks to the subject that "has done the same", never a figure', () => {
  expect(read('IWM closed at a record high. SPSM has done the same.')).toEqual([
    { metric: 'ath', symbol: 'IWM', value: null, period: null },
    { metric: 'ath', symbol: 'SPSM', value: null, period: null },
  ]);
  expect(read('XLK rose 1.2%. XLF did the same.').map((c) => c.symbol)).toEqual(['XLK']);
  expect(read('IWM closed at a record high. SPSM could do the same.').map((c) => c.symbol)).toEqual(['IWM']);
});

it('gives "Both" the two names before: a figure each in order, or one figure to each', () => {
  expect(read('IWM and SPSM rallied. Both are up 17.59% and 10.19% this year.')).toEqual([
    { metric: 'return', symbol: 'IWM', value: 0.1759, period: 'ytd' },
    { metric: 'return', symbol: 'SPSM', value: 0.1019, period: 'ytd' },
  ]);
  expect(read('XLF and XLI rallied on Thursday. Both are up 1.1% on the day.')).toEqual([
    { metric: 'return', symbol: 'XLI', value: 0.011, period: '1d' },
    { metric: 'return', symbol: 'XLF', value: 0.011, period: '1d' },
  ]);
  // Three names before: "Both" is not guessed.
  expect(read('XLF, XLI and XLK rallied. Both are up 1.1% on the day.')).toEqual([]);
});

it('reads a level after "at a record", "closed", "flat at" and a shorthand "to", with the move after it', () => {
  const levels = (text: string) =>
    read(text)
      .filter((c) => c.metric === 'level')
      .map((c) => c.value);
  expect(levels('IWM at a record 255.87, +1.17% d/d')).toEqual([255.87]);
  expect(levels('XLF closed 54.21, a record.')).toEqual([54.21]);
  expect(levels('SPY flat at 683.51')).toEqual([683.51]);
  expect(levels('XLI to 156.37 (+1.07%)')).toEqual([156.37]);
  expect(read('XLI to 156.37 (+1.07%)')).toContainEqual({
    metric: 'return',
    symbol: 'XLI',
    value: 0.0107,
    period: '1d',
  });
  // Not a level: a target, a percentage, a whole number.
  expect(levels('Analysts lifted their XLI target to 170.00 this week.')).toEqual([]);
  expect(levels('XLI closed 1.07% higher.')).toEqual([]);
  expect(levels('XLI closed 3 days higher.')).toEqual([]);
});
