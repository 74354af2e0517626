/**
 * DuckDB's side of the `import` fast path (PriceStore.importCsv). Inside one transaction, each file is
 * appended straight into `bars` by DuckDB's own `read_csv` (typed columns; cells it cannot read go to
 * a rejects table with their line numbers) under its own load id, so the new rows are told apart from
 * the stored ones by `load_id` alone. The row rules (prices > 0 and finite, high >= low, volume >= 0,
 * closes present) are checked as the rows are read; then one aggregate pass over the new rows finds
 * dates given twice (`bitstring_agg` counts distinct days without a sort). Repeated identical rows are dropped, a date given twice with
 * different values fails, and where the new rows meet stored history the stored row is replaced only
 * when a value differs, and never loses a field the file does not give (see settleOverlaps). Any
 * failure rolls the whole transaction back: nothing reaches the file.
 *
 * Files are read through a symbolic link with a plain name in a private temporary folder, because
 * DuckDB treats `*`, `?`, `[...]` and `~` in a path as patterns: `[X].csv` must never read `X.csv`.
 * DuckDB's rejects table is not used: it takes time quadratic in the field count of a bad line (80,000
 * fields: 25 s); without it the reader stops at the first bad line and says which.
 * Loading straight into `bars` (rather than a staging table copied afterwards) keeps the import close
 * to DuckDB's own CSV load time.
 */

import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  barDateBounds,
  CLOSE_RANGE_TOLERANCE,
  type DateBounds,
  DEFAULT_READ_LIMITS,
} from '../../domain/data-limits.js';
import { ensureDefined } from '../../domain/ensure.js';
import { tickerProblem } from '../../domain/symbol-info.js';
import { visible } from '../../domain/visible-text.js';
import { CsvSnapshotPrepack } from '../csv-snapshot-prepack.js';
import type {
  CsvFileOutcome,
  CsvFileSpec,
  CsvImportOptions,
  CsvImportOutcome,
  CsvProblem,
  CsvRole,
} from '../price-store.js';

const PRICE_COLUMNS = ['open', 'high', 'low', 'close', 'adj_close'] as const;
const VALUE_COLUMNS = [...PRICE_COLUMNS, 'volume', 'source'] as const;
/** The date syntax (row-rules.ts DATE_SQL_PATTERN): `YYYY-M-D`, spaces around allowed. */
const DATE_SQL_PATTERN = '\\s*\\d{4}-\\d{1,2}-\\d{1,2}\\s*';
/**
 * The usual spelling of a date, `YYYY-MM-DD` and nothing around it: a subset of DATE_SQL_PATTERN tried
 * first, so the regular expression runs only for the other spellings (5 M dates: 0.36 s of CPU
 * against 0.49 s for the regular expression alone, 0.17 s for the cast alone).
 */
const DATE_SQL_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';

/**
 * The row rules as one SQL condition over the columns being loaded (true = the row is bad). Prices
 * are checked together: `least(...) > 0 AND greatest(...) < inf` fails for a 0, a negative, NaN
 * (DuckDB orders NaN above infinity) or an infinity in any of them, and least/greatest skip NULLs, so
 * unknown open/high/low pass. Fewer comparisons per row than one pair per column or isfinite().
 * Checked inside the load: a bad row stops it with an error. Measured faster than a filter scan of
 * the new rows afterwards (15M rows: 9.9 s against 10.7 s for the whole import).
 */
function badRowCondition(
  prices: readonly string[],
  high: string | null,
  low: string | null,
  close: string | null,
  volume: string | null,
  required: readonly string[],
  date: string,
  bounds: DateBounds,
): string {
  // the date: NULL when its text is not YYYY-M-D (DuckDB's own cast also takes `epoch`, `infinity`,
  // `2024-01-02 BC` ...), and inside the bounds
  const terms = [`${date} IS NULL OR ${date} < DATE '${bounds.min}' OR ${date} > DATE '${bounds.max}'`];
  terms.push(...required.map((col) => `${col} IS NULL`));
  if (prices.length > 0)
    terms.push(`NOT (least(${prices.join(', ')}) > 0 AND greatest(${prices.join(', ')}) < 'inf'::DOUBLE)`);
  if (high !== null && low !== null) terms.push(`${high} < ${low}`);
  // within [low, high] up to rounding: real downloads have closes one unit in the last place above the high
  if (close !== null && high !== null) terms.push(`${close} > ${high} * ${1 + CLOSE_RANGE_TOLERANCE}`);
  if (close !== null && low !== null) terms.push(`${close} < ${low} * ${1 - CLOSE_RANGE_TOLERANCE}`);
  if (volume !== null) terms.push(`NOT (${volume} >= 0 AND ${volume} < 'inf'::DOUBLE)`);
  return terms.map((t) => `(${t})`).join(' OR ');
}

