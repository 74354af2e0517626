/**
 * Recomputes every stored basket from its members' current bars. Import and update call this after
 * writing bars so a basket never lags its members. A basket whose members are missing or no longer
 * overlap is reported, not fatal: the import that triggered the refresh still succeeded.
 */
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

export async function refreshBaskets(store: PriceStore): Promise<BasketRefresh[]> {
  const out: BasketRefresh[] = [];
  for (const def of await store.listBaskets()) {
    try {
      const series = await computeBasketSeries(store, def);
      out.push({ ticker: def.ticker, rows: await writeBasketSeries(store, def, series), problem: null });
    } catch (e) {
      if (!isMarketDashError(e)) throw e;
      out.push({ ticker: def.ticker, rows: null, problem: e.message });
    }
  }
  return out;
}
