/** What the store knows about a ticker besides its bars, and the ticker rule. */
import { UsageError } from './errors.js';
import { hasControlCharacters, visible } from './visible-text.js';

export const SYMBOL_KINDS = ['stock', 'etf', 'index', 'basket', 'rate'] as const;
export type SymbolKind = (typeof SYMBOL_KINDS)[number];

export interface SymbolInfo {
  /** Upper-case ticker as the user types it: `NVDA`, `^VIX`, `MAG7`, `DGS10`. */
  readonly ticker: string;
  readonly name: string | null;
  readonly kind: SymbolKind;
  readonly currency: string;
}

/** A stored symbol with the extent of its history (`marketdash symbols`). */
export interface SymbolSummary extends SymbolInfo {
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly rows: number;
  /** Where the bars came from: `csv`, `yahoo`, `stooq`, `fred`, `demo`, `basket` (several when mixed). */
  readonly sources: readonly string[];
}

/**
 * The ticker rule, the same at every entry point (import, group import, symbol lists, the API, the
 * stores): 1 to 24 characters, letters, digits and `^ . = _ -`. Stored upper case. This keeps out
 * names that could never be asked for again (`a/b`, `../x`, a newline, `<script>`, 200 characters).
 */
export const TICKER_PATTERN = '^[A-Za-z0-9^.=_-]{1,24}$';
export const TICKER_MAX_LENGTH = 24;
/** The same rule for a ticker in its stored (upper-case) form: the config file's keys and members. */
export const STORED_TICKER_PATTERN = '^[A-Z0-9^.=_-]{1,24}$';
const TICKER_RE = new RegExp(TICKER_PATTERN);
/** The rule in words, for messages and docs. */
export const TICKER_RULE_TEXT = '1 to 24 letters, digits or ^ . = _ -';

/** Why `text` (already normalised) is not a ticker, or null when it is one. */
export function tickerProblem(text: string): string | null {
  if (text === '') return 'empty ticker';
  if (TICKER_RE.test(text)) return null;
  return `'${visible(text, 40)}' is not a ticker (${TICKER_RULE_TEXT})`;
}

export const SYMBOL_NAME_MAX_LENGTH = 200;
const CURRENCY_RE = /^[A-Z]{3}$/;

/**
 * The one check of symbol info before either store writes it (both stores call it), so a bad kind or
 * ticker is a UsageError naming the field, never a database constraint error.
 */
export function validateSymbolInfo(info: SymbolInfo): SymbolInfo {
  const ticker = normaliseTicker(String(info.ticker ?? ''));
  const problem = tickerProblem(ticker);
  if (problem !== null) throw new UsageError(`symbol: ${problem}`, { parameter: 'ticker' });
  if (!SYMBOL_KINDS.includes(info.kind))
    throw new UsageError(
      `symbol ${ticker}: unknown kind '${visible(String(info.kind), 40)}' (one of ${SYMBOL_KINDS.join(', ')})`,
      { parameter: 'kind' },
    );
  const currency = String(info.currency ?? '').toUpperCase();
  if (!CURRENCY_RE.test(currency))
    throw new UsageError(`symbol ${ticker}: currency '${visible(currency, 40)}' is not a 3-letter code`, {
      parameter: 'currency',
    });
  const name = info.name === null || info.name === undefined ? null : String(info.name).trim();
  if (name !== null && name.length > SYMBOL_NAME_MAX_LENGTH)
    throw new UsageError(`symbol ${ticker}: name longer than ${SYMBOL_NAME_MAX_LENGTH} characters`, {
      parameter: 'name',
    });
  if (name !== null && hasControlCharacters(name))
    throw new UsageError(`symbol ${ticker}: name '${visible(name, 40)}' has control characters`, { parameter: 'name' });
  return { ticker, name: name === '' ? null : name, kind: info.kind, currency };
}

/** Normalises user input to the stored form of a ticker. */
export function normaliseTicker(text: string): string {
  return text.trim().toUpperCase();
}

/** The info a store records for a ticker written without any: the guessed kind, no name, USD. */
export function guessedSymbolInfo(ticker: string): SymbolInfo {
  return { ticker, name: null, kind: guessKind(ticker), currency: 'USD' };
}

/** Guesses a kind from the ticker alone, for imports that do not say: `^` marks an index. */
export function guessKind(ticker: string): SymbolKind {
  return ticker.startsWith('^') ? 'index' : 'stock';
}
