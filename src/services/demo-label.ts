/**
 * Whether what a store holds is the synthetic demo market: reports, pages and JSON made from it must
 * say so (`source: demo`, "synthetic demo data"). Baskets are computed from their members, so their
 * own source (`basket`) does not count either way. Both questions are answered from the distinct bar
 * sources (`PriceStore.barSources`), which is cheap even on a store of millions of bars.
 */
import type { PriceStore } from '../store/price-store.js';

export const DEMO_DATA_LABEL = 'synthetic demo data';

/** Demo bars and nothing but baskets beside them: the store is the demo market. */
export function isDemoSources(sources: readonly string[]): boolean {
  const priced = sources.filter((s) => s !== 'basket');
  return priced.length === 1 && priced[0] === 'demo';
}

export async function isDemoData(store: PriceStore): Promise<boolean> {
  return isDemoSources(await store.barSources());
}

/** True when the store holds any demo bars (a store mixing demo with real data is still labelled). */
export async function holdsDemoBars(store: PriceStore): Promise<boolean> {
  return (await store.barSources()).includes('demo');
}
