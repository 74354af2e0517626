/**
 * The repair path shared by both stores: `symbols remove` (PriceStore.removeSymbols) and `db check`
 * (PriceStore.checkIntegrity). The types, the row rules as SQL (DuckDB and PostgreSQL read the same
 * text), what a removal does to groups and baskets, and the comparison of the close snapshot with the
 * bars are here, so the two stores differ only in how they run it.
 */

import { CLOSE_RANGE_TOLERANCE, type DateBounds } from '../domain/data-limits.js';
import { ensureDefined } from '../domain/ensure.js';
import { NotFoundError, UsageError } from '../domain/errors.js';
import type { PriceSeries } from '../domain/price-series.js';
import { normaliseTicker, STORED_TICKER_PATTERN, tickerProblem } from '../domain/symbol-info.js';
import type { StoredGroup } from './price-store.js';

/** One symbol taken out of the store. */
export interface RemovedSymbol {
  readonly ticker: string;
  /** Bars deleted. */
  readonly bars: number;
  /** A basket definition was deleted with it. */
  readonly basket: boolean;
}

export interface SymbolRemoval {
  readonly removed: readonly RemovedSymbol[];
  /** Groups that lost members (or their benchmark), by name. */
  readonly groupsChanged: readonly string[];
  /** Groups left without members, deleted. */
  readonly groupsDeleted: readonly string[];
}

/**
 * What `db check` looks for. Bars: a date outside the bounds, a price that is not a positive finite
 * number (or a negative or non-finite volume), high below low, a close outside [low, high], the same
 * (symbol, date) twice, a ticker the ticker rule refuses, bars of a symbol without a symbols row.
 * The close snapshot: a symbol whose packed closes differ from its bars. A stored basket whose levels
 * differ from what its members' bars give (checked above the store: src/services/baskets/basket-check.ts).
 */
export type IntegrityKind =
  | 'bad-ticker'
  | 'date-out-of-bounds'
  | 'bad-price'
  | 'high-below-low'
  | 'close-outside-range'
  | 'duplicate-key'
  | 'orphan-bars'
  | 'snapshot-out-of-step'
  | 'basket-out-of-step';

export interface IntegrityFinding {
  readonly kind: IntegrityKind;
  readonly symbol: string;
  /** Rows concerned (for the snapshot: the symbol's bars). */
  readonly rows: number;
  /** The first date concerned, when there is one. */
  readonly firstDate: string | null;
  /** What `--fix` does about it. */
  readonly fix: string;
}

export interface IntegrityReport {
  readonly findings: readonly IntegrityFinding[];
  /** True when `fix` was asked and the repairs were committed (in one transaction). */
  readonly fixed: boolean;
  /** Bars deleted by the fix. */
  readonly barsDeleted: number;
  /** Symbol rows created for orphan bars by the fix. */
  readonly symbolsAdded: number;
  /** Whether the fix re-packed the close snapshot. */
  readonly snapshotRebuilt: boolean;
}

export interface IntegrityOptions {
  readonly fix: boolean;
  readonly dateBounds: DateBounds;
}

/** What the fix of each kind does (in words, for the report). */
export const FIX_TEXT: Readonly<Record<IntegrityKind, string>> = {
  'bad-ticker': 'delete the bars (no command can name the ticker)',
  'date-out-of-bounds': 'delete the bars',
  'bad-price': 'delete the bars',
  'high-below-low': 'delete the bars',
  'close-outside-range': 'delete the bars',
  'duplicate-key': 'keep the latest write of each date, delete the others',
  'orphan-bars': 'add the symbol (kind guessed from the ticker)',
  'snapshot-out-of-step': 'rebuild the close snapshot from the bars',
  'basket-out-of-step': "rewrite the basket's levels from its members' bars",
};

/** The row kinds a fix deletes, in the order a bar is classified (the first that applies). */
export const DELETED_ROW_KINDS = [
  'bad-ticker',
  'date-out-of-bounds',
  'bad-price',
  'high-below-low',
  'close-outside-range',
] as const satisfies readonly IntegrityKind[];

/**
 * A SQL CASE over a bars row (columns symbol, date, open, high, low, close, adj_close, volume) giving
 * the first rule it breaks, or NULL. The same text runs on DuckDB and PostgreSQL: least/greatest skip
 * NULLs (unknown open/high/low pass) and both order NaN above infinity, so `greatest(...) < inf`
 * fails for NaN and infinities. The dialect gives its infinity literal and its regular-expression
 * match of TICKER_SQL_REGEX against `symbol`.
 */
export function badRowKindSql(bounds: DateBounds, dialect: { inf: string; tickerOk: string }): string {
  const inf = dialect.inf;
  const prices = 'open, high, low, close, adj_close';
  const tol = CLOSE_RANGE_TOLERANCE;
  return `CASE
    WHEN NOT (${dialect.tickerOk}) THEN 'bad-ticker'
    WHEN date < DATE '${bounds.min}' OR date > DATE '${bounds.max}' THEN 'date-out-of-bounds'
    WHEN close IS NULL OR adj_close IS NULL OR NOT (least(${prices}) > 0 AND greatest(${prices}) < ${inf})
      OR (volume IS NOT NULL AND NOT (volume >= 0 AND volume < ${inf})) THEN 'bad-price'
    WHEN high < low THEN 'high-below-low'
    WHEN close > high * ${1 + tol} OR close < low * ${1 - tol} THEN 'close-outside-range'
  END`;
}

