// A note's own reading of a name read by default: "small caps (IJR)" makes a later "small caps" IJR, not the IWM of
// the config's `readAs`; a name the config maps to one symbol outright is never rebound, and a heading ends it.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';

const resolver = resolverFromConfig(defaultConfig(), ['IJR', 'IWM', 'SPY', 'GOOG', 'GOOGL']);
const symbols = (text: string) =>
  extractClaims(text, resolver, { noteDate: parseIsoDate('2026-02-06') }).map((c) => [c.metric, c.symbol]);

describe("a note's own reading of a name", () => {
  it('reads "small caps" as the ticker the note put after it', () => {
    expect(symbols('Small caps (IJR) rose 2.55%. Small caps have beaten SPY by 14.02 points this year.')).toEqual([
      ['return', 'IJR'],
      ['spread', 'IJR'],
    ]);
    expect(symbols('Alphabet (GOOG) rose 1%. Alphabet is up 30% this year.')).toEqual([
      ['return', 'GOOG'],
      ['return', 'GOOG'],
    ]);
  });

  it('keeps the default reading without the note naming one, and after a heading', () => {
    expect(symbols('Small caps have beaten SPY by 14.02 points this year.')).toEqual([['spread', 'IWM']]);
    expect(symbols('Small caps (IJR) rose 2.55%.\n\n## Later\n\nSmall caps rose 1%.')).toEqual([
      ['return', 'IJR'],
      ['return', 'IWM'],
    ]);
  });
});
