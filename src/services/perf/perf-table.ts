/**
 * The performance table use-case: reads every requested series in ONE store.readMany call (up to the
 * as-of day) and computes one perf row per symbol. Price return reads close; total return reads
 * adjClose for every figure (returns, closes, highs and lows).
 */

import { perfBars } from '../../analytics/returns/perf-bars.js';
import { performanceSnapshot } from '../../analytics/returns/performance-snapshot.js';
import { cagr, windowReturn } from '../../analytics/returns/period-returns.js';
import { ensureDefined } from '../../domain/ensure.js';
import { DataError, NotFoundError, UsageError } from '../../domain/errors.js';
import type { CloseField, PriceSeries } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { nextTurn, SLICE_MS } from '../../store/event-loop-slice.js';
import type { PriceStore } from '../../store/price-store.js';
import {
  asOfAfterData,
  type DataWarning,
  latestDay,
  leftOutMembers,
  staleRows,
  warningList,
} from '../data-warnings.js';
import { unknownSymbolError } from '../stored-series.js';
import { type PerfRow, perfRow } from './perf-row.js';

export interface PerfRequest {
  /** Tickers in the order wanted, or every stored symbol. */
  readonly symbols: readonly string[] | 'all';
  /** YYYY-MM-DD; a non-trading day means the last trading day on or before it. Default: each symbol's last bar. */
  readonly asOf?: string | undefined;
  readonly totalReturn?: boolean | undefined;
  /** YYYY-MM-DD: adds each row's return over a window from the last close on or before it. */
  readonly from?: string | undefined;
  /** YYYY-MM-DD: the window's end (needs `from`); the table is then as of it, so it excludes `asOf`. */
  readonly to?: string | undefined;
  /**
   * The group `symbols` are the members of: a member with no bars on or before the as-of day is then
   * left out with one warning (as breadth and rotation do), not an error; only a group none of whose
   * members has such bars is one.
   */
  readonly group?: string | undefined;
  /** How errors name the parameters: the CLI's `--from` (default) or the API's `from`. */
  readonly parameterNames?: { readonly from: string; readonly to: string; readonly asOf: string } | undefined;
}

const CLI_NAMES = { from: '--from', to: '--to', asOf: '--as-of' } as const;

export interface PerfTable {
  readonly rows: PerfRow[];
  /** The as-of day asked for (null = latest); each row's `asOf` is the day actually used. */
  readonly requestedAsOf: string | null;
  readonly field: CloseField;
  /** With `from`: the window asked for (each row's `window` has the days used). */
  readonly window: { readonly from: string; readonly to: string | null } | null;
  /** The as-of day past the data, stale rows, a group's members left out (see data-warnings.ts). */
  readonly warnings: DataWarning[];
}

/** What the perf table reads from a store (a server's worker answers these from packed segments). */
export type PerfSource = Pick<PriceStore, 'readMany' | 'getSymbol' | 'listSymbols'>;

export async function perfTable(store: PerfSource, req: PerfRequest): Promise<PerfTable> {
  return finishPerfRows(await perfRows(store, req), req);
}

/** What a request asks for, validated: the window, the as-of day and the close field. */
function tableShape(req: PerfRequest) {
  const names = req.parameterNames ?? CLI_NAMES;
  const win = windowRequest(req, names);
  const asOfDay = win?.to ?? (req.asOf === undefined ? null : parseIsoDate(req.asOf, names.asOf));
  const field: CloseField = req.totalReturn ? 'adjClose' : 'close';
  return { win, asOfDay, field };
}

/**
 * The table's rows before `finishPerfRows` marks the stale ones (which needs every row): a server's two
 * workers each make the rows of one half of a large list, and one of them finishes the joined rows
 * (perf-offload.ts). `perfTable` is the two in one.
 */
