/**
 * Computes a basket's index series from its members' stored bars (one readMany call) and writes it
 * into the store as a symbol of kind `basket` (source `basket`), so every command works on it.
 */
import { basketIndex } from '../../analytics/ratios-baskets/basket-index.js';
import type { BasketDefinition } from '../../domain/basket.js';
import { DataError, NotFoundError } from '../../domain/errors.js';
import type { PriceSeries } from '../../domain/price-series.js';
import type { SymbolInfo } from '../../domain/symbol-info.js';
import type { PriceStore } from '../../store/price-store.js';

export const BASKET_SOURCE = 'basket';

export function basketSymbolInfo(def: BasketDefinition): SymbolInfo {
  const how = def.weights ? 'fixed-weight' : 'equal-weight';
  return {
    ticker: def.ticker,
    name: `${how} basket of ${def.members.join(', ')} (rebalance ${def.rebalance})`,
    kind: 'basket',
    currency: 'USD',
  };
}

/** The basket's series from the stored members; NotFoundError for a member without bars. */
export async function computeBasketSeries(store: PriceStore, def: BasketDefinition): Promise<PriceSeries> {
  const found = await store.readMany(def.members);
  const members = def.members.map((m) => {
    const s = found.get(m);
    if (!s) throw new NotFoundError(m, `basket ${def.ticker}: member '${m}' has no stored prices`);
    return s;
  });
  const series = basketIndex(def, members);
  if (series.dates.length === 0)
    throw new DataError(`basket ${def.ticker}: the members' histories have no date in common`);
  return series;
}

/** Writes computed basket bars (an upsert: unchanged levels are not rewritten). Returns the bar count. */
export async function writeBasketSeries(
  store: PriceStore,
  def: BasketDefinition,
  series: PriceSeries,
): Promise<number> {
  await store.writeBars([{ series, source: BASKET_SOURCE }], [basketSymbolInfo(def)]);
  return series.dates.length;
}
