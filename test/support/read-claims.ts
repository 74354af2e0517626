/**
 * The claims extraction finds in a sentence, read as a note dated Thursday 2025-12-11 with the default
 * universe, each as [symbol, period (a return's) or metric, value (a return's) or null]: the shape the
 * extraction tests of figure asides and shorthand periods compare with their hand-worked readings.
 */
import { defaultConfig } from '../../src/config/universe-config.js';
import { parseIsoDate } from '../../src/domain/trading-date.js';
import { extractClaims, resolverFromConfig } from '../../src/note/claims/extract-claims.js';

/** The default universe's name resolver, which readClaims reads with. */
export const resolver = resolverFromConfig(defaultConfig());

export function readClaims(text: string): (string | number | null)[][] {
  return extractClaims(text, resolver, { noteDate: parseIsoDate('2025-12-11') }).map((c) => [
    c.symbol,
    c.metric === 'return' ? c.period : c.metric,
    c.metric === 'return' ? c.value : null,
  ]);
}