export async function perfRows(store: PerfSource, req: PerfRequest): Promise<PerfRow[]> {
  const { win, asOfDay, field } = tableShape(req);
  const requestedAsOf = asOfDay === null ? null : formatIsoDate(asOfDay);
  const range = requestedAsOf === null ? undefined : { to: requestedAsOf };
  const wanted = req.symbols === 'all' ? 'all' : uniqueTickers(req.symbols);
  // only the close the figures use, and of it only the bars the figures read (perf-bars.ts): the
  // snapshot then unpacks a year and a few older closes of each symbol instead of its whole history
  const from = win?.from ?? null;
  const all = await store.readMany(wanted, range, {
    columns: [field],
    select: (dates, values) => perfBars(dates, values, asOfDay, from),
  });

  const rows: PerfRow[] = [];
  if (wanted === 'all') {
    // Symbols with no bar on or before the as-of day are not read at all, so they have no row.
    let slice = performance.now();
    for (const ticker of [...all.keys()].sort()) {
      // a whole-universe table takes a tenth of a second: let a server answer other requests meanwhile
      if (performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
      const series = ensureDefined(all.get(ticker), `series ${ticker}`);
      const snap = performanceSnapshot(series, field, asOfDay);
      if (snap !== null) rows.push(withWindow(perfRow(snap), series, field, win));
    }
    return rows;
  }

  if (req.group !== undefined) {
    // a group's members without bars up to the as-of day have no row: finishPerfRows names them
    for (const ticker of wanted) {
      const series = all.get(ticker);
      const snap = series === undefined ? null : performanceSnapshot(series, field, asOfDay);
      if (snap !== null && series !== undefined) rows.push(withWindow(perfRow(snap), series, field, win));
    }
    return rows;
  }

  await assertKnown(store, wanted, all, asOfParameter(req), requestedAsOf);
  for (const ticker of wanted) {
    // A stored symbol whose bars all come after the as-of day is read as no series at all.
    const series = all.get(ticker);
    const snap = series === undefined ? null : performanceSnapshot(series, field, asOfDay);
    if (snap === null || series === undefined)
      throw new DataError(`${asOfParameter(req)}: ${ticker} has no close on or before ${requestedAsOf}`);
    rows.push(withWindow(perfRow(snap), series, field, win));
  }
  return rows;
}

/** The table of `rows` (all of them, in order): the stale ones marked, the warnings of the whole table. */
export function finishPerfRows(rows: PerfRow[], req: PerfRequest): PerfTable {
  const { win, asOfDay, field } = tableShape(req);
  return finish(rows, asOfDay, field, win, groupLeftOut(rows, req, asOfDay));
}

/**
 * The warning for a group's members that have no row (no bars on or before the as-of day), null for a
 * list of symbols or a group without such members; an error when no member has a row.
 */
function groupLeftOut(rows: readonly PerfRow[], req: PerfRequest, asOfDay: DayNumber | null): DataWarning | null {
  if (req.group === undefined || req.symbols === 'all') return null;
  const members = uniqueTickers(req.symbols);
  const when = asOfDay === null ? null : formatIsoDate(asOfDay);
  if (rows.length === 0)
    throw new NotFoundError(
      req.group,
      `group '${req.group}': none of its ${members.length} members has stored bars${when === null ? '' : ` on or before ${when}`}`,
    );
  const shown = new Set(rows.map((r) => r.symbol));
  return leftOutMembers(
    req.group,
    members.length,
    members.filter((t) => !shown.has(t)),
    when,
  );
}

/**
 * The `from`/`to` window, validated: `to` needs `from` and replaces `asOf` (one end only), and `from`
 * must not be after the end. Null without `from`.
 */
function windowRequest(
  req: PerfRequest,
  names: NonNullable<PerfRequest['parameterNames']>,
): { from: DayNumber; to: DayNumber | null } | null {
  if (req.from === undefined) {
    if (req.to !== undefined)
      throw new UsageError(`${names.to}: a window needs its start too (give ${names.from} YYYY-MM-DD)`, {
        parameter: names.to,
      });
    return null;
  }
  const from = parseIsoDate(req.from, names.from);
  if (req.to !== undefined && req.asOf !== undefined)
    throw new UsageError(
      `${names.to}: the window's end is the table's as-of day; give ${names.to} or ${names.asOf}, not both`,
      { parameter: names.to },
    );
  const endText = req.to ?? req.asOf;
  const to = endText === undefined ? null : parseIsoDate(endText, req.to !== undefined ? names.to : names.asOf);
  if (to !== null && from > to)
    throw new UsageError(
      `${names.from}: ${formatIsoDate(from)} is after the end of the window, ${formatIsoDate(to)} (${req.to !== undefined ? names.to : names.asOf})`,
      { parameter: names.from },
    );
  return { from, to: req.to === undefined ? null : to };
}

/**
 * The row's window return: from the last close on or before `from` to the row's as-of close (the
 * perf table's base rule, so `from` = Dec 31 gives the YTD figure), with its CAGR when it spans more
 * than a year. A symbol with no close on or before `from` gets nulls (never a return "since inception").
 */
function withWindow(
  row: PerfRow,
  series: PriceSeries,
  field: CloseField,
  win: { from: DayNumber; to: DayNumber | null } | null,
): PerfRow {
  if (win === null) return row;
  const end = parseIsoDate(row.asOf);
  const w = win.from <= end ? windowReturn(series.dates, series[field], win.from, end) : null;
  if (w === null) return { ...row, window: { from: null, to: row.asOf, return: null, cagr: null } };
  const base = series.dates[w.fromIndex]!;
  return {
    ...row,
    window: { from: formatIsoDate(base), to: row.asOf, return: w.value, cagr: cagr(w.value, base, end) },
  };
}

/** Marks rows whose own last bar is before the table's day as stale and gathers the warnings. */
function finish(
  rows: PerfRow[],
  asOfDay: number | null,
  field: CloseField,
  win: { from: DayNumber; to: DayNumber | null } | null,
  leftOut: DataWarning | null,
): PerfTable {
  const end = latestDay(rows.map((r) => parseIsoDate(r.asOf)));
  const marked = rows.map((r) => (end !== null && r.asOf < formatIsoDate(end) ? { ...r, stale: true } : r));
  // a window starting after the table's day (the data's last day when no end was given) has no return: said so
  const late: DataWarning | null =
    win !== null && end !== null && win.from > end
      ? {
          code: 'not-computed',
          message: `window from ${formatIsoDate(win.from)}: it starts after the table's day, ${formatIsoDate(end)} (no window return)`,
          symbols: marked.map((r) => r.symbol),
        }
      : null;
  const warnings = warningList(
    asOfAfterData(asOfDay, end),
    end === null
      ? null
      : staleRows(
          marked.filter((r) => r.stale).map((r) => r.symbol),
          end,
        ),
    leftOut,
    late,
  );
  return {
    rows: marked,
    requestedAsOf: asOfDay === null ? null : formatIsoDate(asOfDay),
    field,
    window: win === null ? null : { from: formatIsoDate(win.from), to: win.to === null ? null : formatIsoDate(win.to) },
    warnings,
  };
}

/** Normalised, de-duplicated tickers in the order given; at least one. */
export function uniqueTickers(symbols: readonly string[]): string[] {
  const out = [...new Set(symbols.map(normaliseTicker).filter((s) => s.length > 0))];
  if (out.length === 0)
    throw new UsageError('symbols: give at least one symbol, --group NAME or --all', { parameter: 'symbols' });
  return out;
}

/** The parameter that sets the table's as-of day: `--to` (`to`) with a window's end, else `--as-of` (`asOf`). */
function asOfParameter(req: PerfRequest): string {
  const names = req.parameterNames ?? CLI_NAMES;
  return req.to !== undefined ? names.to : names.asOf;
}

/**
 * Every wanted ticker must have bars: an unknown one is a NotFoundError; a known one without bars
 * (or none up to the as-of day) a DataError, which names the as-of parameter and each one's first day.
 */
async function assertKnown(
  store: PerfSource,
  wanted: readonly string[],
  found: ReadonlyMap<string, unknown>,
  parameter: string,
  asOf: string | null,
): Promise<void> {
  const missing = wanted.filter((t) => !found.has(t));
  for (const ticker of missing) {
    if ((await store.getSymbol(ticker)) === null) throw await unknownSymbolError(store, ticker);
  }
  if (missing.length === 0) return;
  if (asOf === null) throw new DataError(`no bars stored for ${missing.join(', ')}`);
  // an error path only: the one call that knows each symbol's first day
  const first = new Map((await store.listSymbols()).map((s) => [s.ticker, s.firstDate]));
  const which = missing.map((t) => {
    const day = first.get(t);
    return day ? `${t} (first stored day ${day})` : `${t} (no stored bars)`;
  });
  throw new DataError(`${parameter}: no bars on or before ${asOf} for ${which.join(', ')}`);
}