export interface CsvImportHooks {
  /** Writes symbol rows (new ones guessed) inside the transaction; returns how many changed. */
  readonly writeSymbols: (c: DuckDBConnection, tickers: readonly string[]) => Promise<number>;
  readonly bumpVersion: (c: DuckDBConnection, by?: number) => Promise<void>;
  readonly currentVersion: (c: DuckDBConnection) => Promise<number>;
  /**
   * Re-packs the close snapshot for rows with load ids in [from, to] (same transaction), taking the
   * segments packed from the files while they loaded where they hold (see CsvSnapshotPrepack).
   */
  readonly refreshSnapshot: (
    c: DuckDBConnection,
    fromLoad: number,
    toLoad: number,
    prepacked?: CsvSnapshotPrepack,
  ) => Promise<unknown>;
  /** Told when the import deleted rows it had loaded or stored rows (repeats, overlaps with stored history). */
  readonly noteRemovals: () => void;
  readonly inTransaction: <T>(c: DuckDBConnection, fn: () => Promise<T>) => Promise<T>;
  /** Merges CsvImportOptions.extraBatches under `loadId` (same transaction); returns their row count. */
  readonly writeExtra: (c: DuckDBConnection, loadId: number) => Promise<number>;
}

/** Thrown inside the transaction to roll it back and report the problems. */
class Rejected extends Error {
  constructor(readonly problems: CsvProblem[]) {
    super('csv rows rejected');
  }
}

export async function importCsvFiles(
  c: DuckDBConnection,
  files: readonly CsvFileSpec[],
  options: CsvImportOptions,
  hooks: CsvImportHooks,
): Promise<CsvImportOutcome> {
  const progress = options.onProgress ?? (() => undefined);
  const last = Math.max(0, files.length - 1);
  const bounds = options.dateBounds ?? barDateBounds();
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_READ_LIMITS.maxLineBytes;
  const links = mkdtempSync(join(tmpdir(), 'marketdash-import-'));
  try {
    return await hooks.inTransaction(c, async () => {
      // file i's rows carry load id base + i; the stored rows all have smaller ones
      const base = (await hooks.currentVersion(c)) + 1;
      // row order within a load means nothing (repeats are settled by load id and value), and keeping
      // it makes the parallel CSV reader buffer and order its chunks
      // (reset here, or after the rollback when a load fails: an aborted transaction takes no RESET)
      await c.run('SET preserve_insertion_order = false');
      // the snapshot of symbols new to the store is packed from the files' bytes beside the load
      const prepack = CsvSnapshotPrepack.canRead(files) ? new CsvSnapshotPrepack(await storedSymbols(c)) : null;
      await loadFiles();
      await c.run('RESET preserve_insertion_order');
      async function loadFiles(): Promise<void> {
        for (let i = 0; i < files.length; i++) {
          const file = files[i]!;
          const literal = join(links, `file-${i}`);
          symlinkSync(resolve(file.path), literal);
          const stop = new AbortController();
          const packing = prepack?.read(file, stop.signal) ?? Promise.resolve();
          let loaded: number;
          try {
            loaded = await loadChecked(c, i, file, options, () =>
              withProgress(
                c,
                (fraction) => progress({ fileIndex: i, phase: 'read', fraction }),
                () => c.run(loadSql(file, literal, base + i, bounds, maxLineBytes)),
              ),
            );
          } catch (e) {
            stop.abort();
            await packing;
            throw e;
          }
          await packing;
          if (loaded === 0 && file.hasData) {
            throw new Rejected([
              {
                fileIndex: i,
                kind: 'malformed',
                line: null,
                symbol: file.symbol,
                date: null,
                message: 'no rows could be read from a file that has data lines (check its line endings and quoting)',
              },
            ]);
          }
        }
      }
      progress({ fileIndex: last, phase: 'check', fraction: 0 });
      let stats = await newRowStats(c, base);
      const badTicker = stats.find(
        (s) => tickerProblem(s.symbol.trim().toUpperCase()) !== null && s.symbol.trim() !== '',
      );
      if (badTicker) {
        throw new Rejected([
          {
            fileIndex: badTicker.f,
            kind: 'row',
            line: null,
            symbol: badTicker.symbol,
            date: badTicker.firstDate,
            message: `symbol ${tickerProblem(badTicker.symbol.trim().toUpperCase())}`,
          },
        ]);
      }
      const unnormalised = stats.map((s) => s.symbol).filter((t) => t !== t.trim().toUpperCase());
      if (unnormalised.length > 0) {
        // tickers are stored upper case; fixing the few rows that need it after the load is cheaper
        // than upper(trim()) on every row of a large file
        await c.run(
          `UPDATE bars SET symbol = upper(trim(symbol)) WHERE load_id >= ${base} AND symbol IN (${unnormalised.map(sqlString).join(', ')})`,
        );
        stats = await newRowStats(c, base);
        const blank = stats.find((s) => s.symbol === '');
        if (blank)
          throw new Rejected([
            {
              fileIndex: blank.f,
              kind: 'row',
              line: null,
              symbol: '',
              date: blank.firstDate,
              message: 'missing symbol',
            },
          ]);
      }
      const exactDuplicates = new Array<number>(files.length).fill(0);
      const repeated = [...new Set(stats.filter((s) => s.repeats).map((s) => s.symbol))];
      if (repeated.length > 0) {
        await resolveRepeats(c, base, repeated, exactDuplicates);
        prepack?.leaveOut(repeated);
        hooks.noteRemovals();
      }
      progress({ fileIndex: last, phase: 'check', fraction: 1 });
      progress({ fileIndex: last, phase: 'write', fraction: 0 });
      const tickers = [...new Set(stats.map((s) => s.symbol))];
      if (await settleOverlaps(c, base, files, options.replace === true, 'snapshot')) hooks.noteRemovals();
      // series given beside the files (FRED files) go in the same transaction, under the next load id
      const extraRows = await hooks.writeExtra(c, base + files.length);
      // an extra series wins over a file's rows on the days both give: the bars, not the files, hold its closes
      prepack?.leaveOut((options.extraBatches ?? []).map((b) => b.series.symbol));
      const symbolsChanged = await hooks.writeSymbols(c, tickers);
      const rowsSeen = stats.reduce((n, s) => n + s.rows, extraRows);
      const rowsChanged = await countNewRows(c, base);
      if (rowsChanged > 0) await hooks.refreshSnapshot(c, base, base + files.length, prepack ?? undefined);
      if (rowsChanged > 0 || symbolsChanged > 0) await hooks.bumpVersion(c, files.length + 1);
      progress({ fileIndex: last, phase: 'write', fraction: 1 });
      return { problems: [], files: fileOutcomes(files.length, stats, exactDuplicates), rowsChanged, rowsSeen };
    });
  } catch (e) {
    if (e instanceof Rejected) return failed(files, e.problems);
    throw e;
  } finally {
    await c.run('RESET preserve_insertion_order').catch(() => undefined);
    rmSync(links, { recursive: true, force: true });
  }
}

