/**
 * DuckDB's side of the close snapshot (src/store/series-snapshot.ts): the `close_snapshot` table,
 * a few rows per symbol (segments keyed by the year of their first day) with packed days, closes and
 * adjusted closes and the sources of their bars. Every write calls `refreshSnapshot` inside its own
 * transaction, after the bars are merged: the rows the write set carry its load ids, so the symbols it
 * touched and their earliest touched year are found by one scan of `load_id`; from the start of the
 * segment holding that year on, the bars are read back, packed in JavaScript and replace the old
 * segments. Nothing else ever writes the table, so it cannot drift from the bars by more than a write
 * that rolled back together with it.
 */
import type {
  DuckDBBlobVector,
  DuckDBConnection,
  DuckDBListVector,
  DuckDBStructVector,
  DuckDBVector,
} from '@duckdb/node-api';
import type { PriceSeries } from '../../domain/price-series.js';
import { nextTurn, SLICE_MS } from '../event-loop-slice.js';
import type { BarColumn, DateRange, SymbolPart } from '../price-store.js';
import { lastYearNeeded, type PackedSegments, packSegments, unpackSegments } from '../series-snapshot.js';
import { duckdbApi } from './duckdb-api.js';
import { sortByDay } from './duckdb-grouped-reader.js';

const { dateValue, INTEGER, LIST, listValue, VARCHAR } = duckdbApi;

export const CREATE_SNAPSHOT_TABLE = `CREATE TABLE IF NOT EXISTS close_snapshot (
  symbol VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  last_year INTEGER NOT NULL,
  first_day DATE NOT NULL,
  last_day DATE NOT NULL,
  n_rows INTEGER NOT NULL,
  days BLOB NOT NULL,
  closes BLOB NOT NULL,
  adj_closes BLOB NOT NULL,
  sources VARCHAR NOT NULL
)`;

const FROM = 'close_snapshot_from';
const STRING_LIST = LIST(VARCHAR);
const INT_LIST = LIST(INTEGER);
/** A first year before any stored day: re-pack the whole history. */
const EVERYTHING = -100_000;
/** Symbols re-packed per pass: bounds the memory of a whole-universe import's refresh. */
const SYMBOLS_PER_PASS = 1000;
/**
 * Rows re-packed per pass when the rows per symbol are known (250 symbols of 20 years): each pass's bars
 * are held as lists (15 M-row import: peak 0.99-1.04 GB at 2.5 M rows a pass).
 */
const ROWS_PER_PASS = 1_250_000;

/**
 * Re-packs every (symbol, year) that rows with load ids in [fromLoad, toLoad] fall in, and every later
 * year of those symbols. Runs inside the caller's write transaction.
 */
export async function refreshSnapshot(c: DuckDBConnection, fromLoad: number, toLoad: number): Promise<void> {
  // per symbol: the start of the segment holding its earliest touched day (or everything, before the first)
  // and about how many rows that re-packs (its new rows and the stored segments from that year on)
  const touched = (
    await c.runAndReadAll(
      `WITH f AS (
         SELECT t.symbol, t.n, coalesce(max(s.year), ${EVERYTHING})::INTEGER AS year
         FROM (SELECT symbol, min(year(date))::INTEGER AS year, count(*) AS n FROM bars
               WHERE load_id BETWEEN ${fromLoad} AND ${toLoad} GROUP BY symbol) t
         LEFT JOIN close_snapshot s ON s.symbol = t.symbol AND s.year <= t.year
         GROUP BY t.symbol, t.n)
       SELECT f.symbol, f.year, (f.n + coalesce(sum(s.n_rows), 0))::DOUBLE
       FROM f LEFT JOIN close_snapshot s ON s.symbol = f.symbol AND s.year >= f.year
       GROUP BY f.symbol, f.year, f.n
       ORDER BY f.symbol`,
    )
  ).getRowsJS();
  await repack(
    c,
    touched.map((r) => String(r[0])),
    touched.map((r) => Number(r[1])),
    touched.map((r) => Number(r[2])),
  );
}

