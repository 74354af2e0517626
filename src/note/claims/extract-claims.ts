/**
 * Reads free market commentary and returns every checkable claim in it, in reading order: return
 * figures in prose and in pasted tables, all-time-high, "since", streak and trendline claims.
 * Names resolve through the universe config (tickers, names, aliases).
 *
 * @example extractClaims('Nvidia is up 36.8% year-to-date.', resolverFromConfig(defaultConfig()))
 *   // [{ metric: 'return', symbol: 'NVDA', period: 'ytd', value: 0.368, ... }]
 */

import type { UniverseConfig } from '../../config/universe-config.js';
import type { PeriodKey } from '../../domain/period-keys.js';
import type { Claim } from './claim.js';
import { eventClaims } from './event-claims.js';
import { ExtractionContext } from './extraction-context.js';
import { NameResolver } from './name-resolver.js';
import { findPeriods } from './period-phrases.js';
import { returnClaims } from './return-claims.js';
import { paragraphs, sentences } from './sentences.js';
import { isSeparatorRow, rowClaims, tableHeader } from './table-claims.js';

/** A resolver over the config's symbols, names and aliases. */
export function resolverFromConfig(config: UniverseConfig): NameResolver {
  return new NameResolver(
    Object.entries(config.symbols).map(([ticker, s]) => ({ ticker, name: s.name, kind: s.kind, aliases: s.aliases })),
  );
}

export function extractClaims(text: string, resolver: NameResolver): Claim[] {
  const ctx = new ExtractionContext();
  const out: Claim[] = [];
  const paras = paragraphs(text);
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const header = tableHeader(p.text);
    if (header) {
      let j = i + 1;
      let rows = 0;
      for (; j < paras.length; j++) {
        const row = paras[j]!;
        if (isSeparatorRow(row.text)) continue;
        const claims = rowClaims(row.text, header, resolver, row.line);
        if (claims === null) break;
        rows++;
        out.push(...claims);
      }
      if (rows > 0) {
        i = j - 1;
        continue;
      }
    }
    ctx.lastPeriod = null;
    for (const s of sentences(p.text)) {
      const mentions = resolver.mentions(s.text);
      out.push(...eventClaims(s.text, mentions, resolver, ctx, p.line));
      const returns = returnClaims(s.text, mentions, ctx, p.line);
      out.push(...returns);
      ctx.remember(mentions);
      // "Ten of the eleven sectors gained over the past five sessions. Energy led: it rallied 8.05%":
      // a period named in a sentence without figures frames the figures that follow it.
      if (returns.length === 0) {
        const framed = findPeriods(s.text)
          .filter((x) => x.period !== 'same' && x.period !== 'other')
          .pop();
        if (framed) {
          ctx.lastPeriod = framed.period as PeriodKey;
          ctx.documentPeriod = framed.period as PeriodKey;
        }
      }
    }
  }
  return out;
}
