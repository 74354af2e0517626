/**
 * The embedded store: one DuckDB file (or ':memory:') behind the PriceStore interface.
 * Reads come back columnar (one query, typed arrays, NULL -> NaN). `writeBars` stages rows through
 * the appender and merges them in one transaction; `importCsv` bulk-loads CSV files with DuckDB's own
 * reader (duckdb-csv-import.ts). A failed or killed write leaves the file unchanged.
 * Writes on one store run one at a time (a DuckDB connection runs one transaction at a time); reads
 * run beside them and beside each other on a small pool of connections.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { BasketDefinition } from '../../domain/basket.js';
import { DataError, UsageError } from '../../domain/errors.js';
import type { BarSelector } from '../../domain/lazy-values.js';
import type { PriceSeries } from '../../domain/price-series.js';
import {
  guessedSymbolInfo,
  normaliseTicker,
  type SymbolInfo,
  type SymbolKind,
  type SymbolSummary,
  validateSymbolInfo,
} from '../../domain/symbol-info.js';
import { tryParseIsoDate } from '../../domain/trading-date.js';
import type {
  BarBatch,
  BarColumn,
  CsvFileSpec,
  CsvImportOptions,
  CsvImportOutcome,
  DateRange,
  KeptResult,
  PriceStore,
  ReadOptions,
  StoredGroup,
  SymbolPart,
  WriteResult,
} from '../price-store.js';
import { type PackedSegments, snapshotCanRead, unpackSegments } from '../series-snapshot.js';
import { lockConflictPid, StoreBusyError } from '../store-busy-error.js';
import {
  type IntegrityOptions,
  type IntegrityReport,
  type SymbolRemoval,
  tickersToRemove,
} from '../store-maintenance.js';
import { duckdbApi } from './duckdb-api.js';
import { mergeStagedBars } from './duckdb-bar-merge.js';
import { CREATE_BAR_STAGE, DROP_BAR_STAGE, STAGED_BARS, stageBarBatches } from './duckdb-bar-stager.js';
import { importCsvFiles, settleAgainstStored } from './duckdb-csv-import.js';
import { ALL_BAR_COLUMNS, readGroupedSeries, selectedValueSql } from './duckdb-grouped-reader.js';
import { readKeptResult, writeKeptResult } from './duckdb-kept-results.js';
import { checkIntegrityDuckDb, removeSymbolsDuckDb } from './duckdb-maintenance.js';
import { MIGRATIONS } from './duckdb-schema.js';
import {
  dropSnapshot,
  readSnapshot,
  readSnapshotSegments,
  rebuildSnapshot,
  refreshSnapshot,
  SNAPSHOT_SUMMARY,
  snapshotLastDates,
  snapshotMiddleTicker,
  snapshotSources,
  type TickerSpan,
} from './duckdb-snapshot.js';

const { DuckDBInstance: Instance, LIST, listValue, VARCHAR } = duckdbApi;
const STRING_LIST = LIST(VARCHAR);

export class DuckDbStore implements PriceStore {
  readonly backend = 'duckdb' as const;
  readonly location: string;
  private readonly instance: DuckDBInstance;
  private readonly connection: DuckDBConnection;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /**
   * Whether the writes of this session were small together and removed no row (null: none yet). Its
   * checkpoint at close then runs without DuckDB's vacuum (see quietCheckpoint).
   */
  private quietWrites: boolean | null = null;
  /** Rows this session's writes inserted or changed. */
  private rowsWritten = 0;
  /** Sources read ahead (readSourcesAhead) for the next barSources; dropped by any write. */
  private sourcesAhead: Promise<string[]> | null = null;

  private readonly runningJobs = new Set<string>();
  private readonly idleReaders: DuckDBConnection[] = [];
  private readonly readerWaiters: ((c: DuckDBConnection) => void)[] = [];
  private readonly readsDrained: (() => void)[] = [];
  private readerCount = 0;
  private activeReads = 0;

  private constructor(location: string, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.location = location;
    this.instance = instance;
    this.connection = connection;
  }

  /**
   * Opens (creating if needed) a store file, or an in-memory store for ':memory:'. Files go through
   * DuckDB's instance cache so one process never opens the same file twice. `started` is DuckDB's instance
   * for `path` when its opening was started already (openDuckDbEarly): its failure is reported here as any
   * other.
   */
  static async open(path: string, started?: Promise<DuckDBInstance>): Promise<DuckDbStore> {
    let instance: DuckDBInstance;
    try {
      instance =
        started !== undefined
          ? await started
          : path === ':memory:'
            ? await Instance.create(':memory:')
            : await Instance.fromCache(path);
    } catch (e) {
      const holder = lockConflictPid(e);
      if (holder !== undefined) throw new StoreBusyError(path, holder, { cause: e });
      throw cannotOpen(path, e);
    }
    const connection = await instance.connect();
    const store = new DuckDbStore(path, instance, connection);
    try {
      await store.migrate();
    } catch (e) {
      // not a store after all (another application's database): let go of the file
      await store.close().catch(() => undefined);
      throw e;
    }
    return store;
  }

  /** Runs `fn` after every earlier call on this store has finished. */
  private exclusive<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`store ${this.location} is closed`));
    const run = this.queue.then(() => fn(this.connection));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs `fn` inside BEGIN/COMMIT; any error rolls everything back. */
  private async inTransaction<T>(c: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
    await c.run('BEGIN TRANSACTION');
    try {
      const out = await fn();
      await c.run('COMMIT');
      return out;
    } catch (e) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /** Applies pending schema migrations in one transaction; returns the versions applied. */
  async migrate(): Promise<number[]> {
    return this.exclusive(async (c) => {
      const current = await storedSchemaVersion(c, this.location);
      const pending = MIGRATIONS.filter((m) => m.version > current);
      if (pending.length === 0) return [];
      this.noteWrite(Number.POSITIVE_INFINITY, true);
      await this.inTransaction(c, async () => {
        for (const m of pending) {
          for (const sql of m.statements) await c.run(sql);
          await c.run('INSERT INTO schema_version VALUES ($v)', { v: m.version });
        }
        // once, however many of the pending migrations change what the snapshot holds
        if (pending.some((m) => m.buildsSnapshot)) await rebuildSnapshot(c);
      });
      return pending.map((m) => m.version);
    });
  }

  async schemaVersion(): Promise<number> {
    return this.read(async (c) =>
      Number((await c.runAndReadAll('SELECT max(version) FROM schema_version')).getRowsJS()[0]?.[0] ?? 0),
    );
  }

  /**
   * A DuckDB file belongs to one process, so a named job needs only an in-process guard: a second
   * call while the first runs does not run.
   */
  async runExclusive<T>(jobName: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.runningJobs.has(jobName)) return { ran: false };
    this.runningJobs.add(jobName);
    try {
      return { ran: true, value: await fn() };
    } finally {
      this.runningJobs.delete(jobName);
    }
  }

  async upsertSymbols(infos: readonly SymbolInfo[]): Promise<void> {
    if (infos.length === 0) return;
    this.noteWrite(Number.POSITIVE_INFINITY, true);
    await this.exclusive((c) =>
      this.inTransaction(c, async () => {
        await insertSymbols(c, infos.map(validateSymbolInfo), 'update');
        await bumpVersion(c);
      }),
    );
  }

  async getSymbol(ticker: string): Promise<SymbolInfo | null> {
    const rows = await this.read(async (c) =>
      (
        await c.runAndReadAll('SELECT ticker, name, kind, currency FROM symbols WHERE ticker = $t', {
          t: normaliseTicker(ticker),
        })
      ).getRowsJS(),
    );
    const r = rows[0];
    return r ? toInfo(r) : null;
  }

  async listSymbols(): Promise<SymbolSummary[]> {
    const rows = await this.read(async (c) =>
      (
        await c.runAndReadAll(
          `SELECT s.ticker, s.name, s.kind, s.currency,
                  strftime(b.first_date, '%Y-%m-%d'), strftime(b.last_date, '%Y-%m-%d'), coalesce(b.n, 0)::INTEGER, b.sources
           FROM symbols s
           LEFT JOIN ${SNAPSHOT_SUMMARY} b ON b.symbol = s.ticker
           ORDER BY s.ticker`,
        )
      ).getRowsJS(),
    );
    return rows.map((r) => ({
      ...toInfo(r),
      firstDate: (r[4] as string | null) ?? null,
      lastDate: (r[5] as string | null) ?? null,
      rows: Number(r[6]),
      sources: r[7] ? String(r[7]).split(',') : [],
    }));
  }

  async writeBars(
    batches: Iterable<BarBatch> | AsyncIterable<BarBatch>,
    symbols: readonly SymbolInfo[] = [],
  ): Promise<WriteResult> {
    return this.exclusive(async (c) => {
      for (const sql of CREATE_BAR_STAGE) await c.run(sql);
      try {
        const staged = await stageBarBatches(c, batches);
        return await this.inTransaction(c, async () => {
          const given = symbols.map(validateSymbolInfo);
          const known = new Set(given.map((s) => s.ticker));
          const guessed = staged.symbols.filter((t) => !known.has(t)).map(guessedSymbolInfo);
          const newSymbols = (await insertSymbols(c, guessed, 'keep')) + (await insertSymbols(c, given, 'update'));
          const loadId = (await currentVersion(c)) + 1;
          const rowsChanged = await mergeStagedBars(c, STAGED_BARS, loadId);
          const removed = rowsChanged > 0 && (await refreshSnapshot(c, loadId, loadId));
          if (rowsChanged > 0 || newSymbols > 0) await bumpVersion(c);
          this.noteWrite(rowsChanged, removed);
          return { rowsChanged, rowsSeen: staged.rows };
        });
      } finally {
        for (const sql of DROP_BAR_STAGE) await c.run(sql);
      }
    });
  }

  async importCsv(files: readonly CsvFileSpec[], options: CsvImportOptions = {}): Promise<CsvImportOutcome> {
    const given = [...(options.symbols ?? []), ...(options.extraSymbols ?? [])].map(validateSymbolInfo);
    const known = new Set(given.map((s) => s.ticker));
    const extra = options.extraBatches ?? [];
    let removed = false;
    const outcome = await this.exclusive((c) =>
      importCsvFiles(c, files, options, {
        writeExtra: async (tx, loadId) => {
          if (extra.length === 0) return 0;
          for (const sql of CREATE_BAR_STAGE) await tx.run(sql);
          try {
            const staged = await stageBarBatches(tx, extra);
            await mergeStagedBars(tx, STAGED_BARS, loadId);
            return staged.rows;
          } finally {
            for (const sql of DROP_BAR_STAGE) await tx.run(sql);
          }
        },
        writeSymbols: async (tx, tickers) =>
          (await insertSymbols(tx, tickers.filter((t) => !known.has(t)).map(guessedSymbolInfo), 'keep')) +
          (await insertSymbols(tx, given, 'update')),
        bumpVersion,
        currentVersion,
        refreshSnapshot: async (tx, fromLoad, toLoad, prepacked) => {
          if (await refreshSnapshot(tx, fromLoad, toLoad, prepacked)) removed = true;
        },
        noteRemovals: () => {
          removed = true;
        },
        inTransaction: (tx, fn) => this.inTransaction(tx, fn),
      }),
    );
    if (outcome.problems.length === 0) this.noteWrite(outcome.rowsChanged, removed);
    return outcome;
  }

  /** Records a write of `rows` rows for the checkpoint at close (any other kind of write: rows Infinity). */
  private noteWrite(rows: number, removed: boolean): void {
    this.sourcesAhead = null;
    this.rowsWritten += rows;
    this.quietWrites = (this.quietWrites ?? true) && !removed && this.rowsWritten < QUIET_WRITE_ROWS;
  }

  /**
   * For a staging store (PostgreSQL's import): settles the rows of the import just made here against
   * `stored` (the real store's bars on the same dates) by the same rules as a DuckDB import, leaving
   * only the rows the real store must write. Returns the problems; none means settled.
   */
  async settleImportAgainst(
    stored: Iterable<BarBatch>,
    files: readonly CsvFileSpec[],
    replace: boolean,
  ): Promise<CsvImportOutcome['problems']> {
    return this.exclusive(async (c) => {
      for (const sql of CREATE_BAR_STAGE) await c.run(sql);
      try {
        await stageBarBatches(c, stored);
        return await settleAgainstStored(c, STAGED_BARS, files, replace, (tx, fn) => this.inTransaction(tx, fn));
      } finally {
        for (const sql of DROP_BAR_STAGE) await c.run(sql);
      }
    });
  }

  async deleteSymbol(ticker: string): Promise<void> {
    this.noteWrite(Number.POSITIVE_INFINITY, true);
    const t = normaliseTicker(ticker);
    await this.exclusive((c) =>
      this.inTransaction(c, async () => {
        await c.run('DELETE FROM bars WHERE symbol = $t', { t });
        await dropSnapshot(c, t);
        await c.run('DELETE FROM symbols WHERE ticker = $t', { t });
        await bumpVersion(c);
      }),
    );
  }

  async removeSymbols(tickers: readonly string[]): Promise<SymbolRemoval> {
    this.noteWrite(Number.POSITIVE_INFINITY, true);
    const checked = tickersToRemove(tickers);
    return this.exclusive((c) => this.inTransaction(c, () => removeSymbolsDuckDb(c, checked, MAINTENANCE_HOOKS)));
  }

  async checkIntegrity(options: IntegrityOptions): Promise<IntegrityReport> {
    this.noteWrite(Number.POSITIVE_INFINITY, true);
    return this.exclusive((c) => this.inTransaction(c, () => checkIntegrityDuckDb(c, options, MAINTENANCE_HOOKS)));
  }

  async readSeries(ticker: string, range?: DateRange): Promise<PriceSeries | null> {
    const t = normaliseTicker(ticker);
    const map = await this.readMany([t], range);
    return map.get(t) ?? null;
  }

  async readMany(
    tickers: readonly string[] | 'all',
    range?: DateRange,
    options: ReadOptions = {},
  ): Promise<Map<string, PriceSeries>> {
    const { clause, params } = rangeClause(range);
    const columns = options.columns ?? ALL_BAR_COLUMNS;
    // closes and adjusted closes alone come from the packed snapshot (duckdb-snapshot.ts)
    if (snapshotCanRead(options.columns)) {
      if (tickers === 'all') return this.readWholeSnapshot(range, columns, options.select);
      const wanted = [...new Set(tickers.map(normaliseTicker))];
      return this.read((c) => readSnapshot(c, wanted, range, columns, options.select));
    }
    return this.read(async (c) => {
      const wanted =
        tickers === 'all'
          ? (await c.runAndReadAll('SELECT ticker FROM symbols ORDER BY ticker')).getRowsJS().map((r) => String(r[0]))
          : [...new Set(tickers.map(normaliseTicker))];
      if (wanted.length === 0) return new Map();
      // A large read goes out as two halves on two connections: while DuckDB fills one half's next
      // chunk, JavaScript copies the other's, which about halves a whole-universe read on 2 cores.
      if (wanted.length < PARALLEL_READ_MIN_TICKERS) return this.readGrouped(c, wanted, clause, params, columns);
      const half = Math.ceil(wanted.length / 2);
      const secondHalf = (r: DuckDBConnection) => this.readGrouped(r, wanted.slice(half), clause, params, columns);
      // a second pooled connection when one is free (never wait for one while holding one: no deadlock)
      const free = this.idleReaders.length > 0 || this.readerCount < MAX_READERS;
      const [a, b] = free
        ? await Promise.all([
            this.readGrouped(c, wanted.slice(0, half), clause, params, columns),
            this.read(secondHalf),
          ])
        : [await this.readGrouped(c, wanted.slice(0, half), clause, params, columns), await secondHalf(c)];
      for (const [k, v] of b) a.set(k, v);
      return a;
    });
  }

  /**
   * Every symbol's packed segments, read as two halves by ticker at once on two reader connections: DuckDB
   * scans the blobs of a row group on one thread, and the segments are one row group, so two scans of half
   * the blobs each (the ticker filter is applied before the blobs are read) take the read of `perf --all`
   * at 3,000 x 20 years from one core to two (paired at load 16: 0.63 / 0.70 s against 0.65 / 0.74 s whole
   * process). Each half reads the data version in its own transaction: if a write landed between the two,
   * they are not of one state of the store, and the whole snapshot is read again in one query.
   */
  private async readWholeSnapshot(
    range: DateRange | undefined,
    columns: readonly BarColumn[],
    select: BarSelector | undefined,
  ): Promise<Map<string, PriceSeries>> {
    const middle = await this.read((c) => snapshotMiddleTicker(c));
    const whole = () => this.read((c) => readSnapshot(c, 'all', range, columns, select));
    if (middle === null) return whole();
    const half = (span: TickerSpan) =>
      this.read(async (c) => {
        await c.run('BEGIN TRANSACTION');
        try {
          const version = String((await c.runAndReadAll(DATA_VERSION_SQL)).getRowsJS()[0]?.[0]);
          return { version, packed: await readSnapshotSegments(c, 'all', range, columns, undefined, span) };
        } finally {
          // read only: nothing to commit (and after a failed read the transaction can only roll back)
          await c.run('ROLLBACK');
        }
      });
    const [low, high] = await Promise.all([half({ below: middle }), half({ from: middle })]);
    if (low.version !== high.version) return whole();
    const packed: PackedSegments = {
      columns,
      range,
      symbols: [...low.packed.symbols, ...high.packed.symbols],
      segments: [...low.packed.segments, ...high.packed.segments],
    };
    return unpackSegments(packed, select);
  }

  async readPacked(
    tickers: readonly string[] | 'all',
    range: DateRange | undefined,
    columns: readonly BarColumn[],
    part?: SymbolPart,
  ): Promise<PackedSegments | null> {
    if (!snapshotCanRead(columns)) return null;
    const wanted = tickers === 'all' ? 'all' : [...new Set(tickers.map(normaliseTicker))];
    return this.read((c) => readSnapshotSegments(c, wanted, range, columns, part));
  }

  /** One query for `tickers`, rows grouped in JavaScript (see duckdb-grouped-reader.ts). */
  private async readGrouped(
    c: DuckDBConnection,
    tickers: string[],
    clause: string,
    params: Record<string, string>,
    columns: readonly BarColumn[],
  ): Promise<Map<string, PriceSeries>> {
    const values = selectedValueSql(columns);
    // No ORDER BY, and no need for storage order either: readGroupedSeries groups rows by symbol and
    // sorts a series only if it must. Letting DuckDB hand chunks over in any order is faster.
    await c.run('SET preserve_insertion_order = false');
    try {
      const result = await c.stream(
        `SELECT w.i, (b.date - DATE '1970-01-01')::INTEGER${values ? `, ${values}` : ''}
         FROM bars b JOIN (SELECT unnest($tickers) AS ticker, unnest(range(len($tickers)))::INTEGER AS i) w ON w.ticker = b.symbol
         WHERE true ${clause}`,
        { ...params, tickers: listValue(tickers) },
        { tickers: STRING_LIST },
      );
      return await readGroupedSeries(result, tickers, columns);
    } finally {
      await c.run('RESET preserve_insertion_order');
    }
  }

  /**
   * Runs a read on a connection of the reader pool (made on demand, at most MAX_READERS), never
   * behind the write queue or another read: a large read does not hold up the data-version check or a
   * one-symbol read. A reader sees committed data only, as reads should.
   */
  private async read<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error(`store ${this.location} is closed`);
    let c = this.idleReaders.pop();
    if (c === undefined) {
      if (this.readerCount < MAX_READERS) {
        this.readerCount++;
        c = await this.instance.connect();
      } else {
        c = await new Promise<DuckDBConnection>((resolve) => this.readerWaiters.push(resolve));
      }
    }
    this.activeReads++;
    try {
      return await fn(c);
    } finally {
      this.activeReads--;
      const next = this.readerWaiters.shift();
      if (next) next(c);
      else this.idleReaders.push(c);
      if (this.activeReads === 0) for (const done of this.readsDrained.splice(0)) done();
    }
  }

  async barSources(): Promise<string[]> {
    const ahead = this.sourcesAhead;
    this.sourcesAhead = null;
    if (ahead !== null) return ahead;
    // from the snapshot's per-segment source lists: a few thousand rows, never a scan of every bar
    return this.read((c) => snapshotSources(c));
  }

  /**
   * Starts reading the sources now; the next barSources answers with them unless a write came between
   * (the CLI's early open: a read command's first question, asked while its modules still load).
   */
  readSourcesAhead(): void {
    const ahead = this.read((c) => snapshotSources(c));
    ahead.catch(() => undefined); // a failure is met by the barSources that takes it
    this.sourcesAhead = ahead;
  }

  async lastDates(): Promise<Map<string, string>> {
    // from the snapshot segments' last days: a few thousand rows, not a pass over every bar
    return this.read((c) => snapshotLastDates(c));
  }

  async saveBasket(def: BasketDefinition): Promise<void> {
    this.noteWrite(Number.POSITIVE_INFINITY, true);
    const ticker = normaliseTicker(def.ticker);
    const json = JSON.stringify({ ...def, ticker });
    await this.exclusive((c) =>
      this.inTransaction(c, async () => {
        await c.run(
          `INSERT INTO baskets VALUES ($t, CAST($d AS JSON)) ON CONFLICT (ticker) DO UPDATE SET definition = excluded.definition`,
          { t: ticker, d: json },
        );
        await bumpVersion(c);
      }),
    );
  }

  async getBasket(ticker: string): Promise<BasketDefinition | null> {
    const rows = await this.read(async (c) =>
      (
        await c.runAndReadAll('SELECT CAST(definition AS VARCHAR) FROM baskets WHERE ticker = $t', {
          t: normaliseTicker(ticker),
        })
      ).getRowsJS(),
    );
    const r = rows[0];
    return r ? (JSON.parse(String(r[0])) as BasketDefinition) : null;
  }

  async saveGroup(group: StoredGroup): Promise<void> {
    this.noteWrite(Number.POSITIVE_INFINITY, true);
    await this.exclusive((c) =>
      this.inTransaction(c, async () => {
        await c.run(
          `INSERT INTO groups VALUES ($k, CAST($d AS JSON)) ON CONFLICT (key) DO UPDATE SET definition = excluded.definition`,
          { k: group.name.toLowerCase(), d: JSON.stringify(group) },
        );
        await bumpVersion(c);
      }),
    );
  }

  async listGroups(): Promise<StoredGroup[]> {
    const rows = await this.exclusive(async (c) =>
      (await c.runAndReadAll('SELECT CAST(definition AS VARCHAR) FROM groups ORDER BY key')).getRowsJS(),
    );
    return rows.map((r) => JSON.parse(String(r[0])) as StoredGroup);
  }

  async listBaskets(): Promise<BasketDefinition[]> {
    const rows = await this.read(async (c) =>
      (await c.runAndReadAll('SELECT CAST(definition AS VARCHAR) FROM baskets ORDER BY ticker')).getRowsJS(),
    );
    return rows.map((r) => JSON.parse(String(r[0])) as BasketDefinition);
  }

  async dataVersion(): Promise<string> {
    const rows = await this.read(async (c) => (await c.runAndReadAll(DATA_VERSION_SQL)).getRowsJS());
    return String(rows[0]?.[0] ?? 0);
  }

  async keptResult(key: string): Promise<KeptResult | null> {
    return this.read((c) => readKeptResult(c, key));
  }

  async keepResult(key: string, dataVersion: string, result: KeptResult): Promise<void> {
    const deleted = await this.exclusive((c) =>
      this.inTransaction(c, () => writeKeptResult(c, key, dataVersion, result)),
    );
    // one row; a keep that only replaced the table whole leaves nothing for the vacuum (writeKeptResult)
    this.noteWrite(1, deleted);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    if (this.activeReads > 0) await new Promise<void>((resolve) => this.readsDrained.push(resolve));
    this.closed = true;
    if (this.quietWrites === true && this.location !== ':memory:') await quietCheckpoint(this.connection);
    for (const r of this.idleReaders.splice(0)) r.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/**
 * A session whose writes came to fewer rows than this (a daily update of a few thousand symbols) may close
 * without DuckDB's vacuum; a larger one (a bulk import, a first download) closes as it always did.
 */
const QUIET_WRITE_ROWS = 100_000;

/**
 * The checkpoint at close for a session whose writes were small and removed nothing: with DuckDB's
 * vacuum off. Rows appended to `bars` make the vacuum merge partly filled row groups (a bulk load leaves
 * them at about 117,000 rows of 122,880): some 240,000 rows rewritten, 0.25 s of a 0.3 s checkpoint after
 * a one-day import of 3,000 symbols, and 7.6 MB more file each time; without it the close takes 0.04-0.06 s
 * and the appended rows stay a row group of their own. Nothing is left to reclaim (no row was deleted),
 * and the next write that deletes rows vacuums as usual. If the checkpoint cannot run (another
 * connection's transaction is open), the close checkpoints as it always did.
 */
async function quietCheckpoint(c: DuckDBConnection): Promise<void> {
  try {
    await c.run('SET max_vacuum_tasks = 0');
    await c.run('CHECKPOINT');
  } catch {
    // the close checkpoints as usual
  } finally {
    await c.run('RESET max_vacuum_tasks').catch(() => undefined);
  }
}

const MAINTENANCE_HOOKS = {
  bumpVersion: (c: DuckDBConnection) => bumpVersion(c),
  addGuessedSymbols: (c: DuckDBConnection, tickers: readonly string[]) =>
    insertSymbols(c, tickers.map(guessedSymbolInfo), 'keep'),
};

/** Connections in the reader pool. */
const MAX_READERS = 4;

const DATA_VERSION_SQL = 'SELECT data_version FROM store_meta WHERE id = 1';
/** Reads of this many tickers or more are split across two connections. */
const PARALLEL_READ_MIN_TICKERS = 64;

/**
 * The schema version recorded in the file, 0 for a new one (whose `schema_version` table is made here).
 * One query on every open: a `CREATE TABLE IF NOT EXISTS` first was another transaction, 2-12 ms of a
 * 0.2 s command.
 */
async function storedSchemaVersion(c: DuckDBConnection, location: string): Promise<number> {
  try {
    return Number((await c.runAndReadAll('SELECT max(version) AS v FROM schema_version')).getRowsJS()[0]?.[0] ?? 0);
  } catch (e) {
    if (!/schema_version does not exist/.test((e as Error).message)) throw e;
    await refuseForeignDatabase(c, location);
    await c.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    return 0;
  }
}

/**
 * A DuckDB database of another application (tables, none of them ours) is refused before any migration writes
 * MarketDash's tables into it: `--db` pointed at the wrong file.
 */
async function refuseForeignDatabase(c: DuckDBConnection, location: string): Promise<void> {
  const rows = (
    await c.runAndReadAll(
      'SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() ORDER BY table_name',
    )
  ).getRowsJS();
  const tables = rows.map((r) => String(r[0]));
  if (tables.length === 0 || tables.includes('bars') || tables.includes('symbols')) return;
  const named =
    tables.length <= 5 ? tables.join(', ') : `${tables.slice(0, 5).join(', ')} and ${tables.length - 5} more`;
  throw new DataError(
    `${location} is not a MarketDash store (a DuckDB database with other tables: ${named}); nothing was changed in it`,
    { file: location },
  );
}

/** Increments the data version inside the current write transaction (by `by` when a write used several load ids). */
export async function bumpVersion(c: DuckDBConnection, by = 1): Promise<void> {
  await c.run(`UPDATE store_meta SET data_version = data_version + ${Math.max(1, Math.floor(by))} WHERE id = 1`);
}

export async function currentVersion(c: DuckDBConnection): Promise<number> {
  const rows = (await c.runAndReadAll('SELECT data_version FROM store_meta WHERE id = 1')).getRowsJS();
  return Number(rows[0]?.[0] ?? 0);
}

/**
 * Inserts symbol rows in one statement. 'update' overwrites name/kind/currency of known tickers,
 * 'keep' leaves them. Returns the number of rows written.
 */
export async function insertSymbols(
  c: DuckDBConnection,
  infos: readonly SymbolInfo[],
  onConflict: 'update' | 'keep',
): Promise<number> {
  if (infos.length === 0) return 0;
  const conflict =
    onConflict === 'update'
      ? // a row whose values are already those given is not counted as changed (re-importing a FRED file or a
        // symbol list leaves the data version alone); no name given keeps the stored one, as on PostgreSQL
        `ON CONFLICT (ticker) DO UPDATE SET name = coalesce(excluded.name, symbols.name), kind = excluded.kind,
           currency = excluded.currency
         WHERE symbols.name IS DISTINCT FROM coalesce(excluded.name, symbols.name)
            OR symbols.kind IS DISTINCT FROM excluded.kind OR symbols.currency IS DISTINCT FROM excluded.currency`
      : 'ON CONFLICT (ticker) DO NOTHING';
  const r = await c.run(
    `INSERT INTO symbols SELECT unnest($t), unnest($n), unnest($k), unnest($c) ${conflict}`,
    {
      t: listValue(infos.map((i) => i.ticker)),
      n: listValue(infos.map((i) => i.name)),
      k: listValue(infos.map((i) => i.kind)),
      c: listValue(infos.map((i) => i.currency)),
    },
    { t: STRING_LIST, n: STRING_LIST, k: STRING_LIST, c: STRING_LIST },
  );
  return r.rowsChanged;
}

function toInfo(r: readonly unknown[]): SymbolInfo {
  return {
    ticker: String(r[0]),
    name: (r[1] as string | null) ?? null,
    kind: String(r[2]) as SymbolKind,
    currency: String(r[3]),
  };
}

function rangeClause(range: DateRange | undefined): { clause: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  let clause = '';
  if (range?.from) {
    checkDate(range.from, 'from');
    params.from = range.from;
    clause += ' AND b.date >= CAST($from AS DATE)';
  }
  if (range?.to) {
    checkDate(range.to, 'to');
    params.to = range.to;
    clause += ' AND b.date <= CAST($to AS DATE)';
  }
  return { clause, params };
}

function checkDate(text: string, parameter: string): void {
  if (tryParseIsoDate(text) === null)
    throw new UsageError(`${parameter}: '${text}' is not a valid date (expected YYYY-MM-DD)`, { parameter });
}

/**
 * Why a file cannot be a store, in one line: a file DuckDB does not recognise is "not a MarketDash store",
 * anything else (permissions, a newer DuckDB's file) "cannot be opened"; DuckDB's own first line in parentheses.
 */
export function cannotOpen(path: string, e: unknown): DataError {
  const said = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();
  const what = /not a valid DuckDB database file/i.test(said)
    ? 'is not a MarketDash store'
    : 'cannot be opened as a store';
  return new DataError(`${path} ${what} (DuckDB could not open it: ${said})`, { cause: e, file: path });
}
