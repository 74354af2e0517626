/**
 * Turns a streamed DuckDB result of bars into columnar PriceSeries without a JS object per row.
 * The query must return, in this order: ordinal INTEGER (which series the row belongs to, rows of one
 * series contiguous and in date order), symbol VARCHAR, day INTEGER (days since 1970-01-01), then
 * open, high, low, close, adj_close, volume as DOUBLE with NULL already turned into NaN
 * (`coalesce(x, 'NaN'::DOUBLE)`: see VALUE_SELECT). The symbol text is only decoded at the first row
 * of each series.
 */
import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import type { PriceSeries } from '../../domain/price-series.js';

const VALUE_COLUMNS = 6;

/** The value columns of a bars query, NULL (unknown) as NaN. */
export const VALUE_SELECT = ['open', 'high', 'low', 'close', 'adj_close', 'volume']
  .map((c) => `coalesce(b.${c}, 'NaN'::DOUBLE)`)
  .join(', ');

/** Growable column buffers for all rows of a result. */
class BarColumns {
  capacity: number;
  length = 0;
  dates: Int32Array;
  values: Float64Array[];
  constructor(initial: number) {
    this.capacity = initial;
    this.dates = new Int32Array(initial);
    this.values = Array.from({ length: VALUE_COLUMNS }, () => new Float64Array(initial));
  }
  ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.capacity) return;
    let cap = this.capacity * 2;
    while (cap < need) cap *= 2;
    const dates = new Int32Array(cap);
    dates.set(this.dates.subarray(0, this.length));
    this.dates = dates;
    this.values = this.values.map((old) => {
      const next = new Float64Array(cap);
      next.set(old.subarray(0, this.length));
      return next;
    });
    this.capacity = cap;
  }
}

/**
 * Reads every chunk of a streamed result into series, keyed by symbol, in result order. Streamed,
 * not materialized: DuckDB then never holds the whole result beside the JS columns (15M rows:
 * peak RSS about half). The columns grow by doubling; the series are views into them.
 */
export async function readSeriesResult(result: DuckDBResult): Promise<Map<string, PriceSeries>> {
  const cols = new BarColumns(8192);
  const starts: number[] = [];
  const symbols: string[] = [];
  let currentOrdinal = Number.NaN;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    currentOrdinal = appendChunk(chunk, cols, starts, symbols, currentOrdinal);
  }
  const out = new Map<string, PriceSeries>();
  const [open, high, low, close, adjClose, volume] = cols.values;
  const dates = cols.dates;
  for (let s = 0; s < symbols.length; s++) {
    const start = starts[s]!;
    const end = s + 1 < starts.length ? starts[s + 1]! : cols.length;
    out.set(symbols[s]!, {
      symbol: symbols[s]!,
      dates: dates.subarray(start, end),
      open: open!.subarray(start, end),
      high: high!.subarray(start, end),
      low: low!.subarray(start, end),
      close: close!.subarray(start, end),
      adjClose: adjClose!.subarray(start, end),
      volume: volume!.subarray(start, end),
    });
  }
  return out;
}

function appendChunk(chunk: DuckDBDataChunk, cols: BarColumns, starts: number[], symbols: string[], ordinal: number): number {
  const n = chunk.rowCount;
  cols.ensure(n);
  const base = cols.length;
  const ordinals = int32Items(chunk.getColumnVector(0), n);
  const symbolVector = chunk.getColumnVector(1);
  for (let i = 0; i < n; i++) {
    const o = ordinals[i]!;
    if (o !== ordinal) {
      ordinal = o;
      starts.push(base + i);
      symbols.push(symbolVector.getItem(i) as string);
    }
  }
  cols.dates.set(int32Items(chunk.getColumnVector(2), n), base);
  for (let c = 0; c < VALUE_COLUMNS; c++) copyDoubles(chunk.getColumnVector(3 + c), n, cols.values[c]!, base);
  cols.length = base + n;
  return ordinal;
}

type Vector = ReturnType<DuckDBDataChunk['getColumnVector']>;

/**
 * The vector's values as a typed array. DuckDB's vectors wrap their native buffer in a typed array;
 * when it is there (and the column has no NULLs, which the queries ensure with coalesce) it is copied
 * in one go, else the values are read one by one through the public getItem.
 */
function rawItems<T extends Int32Array | Float64Array>(vector: Vector, n: number, kind: new (n: number) => T): T | null {
  const items = (vector as unknown as { items?: unknown }).items;
  return items instanceof kind && items.length === n ? items : null;
}

function int32Items(vector: Vector, n: number): Int32Array {
  const raw = rawItems(vector, n, Int32Array);
  if (raw) return raw;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = vector.getItem(i) as number;
  return out;
}

function copyDoubles(vector: Vector, n: number, target: Float64Array, offset: number): void {
  const raw = rawItems(vector, n, Float64Array);
  if (raw) {
    target.set(raw, offset);
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = vector.getItem(i) as number | null;
    target[offset + i] = v === null ? Number.NaN : v;
  }
}
