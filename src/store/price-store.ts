/**
 * The store interface: everything above it (services, CLI, server) speaks only this, never SQL.
 * Implementations: DuckDB (embedded default, `duckdb/`) and PostgreSQL (`postgres/`).
 * The same contract test suite (`test/store/store-contract.ts`) runs against both.
 */
import type { BasketDefinition } from '../domain/basket.js';
import type { PriceSeries } from '../domain/price-series.js';
import type { SymbolInfo, SymbolSummary } from '../domain/symbol-info.js';

/** One symbol's bars to write, with where they came from (`csv`, `yahoo`, `demo`, `basket` ...). */
export interface BarBatch {
  readonly series: PriceSeries;
  readonly source: string;
}

/** An inclusive date range as ISO strings; either end may be open. */
export interface DateRange {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface WriteResult {
  /** Rows inserted or changed. Re-writing identical bars reports 0. */
  readonly rowsChanged: number;
  readonly rowsSeen: number;
}

export interface PriceStore {
  readonly backend: 'duckdb' | 'postgres';
  /** A human-readable location (file path or URL without password) for messages. */
  readonly location: string;

  upsertSymbols(infos: readonly SymbolInfo[]): Promise<void>;
  getSymbol(ticker: string): Promise<SymbolInfo | null>;
  listSymbols(): Promise<SymbolSummary[]>;

  /**
   * Upserts bars (symbol, date) -> values, all batches in one transaction: all or nothing.
   * Symbols not yet known are created with `symbols` info when given, else guessed.
   */
  writeBars(batches: Iterable<BarBatch> | AsyncIterable<BarBatch>, symbols?: readonly SymbolInfo[]): Promise<WriteResult>;
  /** Removes a symbol's bars (and the symbol). */
  deleteSymbol(ticker: string): Promise<void>;

  /** One symbol's bars in date order, or null when the symbol has no bars. One round trip. */
  readSeries(ticker: string, range?: DateRange): Promise<PriceSeries | null>;
  /** Many symbols' bars in one round trip; symbols without bars are absent from the map. */
  readMany(tickers: readonly string[] | 'all', range?: DateRange): Promise<Map<string, PriceSeries>>;
  /** The last stored date per symbol (for incremental updates). */
  lastDates(): Promise<Map<string, string>>;

  saveBasket(def: BasketDefinition): Promise<void>;
  getBasket(ticker: string): Promise<BasketDefinition | null>;
  listBaskets(): Promise<BasketDefinition[]>;

  /** A token that changes whenever stored data changes: caches key on it. */
  dataVersion(): Promise<string>;
  close(): Promise<void>;
}
