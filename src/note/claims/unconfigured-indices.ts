/**
 * Benchmarks commentary names all the time that a universe config may not list: "the Dow industrials",
 * "the Nasdaq Composite", "the S&P MidCap 400". Read as their usual (Yahoo) tickers, so a claim about
 * one is called unverifiable naming the index that is not stored, instead of being dropped or credited
 * to the last name before it. A config that lists the ticker or one of these names takes precedence.
 */
import type { NamedSymbol } from './name-resolver.js';

export const UNCONFIGURED_INDICES: readonly NamedSymbol[] = [
  {
    ticker: '^DJI',
    name: 'Dow Jones Industrial Average',
    kind: 'index',
    aliases: ['the Dow', 'Dow industrials', 'Dow Jones industrials', 'Dow Jones Industrials Average', 'DJIA'],
  },
  {
    ticker: '^IXIC',
    name: 'Nasdaq Composite',
    kind: 'index',
    aliases: ['Nasdaq Composite Index', 'the Nasdaq', 'Nasdaq composite'],
  },
  {
    ticker: '^NDX',
    name: 'Nasdaq 100 Index',
    kind: 'index',
    aliases: ['Nasdaq-100', 'Nasdaq 100', 'Nasdaq-100 Index'],
  },
  {
    ticker: '^SP400',
    name: 'S&P MidCap 400 Index',
    kind: 'index',
    aliases: ['S&P 400', 'S&P MidCap 400', 'S&P Midcap 400'],
  },
  { ticker: '^RUI', name: 'Russell 1000 Index', kind: 'index', aliases: ['Russell 1000'] },
  { ticker: '^RUA', name: 'Russell 3000 Index', kind: 'index', aliases: ['Russell 3000'] },
  { ticker: '^W5000', name: 'Wilshire 5000 Index', kind: 'index', aliases: ['Wilshire 5000'] },
];

/** The indices above that `configured` (tickers, names and aliases, lower-cased) does not already name. */
export function unconfiguredIndices(configured: ReadonlySet<string>): NamedSymbol[] {
  return UNCONFIGURED_INDICES.filter(
    (s) => ![s.ticker, s.name, ...s.aliases].some((n) => configured.has(n.toLowerCase())),
  );
}
