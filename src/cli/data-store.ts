/**
 * Opens the store for a command that reads prices, refusing an empty one with one clear line (a typo
 * in --db silently creates a new, empty file), and tells the command whether the data is the
 * synthetic demo market so its table can say so.
 */
import { DataError } from '../domain/errors.js';
import { withStore } from '../services/open-store.js';
import type { PriceStore } from '../store/price-store.js';
import type { GlobalOptions } from './global-options.js';

export interface StoreFacts {
  /** True when the store holds synthetic demo bars (see services/demo-label.ts). */
  readonly demo: boolean;
}

export async function withDataStore<T>(
  global: GlobalOptions,
  fn: (store: PriceStore, facts: StoreFacts) => Promise<T>,
): Promise<T> {
  return withStore(global, async (store) => {
    // the distinct sources answer both questions without a pass over every symbol's history
    const sources = await store.barSources();
    if (sources.length === 0) {
      throw new DataError(
        `the store at ${store.location} holds no data: run 'marketdash demo' or 'marketdash import FILES' first (or pass the right --db)`,
      );
    }
    return fn(store, { demo: sources.includes('demo') });
  });
}