/** The ticker rule's stored form as a POSIX regular expression (both databases take it). */
export const TICKER_SQL_REGEX = STORED_TICKER_PATTERN;

/** Checks and normalises the tickers given to `symbols remove`; a bad one is a UsageError naming it. */
export function tickersToRemove(given: readonly string[]): string[] {
  if (given.length === 0) throw new UsageError('symbols remove: give at least one symbol', { parameter: 'symbols' });
  const out: string[] = [];
  for (const g of given) {
    const t = normaliseTicker(g);
    const problem = tickerProblem(t);
    if (problem !== null) throw new UsageError(`symbols remove: ${problem}`, { parameter: 'symbols' });
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * The group changes a removal makes: members dropped, a benchmark that is removed set back to the
 * default, a group left empty deleted.
 */
export function groupsAfterRemoval(
  groups: readonly StoredGroup[],
  removed: ReadonlySet<string>,
): { changed: StoredGroup[]; deleted: StoredGroup[] } {
  const changed: StoredGroup[] = [];
  const deleted: StoredGroup[] = [];
  for (const g of groups) {
    const members = g.members.filter((m) => !removed.has(m));
    const benchmark = g.benchmark !== null && removed.has(g.benchmark) ? null : g.benchmark;
    if (members.length === g.members.length && benchmark === g.benchmark) continue;
    if (members.length === 0) deleted.push(g);
    else changed.push({ ...g, members, benchmark });
  }
  return { changed, deleted };
}

/**
 * Refuses a removal before anything is deleted: a ticker not in the store (NotFoundError), or one
 * that a stored basket not removed with it is made of (UsageError).
 */
export function checkRemovable(
  tickers: readonly string[],
  known: ReadonlySet<string>,
  baskets: readonly { readonly ticker: string; readonly members: readonly string[] }[],
): void {
  const unknown = tickers.filter((x) => !known.has(x));
  if (unknown.length > 0)
    throw new NotFoundError(
      ensureDefined(unknown[0], 'first unknown ticker'),
      `symbols remove: ${unknown.map((u) => `'${u}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the store (run 'marketdash symbols' to see what is stored); nothing was removed`,
    );
  const blocked = basketBlockingRemoval(baskets, new Set(tickers));
  if (blocked !== null) throw new UsageError(blocked, { parameter: 'symbols' });
}

/** The report of a removal from what was deleted. */
export function removalReport(
  tickers: readonly string[],
  barCounts: ReadonlyMap<string, number>,
  baskets: readonly { readonly ticker: string }[],
  groups: { readonly changed: readonly StoredGroup[]; readonly deleted: readonly StoredGroup[] },
): SymbolRemoval {
  const basketTickers = new Set(baskets.map((d) => d.ticker));
  return {
    removed: tickers.map((x) => ({ ticker: x, bars: barCounts.get(x) ?? 0, basket: basketTickers.has(x) })),
    groupsChanged: groups.changed.map((g) => g.name),
    groupsDeleted: groups.deleted.map((g) => g.name),
  };
}

/** Collects findings, each with what the fix does. */
export class Findings {
  readonly list: IntegrityFinding[] = [];
  add(kind: IntegrityKind, symbol: string, rows: number, firstDate: string | null): void {
    this.list.push({ kind, symbol, rows, firstDate, fix: FIX_TEXT[kind] });
  }
}

/** The report of a check that changed nothing. */
export function unfixedReport(findings: readonly IntegrityFinding[]): IntegrityReport {
  return { findings, fixed: false, barsDeleted: 0, symbolsAdded: 0, snapshotRebuilt: false };
}

/**
 * A stored basket made of a symbol being removed, and not removed itself, would lose its members'
 * history: the removal is refused, naming it.
 */
export function basketBlockingRemoval(
  baskets: readonly { readonly ticker: string; readonly members: readonly string[] }[],
  removed: ReadonlySet<string>,
): string | null {
  for (const b of baskets) {
    if (removed.has(b.ticker)) continue;
    const member = b.members.find((m) => removed.has(m));
    if (member !== undefined)
      return `symbols remove: basket ${b.ticker} is made of ${member}; remove the basket too (marketdash symbols remove ${[...removed].join(' ')} ${b.ticker}) or leave ${member}`;
  }
  return null;
}

/**
 * The symbols whose snapshot series (closes and adjusted closes) differs from the one read from the
 * bars: a different set of days, or a value that differs (NaN equals NaN).
 */
export function snapshotMismatches(
  fromBars: ReadonlyMap<string, PriceSeries>,
  fromSnapshot: ReadonlyMap<string, PriceSeries>,
): string[] {
  const out = new Set<string>();
  for (const [symbol, b] of fromBars) {
    const s = fromSnapshot.get(symbol);
    if (s === undefined || !sameColumns(b, s)) out.add(symbol);
  }
  for (const symbol of fromSnapshot.keys()) if (!fromBars.has(symbol)) out.add(symbol);
  return [...out].sort();
}

function sameColumns(a: PriceSeries, b: PriceSeries): boolean {
  const n = a.dates.length;
  if (b.dates.length !== n) return false;
  for (let i = 0; i < n; i++) {
    if (a.dates[i] !== b.dates[i]) return false;
    if (!Object.is(a.close[i], b.close[i]) && !(a.close[i] === b.close[i])) return false;
    if (!Object.is(a.adjClose[i], b.adjClose[i]) && !(a.adjClose[i] === b.adjClose[i])) return false;
  }
  return true;
}
