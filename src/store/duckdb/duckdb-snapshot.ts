/**
 * DuckDB's side of the close snapshot (src/store/series-snapshot.ts): the view `close_snapshot` over two
 * tables of the same columns (see BASE and RECENT), a few rows per symbol (segments keyed by the year of
 * their first day) with packed days, closes and adjusted closes and the sources of their bars. Every
 * write calls `refreshSnapshot` inside its own transaction, after the bars are merged: the rows the write
 * set carry its load ids, so the symbols it touched and their earliest touched day are found by one scan
 * of `load_id`. When every new row of a symbol comes after its last stored day (a daily update), its last
 * segment is unpacked from the snapshot itself, the new rows appended and packed again: no read of the
 * bars. Otherwise, from the start of the segment holding the earliest touched day on, the bars are read
 * back, packed in JavaScript and replace the old segments. Nothing else ever writes the tables, so they
 * cannot drift from the bars by more than a write that rolled back together with them.
 */
import { Buffer } from 'node:buffer';
import type {
  DuckDBAppender,
  DuckDBBlobValue,
  DuckDBBlobVector,
  DuckDBConnection,
  DuckDBListVector,
  DuckDBStructVector,
  DuckDBType,
  DuckDBValue,
  DuckDBVector,
} from '@duckdb/node-api';
import type { BarSelector } from '../../domain/lazy-values.js';
import type { PriceSeries } from '../../domain/price-series.js';
import type { CsvSnapshotPrepack, PrepackedSymbol } from '../csv-snapshot-prepack.js';
import { nextTurn, SLICE_MS } from '../event-loop-slice.js';
import type { BarColumn, DateRange, SymbolPart } from '../price-store.js';
import {
  lastYearNeeded,
  type PackedSegments,
  packSegments,
  type SnapshotSegment,
  unpackSegments,
} from '../series-snapshot.js';
import { decodeDaysInto, decodeValuesInto, packedDayCount } from '../series-snapshot-codec.js';
import { duckdbApi } from './duckdb-api.js';
import { sortByDay } from './duckdb-grouped-reader.js';

const { dateValue, INTEGER, LIST, listValue, VARCHAR } = duckdbApi;

/**
 * The segments live in two tables, read together through the view `close_snapshot`: each symbol's
 * last segment (its last calendar year) and every segment a later append left behind go to
 * `close_recent`, the rest of a re-packed history to `close_segments`. A daily write then changes only
 * the small table: DuckDB rewrites a changed row group's columns whole when it checkpoints (on close),
 * and one table of 6,000 segments is one row group, so a one-day write into a single table rewrote
 * all 71 MB of packed history (0.3-0.7 s at close, and the file grew by it every time).
 */
