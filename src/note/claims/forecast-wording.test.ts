import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';
import { clauseAround, isForecast } from './forecast-wording.js';

const resolver = resolverFromConfig(defaultConfig());
const noteDate = parseIsoDate('2025-12-11');
const read = (text: string) => extractClaims(text, resolver, { noteDate });

describe('forecasts and conditionals make no claim', () => {
  it.each([
    'Analysts see the S&P 500 ETF (SPY) climbing another 8% next year.',
    'Strategists expect Oracle to rebound 15% by the end of 2026.',
    'One desk thinks XLE will add 6% over the coming months.',
    'Tesla is expected to gain 12% after deliveries.',
    'Our price target implies Nvidia rising 20% in 2026.',
  ])('%s', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('keeps the fact of a clause before the forecast (IWM rose 1.17% on Thursday)', () => {
    const claims = read('IWM rose 1.17% on Thursday, and one desk sees it gaining another 10% next year.');
    expect(claims.map((c) => [c.symbol, c.metric, 'value' in c ? c.value : null])).toEqual([['IWM', 'return', 0.0117]]);
  });

  it('reads a future time that dates an awaited event as the event\'s, not the figure\'s ("ahead of its results next week")', () => {
    const claims = read('Nvidia (NVDA) gave back 4.05% ahead of its results next week.');
    expect(claims.map((c) => [c.symbol, 'value' in c ? c.value : null])).toEqual([['NVDA', -0.0405]]);
    // A forecast stays one, event or not.
    expect(read('Nvidia is seen gaining 4% ahead of its results next week.')).toEqual([]);
    expect(read('Nvidia could fall 5% next week.')).toEqual([]);
  });

  it('reads a modal after the claim as about something else ("would" in the next clause)', () => {
    const s = 'XLF gained 1.82% today. told you banks would work';
    expect(isForecast(s, 4, 18, noteDate)).toBe(false);
  });

  it('a year after the note makes the clause a forecast, the note year does not', () => {
    expect(isForecast('SPY to add 9% in 2026', 7, 9, noteDate)).toBe(true);
    expect(isForecast('SPY added 18.6% in 2025', 4, 15, noteDate)).toBe(false);
  });

  it('clauses end at a semicolon or a comma before a linking word', () => {
    const s = 'IWM rose 1.2%; analysts see more, but XLK fell 0.5%';
    expect(clauseAround(s, 4, 13).text).toBe('IWM rose 1.2%');
    expect(clauseAround(s, 42, 51).text).toBe(' XLK fell 0.5%');
  });
});
