/**
 * `db check`'s basket part: a stored basket's levels must be what its members' stored bars give
 * (refreshBaskets keeps them so after every import and update). A basket whose members' bars changed
 * behind its back is out of step; `--fix` rewrites its levels from the members, after the store's own
 * repairs (so from the repaired members), in one write.
 */
import { isMarketDashError } from '../../domain/errors.js';
import type { PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { FIX_TEXT, type IntegrityFinding } from '../../store/store-maintenance.js';
import { BASKET_SOURCE, basketSymbolInfo, computeBasketSeries } from './materialise-basket.js';

export interface BasketCheck {
  readonly findings: readonly IntegrityFinding[];
  /** Basket levels written by the fix. */
  readonly levelsWritten: number;
}

/** Finds the stored baskets out of step with their members and, with `fix`, rewrites their levels. */
export async function checkBaskets(store: PriceStore, fix: boolean): Promise<BasketCheck> {
  const findings: IntegrityFinding[] = [];
  const rewrites: { series: PriceSeries; source: string }[] = [];
  const infos = [];
  for (const def of await store.listBaskets()) {
    let computed: PriceSeries;
    try {
      computed = await computeBasketSeries(store, def);
    } catch (e) {
      // members gone or without common dates: nothing to compare against (refreshBaskets reports it)
      if (isMarketDashError(e)) continue;
      throw e;
    }
    const stored = await store.readSeries(def.ticker);
    const first = firstDifference(computed, stored);
    if (first === null) continue;
    findings.push({
      kind: 'basket-out-of-step',
      symbol: def.ticker,
      rows: stored?.dates.length ?? 0,
      firstDate: formatIsoDate(first),
      fix: FIX_TEXT['basket-out-of-step'],
    });
    rewrites.push({ series: computed, source: BASKET_SOURCE });
    infos.push(basketSymbolInfo(def));
  }
  if (!fix || rewrites.length === 0) return { findings, levelsWritten: 0 };
  const written = await store.writeBars(rewrites, infos);
  return { findings, levelsWritten: written.rowsChanged };
}

/** The first day where the computed levels and the stored ones differ (a day missing counts), or null. */
function firstDifference(computed: PriceSeries, stored: PriceSeries | null): number | null {
  if (stored === null) return computed.dates[0] ?? null;
  const at = new Map<number, number>();
  for (let i = 0; i < stored.dates.length; i++) at.set(stored.dates[i]!, stored.close[i]!);
  for (let i = 0; i < computed.dates.length; i++) {
    const level = at.get(computed.dates[i]!);
    if (level === undefined || level !== computed.close[i]!) return computed.dates[i]!;
  }
  return null;
}
