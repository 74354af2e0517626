/** What the store knows about a ticker besides its bars. */

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

/** Normalises user input to the stored form of a ticker. */
export function normaliseTicker(text: string): string {
  return text.trim().toUpperCase();
}

/** Guesses a kind from the ticker alone, for imports that do not say: `^` marks an index. */
export function guessKind(ticker: string): SymbolKind {
  return ticker.startsWith('^') ? 'index' : 'stock';
}
