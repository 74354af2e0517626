/**
 * Recomputes every stored basket from its members' current bars, and materialises the baskets of the
 * universe config (MAG7 by default) as soon as any of their members is stored. Import and update call
 * this after writing bars, so a basket never lags its members and every command and endpoint reads the
 * same stored MAG7. A basket whose members are missing or no longer overlap is reported (the caller
 * prints it; JSON carries it), not fatal: the import that triggered the refresh still succeeded.
 */
import { loadConfig, type UniverseConfig } from '../../config/universe-config.js';
import type { BasketDefinition } from '../../domain/basket.js';
import { isMarketDashError } from '../../domain/errors.js';
import type { PriceStore } from '../../store/price-store.js';
import { computeBasketSeries, writeBasketSeries } from './materialise-basket.js';

export interface BasketRefresh {
  readonly ticker: string;
  /** Bars written, or null when the basket could not be computed. */
  readonly rows: number | null;
  /** Why not, when rows is null. */
  readonly problem: string | null;
}

export async function refreshBaskets(
  store: PriceStore,
  config: UniverseConfig = loadConfig(),
): Promise<BasketRefresh[]> {
  const out: BasketRefresh[] = [];
  const stored = await store.listBaskets();
  const known = new Set(stored.map((d) => d.ticker));
  const withBars = new Set((await store.lastDates()).keys());
  const configured: BasketDefinition[] = Object.entries(config.baskets)
    .filter(([ticker, c]) => !known.has(ticker) && c.members.some((m) => withBars.has(m)))
    .map(([ticker, c]) => ({
      ticker,
      members: c.members,
      weights: c.weights ?? null,
      rebalance: c.rebalance,
      baseValue: 100,
    }));
  for (const def of [...stored, ...configured]) {
    try {
      const series = await computeBasketSeries(store, def);
      if (!known.has(def.ticker)) await store.saveBasket(def);
      out.push({ ticker: def.ticker, rows: await writeBasketSeries(store, def, series), problem: null });
    } catch (e) {
      if (!isMarketDashError(e)) throw e;
      out.push({ ticker: def.ticker, rows: null, problem: e.message });
    }
  }
  return out;
}
