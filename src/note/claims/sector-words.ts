/**
 * Sectors named by a common lower-case word ("outpaced utilities", "lagged tech", "trailed the energy
 * sector") resolved to their sector fund, for the second side of a spread only: there the word can only
 * be the thing compared with. Only a fund the resolver knows is returned.
 */
import type { NameResolver } from './name-resolver.js';

const SECTORS: readonly [RegExp, string][] = [
  [/^(?:tech|technology)$/, 'XLK'],
  [/^utilities$/, 'XLU'],
  [/^energy$/, 'XLE'],
  [/^(?:financials|banks)$/, 'XLF'],
  [/^(?:health\s*care|healthcare)$/, 'XLV'],
  [/^industrials$/, 'XLI'],
  [/^materials$/, 'XLB'],
  [/^(?:consumer\s+)?staples$/, 'XLP'],
  [/^(?:consumer\s+)?discretionary$/, 'XLY'],
  [/^real\s+estate$/, 'XLRE'],
  [/^communications?(?:\s+services)?$/, 'XLC'],
];

/** The sector funds the words name: what "the sector" may refer to. */
export const SECTOR_FUNDS: ReadonlySet<string> = new Set(SECTORS.map(([, ticker]) => ticker));

/** The sector fund `text` names ("the utilities sector", "tech stocks"), or null. */
export function sectorFund(text: string, resolver: NameResolver): string | null {
  const core = text
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+(?:sector|stocks|shares|names|fund|etf)$/, '')
    .trim();
  for (const [re, ticker] of SECTORS) if (re.test(core) && resolver.symbol(ticker)) return ticker;
  return null;
}
