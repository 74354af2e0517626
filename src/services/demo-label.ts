/**
 * Whether what a store holds is the synthetic demo market: reports, pages and JSON made from it must
 * say so (`source: demo`, "synthetic demo data"). Baskets are computed from their members, so their
 * own source (`basket`) does not count either way.
 */
import type { SymbolSummary } from '../domain/symbol-info.js';
import type { PriceStore } from '../store/price-store.js';

export const DEMO_DATA_LABEL = 'synthetic demo data';

/** True when every stored symbol with bars (baskets aside) comes only from the demo generator. */
export function isDemoSummary(symbols: readonly SymbolSummary[]): boolean {
  const priced = symbols.filter((s) => s.rows > 0 && s.kind !== 'basket');
  return priced.length > 0 && priced.every((s) => s.sources.length > 0 && s.sources.every((src) => src === 'demo'));
}

/** True when any stored symbol has demo bars: a store that mixes demo with real data is still labelled. */
export function hasDemoData(symbols: readonly SymbolSummary[]): boolean {
  return symbols.some((s) => s.sources.includes('demo'));
}

export async function isDemoData(store: PriceStore): Promise<boolean> {
  return isDemoSummary(await store.listSymbols());
}
