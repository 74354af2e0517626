/**
 * The store interface: everything above it (services, CLI, server) speaks only this, never SQL.
 * Implementations: DuckDB (embedded default, `duckdb/`) and PostgreSQL (`postgres/`).
 * The same contract test suite (`test/store/store-contract.ts`) runs against both.
 */

import type { BasketDefinition } from '../domain/basket.js';
import type { DateBounds } from '../domain/data-limits.js';
import type { BarSelector } from '../domain/lazy-values.js';
import type { PriceSeries } from '../domain/price-series.js';
import type { SymbolInfo, SymbolSummary } from '../domain/symbol-info.js';
import type { PackedSegments } from './series-snapshot.js';
import type { IntegrityOptions, IntegrityReport, SymbolRemoval } from './store-maintenance.js';

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

/** A value column of the bars table. */
export type BarColumn = 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume';

export interface ReadOptions {
  /**
   * The value columns the caller needs (default: all). A store may skip the others, which then read as
   * NaN (unknown); a whole-universe read of closes alone moves a third of the bytes.
   */
  readonly columns?: readonly BarColumn[];
  /**
   * With one column: a store may return only the bars this picks of each series (cut to the range
   * first), their dates and that column in order; one that ignores it returns every bar. Only for a
   * computation that gives the same answer either way (analytics/returns/perf-bars.ts). The close
   * snapshot then unpacks little more than the picked bars.
   */
  readonly select?: BarSelector;
}

export interface WriteResult {
  /** Rows inserted or changed. Re-writing identical bars reports 0. */
  readonly rowsChanged: number;
  readonly rowsSeen: number;
}

/**
 * Bulk CSV loading (the `import` command's fast path). The import service reads each file's header,
 * works out which column holds what and which lines to skip; the store then loads the file with its
 * native bulk reader (DuckDB `read_csv`, PostgreSQL `COPY`), checks every row, and writes all files
 * in one transaction, or nothing when any row is bad. Problems come back in neutral terms (the line
 * when the backend knows it, else symbol and date); the service turns them into a DataError naming
 * file and line.
 */
export type CsvRole = 'date' | 'symbol' | 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume';

export interface CsvFileSpec {
  /** The file, plain or gzip-compressed (`gzip` says which; decided from the magic bytes, not the name). */
  readonly path: string;
  readonly gzip: boolean;
  /** Header names in file order (all columns, including ignored ones). */
  readonly columns: readonly string[];
  /** The 0-based column index of each role the file has; `date` and close or adjClose are always there. */
  readonly roles: Readonly<Partial<Record<CsvRole, number>>>;
  /** Physical lines before the first data row: the header plus any junk lines right after it. */
  readonly skipLines: number;
  /** `\n`, `\r\n` or `\r`, as seen in the header line. */
  readonly newline: '\n' | '\r\n' | '\r';
  /** The file has at least one non-blank line after the skipped ones: loading 0 rows from it is an error. */
  readonly hasData: boolean;
  /** The ticker of every row when the file has no symbol column (upper case). */
  readonly symbol: string | null;
  /** Stored in bars.source (`csv`). */
  readonly source: string;
}

/**
 * malformed: the reader could not read a line; row: a row rule is broken; duplicate: a date twice with
 * different values; conflict: the close differs from the stored one and the file lacks fields the store
 * holds (refused unless `replace`); limit: a read limit was passed.
 */
export type CsvProblemKind = 'malformed' | 'row' | 'duplicate' | 'conflict' | 'limit';

export interface CsvProblem {
  /** Index into the files given to importCsv. */
  readonly fileIndex: number;
  readonly kind: CsvProblemKind;
  /** 1-based physical line, when the backend knows it. */
  readonly line: number | null;
  readonly symbol: string | null;
  /** ISO date of the row, when known (locates the line when `line` is null). */
  readonly date: string | null;
  readonly message: string;
}

export interface CsvFileOutcome {
  readonly rows: number;
  readonly symbols: readonly string[];
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  /** Rows that repeated an earlier row of the file exactly (kept once). */
  readonly exactDuplicates: number;
}

export interface CsvImportOutcome {
  /** Non-empty means nothing was written. */
  readonly problems: readonly CsvProblem[];
  readonly files: readonly CsvFileOutcome[];
  readonly rowsChanged: number;
  readonly rowsSeen: number;
}

export interface CsvImportOptions {
  /** Dates outside these bounds are bad rows (default: 1900-01-01 .. tomorrow). */
  readonly dateBounds?: DateBounds;
  /** The longest line the reader accepts, in bytes (default 1 MiB). */
  readonly maxLineBytes?: number;
  /**
   * Where a file gives a different close for a stored date and lacks fields the stored bar has
   * (a close-only file over OHLCV history): replace the stored bars anyway. Without it the import is
   * refused; where the close agrees, the stored fields are always kept.
   */
  readonly replace?: boolean;
  /**
   * Checks the caller runs over file `fileIndex`'s raw bytes while the store loads it (things a bulk
   * reader lets through: a trailing comma, `1_000`). A problem rolls the import back; the store stops
   * loading that file as soon as one is found. Aborted through `signal` when the load fails first.
   */
  readonly verifyFile?: (fileIndex: number, signal: AbortSignal) => Promise<CsvProblem | null>;
  /** Symbol info written in the same transaction (names from a symbol list); unknown tickers are guessed. */
  readonly symbols?: readonly SymbolInfo[];
  /**
   * Series read by the caller (FRED files), written in the same transaction after the files' rows as an
   * upsert (on a (symbol, date) a file gives too, these win), so a mixed import is all or nothing.
   * Counted in rowsSeen and rowsChanged.
   */
  readonly extraBatches?: readonly BarBatch[];
  /** Symbol info of the extra series (FRED: kind `rate`), written like `symbols`. */
  readonly extraSymbols?: readonly SymbolInfo[];
  /** Called as loading advances: which file, which phase, and the fraction of the current step done. */
  readonly onProgress?: (event: { fileIndex: number; phase: 'read' | 'check' | 'write'; fraction: number }) => void;
}

