/**
 * `basket list` and `basket show`: stored basket definitions with the extent of their bars and last
 * levels (price and total return).
 */

import type { BasketDefinition } from '../../domain/basket.js';
import { ensureDefined } from '../../domain/ensure.js';
import { NotFoundError } from '../../domain/errors.js';
import { didYouMean } from '../../domain/nearest-names.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';

export interface BasketSummary {
  readonly definition: BasketDefinition;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly rows: number;
}

export interface BasketDetail extends BasketSummary {
  /** Price-index and total-return-index levels on the last date. */
  readonly lastLevel: number | null;
  readonly lastTotalReturnLevel: number | null;
}

export async function listBasketSummaries(store: PriceStore): Promise<BasketSummary[]> {
  const [defs, symbols] = await Promise.all([store.listBaskets(), store.listSymbols()]);
  const extent = new Map(symbols.map((s) => [s.ticker, s]));
  return defs.map((definition) => {
    const s = extent.get(definition.ticker);
    return { definition, firstDate: s?.firstDate ?? null, lastDate: s?.lastDate ?? null, rows: s?.rows ?? 0 };
  });
}

export async function showBasket(store: PriceStore, name: string): Promise<BasketDetail> {
  const ticker = normaliseTicker(name);
  const definition = await store.getBasket(ticker);
  if (definition === null) {
    const hint = didYouMean(
      ticker,
      (await store.listBaskets()).map((d) => d.ticker),
    );
    throw new NotFoundError(
      ticker,
      `unknown basket '${ticker}'${hint}`,
      hint ? {} : { hint: "run 'marketdash basket list' to see the baskets" },
    );
  }
  const series = await store.readSeries(ticker);
  const n = series?.dates.length ?? 0;
  return {
    definition,
    firstDate: n > 0 ? formatIsoDate(ensureDefined(series?.dates[0], `first day of basket ${ticker}`)) : null,
    lastDate: n > 0 ? formatIsoDate(series!.dates[n - 1]!) : null,
    rows: n,
    lastLevel: n > 0 ? series!.close[n - 1]! : null,
    lastTotalReturnLevel: n > 0 ? series!.adjClose[n - 1]! : null,
  };
}
