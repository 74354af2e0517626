/**
 * `marketdash update`: brings stored symbols up to date from the providers.
 * - Which symbols: those named, a config group, or all (the config universe plus anything already
 *   stored that a provider can serve; baskets are recomputed, not fetched).
 * - From when: each symbol from its last stored date minus a small overlap (`overlapDays` trading days,
 *   default 5) to catch revisions; a symbol not yet stored from `--from` or 2015-01-02; `--from` overrides.
 * - How: a few symbols at once (`concurrency`), each provider rate-limited, retried with backoff and
 *   jitter, falling back per symbol to the next provider. Each symbol's bars are written in their own
 *   store transaction: a failure for one never loses or half-writes another's.
 * - After: baskets are refreshed; the data checks run on what changed and their warnings are returned.
 */
import type { UniverseConfig } from '../../config/universe-config.js';
import { isMarketDashError, UsageError } from '../../domain/errors.js';
import { previousTradingDay, todayDay, tradingDayOnOrBefore } from '../../domain/nyse-calendar.js';
import type { PriceSeries } from '../../domain/price-series.js';
import { guessKind, normaliseTicker, type SymbolInfo, type SymbolKind } from '../../domain/symbol-info.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { ProviderAttempt, ProviderRegistry } from '../../providers/provider-registry.js';
import { AllProvidersFailedError } from '../../providers/provider-registry.js';
import { mapWithConcurrency } from '../../providers/request-pacing.js';
import type { PriceStore } from '../../store/price-store.js';
import { type BasketRefresh, refreshBaskets } from '../baskets/refresh-baskets.js';
import { checkSeries } from '../data-checks/series-checks.js';
import { resolveGroup } from '../groups/group-registry.js';

export const DEFAULT_HISTORY_START = '2015-01-02';

export interface UpdateRequest {
  readonly symbols?: readonly string[];
  readonly group?: string;
  readonly all?: boolean;
  /** Use only this provider (no fallback). */
  readonly provider?: string;
  /** Fetch from this day for every symbol (backfill), instead of from each one's last date. */
  readonly from?: DayNumber;
}

export interface UpdateOptions {
  readonly concurrency?: number;
  readonly overlapDays?: number;
  /** Today (default: the UTC date now); bars are fetched up to it. */
  readonly today?: DayNumber;
  readonly onProgress?: (event: UpdateProgress) => void;
}

export interface UpdateProgress {
  readonly done: number;
  readonly total: number;
  readonly outcome: SymbolOutcome;
}

export type UpdateStatus = 'updated' | 'up to date' | 'failed';

export interface SymbolOutcome {
  readonly symbol: string;
  readonly status: UpdateStatus;
  /** The provider that served the bars (null when none did). */
  readonly provider: string | null;
  /** Rows inserted or changed. */
  readonly rows: number;
  /** The requested range (ISO). */
  readonly from: string;
  readonly to: string;
  /** The last stored date after the update. */
  readonly lastDate: string | null;
  /** Why it failed (no API keys in it). */
  readonly error: string | null;
  readonly attempts: readonly ProviderAttempt[];
}

export interface UpdateReport {
  readonly outcomes: readonly SymbolOutcome[];
  readonly warnings: readonly string[];
  readonly baskets: readonly BasketRefresh[];
  readonly failed: number;
}

interface Target {
  readonly symbol: string;
  readonly info: SymbolInfo;
}

/** The symbols an update covers, with what is known about each (kind, name). */
export async function updateTargets(
  store: PriceStore,
  config: UniverseConfig,
  request: UpdateRequest,
): Promise<Target[]> {
  const stored = new Map((await store.listSymbols()).map((s) => [s.ticker, s]));
  const infoOf = (ticker: string): SymbolInfo => {
    const c = config.symbols[ticker];
    const s = stored.get(ticker);
    const kind: SymbolKind = c?.kind ?? s?.kind ?? guessKind(ticker);
    return { ticker, name: c?.name ?? s?.name ?? null, kind, currency: s?.currency ?? 'USD' };
  };
  let tickers: string[];
  const chosen = [
    request.symbols?.length ? 'SYMBOL' : null,
    request.group ? '--group' : null,
    request.all ? '--all' : null,
  ].filter(Boolean);
  if (chosen.length > 1)
    throw new UsageError(`give symbols, --group or --all, not ${chosen.join(' and ')}`, { parameter: chosen[1]! });
  if (request.symbols?.length) tickers = request.symbols.map(normaliseTicker);
  // a group imported into the store (marketdash group import) first, then the config's, as perf and breadth do
  else if (request.group) tickers = (await resolveGroup(request.group, { store, config })).members.map(normaliseTicker);
  else tickers = [...new Set([...Object.keys(config.symbols), ...stored.keys()])];
  const seen = new Set<string>();
  const out: Target[] = [];
  for (const t of tickers) {
    if (seen.has(t)) continue;
    seen.add(t);
    const info = infoOf(t);
    if (info.kind === 'basket') {
      if (request.symbols?.length)
        throw new UsageError(`${t} is a basket: it is recomputed from its members, not fetched`, {
          parameter: 'SYMBOL',
        });
      continue;
    }
    out.push({ symbol: t, info });
  }
  return out;
}

