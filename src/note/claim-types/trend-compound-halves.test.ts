// COMPOUND_HALVES (trend-claim-type.ts): each half of a compound sentence names its ratio as it would alone, so
// "SPSM versus MAG7 ..., and the ratio of IWM versus QQQ ..." gives both trendline claims (the first half's plain
// "versus" pair was lost when the second half said "the ratio of"). States are the sentences' own words.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from '../claims/extract-claims.js';

const resolver = resolverFromConfig(defaultConfig(), ['SPSM', 'MAG7', 'IWM', 'QQQ']);
const trends = (text: string) =>
  extractClaims(text, resolver, { noteDate: parseIsoDate('2025-12-11') }).flatMap((c) =>
    c.metric === 'trend' ? [[c.symbol, c.state]] : [],
  );

describe('each half of a compound sentence is read as it is alone (COMPOUND_HALVES)', () => {
  it('reads a plain "versus" pair before a "ratio of" half', () => {
    expect(
      trends(
        'SPSM versus MAG7 has confirmed its breakout, and the ratio of IWM versus QQQ is testing its downtrend line.',
      ),
    ).toEqual([
      ['SPSM/MAG7', 'confirmed'],
      ['IWM/QQQ', 'testing'],
    ]);
  });

  it('reads each half the same as alone', () => {
    expect(trends('SPSM versus MAG7 has confirmed its breakout.')).toEqual([['SPSM/MAG7', 'confirmed']]);
    expect(trends('The ratio of IWM versus QQQ is testing its downtrend line.')).toEqual([['IWM/QQQ', 'testing']]);
    expect(
      trends(
        'The ratio of SPSM versus MAG7 has confirmed its breakout, and the ratio of IWM versus QQQ is testing its downtrend line.',
      ),
    ).toEqual([
      ['SPSM/MAG7', 'confirmed'],
      ['IWM/QQQ', 'testing'],
    ]);
    expect(trends('SPSM versus MAG7 has confirmed its breakout; IWM/QQQ is still below its downtrend line.')).toEqual([
      ['SPSM/MAG7', 'confirmed'],
      ['IWM/QQQ', 'below'],
    ]);
  });
});