/** Re-packs every stored symbol from scratch (a store upgraded to the snapshot schema). */
export async function rebuildSnapshot(c: DuckDBConnection): Promise<void> {
  await c.run('DELETE FROM close_snapshot');
  const symbols = (await c.runAndReadAll('SELECT DISTINCT symbol FROM bars ORDER BY symbol'))
    .getRowsJS()
    .map((r) => String(r[0]));
  await repack(
    c,
    symbols,
    symbols.map(() => EVERYTHING),
  );
}

/** Drops a symbol's segments (its bars are being deleted in the same transaction). */
export async function dropSnapshot(c: DuckDBConnection, symbol: string): Promise<void> {
  await c.run('DELETE FROM close_snapshot WHERE symbol = $t', { t: symbol });
}

/** `symbols` come in the store's order (`ORDER BY symbol`): each pass reads the range of its own. */
async function repack(
  c: DuckDBConnection,
  symbols: readonly string[],
  fromYears: readonly number[],
  rows?: readonly number[],
): Promise<void> {
  if (symbols.length === 0) return;
  // passes: SYMBOLS_PER_PASS symbols each, or, with row estimates, up to ROWS_PER_PASS rows (a one-day
  // import of 3,000 symbols re-packs their last year in one pass: each pass scans the bars once)
  const cuts = [0];
  for (let i = 0, n = 0; i < symbols.length; i++) {
    const r = rows?.[i] ?? ROWS_PER_PASS / SYMBOLS_PER_PASS;
    if (i > cuts.at(-1)! && n + r > ROWS_PER_PASS) {
      cuts.push(i);
      n = 0;
    }
    n += r;
  }
  cuts.push(symbols.length);
  await c.run(`CREATE OR REPLACE TEMP TABLE ${FROM} (symbol VARCHAR, year INTEGER)`);
  try {
    for (let k = 0; k + 1 < cuts.length; k++) {
      const tickers = symbols.slice(cuts[k], cuts[k + 1]);
      const years = fromYears.slice(cuts[k], cuts[k + 1]);
      await c.run(`DELETE FROM ${FROM}`);
      await c.run(
        `INSERT INTO ${FROM} SELECT unnest($t), unnest($y)`,
        { t: listValue(tickers), y: listValue(years) },
        {
          t: STRING_LIST,
          y: INT_LIST,
        },
      );
      const stretches = await readStretches(c, Math.max(1, Math.min(...years)), tickers[0]!, tickers.at(-1)!);
      await c.run(`DELETE FROM close_snapshot s USING ${FROM} f WHERE s.symbol = f.symbol AND s.year >= f.year`);
      const appender = await c.createAppender('close_snapshot');
      try {
        for (const s of stretches) {
          for (const seg of packSegments(s.symbol, s.days, s.closes, s.adjCloses)) {
            appender.appendVarchar(seg.symbol);
            appender.appendInteger(seg.year);
            appender.appendInteger(seg.lastYear);
            appender.appendDate(dateValue(seg.firstDay));
            appender.appendDate(dateValue(seg.lastDay));
            appender.appendInteger(seg.rows);
            appender.appendBlob(seg.days);
            appender.appendBlob(seg.closes);
            appender.appendBlob(seg.adjCloses);
            appender.appendVarchar(segmentSources(s.yearSources, seg.year, seg.lastYear));
            appender.endRow();
          }
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    }
  } finally {
    await c.run(`DROP TABLE IF EXISTS ${FROM}`);
  }
}

/** One symbol's bars from its first year to re-pack on: ascending days, closes, adjusted closes, and the sources of each year. */
interface Stretch {
  readonly symbol: string;
  readonly days: Int32Array;
  readonly closes: Float64Array;
  readonly adjCloses: Float64Array;
  readonly yearSources: readonly { readonly year: number; readonly source: string }[];
}

/**
 * The stretches of the symbols in FROM, each from its first year to re-pack on (`sinceYear`: the earliest
 * of them, and `first`..`last`: the pass's symbols in the store's order, filters the scan of the bars
 * applies before the join, skipping blocks outside them). One row per symbol with its
 * bars as a list: the list's values arrive as one flat buffer per column (a few chunks in all), where
 * a row per bar took some 2,500 chunks of 2,048 rows at 5 M rows (1.2-1.8 s against about 0.4 s).
 * The list holds the rows in no particular order; they are sorted by day here.
 */
async function readStretches(c: DuckDBConnection, sinceYear: number, first: string, last: string): Promise<Stretch[]> {
  await c.run('SET preserve_insertion_order = false');
  try {
    const result = await c.stream(
      `SELECT b.symbol,
              list({d: (b.date - DATE '1970-01-01')::INTEGER, c: coalesce(b.close, 'NaN'::DOUBLE), a: coalesce(b.adj_close, 'NaN'::DOUBLE)}),
              list(DISTINCT {y: year(b.date)::INTEGER, s: b.source})
       FROM bars b JOIN ${FROM} f ON f.symbol = b.symbol AND b.date >= make_date(greatest(f.year, 1), 1, 1)
       WHERE b.date >= make_date(${sinceYear}, 1, 1) AND b.symbol BETWEEN ${sqlText(first)} AND ${sqlText(last)}
       GROUP BY b.symbol`,
    );
    const out: Stretch[] = [];
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const symbols = chunk.getColumnVector(0);
      const bars = chunk.getColumnVector(1) as DuckDBListVector;
      const fields = bars.childVector as DuckDBStructVector;
      const days = flatItems(fields.entryVectorAt(0), Int32Array);
      const closes = flatItems(fields.entryVectorAt(1), Float64Array);
      const adjCloses = flatItems(fields.entryVectorAt(2), Float64Array);
      const sources = chunk.getColumnVector(2) as DuckDBListVector;
      const sourceFields = sources.childVector as DuckDBStructVector;
      for (let i = 0; i < chunk.rowCount; i++) {
        const from = bars.getEntryOffset(i);
        const to = from + bars.getEntryLength(i);
        // copies: the chunk's buffers are reused by the next one
        const sorted = ascending(days, from, to)
          ? { days: days.slice(from, to), values: [closes.slice(from, to), adjCloses.slice(from, to)] }
          : sortByDay(days.subarray(from, to), [closes.subarray(from, to), adjCloses.subarray(from, to)]);
        const yearSources: { year: number; source: string }[] = [];
        const first = sources.getEntryOffset(i);
        for (let j = first; j < first + sources.getEntryLength(i); j++) {
          yearSources.push({
            year: sourceFields.getItemValue(j, 0) as number,
            source: sourceFields.getItemValue(j, 1) as string,
          });
        }
        out.push({
          symbol: symbols.getItem(i) as string,
          days: sorted.days,
          closes: sorted.values[0]!,
          adjCloses: sorted.values[1]!,
          yearSources,
        });
      }
    }
    return out;
  } finally {
    await c.run('RESET preserve_insertion_order');
  }
}

/** A string as an SQL literal (a literal, unlike a parameter, reaches the scan as a block filter). */
function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Whether `days[from..to)` is strictly ascending (a symbol's rows mostly come in storage order). */
function ascending(days: Int32Array, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (days[i]! <= days[i - 1]!) return false;
  return true;
}

/** A list column's flat values (no NULLs: the query coalesces) as the vector's own typed array. */
function flatItems<T extends Int32Array | Float64Array>(vector: DuckDBVector, kind: new (n: number) => T): T {
  const items = (vector as unknown as { items?: unknown }).items;
  if (!(items instanceof kind)) throw new Error(`snapshot refresh: expected a flat ${kind.name} list column`);
  return items;
}

/** The distinct sources of a segment's years, sorted and comma-separated (as `string_agg(DISTINCT ... ORDER BY)`). */
function segmentSources(
  yearSources: readonly { readonly year: number; readonly source: string }[],
  from: number,
  to: number,
): string {
  const names = new Set<string>();
  for (const { year, source } of yearSources) if (year >= from && year <= to) names.add(source);
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',');
}

/**
 * Reads closes and/or adjusted closes of `tickers` (or all) from the snapshot, cut to `range`.
 * An adjusted-close segment stored as "same as the closes" brings its closes along.
 */
export async function readSnapshot(
  c: DuckDBConnection,
  tickers: readonly string[] | 'all',
  range: DateRange | undefined,
  columns: readonly BarColumn[],
): Promise<Map<string, PriceSeries>> {
  return unpackSegments(await readSnapshotSegments(c, tickers, range, columns));
}

/** The packed segments `readSnapshot` unpacks, as they come from the table (any order). */
export async function readSnapshotSegments(
  c: DuckDBConnection,
  tickers: readonly string[] | 'all',
  range: DateRange | undefined,
  columns: readonly BarColumn[],
  part?: SymbolPart,
): Promise<PackedSegments> {
  const wantClose = columns.includes('close');
  const wantAdj = columns.includes('adjClose');
  const to = lastYearNeeded(range);
  const where: string[] = [];
  if (tickers !== 'all') where.push('symbol IN (SELECT unnest($t))');
  if (to !== null) where.push(`year <= ${to}`);
  if (part !== undefined) where.push(`hash(symbol) % ${Math.trunc(part.of)} = ${Math.trunc(part.index)}`);
  const closes = wantClose ? 'closes' : 'CASE WHEN octet_length(adj_closes) = 1 THEN closes END';
  const adj = wantAdj ? 'adj_closes' : 'NULL::BLOB';
  const sql = `SELECT symbol, year, days, ${closes}, ${adj} FROM close_snapshot ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  const result =
    tickers === 'all' ? await c.stream(sql) : await c.stream(sql, { t: listValue([...tickers]) }, { t: STRING_LIST });
  const packed: PackedSegments = { columns, range, symbols: [], segments: [] };
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const symbol = chunk.getColumnVector(0);
    const year = chunk.getColumnVector(1);
    const days = chunk.getColumnVector(2) as DuckDBBlobVector;
    const closeBlobs = chunk.getColumnVector(3) as DuckDBBlobVector;
    const adjBlobs = chunk.getColumnVector(4) as DuckDBBlobVector;
    let slice = performance.now();
    for (let i = 0; i < chunk.rowCount; i++) {
      // copying a chunk's blobs out takes some 15 ms: a server answers small requests in between
      if ((i & 63) === 63 && performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
      packed.symbols.push(symbol.getItem(i) as string);
      packed.segments.push({
        year: year.getItem(i) as number,
        days: owned(days.getItemBytes(i))!,
        closes: owned(closeBlobs.getItemBytes(i)),
        adjCloses: owned(adjBlobs.getItemBytes(i)),
      });
    }
  }
  return packed;
}

/** Blobs of up to 12 bytes come back as views into the chunk, which the next chunk may reuse: copy them. */
function owned(bytes: Uint8Array | null): Uint8Array | null {
  return bytes !== null && bytes.length <= 12 ? bytes.slice() : bytes;
}

/** The distinct sources of the stored bars, from the snapshot's per-segment lists (a few thousand rows). */
export async function snapshotSources(c: DuckDBConnection): Promise<string[]> {
  return (
    await c.runAndReadAll(`SELECT DISTINCT unnest(string_split(sources, ',')) AS s FROM close_snapshot ORDER BY s`)
  )
    .getRowsJS()
    .map((r) => String(r[0]));
}

/** The last stored date per symbol, from the segments' last days. */
export async function snapshotLastDates(c: DuckDBConnection): Promise<Map<string, string>> {
  const rows = (
    await c.runAndReadAll(`SELECT symbol, strftime(max(last_day), '%Y-%m-%d') FROM close_snapshot GROUP BY symbol`)
  ).getRowsJS();
  return new Map(rows.map((r) => [String(r[0]), String(r[1])]));
}

/**
 * Per symbol with bars: first and last date, row count and sources (sorted, comma-separated), from
 * the segments: a relation with columns symbol, first_date, last_date, n, sources.
 */
export const SNAPSHOT_SUMMARY = `(SELECT a.symbol, a.first_date, a.last_date, a.n, s.sources
  FROM (SELECT symbol, min(first_day) AS first_date, max(last_day) AS last_date, sum(n_rows) AS n
        FROM close_snapshot GROUP BY symbol) a
  JOIN (SELECT symbol, string_agg(DISTINCT src, ',' ORDER BY src) AS sources
        FROM (SELECT symbol, unnest(string_split(sources, ',')) AS src FROM close_snapshot) GROUP BY symbol) s
    ON s.symbol = a.symbol)`;
