/**
 * Loads a set of symbols' closes from the store in one round trip, as the compact columns the
 * analytics take. Price return (close) by default, total return (adjClose) on request; a series
 * that has no finite value in the chosen field (a close-only import) falls back to the other one.
 * Non-finite closes are dropped; symbols without bars are reported as missing, not guessed.
 * `loadClosesOrBaskets` also computes a basket (MAG7) that has a definition but no stored bars.
 */
import { loadConfig, type UniverseConfig } from '../../config/universe-config.js';
import type { BasketDefinition } from '../../domain/basket.js';
import { DataError, NotFoundError } from '../../domain/errors.js';
import { type CloseField, indexOnOrBefore, type PriceSeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import type { DateRange, PriceStore } from '../../store/price-store.js';
import { computeBasketSeries } from '../baskets/materialise-basket.js';

export interface SymbolCloses {
  readonly symbol: string;
  readonly dates: Int32Array;
  readonly closes: Float64Array;
}

export interface LoadedCloses {
  /** In the order asked, without the missing ones. */
  readonly found: SymbolCloses[];
  readonly missing: string[];
}

function hasFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i]!)) return true;
  return false;
}

/** The chosen close column of a series, finite positive values only. */
export function closesOf(s: PriceSeries, field: CloseField): SymbolCloses {
  const other: CloseField = field === 'close' ? 'adjClose' : 'close';
  const v = hasFinite(s[field]) ? s[field] : s[other];
  let k = 0;
  for (let i = 0; i < v.length; i++) if (v[i]! > 0 && Number.isFinite(v[i]!)) k++;
  const dates = new Int32Array(k);
  const closes = new Float64Array(k);
  k = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x > 0 && Number.isFinite(x)) {
      dates[k] = s.dates[i]!;
      closes[k++] = x;
    }
  }
  return { symbol: s.symbol, dates, closes };
}

/** `range.to` set to the as-of day keeps later bars out of memory (they are never used). */
export async function loadCloses(
  store: PriceStore,
  symbols: readonly string[],
  field: CloseField = 'close',
  range?: DateRange,
): Promise<LoadedCloses> {
  const unique = [...new Set(symbols)];
  const map =
    unique.length === 0 ? new Map<string, PriceSeries>() : await store.readMany(unique, range, { columns: [field] });
  const found: SymbolCloses[] = [];
  const missing: string[] = [];
  for (const s of unique) {
    const series = map.get(s);
    const c = series ? closesOf(series, field) : null;
    if (c && c.dates.length > 0) found.push(c);
    else missing.push(s);
  }
  return { found, missing };
}

/** The definition of a basket: the one saved in the store, else the universe config's, else null. */
export async function basketDefinitionFor(
  store: PriceStore,
  ticker: string,
  config: UniverseConfig,
): Promise<BasketDefinition | null> {
  const stored = await store.getBasket(ticker);
  if (stored) return stored;
  const c = config.baskets[ticker];
  return c ? { ticker, members: c.members, weights: c.weights ?? null, rebalance: c.rebalance, baseValue: 100 } : null;
}

/**
 * As loadCloses, and a symbol without bars that is a defined basket is computed from its stored
 * members (services/baskets), cut at `range.to`. A basket whose members are not all stored stays missing.
 */
export async function loadClosesOrBaskets(
  store: PriceStore,
  symbols: readonly string[],
  field: CloseField = 'close',
  range?: DateRange,
  config: UniverseConfig = loadConfig(),
): Promise<LoadedCloses> {
  const loaded = await loadCloses(store, symbols, field, range);
  if (loaded.missing.length === 0) return loaded;
  const computed = new Map<string, SymbolCloses>();
  const missing: string[] = [];
  for (const t of loaded.missing) {
    const def = await basketDefinitionFor(store, t, config);
    const series = def
      ? await computeBasketSeries(store, def).catch((e: unknown) =>
          e instanceof NotFoundError || e instanceof DataError ? null : Promise.reject(e),
        )
      : null;
    if (!series) {
      missing.push(t);
      continue;
    }
    const c = closesOf(series, field);
    const end = range?.to ? indexOnOrBefore(c.dates, parseIsoDate(range.to)) + 1 : c.dates.length;
    if (end > 0) computed.set(t, { symbol: t, dates: c.dates.slice(0, end), closes: c.closes.slice(0, end) });
    else missing.push(t);
  }
  const order = [...new Set(symbols)];
  const all = new Map<string, SymbolCloses>([...loaded.found.map((c) => [c.symbol, c] as const), ...computed]);
  return { found: order.flatMap((t) => all.get(t) ?? []), missing };
}
