/**
 * The PostgreSQL store: one shared store for a team and several `marketdash serve` processes.
 * Writes stream through COPY into a temporary staging table and upsert in the same transaction
 * (all or nothing); reads fetch whole series in one round trip with dates as day numbers.
 */

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { BasketDefinition } from '../../domain/basket.js';
import { ensureDefined } from '../../domain/ensure.js';
import { DataError } from '../../domain/errors.js';
import type { PriceSeries } from '../../domain/price-series.js';
import {
  guessedSymbolInfo,
  normaliseTicker,
  type SymbolInfo,
  type SymbolKind,
  type SymbolSummary,
  validateSymbolInfo,
} from '../../domain/symbol-info.js';
import { checkBarBatch, checkDateRange } from '../bar-batch-check.js';
import { DuckDbStore } from '../duckdb/duckdb-store.js';
import type {
  BarBatch,
  BarColumn,
  CsvFileSpec,
  CsvImportOptions,
  CsvImportOutcome,
  CsvProblem,
  DateRange,
  PriceStore,
  ReadOptions,
  StoredGroup,
  SymbolPart,
  WriteResult,
} from '../price-store.js';
import { type PackedSegments, snapshotCanRead } from '../series-snapshot.js';
import {
  type IntegrityOptions,
  type IntegrityReport,
  type SymbolRemoval,
  tickersToRemove,
} from '../store-maintenance.js';
import { MIGRATIONS } from './migrations.js';
import { BarsBinaryDecoder, encodeBarsBinary } from './pg-binary-copy.js';
import { checkIntegrityPg, removeSymbolsPg } from './pg-maintenance.js';
import { readPgSnapshot, readPgSnapshotSegments, rebuildPgSnapshot, refreshPgSnapshot } from './pg-snapshot.js';

/** Advisory-lock keys (arbitrary, fixed) for schema migration and named exclusive jobs. */
const MIGRATION_LOCK = 724_000_001;

// DATE comes back as ISO text (reads of whole series use binary COPY instead).
pg.types.setTypeParser(1082, (v: string) => v);
// BIGINT (counts, sequence values) as number: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