export async function updateSymbols(
  store: PriceStore,
  registry: ProviderRegistry,
  config: UniverseConfig,
  request: UpdateRequest,
  options: UpdateOptions = {},
): Promise<UpdateReport> {
  const targets = await updateTargets(store, config, request);
  if (request.provider !== undefined) registry.candidates('SPY', 'etf', request.provider); // validates the name early
  const lastDates = await store.lastDates();
  const today = options.today ?? todayDay();
  const to = tradingDayOnOrBefore(today);
  const overlap = options.overlapDays ?? 5;
  const historyStart = parseIsoDate(DEFAULT_HISTORY_START);
  const warnings: string[] = [];
  let done = 0;

  const outcomes = await mapWithConcurrency(
    targets,
    options.concurrency ?? 4,
    async ({ symbol, info }): Promise<SymbolOutcome> => {
      const last = lastDates.get(symbol);
      let from: DayNumber;
      if (request.from !== undefined) from = request.from;
      else if (last !== undefined) {
        from = parseIsoDate(last);
        for (let k = 0; k < overlap; k++) from = previousTradingDay(from);
      } else from = historyStart;
      const base = { symbol, from: formatIsoDate(from), to: formatIsoDate(to) };
      let outcome: SymbolOutcome;
      try {
        const fetched = await registry.fetchDaily({ symbol, from, to, kind: info.kind }, request.provider);
        const series = fetched.history.series;
        const symbolInfo: SymbolInfo = {
          ...info,
          name: info.name ?? fetched.history.name,
          currency: fetched.history.currency ?? info.currency,
        };
        // Bars identical to the stored ones are not rewritten, so a no-op update leaves the data version alone.
        const unchanged =
          series.dates.length === 0 ||
          (last !== undefined && sameBars(series, await store.readSeries(symbol, { from: base.from, to: base.to })));
        const written = unchanged
          ? { rowsChanged: 0, rowsSeen: series.dates.length }
          : await store.writeBars([{ series, source: fetched.provider }], [symbolInfo]);
        const newLast = series.dates.length > 0 ? formatIsoDate(series.dates[series.dates.length - 1]!) : null;
        const lastDate =
          [last ?? null, newLast]
            .filter((x): x is string => x !== null)
            .sort()
            .pop() ?? null;
        outcome = {
          ...base,
          status: written.rowsChanged > 0 ? 'updated' : 'up to date',
          provider: fetched.provider,
          rows: written.rowsChanged,
          lastDate,
          error: null,
          attempts: fetched.attempts,
        };
      } catch (e) {
        if (!isMarketDashError(e)) throw e;
        const attempts = e instanceof AllProvidersFailedError ? e.attempts : [];
        const error =
          e instanceof AllProvidersFailedError
            ? attempts.map((a) => a.error).join('; ')
            : registry.secrets.redact(e.message);
        outcome = { ...base, status: 'failed', provider: null, rows: 0, lastDate: last ?? null, error, attempts };
      }
      done++;
      options.onProgress?.({ done, total: targets.length, outcome });
      return outcome;
    },
  );

  const changed = outcomes.filter((o) => o.status === 'updated').map((o) => o.symbol);
  if (changed.length > 0) {
    const series = await store.readMany(changed);
    const kinds = new Map(targets.map((t) => [t.symbol, t.info.kind]));
    for (const symbol of changed) {
      const s = series.get(symbol);
      if (s) warnings.push(...checkSeries(s, kinds.get(symbol) ?? 'stock', { asOf: today }).warnings);
    }
  }
  // also when nothing changed now: a basket an earlier update (killed after writing its members) never built
  // is built here (refreshBaskets leaves built, untouched baskets alone)
  const baskets = await refreshBaskets(store, { config, changed });
  return { outcomes, warnings, baskets, failed: outcomes.filter((o) => o.status === 'failed').length };
}

/** Same dates and values (NaN equal to NaN) in every column. */
function sameBars(a: PriceSeries, b: PriceSeries | null): boolean {
  if (b === null || a.dates.length !== b.dates.length) return false;
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) => {
    for (let i = 0; i < x.length; i++)
      if (!(x[i] === y[i] || (Number.isNaN(x[i]!) && Number.isNaN(y[i]!)))) return false;
    return true;
  };
  return (
    same(a.dates, b.dates) &&
    same(a.open, b.open) &&
    same(a.high, b.high) &&
    same(a.low, b.low) &&
    same(a.close, b.close) &&
    same(a.adjClose, b.adjClose) &&
    same(a.volume, b.volume)
  );
}
