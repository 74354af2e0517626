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
import type { DuckDBBlobVector, DuckDBConnection } from '@duckdb/node-api';
import type { PriceSeries } from '../../domain/price-series.js';
import { nextTurn, SLICE_MS } from '../event-loop-slice.js';
import type { BarColumn, DateRange } from '../price-store.js';
import { lastYearNeeded, type PackedSegments, packSegments, unpackSegments } from '../series-snapshot.js';
import { duckdbApi } from './duckdb-api.js';
import { readGroupedSeries } from './duckdb-grouped-reader.js';

const { INTEGER, LIST, listValue, VARCHAR } = duckdbApi;

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

const STAGE = 'close_snapshot_stage';
const FROM = 'close_snapshot_from';
const STRING_LIST = LIST(VARCHAR);
const INT_LIST = LIST(INTEGER);
/** A first year before any stored day: re-pack the whole history. */
const EVERYTHING = -100_000;
/** Symbols re-packed per pass: bounds the memory of a whole-universe import's refresh. */
const SYMBOLS_PER_PASS = 1000;
/** Rows re-packed per pass when the rows per symbol are known (500 symbols of 20 years; 15 M: peak 0.89 GB). */
const ROWS_PER_PASS = 2_500_000;

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
       GROUP BY f.symbol, f.year, f.n`,
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
  const symbols = (await c.runAndReadAll('SELECT DISTINCT symbol FROM bars')).getRowsJS().map((r) => String(r[0]));
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
  await c.run(
    `CREATE OR REPLACE TEMP TABLE ${STAGE} (symbol VARCHAR, year INTEGER, last_year INTEGER, first_day INTEGER, last_day INTEGER, n_rows INTEGER, days BLOB, closes BLOB, adj_closes BLOB)`,
  );
  try {
    for (let k = 0; k + 1 < cuts.length; k++) {
      const tickers = symbols.slice(cuts[k], cuts[k + 1]);
      const years = fromYears.slice(cuts[k], cuts[k + 1]);
      await c.run(`DELETE FROM ${FROM}`);
      await c.run(`DELETE FROM ${STAGE}`);
      await c.run(
        `INSERT INTO ${FROM} SELECT unnest($t), unnest($y)`,
        { t: listValue(tickers), y: listValue(years) },
        {
          t: STRING_LIST,
          y: INT_LIST,
        },
      );
      // the earliest day any of them re-packs, as a literal the scan of the bars filters on before the join
      const since = `b.date >= make_date(${Math.max(1, Math.min(...years))}, 1, 1)`;
      const series = await readCloses(c, since);
      const appender = await c.createAppender(STAGE);
      try {
        for (const s of series.values()) {
          for (const seg of packSegments(s.symbol, s.dates, s.close, s.adjClose)) {
            appender.appendVarchar(seg.symbol);
            appender.appendInteger(seg.year);
            appender.appendInteger(seg.lastYear);
            appender.appendInteger(seg.firstDay);
            appender.appendInteger(seg.lastDay);
            appender.appendInteger(seg.rows);
            appender.appendBlob(seg.days);
            appender.appendBlob(seg.closes);
            appender.appendBlob(seg.adjCloses);
            appender.endRow();
          }
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
      await c.run(`DELETE FROM close_snapshot s USING ${FROM} f WHERE s.symbol = f.symbol AND s.year >= f.year`);
      // the sources of each re-packed (symbol, year) first (a few rows per symbol), then of each segment:
      // a range join of the segments with the bars themselves took 0.8 s of a 5 M-row import
      const yearSources = `SELECT DISTINCT b.symbol, year(b.date)::INTEGER AS year, b.source
        FROM bars b JOIN ${FROM} f ON f.symbol = b.symbol AND b.date >= make_date(greatest(f.year, 1), 1, 1)
        WHERE ${since}`;
      await c.run(
        `INSERT INTO close_snapshot
         SELECT st.symbol, st.year, st.last_year, DATE '1970-01-01' + st.first_day, DATE '1970-01-01' + st.last_day,
                st.n_rows, st.days, st.closes, st.adj_closes, src.sources
         FROM ${STAGE} st JOIN (
           SELECT st.symbol, st.year, string_agg(DISTINCT y.source, ',' ORDER BY y.source) AS sources
           FROM ${STAGE} st JOIN (${yearSources}) y ON y.symbol = st.symbol AND y.year BETWEEN st.year AND st.last_year
           GROUP BY ALL) src ON src.symbol = st.symbol AND src.year = st.year`,
      );
    }
  } finally {
    await c.run(`DROP TABLE IF EXISTS ${FROM}`);
    await c.run(`DROP TABLE IF EXISTS ${STAGE}`);
  }
}

/** The closes and adjusted closes of the symbols in FROM, from their first year to re-pack on. */
async function readCloses(c: DuckDBConnection, since: string): Promise<Map<string, PriceSeries>> {
  const tickers = (await c.runAndReadAll(`SELECT symbol FROM ${FROM} ORDER BY symbol`))
    .getRowsJS()
    .map((r) => String(r[0]));
  await c.run('SET preserve_insertion_order = false');
  try {
    const result = await c.stream(
      `SELECT w.i, (b.date - DATE '1970-01-01')::INTEGER, coalesce(b.close, 'NaN'::DOUBLE), coalesce(b.adj_close, 'NaN'::DOUBLE)
       FROM bars b JOIN (SELECT f.symbol, f.year, (row_number() OVER (ORDER BY f.symbol) - 1)::INTEGER AS i FROM ${FROM} f) w
         ON w.symbol = b.symbol AND b.date >= make_date(greatest(w.year, 1), 1, 1)
       WHERE ${since}`,
    );
    return await readGroupedSeries(result, tickers, ['close', 'adjClose']);
  } finally {
    await c.run('RESET preserve_insertion_order');
  }
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
): Promise<PackedSegments> {
  const wantClose = columns.includes('close');
  const wantAdj = columns.includes('adjClose');
  const to = lastYearNeeded(range);
  const where: string[] = [];
  if (tickers !== 'all') where.push('symbol IN (SELECT unnest($t))');
  if (to !== null) where.push(`year <= ${to}`);
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
