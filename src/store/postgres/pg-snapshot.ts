/**
 * PostgreSQL's side of the close snapshot (src/store/series-snapshot.ts), the same layout as DuckDB's:
 * `close_snapshot` holds a few packed segments per symbol (keyed by the year of their first day).
 * `refreshPgSnapshot` runs inside the write's transaction once the bars are in: for each symbol
 * written, from the start of the segment holding its earliest written day, the bars are read back
 * (binary COPY), packed in JavaScript and replace the old segments, with each segment's bar sources.
 */

import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ensureDefined } from '../../domain/ensure.js';
import type { BarSelector } from '../../domain/lazy-values.js';
import type { PriceSeries } from '../../domain/price-series.js';
import type { BarColumn, DateRange, SymbolPart } from '../price-store.js';
import {
  lastYearNeeded,
  type PackedSegments,
  packSegments,
  type SnapshotSegment,
  unpackSegments,
  yearOfDay,
} from '../series-snapshot.js';
import { BarsBinaryDecoder } from './pg-binary-copy.js';

export const CREATE_PG_SNAPSHOT = `
  CREATE TABLE IF NOT EXISTS close_snapshot (
    symbol     text    NOT NULL,
    year       int     NOT NULL,
    last_year  int     NOT NULL,
    first_day  date    NOT NULL,
    last_day   date    NOT NULL,
    n_rows     int     NOT NULL,
    days       bytea   NOT NULL,
    closes     bytea   NOT NULL,
    adj_closes bytea   NOT NULL,
    sources    text[]  NOT NULL,
    PRIMARY KEY (symbol, year)
  );
  ALTER TABLE close_snapshot ALTER COLUMN days SET STORAGE EXTERNAL;
  ALTER TABLE close_snapshot ALTER COLUMN closes SET STORAGE EXTERNAL;
  ALTER TABLE close_snapshot ALTER COLUMN adj_closes SET STORAGE EXTERNAL;`;

/** A first year before any stored day: re-pack the whole history. */
const EVERYTHING = -100_000;
const SYMBOLS_PER_PASS = 1000;

/**
 * Re-packs the segments of `touched` (symbol -> earliest day written) from the segment holding that
 * day on. `client` is inside the write's transaction. `written` (the write's own series and their
 * source, when the caller has them): a symbol with no segment at all had no stored bar (the snapshot
 * mirrors the bars), so its bars are now exactly the written series, packed as they are, with no read
 * back and no look-up of their sources.
 */
export async function refreshPgSnapshot(
  client: pg.PoolClient,
  touched: ReadonlyMap<string, number>,
  written?: ReadonlyMap<string, { readonly series: PriceSeries; readonly source: string }>,
): Promise<void> {
  if (touched.size === 0) return;
  const symbols = [...touched.keys()];
  const years = symbols.map((s) => yearOfDay(ensureDefined(touched.get(s), `earliest day written for ${s}`)));
  const r = await client.query<{ symbol: string; start: number | null; segments: string }>(
    `SELECT t.symbol, max(s.year) FILTER (WHERE s.year <= t.year) AS start, count(s.year) AS segments
     FROM unnest($1::text[], $2::int[]) AS t(symbol, year)
     LEFT JOIN close_snapshot s ON s.symbol = t.symbol
     GROUP BY t.symbol`,
    [symbols, years],
  );
  const fresh: SourcedSegment[] = [];
  const rest = r.rows.filter((x) => {
    const own = Number(x.segments) === 0 ? written?.get(x.symbol) : undefined;
    if (own === undefined) return true;
    const s = own.series;
    for (const segment of packSegments(s.symbol, s.dates, s.close, s.adjClose))
      fresh.push({ ...segment, source: own.source });
    return false;
  });
  for (let from = 0; from < fresh.length; from += SEGMENTS_PER_INSERT)
    await insertSegments(client, fresh.slice(from, from + SEGMENTS_PER_INSERT));
  await repack(
    client,
    rest.map((x) => x.symbol),
    rest.map((x) => x.start ?? EVERYTHING),
  );
}

/** Packs every stored symbol from scratch (a database upgraded to the snapshot schema). */
export async function rebuildPgSnapshot(client: pg.PoolClient): Promise<void> {
  await client.query('DELETE FROM close_snapshot');
  const symbols = (await client.query<{ symbol: string }>('SELECT DISTINCT symbol FROM bars')).rows.map(
    (x) => x.symbol,
  );
  await repack(
    client,
    symbols,
    symbols.map(() => EVERYTHING),
  );
}

async function repack(client: pg.PoolClient, symbols: readonly string[], fromYears: readonly number[]): Promise<void> {
  for (let start = 0; start < symbols.length; start += SYMBOLS_PER_PASS) {
    const tickers = symbols.slice(start, start + SYMBOLS_PER_PASS);
    const years = fromYears.slice(start, start + SYMBOLS_PER_PASS);
    await client.query(
      `DELETE FROM close_snapshot s USING unnest($1::text[], $2::int[]) AS f(symbol, year)
       WHERE s.symbol = f.symbol AND s.year >= f.year`,
      [tickers, years],
    );
    const series = await readCloses(client, tickers, years);
    const segments: SnapshotSegment[] = [];
    for (const s of series.values()) segments.push(...packSegments(s.symbol, s.dates, s.close, s.adjClose));
    for (let from = 0; from < segments.length; from += SEGMENTS_PER_INSERT)
      await insertSegments(client, segments.slice(from, from + SEGMENTS_PER_INSERT));
  }
}