/** The symbols the store holds bars of (each has segments in the close snapshot). */
async function storedSymbols(c: DuckDBConnection): Promise<Set<string>> {
  const rows = (await c.runAndReadAll('SELECT DISTINCT symbol FROM close_snapshot')).getRowsJS();
  return new Set(rows.map((r) => String(r[0])));
}

/**
 * For a store that stages an import here and writes elsewhere (PostgreSQL): after importCsvFiles on a
 * fresh store, the stored bars the new rows meet are appended under load id 0 (the relation `stored`
 * in the layout of `bars`), the same overlap rules run, and the stored copies are dropped again, so
 * what remains is exactly what the real store must write. Returns the problems (a conflict) instead of
 * throwing; nothing is changed then.
 */
export async function settleAgainstStored(
  c: DuckDBConnection,
  stored: string,
  files: readonly CsvFileSpec[],
  replace: boolean,
  inTransaction: <T>(c: DuckDBConnection, fn: () => Promise<T>) => Promise<T>,
): Promise<CsvProblem[]> {
  try {
    await inTransaction(c, async () => {
      await c.run(
        `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, source, load_id)
         SELECT symbol, date, open, high, low, close, adj_close, volume, source, 0 FROM ${stored}`,
      );
      // the stored rows came in just now, with no snapshot of them
      await settleOverlaps(c, 1, files, replace, 'bars');
      await c.run('DELETE FROM bars WHERE load_id = 0');
    });
    return [];
  } catch (e) {
    if (e instanceof Rejected) return e.problems;
    throw e;
  }
}

/**
 * Runs one file's load with the caller's byte checks alongside; returns the rows loaded. Whichever
 * fails first wins: a check's problem interrupts the load, a failed load aborts the check.
 */