export class PostgresStore implements PriceStore {
  readonly backend = 'postgres' as const;
  readonly location: string;

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
  ) {
    this.location = redactUrl(url);
  }

  /** Connects and runs pending migrations (once across processes, under an advisory lock). */
  static async open(url: string, options: { migrate?: boolean } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    pool.on('error', () => {
      // idle client errors (server restart) surface on the next query instead
    });
    // a checked-out client losing its connection emits 'error' as well: without a listener that is an
    // unhandled 'error' event that kills the process; the failing query reports it instead
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const store = new PostgresStore(pool, url);
    try {
      await pool.query('SELECT 1');
    } catch (e) {
      await pool.end();
      throw new DataError(`cannot connect to PostgreSQL at ${store.location}: ${(e as Error).message}`, { cause: e });
    }
    if (options.migrate !== false) {
      try {
        await store.migrate();
      } catch (e) {
        await pool.end();
        throw e;
      }
    }
    return store;
  }

  /** Applies every migration newer than the database's version; returns the versions applied. */
  async migrate(): Promise<number[]> {
    return inTransaction(this.pool, async (client) => {
      const applied: number[] = [];
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await refuseForeignDatabase(client, this.location);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
      );
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query(m.sql);
        if (m.buildsSnapshot) await rebuildPgSnapshot(client);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        applied.push(m.version);
      }
      return applied;
    });
  }

  async schemaVersion(): Promise<number> {
    const r = await this.pool.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    return r.rows[0]?.v ?? 0;
  }

  async upsertSymbols(given: readonly SymbolInfo[]): Promise<void> {
    if (given.length === 0) return;
    const infos = given.map(validateSymbolInfo);
    await this.pool.query(
      `INSERT INTO symbols (ticker, name, kind, currency)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (ticker) DO UPDATE SET name = COALESCE(EXCLUDED.name, symbols.name), kind = EXCLUDED.kind, currency = EXCLUDED.currency`,
      [infos.map((s) => s.ticker), infos.map((s) => s.name), infos.map((s) => s.kind), infos.map((s) => s.currency)],
    );
    await this.bumpVersion();
  }

  async getSymbol(ticker: string): Promise<SymbolInfo | null> {
    const r = await this.pool.query<{ ticker: string; name: string | null; kind: SymbolKind; currency: string }>(
      'SELECT ticker, name, kind, currency FROM symbols WHERE ticker = $1',
      [normaliseTicker(ticker)],
    );
    return r.rows[0] ?? null;
  }

  async listSymbols(): Promise<SymbolSummary[]> {
    const r = await this.pool.query<{
      ticker: string;
      name: string | null;
      kind: SymbolKind;
      currency: string;
      first: string | null;
      last: string | null;
      rows: number;
      sources: string[] | null;
    }>(
      `SELECT s.ticker, s.name, s.kind, s.currency, b.first, b.last, COALESCE(b.rows, 0) AS rows, b.sources
       FROM symbols s LEFT JOIN (
         SELECT a.symbol, a.first, a.last, a.rows, src.sources
         FROM (SELECT symbol, min(first_day) AS first, max(last_day) AS last, sum(n_rows)::bigint AS rows
               FROM close_snapshot GROUP BY symbol) a
         JOIN (SELECT symbol, array_agg(DISTINCT source ORDER BY source) AS sources
               FROM close_snapshot, unnest(sources) AS source GROUP BY symbol) src ON src.symbol = a.symbol) b
         ON b.symbol = s.ticker
       ORDER BY s.ticker`,
    );
    return r.rows.map((x) => ({
      ticker: x.ticker,
      name: x.name,
      kind: x.kind,
      currency: x.currency,
      firstDate: x.first,
      lastDate: x.last,
      rows: x.rows,
      sources: x.sources ?? [],
    }));
  }

  /**
   * Fast path first: COPY straight into bars inside a savepoint (a fresh import or a new stretch of
   * history never touches existing keys). If any key exists already, roll back to the savepoint and
   * upsert through a staging table, changing only rows whose values differ.
   */
  async writeBars(
    batches: Iterable<BarBatch> | AsyncIterable<BarBatch>,
    symbols: readonly SymbolInfo[] = [],
  ): Promise<WriteResult> {
    const all: BarBatch[] = [];
    const seen = new Set<string>();
    for await (const b of batches) {
      const batch = { series: { ...b.series, symbol: normaliseTicker(b.series.symbol) }, source: b.source };
      checkBarBatch(batch, seen);
      all.push(batch);
    }
    const rowsSeen = all.reduce((n, b) => n + b.series.dates.length, 0);
    let rowsChanged: number;
    try {
      rowsChanged = await inTransaction(this.pool, async (client) => {
        const known = new Map(symbols.map((s) => [normaliseTicker(s.ticker), validateSymbolInfo(s)]));
        // every given symbol (with bars or not) updates its row; a ticker without given info gets a
        // guessed row only when it has none (a stored kind is never overwritten by a guess), as on DuckDB
        const guessed = [...new Set(all.map((b) => b.series.symbol))]
          .filter((t) => !known.has(t))
          .map(guessedSymbolInfo);
        for (const [infos, update] of [
          [[...known.values()], true],
          [guessed, false],
        ] as const) {
          if (infos.length === 0) continue;
          await client.query(
            `INSERT INTO symbols (ticker, name, kind, currency)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
             ON CONFLICT (ticker) ${update ? 'DO UPDATE SET name = COALESCE(EXCLUDED.name, symbols.name), kind = EXCLUDED.kind, currency = EXCLUDED.currency' : 'DO NOTHING'}`,
            [
              infos.map((s) => s.ticker),
              infos.map((s) => s.name),
              infos.map((s) => s.kind),
              infos.map((s) => s.currency),
            ],
          );
        }
        let changed: number;
        // in the primary key's order (symbol, then date): each partition's index then grows at its right end
        const inKeyOrder = [...all].sort((a, b) =>
          a.series.symbol < b.series.symbol ? -1 : a.series.symbol > b.series.symbol ? 1 : 0,
        );
        await client.query('SAVEPOINT direct_copy');
        try {
          await pipeline(
            Readable.from(encodeBarsBinary(inKeyOrder)),
            client.query(
              copyFrom(
                'COPY bars (symbol, date, open, high, low, close, adj_close, volume, source) FROM STDIN (FORMAT binary)',
              ),
            ),
          );
          await client.query('RELEASE SAVEPOINT direct_copy');
          changed = rowsSeen;
        } catch (e) {
          if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
          await client.query('ROLLBACK TO SAVEPOINT direct_copy');
          changed = await upsertThroughStage(client, all);
        }
        if (changed > 0) {
          // the close snapshot, in the same transaction: from each symbol's earliest day written
          const touched = new Map<string, number>();
          for (const b of all)
            if (b.series.dates.length > 0)
              touched.set(
                b.series.symbol,
                ensureDefined(b.series.dates[0], `first day written for ${b.series.symbol}`),
              );
          // a symbol stored for the first time is packed from the batch itself (no read-back)
          await refreshPgSnapshot(client, touched, new Map(all.map((b) => [b.series.symbol, b])));
        }
        return changed;
      });
    } catch (e) {
      if (isConnectionLoss(e)) {
        throw new DataError(
          `lost the connection to PostgreSQL at ${this.location} during the write; nothing was written`,
          { cause: e },
        );
      }
      if ((e as { code?: string }).code === CARDINALITY_VIOLATION) {
        throw new DataError('two bars for the same symbol and date in one write', { cause: e });
      }
      throw e;
    }
    if (rowsChanged > 0 || symbols.length > 0) await this.bumpVersion();
    return { rowsChanged, rowsSeen };
  }

  /**
   * CSV files go through an in-memory DuckDB first: its CSV reader and the shared import checks (the very
   * same as the embedded store's), then every checked series is written here in one binary-COPY
   * transaction. Bad rows come back as problems and nothing is written.
   */
  async importCsv(files: readonly CsvFileSpec[], options: CsvImportOptions = {}): Promise<CsvImportOutcome> {
    const staging = await DuckDbStore.open(':memory:');
    try {
      const { extraBatches = [], extraSymbols = [], ...csvOptions } = options;
      const outcome = await staging.importCsv(files, csvOptions);
      if (outcome.problems.length > 0) return outcome;
      let series = await staging.readMany('all');
      // the stored bars on the new rows' dates go through the same overlap rules as a DuckDB import
      // (a close-only file never wipes stored open/high/low/volume)
      const firsts = outcome.files.map((f) => f.firstDate).filter((d): d is string => d !== null);
      const lasts = outcome.files.map((f) => f.lastDate).filter((d): d is string => d !== null);
      if (series.size > 0 && firsts.length > 0) {
        const stored = await this.readMany([...series.keys()], {
          from: firsts.sort()[0],
          to: lasts.sort().at(-1),
        });
        if (stored.size > 0) {
          // each stored bar with its own source: the overlap rules compare it with the values, so the same
          // values read again from another source become that source's bars, as on DuckDB (store contract)
          // the staging store takes one batch per symbol at a time: a symbol whose stored bars come from several
          // sources is settled in rounds, one source's days each (the days never overlap, so the order is free)
          const problems: CsvProblem[] = [];
          for (const round of oneBatchPerSymbol(await this.withStoredSources(stored, firsts[0]!, lasts.at(-1)!))) {
            problems.push(...(await staging.settleImportAgainst(round, files, options.replace === true)));
            if (problems.length > 0) break;
          }
          if (problems.length > 0) return { ...outcome, problems, rowsChanged: 0, rowsSeen: 0 };
          series = await staging.readMany('all');
        }
      }
      const sources = new Map(files.map((f) => [f.symbol, f.source]));
      if (extraBatches.length > 0) {
        // the extra series (FRED files) win over the files' rows on the same dates, as on DuckDB: merged
        // into the staged rows here, then everything goes to PostgreSQL in the one transaction below
        await staging.writeBars(extraBatches);
        for (const b of extraBatches) sources.set(normaliseTicker(b.series.symbol), b.source);
        series = await staging.readMany('all');
      }
      const written = await this.writeBars(
        [...series.values()].map((s) => ({ series: s, source: sources.get(s.symbol) ?? files[0]?.source ?? 'csv' })),
        [...(options.symbols ?? []), ...extraSymbols],
      );
      return {
        ...outcome,
        rowsChanged: written.rowsChanged,
        rowsSeen: extraBatches.reduce((n, b) => n + b.series.dates.length, outcome.rowsSeen),
      };
    } finally {
      await staging.close();
    }
  }

  /**
   * Stored series (read for the days `from`..`to`) as batches labelled with their bars' source: one grouped
   * query; the days of each source are read only for a symbol whose bars there come from several sources.
   */
  private async withStoredSources(
    stored: ReadonlyMap<string, PriceSeries>,
    from: string,
    to: string,
  ): Promise<BarBatch[]> {
    const symbols = [...stored.keys()];
    const range = 'symbol = ANY($1) AND date BETWEEN $2 AND $3';
    const grouped = await this.pool.query<{ symbol: string; source: string }>(
      `SELECT symbol, source FROM bars WHERE ${range} GROUP BY symbol, source ORDER BY symbol, source`,
      [symbols, from, to],
    );
    const sources = new Map<string, string[]>();
    for (const r of grouped.rows) sources.set(r.symbol, [...(sources.get(r.symbol) ?? []), r.source]);
    const mixed = symbols.filter((t) => (sources.get(t)?.length ?? 0) > 1);
    const sourceOn = new Map<string, Map<number, string>>();
    if (mixed.length > 0) {
      const days = await this.pool.query<{ symbol: string; day: number; source: string }>(
        `SELECT symbol, date - DATE '1970-01-01' AS day, source FROM bars WHERE ${range}`,
        [mixed, from, to],
      );
      for (const r of days.rows) {
        const bySymbol = sourceOn.get(r.symbol) ?? new Map<number, string>();
        bySymbol.set(r.day, r.source);
        sourceOn.set(r.symbol, bySymbol);
      }
    }
    const out: BarBatch[] = [];
    for (const [ticker, series] of stored) {
      const own = sources.get(ticker) ?? [];
      if (own.length <= 1) {
        out.push({ series, source: own[0] ?? 'csv' });
        continue;
      }
      const on = ensureDefined(sourceOn.get(ticker), `the sources of ${ticker}'s stored bars`);
      for (const source of own) {
        const keep: number[] = [];
        for (let i = 0; i < series.dates.length; i++) if (on.get(series.dates[i]!) === source) keep.push(i);
        out.push({ series: pickRows(series, keep), source });
      }
    }
    return out;
  }

  async deleteSymbol(given: string): Promise<void> {
    const ticker = normaliseTicker(given);
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM bars WHERE symbol = $1', [ticker]);
      await client.query('DELETE FROM close_snapshot WHERE symbol = $1', [ticker]);
      await client.query('DELETE FROM baskets WHERE ticker = $1', [ticker]);
      await client.query('DELETE FROM symbols WHERE ticker = $1', [ticker]);
    });
    await this.bumpVersion();
  }

  async removeSymbols(tickers: readonly string[]): Promise<SymbolRemoval> {
    const checked = tickersToRemove(tickers);
    const out = await this.maintain('removing symbols', (client) => removeSymbolsPg(client, checked));
    await this.bumpVersion();
    return out;
  }

  async checkIntegrity(options: IntegrityOptions): Promise<IntegrityReport> {
    const out = await this.maintain('checking the store', (client) => checkIntegrityPg(client, options));
    if (out.fixed) await this.bumpVersion();
    return out;
  }

  /** Runs `fn` in one transaction; a lost connection is one line naming the server. */
  private async maintain<T>(doing: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.pool, fn);
    } catch (e) {
      if (isConnectionLoss(e))
        throw new DataError(
          `lost the connection to PostgreSQL at ${this.location} while ${doing}; nothing was changed`,
          {
            cause: e,
          },
        );
      throw e;
    }
  }

  async readSeries(ticker: string, range: DateRange = {}): Promise<PriceSeries | null> {
    const map = await this.readMany([ticker], range);
    return map.get(normaliseTicker(ticker)) ?? null;
  }

  /** One round trip: a binary COPY of the selected rows, decoded straight into columns. */
  async readPacked(
    tickers: readonly string[] | 'all',
    range: DateRange | undefined,
    columns: readonly BarColumn[],
    part?: SymbolPart,
  ): Promise<PackedSegments | null> {
    checkDateRange(range ?? {});
    if (!snapshotCanRead(columns)) return null;
    const wanted = tickers === 'all' ? 'all' : [...new Set(tickers.map(normaliseTicker))];
    return readPgSnapshotSegments(this.pool, wanted, range, columns, part);
  }

  async readMany(
    tickers: readonly string[] | 'all',
    range: DateRange = {},
    options: ReadOptions = {},
  ): Promise<Map<string, PriceSeries>> {
    checkDateRange(range);
    // closes and adjusted closes alone come from the packed snapshot (pg-snapshot.ts)
    if (snapshotCanRead(options.columns)) {
      const wanted = tickers === 'all' ? 'all' : [...new Set(tickers.map(normaliseTicker))];
      return readPgSnapshot(this.pool, wanted, range, options.columns, options.select);
    }
    const client = await this.pool.connect();
    try {
      const where: string[] = [];
      if (tickers !== 'all') {
        if (tickers.length === 0) return new Map();
        const list = [...new Set(tickers.map(normaliseTicker))].map((t) => client.escapeLiteral(t));
        where.push(`symbol IN (${list.join(',')})`);
      }
      // the range ends were validated as ISO dates above, so they are safe to inline
      if (range.from) where.push(`date >= DATE '${range.from}'`);
      if (range.to) where.push(`date <= DATE '${range.to}'`);
      const sql = `COPY (SELECT symbol, date, open, high, low, close, adj_close, volume FROM bars
                   ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY symbol, date) TO STDOUT (FORMAT binary)`;
      const decoder = new BarsBinaryDecoder();
      for await (const chunk of client.query(copyTo(sql))) decoder.push(chunk as Buffer);
      return decoder.result();
    } finally {
      client.release();
    }
  }

  async barSources(): Promise<string[]> {
    // from the snapshot segments' source lists, never a scan of every bar
    const r = await this.pool.query<{ source: string }>(
      'SELECT DISTINCT unnest(sources) AS source FROM close_snapshot ORDER BY source',
    );
    return r.rows.map((x) => x.source);
  }

  async lastDates(): Promise<Map<string, string>> {
    const r = await this.pool.query<{ symbol: string; last: string }>(
      'SELECT symbol, max(last_day) AS last FROM close_snapshot GROUP BY symbol',
    );
    return new Map(r.rows.map((x) => [x.symbol, x.last]));
  }

  async saveBasket(given: BasketDefinition): Promise<void> {
    const def = { ...given, ticker: normaliseTicker(given.ticker) };
    await this.pool.query(
      `INSERT INTO symbols (ticker, name, kind, currency) VALUES ($1, NULL, 'basket', 'USD')
       ON CONFLICT (ticker) DO UPDATE SET kind = 'basket'`,
      [def.ticker],
    );
    await this.pool.query(
      'INSERT INTO baskets (ticker, definition) VALUES ($1, $2) ON CONFLICT (ticker) DO UPDATE SET definition = EXCLUDED.definition',
      [def.ticker, JSON.stringify(def)],
    );
    await this.bumpVersion();
  }

  async getBasket(ticker: string): Promise<BasketDefinition | null> {
    const r = await this.pool.query<{ definition: BasketDefinition }>(
      'SELECT definition FROM baskets WHERE ticker = $1',
      [normaliseTicker(ticker)],
    );
    return r.rows[0]?.definition ?? null;
  }

  async saveGroup(group: StoredGroup): Promise<void> {
    await this.pool.query(
      'INSERT INTO groups (key, definition) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET definition = EXCLUDED.definition',
      [group.name.toLowerCase(), JSON.stringify(group)],
    );
    await this.bumpVersion();
  }

  async listGroups(): Promise<StoredGroup[]> {
    const r = await this.pool.query<{ definition: StoredGroup }>('SELECT definition FROM groups ORDER BY key');
    return r.rows.map((x) => x.definition);
  }

  async listBaskets(): Promise<BasketDefinition[]> {
    const r = await this.pool.query<{ definition: BasketDefinition }>('SELECT definition FROM baskets ORDER BY ticker');
    return r.rows.map((x) => x.definition);
  }

  async dataVersion(): Promise<string> {
    const r = await this.pool.query<{ v: number; called: boolean }>(
      'SELECT last_value AS v, is_called AS called FROM data_version_seq',
    );
    const row = r.rows[0];
    return row?.called ? String(row.v) : '0';
  }

  /**
   * Runs `fn` only if no other process holds the named job lock (a session-level advisory lock):
   * several servers on one database run the daily update once.
   */
  async runExclusive<T>(jobName: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const client = await this.pool.connect();
    const key = hashJobName(jobName);
    try {
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
      if (!got.rows[0]?.ok) return { ran: false };
      try {
        return { ran: true, value: await fn() };
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async bumpVersion(): Promise<void> {
    await this.pool.query("SELECT nextval('data_version_seq')");
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * Whether an error means the connection to the server went away (a reset, the server shut down or
 * terminated the session) rather than a fault in the statement. Before COMMIT such a loss rolls the
 * transaction back on the server.
 */
export function isConnectionLoss(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  if (code !== undefined && ['ECONNRESET', 'EPIPE', 'ECONNREFUSED', '57P01', '57P02', '57P03'].includes(code))
    return true;
  return /Connection terminated|terminating connection|Client has encountered a connection error/i.test(
    (e as Error | null)?.message ?? '',
  );
}
/** ON CONFLICT DO UPDATE meeting the same key twice in one statement. */
const CARDINALITY_VIOLATION = '21000';

/** Upserts through a temporary staging table; returns the rows inserted or changed. */
async function upsertThroughStage(client: pg.PoolClient, all: readonly BarBatch[]): Promise<number> {
  await client.query(
    'CREATE TEMP TABLE bars_stage (symbol text, date date, open float8, high float8, low float8, close float8, adj_close float8, volume float8, source text) ON COMMIT DROP',
  );
  await pipeline(
    Readable.from(encodeBarsBinary(all)),
    client.query(copyFrom('COPY bars_stage FROM STDIN (FORMAT binary)')),
  );
  const r = await client.query(
    `INSERT INTO bars AS b (symbol, date, open, high, low, close, adj_close, volume, source)
     SELECT symbol, date, open, high, low, close, adj_close, volume, source FROM bars_stage
     ON CONFLICT (symbol, date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
       close = EXCLUDED.close, adj_close = EXCLUDED.adj_close, volume = EXCLUDED.volume, source = EXCLUDED.source
     WHERE (b.open, b.high, b.low, b.close, b.adj_close, b.volume, b.source)
       IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.adj_close, EXCLUDED.volume, EXCLUDED.source)`,
  );
  return r.rowCount ?? 0;
}

/** Runs `fn` in one transaction on a pooled connection: COMMIT when it returns, ROLLBACK when it throws. */
async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

function hashJobName(name: string): number {
  let h = 0x2f6b;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return h;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/**
 * A database of another application (tables, and no MarketDash migrations table) is refused before any
 * migration writes MarketDash's tables into it, or fails half-way on a table of the same name (`bars`).
 */
async function refuseForeignDatabase(client: pg.PoolClient, location: string): Promise<void> {
  const ours = await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (ours.rows[0]?.t) return;
  const other = await client.query<{ tablename: string }>(
    'SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename',
  );
  const tables = other.rows.map((r) => r.tablename);
  if (tables.length === 0) return;
  const named =
    tables.length <= 5 ? tables.join(', ') : `${tables.slice(0, 5).join(', ')} and ${tables.length - 5} more`;
  throw new DataError(
    `${location} is not a MarketDash store (a PostgreSQL database with other tables: ${named}); nothing was changed in it`,
  );
}

/** Batches in rounds that hold each symbol at most once (the k-th batch of every symbol in round k). */
function oneBatchPerSymbol(batches: readonly BarBatch[]): BarBatch[][] {
  const rounds: BarBatch[][] = [];
  const seen = new Map<string, number>();
  for (const b of batches) {
    const k = seen.get(b.series.symbol) ?? 0;
    seen.set(b.series.symbol, k + 1);
    (rounds[k] ??= []).push(b);
  }
  return rounds;
}

/** The rows `rows` (ascending indexes) of a series, as a series. */
function pickRows(s: PriceSeries, rows: readonly number[]): PriceSeries {
  const pick = <T extends Int32Array | Float64Array>(col: T, out: T): T => {
    rows.forEach((r, k) => {
      out[k] = col[r]!;
    });
    return out;
  };
  const n = rows.length;
  return {
    symbol: s.symbol,
    dates: pick(s.dates, new Int32Array(n)),
    open: pick(s.open, new Float64Array(n)),
    high: pick(s.high, new Float64Array(n)),
    low: pick(s.low, new Float64Array(n)),
    close: pick(s.close, new Float64Array(n)),
    adjClose: pick(s.adjClose, new Float64Array(n)),
    volume: pick(s.volume, new Float64Array(n)),
  };
}
