/**
 * Tickers in parentheses: they name the subject and win over the name before them, also across a few
 * words of a fund's name ("SPDR S&P 500 ETF (SPY)", not the index ^GSPC that "S&P 500" names), except an
 * unknown ticker right after a company's configured name ("Alphabet (A)", "Apple (APPL)"), which does
 * not overrule the name it contradicts.
 */
import { expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { resolverFromConfig } from './extract-claims.js';

const resolver = resolverFromConfig(defaultConfig(), ['AAPL', 'SPY', 'SPSM', 'GOOGL', 'GOOG']);
const first = (text: string) => {
  const [m] = resolver.mentions(text);
  return { text: m?.text, symbol: m?.symbol ?? null, unresolved: m?.unresolved };
};

it('takes the ticker after a few words of a fund name', () => {
  expect(first('SPDR Portfolio S&P 600 Small Cap Index Fund (SPSM) rose')).toMatchObject({
    symbol: 'SPSM',
    text: 'SPDR Portfolio S&P 600 Small Cap Index Fund (SPSM)',
  });
  expect(first('the S&P 500 Trust (SPY) rose')).toMatchObject({ symbol: 'SPY' });
  expect(first('Vanguard S&P 500 ETF (VOO) rose')).toMatchObject({ symbol: 'VOO' });
});

it('does not cross lowercase words or another name to reach a ticker', () => {
  expect(first('the S&P 500 beat Apple (AAPL)').symbol).toBe('^GSPC');
  expect(first('the S&P 500 rose while Apple (AAPL) fell').symbol).toBe('^GSPC');
});

it("keeps a company's name over an unknown ticker that contradicts it", () => {
  expect(first('Apple (APPL) slipped')).toMatchObject({ symbol: 'AAPL', text: 'Apple (APPL)' });
  const alphabet = first('Alphabet (A) fell');
  expect(alphabet.symbol).toBeNull();
  expect(alphabet.unresolved).toMatch(
    /ambiguous: it has share classes GOOGL and GOOG.*'A' in parentheses is not one of them/,
  );
  // Bare, Alphabet is read as GOOGL (the class the config's mag7 group holds); with its class open, ambiguous.
  expect(first('Alphabet fell')).toMatchObject({ symbol: 'GOOGL', text: 'Alphabet' });
  expect(first('Alphabet fell, whichever share class you look at').symbol).toBeNull();
  // A known ticker still wins; an unknown company keeps its unknown ticker.
  expect(first('Alphabet (GOOGL) fell').symbol).toBe('GOOGL');
  expect(first('Broadcom (AVGO) rose').symbol).toBe('AVGO');
});

it('reads "the Nasdaq-100 ETF", "the Nasdaq fund" and "the Nasdaq-100 tracking QQQ" as QQQ, the index itself not', () => {
  // A hyphen between a name's words is a space ("Nasdaq 100 ETF", the alias): the fund, not the index.
  expect(first('The Nasdaq-100 ETF rose')).toMatchObject({ symbol: 'QQQ', text: 'The Nasdaq-100 ETF' });
  expect(first('the Nasdaq fund is up 3.81% this year')).toMatchObject({ symbol: 'QQQ' });
  // "The" opening a sentence does not let the shorter "the Nasdaq" (the Composite) cut "The Nasdaq-100".
  expect(first('The Nasdaq-100 fell')).toMatchObject({ symbol: '^NDX', text: 'The Nasdaq-100' });
  // An index before "tracking" describes the fund after it: one mention, the fund's.
  expect(first('The Nasdaq-100 tracking QQQ rose 1.11%')).toMatchObject({
    symbol: 'QQQ',
    text: 'The Nasdaq-100 tracking QQQ',
  });
  expect(first('the S&P 500-tracking SPY fell')).toMatchObject({ symbol: 'SPY' });
  // The Composite stays itself (unstored), and a fund that tracks an index is still the fund.
  expect(first('The Nasdaq Composite rose')).toMatchObject({ symbol: '^IXIC' });
  expect(resolver.mentions('QQQ, tracking the Nasdaq-100, rose').map((m) => m.symbol)).toEqual(['QQQ', '^NDX']);
});