/**
 * Segments inserted per statement. Their blobs go as bytea arrays, and the server's time for one INSERT
 * grows with the square of the array: 1,000 segments (500 symbols x 12 years) took 12.3 s in one
 * statement.
 */
const SEGMENTS_PER_INSERT = 50;

/** A packed segment, with the one source of all its bars when the caller knows it (else looked up in `bars`). */
type SourcedSegment = SnapshotSegment & { readonly source?: string };

async function insertSegments(client: pg.PoolClient, segments: readonly SourcedSegment[]): Promise<void> {
  await client.query(
    `INSERT INTO close_snapshot (symbol, year, last_year, first_day, last_day, n_rows, days, closes, adj_closes, sources)
       SELECT g.symbol, g.year, g.last_year, DATE '1970-01-01' + g.first_day, DATE '1970-01-01' + g.last_day, g.n_rows,
              g.days, g.closes, g.adj_closes,
              CASE WHEN g.source IS NOT NULL THEN ARRAY[g.source] ELSE
                (SELECT array_agg(DISTINCT b.source ORDER BY b.source) FROM bars b
                 WHERE b.symbol = g.symbol AND b.date BETWEEN DATE '1970-01-01' + g.first_day AND DATE '1970-01-01' + g.last_day)
              END
       FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::bytea[], $8::bytea[], $9::bytea[],
                   $10::text[])
         AS g(symbol, year, last_year, first_day, last_day, n_rows, days, closes, adj_closes, source)`,
    [
      segments.map((g) => g.symbol),
      segments.map((g) => g.year),
      segments.map((g) => g.lastYear),
      segments.map((g) => g.firstDay),
      segments.map((g) => g.lastDay),
      segments.map((g) => g.rows),
      segments.map((g) => Buffer.from(g.days.buffer, g.days.byteOffset, g.days.byteLength)),
      segments.map((g) => Buffer.from(g.closes.buffer, g.closes.byteOffset, g.closes.byteLength)),
      segments.map((g) => Buffer.from(g.adjCloses.buffer, g.adjCloses.byteOffset, g.adjCloses.byteLength)),
      segments.map((g) => g.source ?? null),
    ],
  );
}

/** The bars of `tickers`, each from Jan 1 of its year on, through the binary COPY reader. */
async function readCloses(
  client: pg.PoolClient,
  tickers: readonly string[],
  years: readonly number[],
): Promise<Map<string, PriceSeries>> {
  // the COPY text cannot take parameters: the (ticker, year) list goes in as escaped literals
  const list = tickers.map((t, i) => `(${client.escapeLiteral(t)}, ${Math.trunc(years[i]!)})`).join(',');
  const sql = `COPY (SELECT b.symbol, b.date, b.open, b.high, b.low, b.close, b.adj_close, b.volume
                     FROM bars b JOIN (VALUES ${list}) AS f(symbol, year) ON f.symbol = b.symbol
                     WHERE b.date >= make_date(greatest(f.year, 1), 1, 1)
                     ORDER BY b.symbol, b.date) TO STDOUT (FORMAT binary)`;
  const decoder = new BarsBinaryDecoder();
  for await (const chunk of client.query(copyTo(sql))) decoder.push(chunk as Buffer);
  return decoder.result();
}

/** Closes and/or adjusted closes of `tickers` (or all) from the snapshot, cut to `range` (`select`: see ReadOptions). */
export async function readPgSnapshot(
  db: pg.Pool | pg.PoolClient,
  tickers: readonly string[] | 'all',
  range: DateRange | undefined,
  columns: readonly BarColumn[],
  select?: BarSelector,
): Promise<Map<string, PriceSeries>> {
  return unpackSegments(await readPgSnapshotSegments(db, tickers, range, columns), select);
}

/**
 * The packed segments `readPgSnapshot` unpacks (any order); `part` keeps the symbols of one of `of`
 * disjoint parts, by PostgreSQL's hash of the ticker.
 */
export async function readPgSnapshotSegments(
  db: pg.Pool | pg.PoolClient,
  tickers: readonly string[] | 'all',
  range: DateRange | undefined,
  columns: readonly BarColumn[],
  part?: SymbolPart,
): Promise<PackedSegments> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (tickers !== 'all') {
    params.push([...tickers]);
    where.push(`symbol = ANY($${params.length}::text[])`);
  }
  const to = lastYearNeeded(range);
  if (to !== null) {
    params.push(to);
    where.push(`year <= $${params.length}`);
  }
  if (part !== undefined) {
    params.push(Math.trunc(part.of), Math.trunc(part.index));
    where.push(`abs(hashtext(symbol)::bigint) % $${params.length - 1} = $${params.length}`);
  }
  const closes = columns.includes('close') ? 'closes' : 'CASE WHEN octet_length(adj_closes) = 1 THEN closes END';
  const adj = columns.includes('adjClose') ? 'adj_closes' : 'NULL::bytea';
  const r = await db.query<{ symbol: string; year: number; days: Buffer; c: Buffer | null; a: Buffer | null }>(
    `SELECT symbol, year, days, ${closes} AS c, ${adj} AS a FROM close_snapshot ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  const packed: PackedSegments = { columns, range, symbols: [], segments: [] };
  for (const row of r.rows) {
    packed.symbols.push(row.symbol);
    packed.segments.push({ year: row.year, days: row.days, closes: row.c, adjCloses: row.a });
  }
  return packed;
}