const BASE = 'close_segments';
const RECENT = 'close_recent';
const SNAPSHOT_COLUMNS = `(
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

/** The first layout (one table, migration 3); SPLIT_SNAPSHOT_TABLES turns it into the two tables and the view. */
export const CREATE_SNAPSHOT_TABLE = `CREATE TABLE IF NOT EXISTS close_snapshot ${SNAPSHOT_COLUMNS}`;

/** Splits the one-table snapshot into `close_segments` and `close_recent` behind the view `close_snapshot`. */
export const SPLIT_SNAPSHOT_TABLES: readonly string[] = [
  `ALTER TABLE close_snapshot RENAME TO ${BASE}`,
  `CREATE TABLE ${RECENT} ${SNAPSHOT_COLUMNS}`,
  `INSERT INTO ${RECENT}
     SELECT s.* FROM ${BASE} s JOIN (SELECT symbol, max(year) AS year FROM ${BASE} GROUP BY symbol) l
       ON l.symbol = s.symbol AND l.year = s.year`,
  `DELETE FROM ${BASE} s USING ${RECENT} r WHERE s.symbol = r.symbol AND s.year = r.year`,
  `CREATE VIEW close_snapshot AS SELECT * FROM ${BASE} UNION ALL SELECT * FROM ${RECENT}`,
];

const FROM = 'close_snapshot_from';
/** The grown last segments of an append, before they replace their rows of close_recent. */
const GROWN = 'close_snapshot_grown';
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

/** Per touched symbol: what its refresh re-packs. */
interface Touched {
  readonly symbol: string;
  /** Segments of this year and later are replaced. */
  readonly fromYear: number;
  /** About how many rows the re-pack handles. */
  readonly rows: number;
  /**
   * Appends: every new row comes after the symbol's last stored day. The stretch is then the new rows
   * alone, or with the last segment's rows (unpacked from it, year `prior`) when they share its year:
   * no read-back of the bars.
   */
  readonly appends: boolean;
  readonly prior: number | null;
}

/**
 * Re-packs every (symbol, year) that rows with load ids in [fromLoad, toLoad] fall in, and every later
 * year of those symbols. Runs inside the caller's write transaction. Returns whether it deleted segment
 * rows (an append that only adds and updates rows of `close_recent` deletes none). `prepacked`: a CSV
 * import's segments of symbols new to the store, packed from the files while they loaded; a symbol with
 * no stored segment whose loaded rows they count exactly is written from them, with no read-back.
 */
export async function refreshSnapshot(
  c: DuckDBConnection,
  fromLoad: number,
  toLoad: number,
  prepacked?: CsvSnapshotPrepack,
): Promise<boolean> {
  // per symbol: its new rows' first day and year, the segment holding that year (or everything, before
  // the first), its last segment (year, last year, last day), and about how many rows a re-pack handles
  const rows = (
    await c.runAndReadAll(
      `WITH t AS (
         SELECT symbol, min(date) AS first_new, min(year(date))::INTEGER AS first_year, count(*) AS n FROM bars
         WHERE load_id BETWEEN ${fromLoad} AND ${toLoad} GROUP BY symbol),
       f AS (
         SELECT t.symbol, t.n, t.first_new, t.first_year,
                coalesce(max(s.year) FILTER (WHERE s.year <= t.first_year), ${EVERYTHING})::INTEGER AS held,
                max(s.last_day) AS last_day, max(s.year) AS last_seg, arg_max(s.last_year, s.year) AS last_seg_end,
                arg_max(s.n_rows, s.year) AS last_seg_rows
         FROM t LEFT JOIN close_snapshot s ON s.symbol = t.symbol
         GROUP BY t.symbol, t.n, t.first_new, t.first_year)
       SELECT f.symbol, f.held, (f.n + coalesce(sum(s.n_rows), 0))::DOUBLE,
              f.last_day IS NULL OR f.first_new > f.last_day, f.first_year, f.last_seg, f.last_seg_end,
              (f.n + coalesce(f.last_seg_rows, 0))::DOUBLE, f.n::DOUBLE
       FROM f LEFT JOIN close_snapshot s ON s.symbol = f.symbol AND s.year >= f.held
       GROUP BY f.symbol, f.held, f.n, f.last_day, f.first_new, f.first_year, f.last_seg, f.last_seg_end, f.last_seg_rows
       ORDER BY f.symbol`,
    )
  ).getRowsJS();
  const repacks: Touched[] = [];
  const appends: Touched[] = [];
  const ready: PrepackedSymbol[] = [];
  for (const r of rows) {
    const symbol = String(r[0]);
    const firstYear = Number(r[4]);
    const lastSeg = r[5] === null ? null : Number(r[5]);
    const lastSegEnd = r[6] === null ? null : Number(r[6]);
    // no stored segment, so no stored bar: the new rows are the whole series
    const whole = lastSeg === null ? (prepacked?.take(symbol, Number(r[8])) ?? null) : null;
    if (whole !== null) {
      ready.push(whole);
      continue;
    }
    // a last segment spanning years (never written so) would need its sources per year: re-packed instead
    if (r[3] === true && lastSeg === lastSegEnd) {
      // new rows in the last segment's year join its rows; in later years they start segments of their own
      const joins = lastSeg !== null && firstYear <= lastSeg;
      appends.push({
        symbol,
        fromYear: joins ? lastSeg : firstYear,
        rows: joins ? Number(r[7]) : Number(r[2]),
        appends: true,
        prior: joins ? lastSeg : null,
      });
    } else repacks.push({ symbol, fromYear: Number(r[1]), rows: Number(r[2]), appends: false, prior: null });
  }
  const repacked = await repack(c, repacks);
  await writePrepacked(c, ready);
  return (await repack(c, appends, { fromLoad, toLoad })) || repacked;
}

/** Appends the segments packed while the import loaded: each symbol's last one to `close_recent`. */
async function writePrepacked(c: DuckDBConnection, ready: readonly PrepackedSymbol[]): Promise<void> {
  if (ready.length === 0) return;
  const base = await c.createAppender(BASE);
  const recent = await c.createAppender(RECENT);
  try {
    for (const p of ready) {
      const last = p.segments.length - 1;
      p.segments.forEach((seg, i) => {
        appendSegment(i === last ? recent : base, seg, p.source);
      });
    }
    base.flushSync();
    recent.flushSync();
  } finally {
    base.closeSync();
    recent.closeSync();
  }
}

function appendSegment(appender: DuckDBAppender, seg: SnapshotSegment, sources: string): void {
  appender.appendVarchar(seg.symbol);
  appender.appendInteger(seg.year);
  appender.appendInteger(seg.lastYear);
  appender.appendDate(dateValue(seg.firstDay));
  appender.appendDate(dateValue(seg.lastDay));
  appender.appendInteger(seg.rows);
  appender.appendBlob(seg.days);
  appender.appendBlob(seg.closes);
  appender.appendBlob(seg.adjCloses);
  appender.appendVarchar(sources);
  appender.endRow();
}

/** Re-packs every stored symbol from scratch (a store upgraded to the snapshot schema). */
export async function rebuildSnapshot(c: DuckDBConnection): Promise<void> {
  for (const table of [BASE, RECENT]) await c.run(`DELETE FROM ${table}`);
  const symbols = (await c.runAndReadAll('SELECT DISTINCT symbol FROM bars ORDER BY symbol'))
    .getRowsJS()
    .map((r) => String(r[0]));
  await repack(
    c,
    symbols.map((symbol) => ({
      symbol,
      fromYear: EVERYTHING,
      rows: ROWS_PER_PASS / SYMBOLS_PER_PASS,
      appends: false,
      prior: null,
    })),
  );
}

/** Drops the segments of the symbols `where` selects (an SQL condition on `symbol`; their bars go in the same transaction). */
export async function dropSnapshotWhere(
  c: DuckDBConnection,
  where: string,
  params?: Record<string, DuckDBValue>,
  types?: Record<string, DuckDBType>,
): Promise<void> {
  for (const table of [BASE, RECENT]) await c.run(`DELETE FROM ${table} WHERE ${where}`, params, types);
}

/** Drops a symbol's segments (its bars are being deleted in the same transaction). */
export async function dropSnapshot(c: DuckDBConnection, symbol: string): Promise<void> {
  await dropSnapshotWhere(c, 'symbol = $t', { t: symbol });
}

/**
 * `touched` come in the store's order (`ORDER BY symbol`): each pass reads the range of its own. Returns
 * whether it deleted segment rows.
 */
async function repack(
  c: DuckDBConnection,
  touched: readonly Touched[],
  loads?: { readonly fromLoad: number; readonly toLoad: number },
): Promise<boolean> {
  if (touched.length === 0) return false;
  let deleted = false;
  // passes of up to ROWS_PER_PASS rows (a one-day import of 3,000 symbols re-packs them in one pass:
  // each pass scans the bars once)
  const cuts = [0];
  for (let i = 0, n = 0; i < touched.length; i++) {
    const r = touched[i]!.rows;
    if (i > cuts.at(-1)! && n + r > ROWS_PER_PASS) {
      cuts.push(i);
      n = 0;
    }
    n += r;
  }
  cuts.push(touched.length);
  await c.run(`CREATE OR REPLACE TEMP TABLE ${FROM} (symbol VARCHAR, year INTEGER, prior INTEGER)`);
  try {
    for (let k = 0; k + 1 < cuts.length; k++) {
      const pass = touched.slice(cuts[k], cuts[k + 1]);
      await c.run(`DELETE FROM ${FROM}`);
      await c.run(
        `INSERT INTO ${FROM} SELECT unnest($t), unnest($y), unnest($p)`,
        {
          t: listValue(pass.map((x) => x.symbol)),
          y: listValue(pass.map((x) => x.fromYear)),
          p: listValue(pass.map((x) => x.prior)),
        },
        { t: STRING_LIST, y: INT_LIST, p: INT_LIST },
      );
      const [first, last] = [pass[0]!.symbol, pass.at(-1)!.symbol];
      const { stretches, baseChanges } = loads
        ? await appendedStretches(c, loads, first, last)
        : {
            stretches: await readStretches(c, Math.max(1, Math.min(...pass.map((x) => x.fromYear))), first, last),
            baseChanges: true,
          };
      // an append only adds segments and rewrites each last one in place (an UPDATE of close_recent:
      // no deleted rows left for DuckDB's vacuum, see DuckDbStore.close), unless a last segment was
      // found in close_segments
      if (baseChanges) {
        for (const table of [BASE, RECENT])
          await c.run(`DELETE FROM ${table} s USING ${FROM} f WHERE s.symbol = f.symbol AND s.year >= f.year`);
        deleted = true;
      }
      await writeSegments(c, stretches, !baseChanges);
    }
  } finally {
    await c.run(`DROP TABLE IF EXISTS ${FROM}`);
  }
  return deleted;
}

/**
 * Packs the stretches and appends their segments: each symbol's last one to `close_recent`, the others
 * to `close_segments`; every one to `close_recent` when the stretch starts with a recent segment's rows
 * (an append to it), so the large table is left alone. With `inPlace`, the first segment of such a
 * stretch (the recent segment it starts with, grown) replaces that row by an UPDATE instead of being
 * appended (the caller deleted nothing).
 */
async function writeSegments(c: DuckDBConnection, stretches: readonly Stretch[], inPlace: boolean): Promise<void> {
  if (inPlace) await c.run(`CREATE OR REPLACE TEMP TABLE ${GROWN} ${SNAPSHOT_COLUMNS}`);
  const base = await c.createAppender(BASE);
  const recent = await c.createAppender(RECENT);
  const grown = inPlace ? await c.createAppender(GROWN) : null;
  try {
    for (const s of stretches) {
      const segments = packSegments(s.symbol, s.days, s.closes, s.adjCloses);
      segments.forEach((seg, i) => {
        const appender =
          grown !== null && s.recentOnly === true && i === 0
            ? grown
            : s.recentOnly === true || i === segments.length - 1
              ? recent
              : base;
        appendSegment(appender, seg, segmentSources(s.yearSources, seg.year, seg.lastYear));
      });
    }
    base.flushSync();
    recent.flushSync();
    grown?.flushSync();
  } finally {
    base.closeSync();
    recent.closeSync();
    grown?.closeSync();
  }
  if (grown === null) return;
  const columns = ['last_year', 'first_day', 'last_day', 'n_rows', 'days', 'closes', 'adj_closes', 'sources'];
  await c.run(
    `UPDATE ${RECENT} r SET ${columns.map((col) => `${col} = g.${col}`).join(', ')}
     FROM ${GROWN} g WHERE r.symbol = g.symbol AND r.year = g.year`,
  );
  await c.run(`DROP TABLE ${GROWN}`);
}

/** One symbol's bars from its first year to re-pack on: ascending days, closes, adjusted closes, and the sources of each year. */
interface Stretch {
  readonly symbol: string;
  readonly days: Int32Array;
  readonly closes: Float64Array;
  readonly adjCloses: Float64Array;
  readonly yearSources: readonly { readonly year: number; readonly source: string }[];
  /** It starts with the rows of a segment of `close_recent`: all its segments go there. */
  readonly recentOnly?: boolean;
}

/**
 * The stretches of appending symbols in FROM: the new rows (those of the write: after every stored
 * day, found by their load ids), after the rows of the last segment when FROM names it (`prior`),
 * unpacked from the snapshot itself (which equals the bars before the write), with its sources.
 */
async function appendedStretches(
  c: DuckDBConnection,
  loads: { readonly fromLoad: number; readonly toLoad: number },
  first: string,
  last: string,
): Promise<{ stretches: Stretch[]; baseChanges: boolean }> {
  const fresh = await readStretches(c, loads, first, last);
  const priors = new Map<string, Omit<Stretch, 'symbol' | 'yearSources'> & { sources: string[]; year: number }>();
  // a last segment is in the small table (see BASE and RECENT); the large one only when not found there
  // (a scan of it reads its blobs: 0.2 s)
  const wanted = Number((await c.runAndReadAll(`SELECT count(prior) FROM ${FROM}`)).getRowsJS()[0]![0]);
  const priorRows = async (table: string) =>
    (
      await c.runAndReadAll(
        `SELECT s.symbol, s.year, s.days, s.closes, s.adj_closes, s.sources
         FROM ${table} s JOIN ${FROM} f ON f.symbol = s.symbol AND f.prior = s.year
         WHERE s.symbol BETWEEN ${sqlText(first)} AND ${sqlText(last)}`,
      )
    ).getRows();
  const found = wanted === 0 ? [] : await priorRows(RECENT);
  const inRecent = found.length;
  if (found.length < wanted) found.push(...(await priorRows(BASE)));
  for (const r of found) {
    const days = blobBytes(r[2]);
    const n = packedDayCount(days);
    const out = { days: new Int32Array(n), closes: new Float64Array(n), adjCloses: new Float64Array(n) };
    decodeDaysInto(days, out.days, 0);
    decodeValuesInto(blobBytes(r[3]), n, out.closes, 0);
    decodeValuesInto(blobBytes(r[4]), n, out.adjCloses, 0, out.closes);
    const sources = String(r[5])
      .split(',')
      .filter((x) => x !== '');
    priors.set(String(r[0]), { ...out, sources, year: Number(r[1]) });
  }
  const stretches = fresh.map((s): Stretch => {
    const prior = priors.get(s.symbol);
    if (prior === undefined) return s;
    const n = prior.days.length;
    const join = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
      const out = new (a.constructor as new (n: number) => T)(a.length + b.length);
      out.set(a);
      out.set(b, a.length);
      return out;
    };
    if (n > 0 && s.days.length > 0 && s.days[0]! <= prior.days[n - 1]!)
      throw new Error(`snapshot append: ${s.symbol}'s new rows do not follow its stored ones`);
    return {
      symbol: s.symbol,
      days: join(prior.days, s.days),
      closes: join(prior.closes, s.closes),
      adjCloses: join(prior.adjCloses, s.adjCloses),
      yearSources: [...prior.sources.map((source) => ({ year: prior.year, source })), ...s.yearSources],
      recentOnly: true,
    };
  });
  return { stretches, baseChanges: found.length > inRecent };
}

