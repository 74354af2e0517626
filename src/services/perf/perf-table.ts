/**
 * The performance table use-case: reads every requested series in ONE store.readMany call (up to the
 * as-of day) and computes one perf row per symbol. Price return reads close; total return reads
 * adjClose for every figure (returns, closes, highs and lows).
 */

import { performanceSnapshot } from '../../analytics/returns/performance-snapshot.js';
import { ensureDefined } from '../../domain/ensure.js';
import { DataError, UsageError } from '../../domain/errors.js';
import type { CloseField } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { asOfAfterData, type DataWarning, latestDay, staleRows, warningList } from '../data-warnings.js';
import { unknownSymbolError } from '../stored-series.js';
import { type PerfRow, perfRow } from './perf-row.js';

export interface PerfRequest {
  /** Tickers in the order wanted, or every stored symbol. */
  readonly symbols: readonly string[] | 'all';
  /** YYYY-MM-DD; a non-trading day means the last trading day on or before it. Default: each symbol's last bar. */
  readonly asOf?: string | undefined;
  readonly totalReturn?: boolean | undefined;
}

export interface PerfTable {
  readonly rows: PerfRow[];
  /** The as-of day asked for (null = latest); each row's `asOf` is the day actually used. */
  readonly requestedAsOf: string | null;
  readonly field: CloseField;
  /** The as-of day past the data, stale rows (see data-warnings.ts). */
  readonly warnings: DataWarning[];
}

export async function perfTable(store: PriceStore, req: PerfRequest): Promise<PerfTable> {
  const asOfDay = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const field: CloseField = req.totalReturn ? 'adjClose' : 'close';
  const requestedAsOf = asOfDay === null ? null : formatIsoDate(asOfDay);
  const range = requestedAsOf === null ? undefined : { to: requestedAsOf };
  const wanted = req.symbols === 'all' ? 'all' : uniqueTickers(req.symbols);
  // only the close the figures use: a whole-universe read then moves a third of the bytes
  const all = await store.readMany(wanted, range, { columns: [field] });

  const rows: PerfRow[] = [];
  if (wanted === 'all') {
    // Symbols with no bar on or before the as-of day are not read at all, so they have no row.
    for (const ticker of [...all.keys()].sort()) {
      const snap = performanceSnapshot(ensureDefined(all.get(ticker), `series ${ticker}`), field, asOfDay);
      if (snap !== null) rows.push(perfRow(snap));
    }
    return finish(rows, asOfDay, field);
  }

  await assertKnown(store, wanted, all);
  for (const ticker of wanted) {
    // A stored symbol whose bars all come after the as-of day is read as no series at all.
    const series = all.get(ticker);
    const snap = series === undefined ? null : performanceSnapshot(series, field, asOfDay);
    if (snap === null) throw new DataError(`${ticker}: no bars on or before ${requestedAsOf}`);
    rows.push(perfRow(snap));
  }
  return finish(rows, asOfDay, field);
}

/** Marks rows whose own last bar is before the table's day as stale and gathers the warnings. */
function finish(rows: PerfRow[], asOfDay: number | null, field: CloseField): PerfTable {
  const end = latestDay(rows.map((r) => parseIsoDate(r.asOf)));
  const marked = rows.map((r) => (end !== null && r.asOf < formatIsoDate(end) ? { ...r, stale: true } : r));
  const warnings = warningList(
    asOfAfterData(asOfDay, end),
    end === null
      ? null
      : staleRows(
          marked.filter((r) => r.stale).map((r) => r.symbol),
          end,
        ),
  );
  return { rows: marked, requestedAsOf: asOfDay === null ? null : formatIsoDate(asOfDay), field, warnings };
}

/** Normalised, de-duplicated tickers in the order given; at least one. */
export function uniqueTickers(symbols: readonly string[]): string[] {
  const out = [...new Set(symbols.map(normaliseTicker).filter((s) => s.length > 0))];
  if (out.length === 0)
    throw new UsageError('symbols: give at least one symbol, --group NAME or --all', { parameter: 'symbols' });
  return out;
}

/**
 * Every wanted ticker must have bars: an unknown one is a NotFoundError; a known one without bars
 * (or none up to the as-of day) a DataError.
 */
async function assertKnown(
  store: PriceStore,
  wanted: readonly string[],
  found: ReadonlyMap<string, unknown>,
): Promise<void> {
  const missing = wanted.filter((t) => !found.has(t));
  for (const ticker of missing) {
    if ((await store.getSymbol(ticker)) === null) throw await unknownSymbolError(store, ticker);
  }
  if (missing.length > 0) throw new DataError(`no bars stored for ${missing.join(', ')} in the requested range`);
}
