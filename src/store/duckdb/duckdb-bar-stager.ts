/**
 * Loads PriceSeries batches into temporary staging tables through the DuckDB appender, a data chunk
 * (2,048 rows) at a time: numeric columns filled in JS, one native copy per column per chunk.
 * NaN (unknown) is written as NULL. Rows carry a batch number and the date as a day number; the
 * batch's symbol and source go once into a small key table. STAGED_BARS joins them back into the
 * layout of `bars` for the merge.
 */
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import { checkBarBatch } from '../bar-batch-check.js';
import type { BarBatch } from '../price-store.js';
import { duckdbApi } from './duckdb-api.js';

const { DOUBLE, DuckDBDataChunk: DataChunk, INTEGER } = duckdbApi;

const BAR_STAGE_TABLE = 'bar_stage';
const BAR_KEYS_TABLE = 'bar_stage_keys';
const CHUNK_ROWS = 2048;
const TYPES = [INTEGER, INTEGER, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE];

export const CREATE_BAR_STAGE = [
  `CREATE OR REPLACE TEMP TABLE ${BAR_STAGE_TABLE} (
     k INTEGER, day INTEGER, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, adj_close DOUBLE, volume DOUBLE)`,
  `CREATE OR REPLACE TEMP TABLE ${BAR_KEYS_TABLE} (k INTEGER, symbol VARCHAR, source VARCHAR)`,
];
export const DROP_BAR_STAGE = [`DROP TABLE IF EXISTS ${BAR_STAGE_TABLE}`, `DROP TABLE IF EXISTS ${BAR_KEYS_TABLE}`];

/** The staged rows in the layout of `bars` (symbol, date, open ... volume, source). */
export const STAGED_BARS = `(SELECT k.symbol, CAST(DATE '1970-01-01' + s.day AS DATE) AS date,
    s.open, s.high, s.low, s.close, s.adj_close, s.volume, k.source
  FROM ${BAR_STAGE_TABLE} s JOIN ${BAR_KEYS_TABLE} k ON k.k = s.k)`;

export interface StagedBars {
  readonly rows: number;
  readonly symbols: readonly string[];
}

/**
 * Appends all batches to the (already created) staging table. Checks each series is well formed:
 * equal column lengths and strictly ascending dates, one batch per symbol.
 */
export async function stageBarBatches(
  connection: DuckDBConnection,
  batches: Iterable<BarBatch> | AsyncIterable<BarBatch>,
): Promise<StagedBars> {
  const appender = await connection.createAppender(BAR_STAGE_TABLE);
  const keys = await connection.createAppender(BAR_KEYS_TABLE);
  // A fresh chunk per 2,048 rows: a reset chunk would keep JS views of buffers DuckDB may reallocate.
  let chunk = newChunk();
  let vectors = TYPES.map((_, i) => chunk.getColumnVector(i));
  const seen = new Set<string>();
  let rows = 0;
  let fill = 0;
  const flush = () => {
    if (fill === 0) return;
    for (const v of vectors) v.flush();
    chunk.rowCount = fill;
    appender.appendDataChunk(chunk);
    chunk = newChunk();
    vectors = TYPES.map((_, i) => chunk.getColumnVector(i));
    fill = 0;
  };
  try {
    for await (const batch of batches) {
      const s = batch.series;
      checkBarBatch(batch, seen);
      const k = seen.size;
      keys.appendInteger(k);
      keys.appendVarchar(s.symbol);
      keys.appendVarchar(batch.source);
      keys.endRow();
      const n = s.dates.length;
      const columns = [s.open, s.high, s.low, s.close, s.adjClose, s.volume];
      for (let i = 0; i < n; i++) {
        if (fill === CHUNK_ROWS) flush();
        vectors[0]!.setItem(fill, k);
        vectors[1]!.setItem(fill, s.dates[i]!);
        for (let c = 0; c < 6; c++) {
          const x = columns[c]![i]!;
          vectors[2 + c]!.setItem(fill, Number.isNaN(x) ? null : x);
        }
        fill++;
      }
      rows += n;
    }
    flush();
    appender.flushSync();
    keys.flushSync();
  } finally {
    appender.closeSync();
    keys.closeSync();
  }
  return { rows, symbols: [...seen] };
}

function newChunk(): DuckDBDataChunk {
  return DataChunk.create(TYPES, CHUNK_ROWS);
}
