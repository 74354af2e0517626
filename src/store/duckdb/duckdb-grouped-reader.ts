/**
 * Reads bars into columnar series without asking DuckDB to sort: rows stream in storage order, each
 * run of one symbol's rows is copied into that symbol's growing columns in one typed-array `set`, and
 * a series is sorted by date afterwards only if it arrived out of order (bars upserted later sit at
 * the end of the table). Only the value columns asked for are read; the others are NaN views of one
 * shared buffer. A global ORDER BY of 15 million rows costs DuckDB more than all of this on 2 cores.
 *
 * The query must return: ordinal INTEGER (index into `tickers`), day INTEGER (days since 1970-01-01),
 * then the selected value columns as DOUBLE with NULL already turned into NaN.
 */
import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import type { PriceSeries } from '../../domain/price-series.js';
import type { BarColumn } from '../price-store.js';

export const ALL_BAR_COLUMNS: readonly BarColumn[] = ['open', 'high', 'low', 'close', 'adjClose', 'volume'];
const SQL_NAME: Record<BarColumn, string> = {
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  adjClose: 'adj_close',
  volume: 'volume',
};

/** The SELECT list for the value columns asked for, in ALL_BAR_COLUMNS order, NULL as NaN. */
export function selectedValueSql(columns: readonly BarColumn[]): string {
  return ALL_BAR_COLUMNS.filter((c) => columns.includes(c))
    .map((c) => `coalesce(b.${SQL_NAME[c]}, 'NaN'::DOUBLE)`)
    .join(', ');
}

class SymbolColumns {
  n = 0;
  sorted = true;
  dates: Int32Array;
  values: Float64Array[];
  constructor(width: number, capacity: number) {
    this.dates = new Int32Array(capacity);
    this.values = Array.from({ length: width }, () => new Float64Array(capacity));
  }
  reserve(extra: number): void {
    const need = this.n + extra;
    if (need <= this.dates.length) return;
    let cap = Math.max(64, this.dates.length * 2);
    while (cap < need) cap *= 2;
    const d = new Int32Array(cap);
    d.set(this.dates.subarray(0, this.n));
    this.dates = d;
    this.values = this.values.map((old) => {
      const next = new Float64Array(cap);
      next.set(old.subarray(0, this.n));
      return next;
    });
  }
}

export async function readGroupedSeries(
  result: DuckDBResult,
  tickers: readonly string[],
  columns: readonly BarColumn[],
): Promise<Map<string, PriceSeries>> {
  const chosen = ALL_BAR_COLUMNS.filter((c) => columns.includes(c));
  const perSymbol: (SymbolColumns | undefined)[] = new Array(tickers.length);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    appendChunk(chunk, chosen.length, perSymbol);
  }
  let longest = 0;
  for (const s of perSymbol) if (s && s.n > longest) longest = s.n;
  const unknown = new Float64Array(longest).fill(Number.NaN);
  const out = new Map<string, PriceSeries>();
  perSymbol.forEach((cols, ordinal) => {
    if (!cols || cols.n === 0) return;
    if (!cols.sorted) sortByDate(cols);
    const n = cols.n;
    const series: Record<string, unknown> = { symbol: tickers[ordinal]!, dates: cols.dates.subarray(0, n) };
    for (const c of ALL_BAR_COLUMNS) {
      const k = chosen.indexOf(c);
      series[c] = k >= 0 ? cols.values[k]!.subarray(0, n) : unknown.subarray(0, n);
    }
    out.set(tickers[ordinal]!, series as unknown as PriceSeries);
  });
  return out;
}

function appendChunk(chunk: DuckDBDataChunk, width: number, perSymbol: (SymbolColumns | undefined)[]): void {
  const n = chunk.rowCount;
  const ordinals = int32Items(chunk, 0, n);
  const days = int32Items(chunk, 1, n);
  const values = Array.from({ length: width }, (_, k) => doubleItems(chunk, 2 + k, n));
  let start = 0;
  while (start < n) {
    const o = ordinals[start]!;
    let end = start + 1;
    while (end < n && ordinals[end] === o) end++;
    let cols = perSymbol[o];
    if (!cols) {
      cols = new SymbolColumns(width, Math.max(256, end - start));
      perSymbol[o] = cols;
    }
    cols.reserve(end - start);
    if (cols.n > 0 && days[start]! <= cols.dates[cols.n - 1]!) cols.sorted = false;
    for (let i = start + 1; i < end && cols.sorted; i++) if (days[i]! <= days[i - 1]!) cols.sorted = false;
    cols.dates.set(days.subarray(start, end), cols.n);
    for (let k = 0; k < width; k++) cols.values[k]!.set(values[k]!.subarray(start, end), cols.n);
    cols.n += end - start;
    start = end;
  }
}

/** Sorts one symbol's rows by date. */
function sortByDate(cols: SymbolColumns): void {
  const sorted = sortByDay(cols.dates.subarray(0, cols.n), cols.values);
  cols.dates = sorted.days;
  cols.values = sorted.values;
  cols.sorted = true;
}

/**
 * `days` (unique) in ascending order, with each of `values` in the same order (new arrays of
 * `days.length`). The days of one symbol are unique days in a narrow range, so a bucket pass
 * (slot = day - first day) orders them in linear time; an unusually sparse range falls back to a
 * comparison sort.
 */
export function sortByDay(
  days: Int32Array,
  values: readonly Float64Array[],
): { days: Int32Array; values: Float64Array[] } {
  const n = days.length;
  let lo = days[0]!;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const d = days[i]!;
    if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  let order: Int32Array;
  if (hi - lo <= 16 * n + 100_000) {
    const slot = new Int32Array(hi - lo + 1).fill(-1);
    for (let i = 0; i < n; i++) slot[days[i]! - lo] = i;
    order = new Int32Array(n);
    let k = 0;
    for (let j = 0; j < slot.length; j++) if (slot[j]! >= 0) order[k++] = slot[j]!;
  } else {
    order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => days[a]! - days[b]!);
  }
  const sortedDays = new Int32Array(n);
  for (let i = 0; i < n; i++) sortedDays[i] = days[order[i]!]!;
  return {
    days: sortedDays,
    values: values.map((v) => {
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) next[i] = v[order[i]!]!;
      return next;
    }),
  };
}

type Vector = ReturnType<DuckDBDataChunk['getColumnVector']>;

/** A vector's native buffer as a typed array when DuckDB exposes it (no NULLs: the queries coalesce). */
function raw<T extends Int32Array | Float64Array>(vector: Vector, n: number, kind: new (n: number) => T): T | null {
  const items = (vector as unknown as { items?: unknown }).items;
  return items instanceof kind && items.length === n ? items : null;
}

function int32Items(chunk: DuckDBDataChunk, column: number, n: number): Int32Array {
  const v = chunk.getColumnVector(column);
  const r = raw(v, n, Int32Array);
  if (r) return r;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = v.getItem(i) as number;
  return out;
}

function doubleItems(chunk: DuckDBDataChunk, column: number, n: number): Float64Array {
  const v = chunk.getColumnVector(column);
  const r = raw(v, n, Float64Array);
  if (r) return r;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = v.getItem(i) as number | null;
    out[i] = x === null ? Number.NaN : x;
  }
  return out;
}