/** A named list of members (an imported constituent list), kept in the store beside the symbols. */
export interface StoredGroup {
  readonly name: string;
  readonly members: readonly string[];
  /** The group's own benchmark (breadth's "beating the benchmark"), or null for the default. */
  readonly benchmark: string | null;
  /** Where the list came from (a file name), for the record. */
  readonly source: string | null;
}

/** A command's output kept per data version: what it printed and its warnings (JSON of DataWarning[]). */
export interface KeptResult {
  readonly body: string;
  readonly warnings: string;
}

/** One of `of` disjoint parts of a set of symbols (`index` from 0), split by a hash of the ticker. */
export interface SymbolPart {
  readonly index: number;
  readonly of: number;
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
  writeBars(
    batches: Iterable<BarBatch> | AsyncIterable<BarBatch>,
    symbols?: readonly SymbolInfo[],
  ): Promise<WriteResult>;
  /**
   * Loads CSV files as one all-or-nothing upsert (see CsvFileSpec). Rows are checked as the import
   * rules say (number and date syntax, prices > 0, high >= low, volume >= 0, no duplicate date with
   * different values); when a file later in the list repeats a (symbol, date) of an earlier one, the
   * later file wins. Returns problems instead of throwing for bad rows.
   */
  importCsv(files: readonly CsvFileSpec[], options?: CsvImportOptions): Promise<CsvImportOutcome>;
  /** Removes a symbol's bars (and the symbol). */
  deleteSymbol(ticker: string): Promise<void>;
  /**
   * `symbols remove`: takes the symbols (checked, upper case) out of the store in one transaction: their
   * bars, close snapshot, symbol info, basket definition and group memberships (a group left empty is
   * deleted). Nothing is removed when one is unknown (NotFoundError) or a stored basket not removed with
   * it is made of it (UsageError).
   */
  removeSymbols(tickers: readonly string[]): Promise<SymbolRemoval>;
  /** `db check`: finds what breaks the data rules in the stored data; with `fix`, repairs it in one transaction. */
  checkIntegrity(options: IntegrityOptions): Promise<IntegrityReport>;

  /** One symbol's bars in date order, or null when the symbol has no bars. One round trip. */
  readSeries(ticker: string, range?: DateRange): Promise<PriceSeries | null>;
  /** Many symbols' bars in one round trip; symbols without bars are absent from the map. */
  readMany(
    tickers: readonly string[] | 'all',
    range?: DateRange,
    options?: ReadOptions,
  ): Promise<Map<string, PriceSeries>>;
  /**
   * The packed close-snapshot segments of a closes-only or adjusted-closes-only read, not yet unpacked
   * (`unpackSegments` in series-snapshot.ts gives what `readMany` would): a server unpacks a large read
   * on another thread. `part` reads only the symbols of one of `of` disjoint parts (by a hash of the
   * ticker), so the first part can be unpacked while the next is read. Optional; null when the columns
   * are not ones the snapshot holds.
   */
  readPacked?(
    tickers: readonly string[] | 'all',
    range: DateRange | undefined,
    columns: readonly BarColumn[],
    part?: SymbolPart,
  ): Promise<PackedSegments | null>;
  /** The distinct sources of the stored bars (`csv`, `demo`, `basket` ...); empty when no bar is stored. Cheap. */
  barSources(): Promise<string[]>;
  /** The last stored date per symbol (for incremental updates). */
  lastDates(): Promise<Map<string, string>>;

  saveBasket(def: BasketDefinition): Promise<void>;
  getBasket(ticker: string): Promise<BasketDefinition | null>;
  listBaskets(): Promise<BasketDefinition[]>;

  /** Saves a group, replacing one whose name matches case-insensitively. */
  saveGroup(group: StoredGroup): Promise<void>;
  /** Every stored group, by name. */
  listGroups(): Promise<StoredGroup[]>;

  /** Applies pending schema migrations (opening a store does this too); returns the versions applied. */
  migrate(): Promise<number[]>;
  /** The schema version the store is at. */
  schemaVersion(): Promise<number>;
  /**
   * Runs `fn` unless the named job is already running (in any process sharing this store, for a shared
   * backend): the scheduler's daily update runs once across several servers.
   */
  runExclusive<T>(jobName: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;

  /** A token that changes whenever stored data changes: caches key on it. */
  dataVersion(): Promise<string>;
  /**
   * A result computed from this store's data and kept under `key` (services/kept-results.ts), answered
   * only while the data version it was computed at is still the current one; else null. Optional: a
   * store without it (PostgreSQL) keeps nothing and every command computes.
   */
  keptResult?(key: string): Promise<KeptResult | null>;
  /** Keeps `result` under `key` if the data version is still `dataVersion` (read before computing it). */
  keepResult?(key: string, dataVersion: string, result: KeptResult): Promise<void>;
  close(): Promise<void>;
}