/** A BLOB value's bytes. */
function blobBytes(value: unknown): Uint8Array {
  return (value as DuckDBBlobValue).bytes;
}

/**
 * The stretches of the symbols in FROM, each from its first year to re-pack on (`since`: the earliest
 * of them, or for appends the load ids of the write's rows; and `first`..`last`: the pass's symbols in
 * the store's order; filters the scan of the bars applies before the join, skipping blocks outside them). One row per symbol with its
 * bars as a list: the list's values arrive as one flat buffer per column (a few chunks in all), where
 * a row per bar took some 2,500 chunks of 2,048 rows at 5 M rows (1.2-1.8 s against about 0.4 s).
 * The list holds the rows in no particular order; they are sorted by day here.
 */
async function readStretches(
  c: DuckDBConnection,
  since: number | { readonly fromLoad: number; readonly toLoad: number },
  first: string,
  last: string,
): Promise<Stretch[]> {
  const rows =
    typeof since === 'number'
      ? `b.date >= make_date(${since}, 1, 1)`
      : `b.load_id BETWEEN ${Math.trunc(since.fromLoad)} AND ${Math.trunc(since.toLoad)}`;
  await c.run('SET preserve_insertion_order = false');
  try {
    const result = await c.stream(
      `SELECT b.symbol,
              list({d: (b.date - DATE '1970-01-01')::INTEGER, c: coalesce(b.close, 'NaN'::DOUBLE), a: coalesce(b.adj_close, 'NaN'::DOUBLE)}),
              list(DISTINCT {y: year(b.date)::INTEGER, s: b.source})
       FROM bars b JOIN ${FROM} f ON f.symbol = b.symbol AND b.date >= make_date(greatest(f.year, 1), 1, 1)
       WHERE ${rows} AND b.symbol BETWEEN ${sqlText(first)} AND ${sqlText(last)}
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
 * Reads closes and/or adjusted closes of `tickers` (or all) from the snapshot, cut to `range` (with
 * `select` and one column: only the bars it picks, see ReadOptions).
 * An adjusted-close segment stored as "same as the closes" brings its closes along.
 */
export async function readSnapshot(
  c: DuckDBConnection,
  tickers: readonly string[] | 'all',
  range: DateRange | undefined,
  columns: readonly BarColumn[],
  select?: BarSelector,
): Promise<Map<string, PriceSeries>> {
  return unpackSegments(await readSnapshotSegments(c, tickers, range, columns), select);
}

/** Tickers from `from` (inclusive) and below `below`: a filter the scan applies before it reads the blobs. */
export interface TickerSpan {
  readonly from?: string;
  readonly below?: string;
}

/** The packed segments `readSnapshot` unpacks, as they come from the table (any order). */
export async function readSnapshotSegments(
  c: DuckDBConnection,
  tickers: readonly string[] | 'all',
  range: DateRange | undefined,
  columns: readonly BarColumn[],
  part?: SymbolPart,
  span?: TickerSpan,
): Promise<PackedSegments> {
  const wantClose = columns.includes('close');
  const wantAdj = columns.includes('adjClose');
  const to = lastYearNeeded(range);
  const where: string[] = [];
  if (tickers !== 'all') where.push('symbol IN (SELECT unnest($t))');
  if (to !== null) where.push(`year <= ${to}`);
  if (part !== undefined) where.push(`hash(symbol) % ${Math.trunc(part.of)} = ${Math.trunc(part.index)}`);
  if (span?.from !== undefined) where.push(`symbol >= ${sqlText(span.from)}`);
  if (span?.below !== undefined) where.push(`symbol < ${sqlText(span.below)}`);
  const closes = wantClose ? 'closes' : 'CASE WHEN octet_length(adj_closes) = 1 THEN closes END';
  const adj = wantAdj ? 'adj_closes' : 'NULL::BLOB';
  const sql = `SELECT symbol, year, days, ${closes}, ${adj} FROM close_snapshot ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  const result =
    tickers === 'all' ? await c.stream(sql) : await c.stream(sql, { t: listValue([...tickers]) }, { t: STRING_LIST });
  const packed: PackedSegments = { columns, range, symbols: [], segments: [] };
  // one chunk ahead: DuckDB reads the next chunk's blobs on its own thread while this one's are copied out
  const fetch = () => {
    const next = result.fetchChunk();
    next.catch(() => undefined); // met by the await below, unless a failure here ended the read first
    return next;
  };
  let next = fetch();
  for (;;) {
    const chunk = await next;
    if (!chunk || chunk.rowCount === 0) break;
    next = fetch();
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

/** The ticker in the middle of the snapshot's symbols (by its recent segments), or null when it holds none. */
export async function snapshotMiddleTicker(c: DuckDBConnection): Promise<string | null> {
  const rows = (
    await c.runAndReadAll(
      'SELECT symbol FROM close_recent ORDER BY symbol LIMIT 1 OFFSET (SELECT count(*) // 2 FROM close_recent)',
    )
  ).getRowsJS();
  return rows[0] === undefined ? null : String(rows[0][0]);
}

/**
 * The distinct sources of the stored bars, from the snapshot's per-segment lists (a few thousand rows, a
 * handful of distinct lists), in byte order as SQL's ORDER BY gives them. The lists are split here: the
 * query took 3.5-4.3 ms warm and 10 ms as a command's first, splitting and unnesting in SQL, against
 * 2.2-3.3 and 5.4 ms (every read command asks it first).
 */
export async function snapshotSources(c: DuckDBConnection): Promise<string[]> {
  const lists = (await c.runAndReadAll('SELECT DISTINCT sources FROM close_snapshot')).getRowsJS();
  const sources = new Set<string>();
  for (const [list] of lists) if (list !== null) for (const s of String(list).split(',')) sources.add(s);
  return [...sources].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
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
