/**
 * Recomputes the baskets whose members just changed, and materialises the baskets of the universe config
 * (MAG7 by default) once all their members are stored. Import and update call this after writing bars,
 * so a basket never lags its members and every command and endpoint reads the same stored MAG7. A basket
 * that cannot be computed is reported (the caller prints `describeBasketRefresh`, JSON carries it), not
 * fatal: the import that triggered the refresh still succeeded. Baskets none of whose members changed are
 * left alone and not mentioned, so importing SPY says nothing about MAG7 (except a configured basket not
 * built yet whose members are all stored: it is built then).
 */
import { loadConfig, type UniverseConfig } from '../../config/universe-config.js';
import type { BasketDefinition } from '../../domain/basket.js';
import { isMarketDashError } from '../../domain/errors.js';
import { listOf } from '../../note/report/wording.js';
import type { PriceStore } from '../../store/price-store.js';
import type { BasketRefresh } from './basket-refresh-text.js';
import { computeBasketSeries, writeBasketSeries } from './materialise-basket.js';

export { type BasketRefresh, describeBasketRefresh } from './basket-refresh-text.js';

export interface RefreshOptions {
  /** The universe config whose baskets are materialised (update's --config); default: loadConfig(). */
  readonly config?: UniverseConfig;
  /** The symbols whose bars changed: only baskets with one of them as a member are refreshed. Default: all. */
  readonly changed?: Iterable<string>;
}

export async function refreshBaskets(store: PriceStore, options: RefreshOptions = {}): Promise<BasketRefresh[]> {
  const config = options.config ?? loadConfig();
  const changed = options.changed === undefined ? null : new Set([...options.changed].map((s) => s.toUpperCase()));
  const touched = (def: { members: readonly string[] }) => changed === null || def.members.some((m) => changed.has(m));
  const out: BasketRefresh[] = [];
  const stored = await store.listBaskets();
  const known = new Set(stored.map((d) => d.ticker));
  const lastDates = await store.lastDates();
  const configured: BasketDefinition[] = Object.entries(config.baskets)
    .filter(([ticker, c]) => !known.has(ticker) && c.members.some((m) => lastDates.has(m)))
    .map(([ticker, c]) => ({
      ticker,
      members: c.members,
      weights: c.weights ?? null,
      rebalance: c.rebalance,
      baseValue: 100,
    }));
  for (const def of [...stored, ...configured]) {
    const missing = def.members.filter((m) => !lastDates.has(m));
    // a configured basket not built yet whose members are all stored is built even when none changed now:
    // an update killed after writing the members (before this refresh) would otherwise never build it
    // (or saved as a basket, killed before its series was written: no bars)
    const kept = lastDates.get(def.ticker) ?? null;
    const buildable = (!known.has(def.ticker) || kept === null) && missing.length === 0;
    if (!touched(def) && !buildable) continue;
    if (missing.length > 0) {
      const problem = `no bars stored for ${listOf(missing)}`;
      out.push({ ticker: def.ticker, rows: null, lastDate: kept, problem, missing, ahead: [] });
      continue;
    }
    try {
      const series = await computeBasketSeries(store, def);
      if (!known.has(def.ticker)) await store.saveBasket(def);
      const rows = await writeBasketSeries(store, def, series);
      const lastDate = (await store.lastDates()).get(def.ticker) ?? null;
      const ahead = def.members
        .map((symbol) => ({ symbol, lastDate: lastDates.get(symbol) ?? '' }))
        .filter((m) => lastDate !== null && m.lastDate > lastDate);
      out.push({ ticker: def.ticker, rows, lastDate, problem: null, missing: [], ahead });
    } catch (e) {
      if (!isMarketDashError(e)) throw e;
      const problem = e.message.replace(new RegExp(`^basket ${def.ticker}: `), '');
      out.push({ ticker: def.ticker, rows: null, lastDate: kept, problem, missing: [], ahead: [] });
    }
  }
  return out;
}