async function loadChecked(
  c: DuckDBConnection,
  index: number,
  file: CsvFileSpec,
  options: CsvImportOptions,
  load: () => Promise<{ rowsChanged: number }>,
): Promise<number> {
  const abort = new AbortController();
  let found: CsvProblem | null = null;
  const checking = (options.verifyFile?.(index, abort.signal) ?? Promise.resolve(null)).then((p) => {
    if (p !== null && !abort.signal.aborted) {
      found = p;
      c.interrupt();
    }
    return p;
  });
  let loaded: number;
  try {
    loaded = (await load()).rowsChanged;
  } catch (e) {
    if (found === null) abort.abort();
    const p = await checking.catch(() => null);
    if (p !== null && found !== null) throw new Rejected([p]);
    throw new Rejected([loadProblem(index, file, e as Error)]);
  }
  const p = await checking;
  if (p !== null) throw new Rejected([p]);
  return loaded;
}

/**
 * DuckDB's reader error as a problem: the line it names (`CSV Error on Line: 3`) and what is wrong in
 * words. A rule broken (error() in the load) has no line: the service re-reads the file to name it.
 */
export function loadProblem(index: number, file: CsvFileSpec, e: Error): CsvProblem {
  const text = e.message;
  const lineText = /CSV Error on Line: (\d+)/.exec(text)?.[1];
  const line = lineText === undefined ? null : Number(lineText);
  let kind: CsvProblem['kind'] = line === null ? 'row' : 'malformed';
  let message = ensureDefined(text.split('\n')[0], 'first line of the DuckDB CSV error');
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
  const cast = /Could not convert string "(.*)" to '(\w+)'/.exec(text);
  const castColumn = /Error when converting column "c(\d+)"/.exec(text);
  if (/Maximum line size/i.test(text)) {
    kind = 'limit';
    message = 'line longer than the line limit';
  } else if (/state machine reached an invalid state/i.test(text)) {
    kind = 'malformed';
    message = 'the reader cannot parse the file: mixed line endings or a stray quote';
  } else if (columns) {
    message = `expected ${file.columns.length} columns (${visible(file.columns.join(','), 200)}), found ${columns[2]}`;
  } else if (/unterminated quote/i.test(text)) {
    message = 'a quote opened and never closed';
  } else if (cast && castColumn) {
    const header = visible(file.columns[Number(castColumn[1])] ?? `column ${castColumn[1]}`, 40);
    message = `${header}: '${visible(cast[1] ?? '')}' is not a number`;
  }
  return { fileIndex: index, kind, line, symbol: file.symbol, date: null, message };
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The INSERT that appends one file (read from `literalPath`) to `bars` under `loadId`, turning columns into roles. */
function loadSql(
  file: CsvFileSpec,
  literalPath: string,
  loadId: number,
  bounds: DateBounds,
  maxLineBytes: number,
): string {
  const roleOf = new Map<number, CsvRole>();
  for (const [role, col] of Object.entries(file.roles) as [CsvRole, number][]) roleOf.set(col, role);
  const columns = file.columns
    .map((_, i) => {
      const role = roleOf.get(i);
      const type = role === 'date' || role === undefined || role === 'symbol' ? 'VARCHAR' : 'DOUBLE';
      return `'c${i}': '${type}'`;
    })
    .join(', ');
  const col = (role: CsvRole) => (file.roles[role] === undefined ? null : `c${file.roles[role]}`);
  const value = (role: CsvRole) => col(role) ?? 'NULL::DOUBLE';
  // close-only layouts: a `Close` file's adjusted close is the close (no dividends known), and an
  // `Adj Close` file's close is the adjusted close (the only price there is)
  const close = col('close') ?? col('adjClose')!;
  const adj = col('adjClose') ?? col('close')!;
  const symbol = col('symbol');
  const symbolExpr = symbol ?? sqlString(file.symbol ?? '');
  const present = (roles: readonly CsvRole[]) => roles.map(col).filter((x): x is string => x !== null);
  const dateText = col('date')!;
  const bad = badRowCondition(
    present(['open', 'high', 'low', 'close', 'adjClose']),
    col('high'),
    col('low'),
    col('close'),
    col('volume'),
    present(['close', 'adjClose']),
    'd',
    bounds,
  );
  const checkedClose = `CASE WHEN ${bad} THEN error('a row breaks the import rules') ELSE ${close} END`;
  const newLine = file.newline === '\r\n' ? '\\r\\n' : file.newline === '\r' ? '\\r' : '\\n';
  return `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, source, load_id)
    SELECT ${symbolExpr}, d, ${value('open')}, ${value('high')}, ${value('low')}, ${checkedClose}, ${adj}, ${value('volume')},
           ${sqlString(file.source)}, ${loadId}
    FROM (SELECT *, CASE WHEN ${dateText} GLOB '${DATE_SQL_GLOB}' OR regexp_full_match(${dateText}, '${DATE_SQL_PATTERN}') THEN TRY_CAST(${dateText} AS DATE) END AS d
          FROM read_csv(${sqlString(literalPath)}, header = false, skip = ${file.skipLines}, auto_detect = false,
                  delim = ',', quote = '"', escape = '"', new_line = '${newLine}', max_line_size = ${Math.floor(maxLineBytes)},
                  compression = '${file.gzip ? 'gzip' : 'none'}', columns = {${columns}}))`;
}

interface SymbolStat {
  /** Index of the file. */
  readonly f: number;
  readonly symbol: string;
  readonly rows: number;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  /** Some date of this symbol occurs more than once among the new rows (this file or another). */
  readonly repeats: boolean;
}

/** One aggregate pass over the new rows: per (file, symbol) counts, date range and repeated days. */
async function newRowStats(c: DuckDBConnection, base: number): Promise<SymbolStat[]> {
  const range = (
    await c.runAndReadAll(
      `SELECT min(date) - DATE '1970-01-01', max(date) - DATE '1970-01-01' FROM bars WHERE load_id >= ${base}`,
    )
  ).getRowsJS()[0];
  const lo = range?.[0] == null ? 0 : Number(range[0]);
  const hi = range?.[1] == null ? 0 : Number(range[1]);
  const rows = (
    await c.runAndReadAll(
      `WITH per_file AS (
         SELECT load_id - ${base} AS f, symbol, count(*) AS n,
                strftime(min(date), '%Y-%m-%d') AS first_date, strftime(max(date), '%Y-%m-%d') AS last_date,
                bitstring_agg((date - DATE '1970-01-01')::INTEGER, ${lo}, ${hi}) AS days
         FROM bars WHERE load_id >= ${base} GROUP BY load_id, symbol),
       per_symbol AS (
         SELECT symbol, sum(n) AS n, bit_count(bit_or(days)) AS distinct_days FROM per_file GROUP BY symbol)
       SELECT p.f, p.symbol, p.n, p.first_date, p.last_date, s.distinct_days < s.n
       FROM per_file p JOIN per_symbol s USING (symbol)
       ORDER BY p.f, p.symbol`,
    )
  ).getRowsJS();
  return rows.map((r) => ({
    f: Number(r[0]),
    symbol: String(r[1]),
    rows: Number(r[2]),
    firstDate: (r[3] as string | null) ?? null,
    lastDate: (r[4] as string | null) ?? null,
    repeats: r[5] === true,
  }));
}

/**
 * A (symbol, date) given more than once among the new rows: within one file, the same values are
 * kept once and different values are an error; across files the later file wins.
 */
async function resolveRepeats(
  c: DuckDBConnection,
  base: number,
  symbols: readonly string[],
  exact: number[],
): Promise<void> {
  const inList = symbols.map(sqlString).join(', ');
  const conflicts = (
    await c.runAndReadAll(
      `SELECT load_id - ${base}, symbol, strftime(date, '%Y-%m-%d')
       FROM bars WHERE load_id >= ${base} AND symbol IN (${inList})
       GROUP BY load_id, symbol, date
       HAVING count(DISTINCT (open, high, low, close, adj_close, volume)) > 1
       ORDER BY load_id, date LIMIT 5`,
    )
  ).getRowsJS();
  if (conflicts.length > 0) {
    throw new Rejected(
      conflicts.map((r) => ({
        fileIndex: Number(r[0]),
        kind: 'duplicate' as const,
        line: null,
        symbol: String(r[1]),
        date: String(r[2]),
        message: `duplicate date ${String(r[2])} for ${String(r[1])} with different values`,
      })),
    );
  }
  const ranked = `SELECT rowid AS rid, load_id, row_number() OVER (PARTITION BY symbol, date ORDER BY load_id DESC, rowid) AS rn,
                         max(load_id) OVER (PARTITION BY symbol, date) AS newest
                  FROM bars WHERE load_id >= ${base} AND symbol IN (${inList})`;
  const counts = (
    await c.runAndReadAll(
      `SELECT load_id - ${base}, count(*) FROM (${ranked}) WHERE rn > 1 AND load_id = newest GROUP BY load_id`,
    )
  ).getRowsJS();
  for (const r of counts) exact[Number(r[0])] = Number(r[1]);
  await c.run(`DELETE FROM bars WHERE rowid IN (SELECT rid FROM (${ranked}) WHERE rn > 1)`);
}

/**
 * Symbols whose overlapping rows one DELETE joins (some 0.6 M rows of 20-year histories). A 15 M-row
 * re-import: peak 1.04-1.06 GB at 250 a group, 0.88-0.93 GB at 125, same time (each group's scans read
 * only its symbol range).
 */
const SYMBOLS_PER_DELETE = 125;

/** The bars columns a file's roles fill. */
const ROLE_COLUMNS: readonly [CsvRole, (typeof PRICE_COLUMNS)[number] | 'volume'][] = [
  ['open', 'open'],
  ['high', 'high'],
  ['low', 'low'],
  ['close', 'close'],
  ['adjClose', 'adj_close'],
  ['volume', 'volume'],
];
const ROLE_HEADER: Record<string, string> = {
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  adj_close: 'adjusted close',
  volume: 'volume',
};

/**
 * Where new rows meet stored ones. The file's main price (its close, or its adjusted close when it has
 * no close) decides:
 * - it agrees with the stored bar: fields the file does not give (or leaves empty) keep their stored
 *   values, so a close-only file never wipes stored open/high/low/volume; if nothing then differs the
 *   new row is dropped;
 * - it differs and the file gives every field the stored bar has: the new row replaces the stored one
 *   (a corrected download);
 * - it differs and the file lacks fields the stored bar has: refused (a 'conflict' naming the first
 *   such date) unless `replace`, which replaces the stored bars.
 * Only symbols whose stored history reaches their first new date are looked at; appending newer dates
 * costs nothing here. Returns whether there were such symbols (and so rows deleted).
 */
export async function settleOverlaps(
  c: DuckDBConnection,
  base: number,
  files: readonly CsvFileSpec[],
  replace: boolean,
  storedLastDays: 'snapshot' | 'bars',
): Promise<boolean> {
  // the stored rows' last days: from the close snapshot's segments when it mirrors them (a store's own
  // import: a few thousand rows instead of a pass over every stored bar, 0.12 s at 15 M)
  const lastOld =
    storedLastDays === 'snapshot'
      ? 'SELECT symbol, max(last_day) AS last_old FROM close_snapshot GROUP BY symbol'
      : `SELECT symbol, max(date) AS last_old FROM bars WHERE load_id < ${base} GROUP BY symbol`;
  const overlap = `(SELECT n.symbol FROM (SELECT symbol, min(date) AS first_new FROM bars WHERE load_id >= ${base} GROUP BY symbol) n
                    JOIN (${lastOld}) o ON o.symbol = n.symbol AND o.last_old >= n.first_new)`;
  // in the store's order, so each group of symbols below is a range the scans can skip blocks outside of
  const symbols = (await c.runAndReadAll(`${overlap} ORDER BY 1`)).getRowsJS().map((r) => String(r[0]));
  if (symbols.length === 0) return false;
  const inList = symbols.map(sqlString).join(', ');
  const pairs = `FROM bars n JOIN bars o ON o.symbol = n.symbol AND o.date = n.date
                 WHERE n.load_id >= ${base} AND o.load_id < ${base} AND n.symbol IN (${inList}) AND o.symbol IN (${inList})`;
  for (let f = 0; f < files.length; f++) {
    const roles = files[f]!.roles;
    const given = (role: CsvRole) => roles[role] !== undefined;
    const key = given('close') ? 'close' : 'adj_close';
    const erases = ROLE_COLUMNS.map(([role, col]) => {
      if (given(role)) return `(n.${col} IS NULL AND o.${col} IS NOT NULL)`;
      // a close or adjusted close derived from the other loses something only where the stored two differ
      if (col === 'close' || col === 'adj_close') return '(o.close IS DISTINCT FROM o.adj_close)';
      return `(o.${col} IS NOT NULL)`;
    });
    const merged = ROLE_COLUMNS.map(([role, col]) =>
      given(role) ? `coalesce(n.${col}, o.${col})` : `coalesce(o.${col}, n.${col})`,
    );
    const agree = `n.${key} IS NOT DISTINCT FROM o.${key}`;
    const mine = `${pairs} AND n.load_id = ${base + f}`;
    // a pair can only lose a field when a new row lacks a given field or a stored row has one the file
    // does not give: two scans of one side each rule out the joins below (a re-import of a full file)
    if (!(await anyErasing(c, base, base + f, inList, roles))) continue;
    if (!replace) {
      const conflict = (
        await c.runAndReadAll(
          `SELECT n.symbol, strftime(n.date, '%Y-%m-%d'), n.${key}, o.${key}, ${erases.join(', ')}
           ${mine} AND NOT (${agree}) AND (${erases.join(' OR ')}) ORDER BY n.date LIMIT 1`,
        )
      ).getRowsJS()[0];
      if (conflict) {
        const lost = ROLE_COLUMNS.filter((_, i) => conflict[4 + i] === true).map(([, col]) => ROLE_HEADER[col]);
        const [symbol, date] = [String(conflict[0]), String(conflict[1])];
        throw new Rejected([
          {
            fileIndex: f,
            kind: 'conflict',
            line: null,
            symbol,
            date,
            message: `${ROLE_HEADER[key]} ${String(conflict[2])} for ${symbol} on ${date} differs from the stored ${String(conflict[3])}, and the file has no ${lost.join(', ')} for it: replacing the stored bars would lose them (use --replace to replace them anyway)`,
          },
        ]);
      }
    }
    // the file's price agrees: fill what it lacks from the stored bar
    await c.run(
      `UPDATE bars SET ${ROLE_COLUMNS.map(([, col]) => `${col} = m.${col}`).join(', ')}
       FROM (SELECT n.rowid AS rid, ${merged.map((m, i) => `${m} AS ${ROLE_COLUMNS[i]![1]}`).join(', ')}
             ${mine} AND ${agree} AND (${erases.join(' OR ')})) m
       WHERE bars.rowid = m.rid`,
    );
  }
  // symbols whose new rows all equal their stored rows of the same days (a re-import): their new rows go
  // without a join
  const unchanged = await unchangedSymbols(c, base, inList);
  if (unchanged.size > 0)
    await c.run(
      `DELETE FROM bars WHERE load_id >= ${base} AND symbol IN (${[...unchanged].map(sqlString).join(', ')})`,
    );
  const rest = symbols.filter((s) => !unchanged.has(s));
  const same = VALUE_COLUMNS.map((col) => `n.${col} IS NOT DISTINCT FROM o.${col}`).join(' AND ');
  // drop new rows identical to stored ones, then stored rows that a (different) new row replaces
  // (DELETE ... USING: a quarter faster than `rowid IN (subquery)` for a 5 M-row re-import)
  // in groups of symbols: one hash join of a 15 M-row re-import took 1.7 GB (peak 2.6 GB; 125 a group: 0.9 GB)
  for (let start = 0; start < rest.length; start += SYMBOLS_PER_DELETE) {
    const members = rest.slice(start, start + SYMBOLS_PER_DELETE);
    const group = members.map(sqlString).join(', ');
    const range = `BETWEEN ${sqlString(members[0]!)} AND ${sqlString(members.at(-1)!)}`;
    const where = `o.symbol = n.symbol AND o.date = n.date AND n.load_id >= ${base} AND o.load_id < ${base}
                   AND n.symbol ${range} AND o.symbol ${range} AND n.symbol IN (${group}) AND o.symbol IN (${group})`;
    await c.run(`DELETE FROM bars n USING bars o WHERE ${where} AND ${same}`);
    await c.run(`DELETE FROM bars o USING bars n WHERE ${where}`);
  }
  return true;
}

/**
 * The symbols (of `inList`) whose new rows are, day for day, their stored rows over the same stretch:
 * per symbol and side one aggregate pass gives the count of rows from the first to the last new day and
 * two 64-bit hash sums of (date, values, source) (a sum and an xor of two differently seeded hashes).
 * The new rows' days are distinct by now (repeats were settled) and so are the stored ones', so equal
 * counts and sums mean the same rows (two 64-bit sums colliding by chance: about 2^-64 per symbol); any
 * difference, even a NaN or a -0 hashed apart from its equal, only sends the symbol to the row-by-row
 * join of settleOverlaps. A re-import of 1.5 M unchanged rows: 0.10-0.20 s of wall time and 0.16-0.25 s
 * of CPU against 0.26-0.34 s and 0.45-0.58 s for the join (load 14-16); 15 M rows: 1.3 s.
 */
async function unchangedSymbols(c: DuckDBConnection, base: number, inList: string): Promise<Set<string>> {
  const sums = (t: string) => {
    const row = ['date', ...VALUE_COLUMNS].map((col) => `${t}.${col}`).join(', ');
    return `count(*) AS n, sum(hash(${row})) AS h_sum, bit_xor(hash('unchanged', ${row})) AS h_xor`;
  };
  await c.run(
    `CREATE OR REPLACE TEMP TABLE ${NEW_SUMS} AS
     SELECT n.symbol, min(n.date) AS first_new, max(n.date) AS last_new, ${sums('n')}
     FROM bars n WHERE n.load_id >= ${base} AND n.symbol IN (${inList}) GROUP BY n.symbol`,
  );
  const rows = (
    await c.runAndReadAll(
      `SELECT s.symbol FROM ${NEW_SUMS} s JOIN (
           SELECT o.symbol, ${sums('o')}
           FROM bars o JOIN ${NEW_SUMS} r ON r.symbol = o.symbol AND o.date BETWEEN r.first_new AND r.last_new
           WHERE o.load_id < ${base} AND o.symbol IN (${inList}) GROUP BY o.symbol) o
         ON o.symbol = s.symbol AND o.n = s.n AND o.h_sum = s.h_sum AND o.h_xor = s.h_xor`,
    )
  ).getRowsJS();
  // (a failure rolls the table back with the transaction it was made in)
  await c.run(`DROP TABLE ${NEW_SUMS}`);
  return new Set(rows.map((r) => String(r[0])));
}

/** Per symbol: the new rows' day range, count and hash sums (see unchangedSymbols). */
const NEW_SUMS = 'import_new_sums';

/**
 * Whether some pair of file `load`'s rows and stored rows could lose a field (the `erases` terms of
 * settleOverlaps, each split into its new-row and its stored-row side): false when no new row of
 * `symbols` has an empty given field and no stored row of them has a field the file does not give.
 */
async function anyErasing(
  c: DuckDBConnection,
  base: number,
  load: number,
  inList: string,
  roles: CsvFileSpec['roles'],
): Promise<boolean> {
  const newSide: string[] = [];
  const storedSide: string[] = [];
  for (const [role, col] of ROLE_COLUMNS) {
    if (roles[role] !== undefined) newSide.push(`${col} IS NULL`);
    else if (col === 'close' || col === 'adj_close') storedSide.push('close IS DISTINCT FROM adj_close');
    else storedSide.push(`${col} IS NOT NULL`);
  }
  const any = async (where: string, terms: readonly string[]) =>
    terms.length > 0 &&
    (await c.runAndReadAll(`SELECT 1 FROM bars WHERE ${where} AND (${terms.join(' OR ')}) LIMIT 1`)).getRowsJS()
      .length > 0;
  return (
    (await any(`load_id = ${load} AND symbol IN (${inList})`, newSide)) ||
    (await any(`load_id < ${base} AND symbol IN (${inList})`, storedSide))
  );
}

/** Rows the import added or changed: the new rows still there once repeats and unchanged rows are gone. */
async function countNewRows(c: DuckDBConnection, base: number): Promise<number> {
  const counted = (await c.runAndReadAll(`SELECT count(*) FROM bars WHERE load_id >= ${base}`)).getRowsJS();
  return Number(ensureDefined(counted[0], 'count of the bars just loaded')[0]);
}

function fileOutcomes(count: number, stats: readonly SymbolStat[], exact: readonly number[]): CsvFileOutcome[] {
  return Array.from({ length: count }, (_, f) => {
    const mine = stats.filter((s) => s.f === f);
    // ISO dates sort as text
    const firsts = mine
      .map((s) => s.firstDate)
      .filter((d): d is string => d !== null)
      .sort();
    const lasts = mine
      .map((s) => s.lastDate)
      .filter((d): d is string => d !== null)
      .sort();
    return {
      rows: mine.reduce((n, s) => n + s.rows, 0),
      symbols: mine.map((s) => s.symbol),
      firstDate: firsts[0] ?? null,
      lastDate: lasts.at(-1) ?? null,
      exactDuplicates: exact[f] ?? 0,
    };
  });
}

function failed(files: readonly CsvFileSpec[], problems: CsvProblem[]): CsvImportOutcome {
  return {
    problems,
    files: files.map(() => ({ rows: 0, symbols: [], firstDate: null, lastDate: null, exactDuplicates: 0 })),
    rowsChanged: 0,
    rowsSeen: 0,
  };
}

/** Reports DuckDB's progress on the running statement every 250 ms. */
async function withProgress<T>(
  c: DuckDBConnection,
  report: (fraction: number) => void,
  fn: () => Promise<T>,
): Promise<T> {
  report(0);
  const timer = setInterval(() => {
    const p = c.progress;
    if (p.percentage >= 0) report(Math.min(1, p.percentage / 100));
  }, 250);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    report(1);
  }
}
