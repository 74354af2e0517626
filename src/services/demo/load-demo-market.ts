/**
 * `marketdash demo`: generates the seeded synthetic market and writes it into a store in one bulk
 * write (all symbols, all bars, source `demo`), then creates the MAG7 basket from the config.
 * It refuses to overwrite real (non-demo) bars of universe symbols unless forced.
 */

import { defaultConfig, type UniverseConfig } from '../../config/universe-config.js';
import { ensureDefined } from '../../domain/ensure.js';
import { UsageError } from '../../domain/errors.js';
import type { DayNumber } from '../../domain/trading-date.js';
import { DEFAULT_DEMO_SEED, DEMO_SOURCE, generateDemoMarket } from '../../providers/demo/demo-market.js';
import type { PriceStore } from '../../store/price-store.js';
import { createBasket } from '../baskets/create-basket.js';

export interface DemoLoadResult {
  readonly seed: number;
  readonly symbols: number;
  readonly rows: number;
  readonly firstDate: number;
  readonly lastDate: number;
  readonly baskets: readonly { readonly ticker: string; readonly rows: number }[];
  readonly source: typeof DEMO_SOURCE;
  readonly millis: number;
}

export interface DemoLoadOptions {
  readonly seed?: number;
  readonly today?: DayNumber;
  readonly config?: UniverseConfig;
  /** Overwrite symbols that hold real (non-demo) bars. */
  readonly force?: boolean;
}

export async function loadDemoMarket(store: PriceStore, options: DemoLoadOptions = {}): Promise<DemoLoadResult> {
  const started = performance.now();
  const config = options.config ?? defaultConfig();
  if (!options.force) {
    const real = (await store.listSymbols()).filter(
      (s) =>
        s.kind !== 'basket' && s.sources.some((src) => src !== DEMO_SOURCE) && config.symbols[s.ticker] !== undefined,
    );
    if (real.length > 0) {
      const names = real
        .slice(0, 5)
        .map((s) => `${s.ticker} (${s.sources.join('+')})`)
        .join(', ');
      throw new UsageError(
        `${store.location} holds real bars for ${names}${real.length > 5 ? ' ...' : ''}; the demo would overwrite them. Use another --db, or --force`,
        { parameter: '--force' },
      );
    }
  }
  const market = generateDemoMarket({
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    today: options.today,
    symbolNames: config.symbols,
  });
  const batches = [...market.series.values()].map((series) => ({ series, source: DEMO_SOURCE }));
  await store.upsertSymbols(market.symbols);
  const written = await store.writeBars(batches, market.symbols);
  const baskets: { ticker: string; rows: number }[] = [];
  for (const [name, spec] of Object.entries(config.baskets)) {
    if (!spec.members.every((m) => market.series.has(m))) continue;
    const created = await createBasket(store, {
      name,
      members: spec.members,
      weights: spec.weights ?? null,
      rebalance: spec.rebalance,
    });
    baskets.push({ ticker: created.definition.ticker, rows: created.rows });
  }
  return {
    seed: market.seed,
    symbols: market.series.size,
    rows: written.rowsSeen,
    firstDate: ensureDefined(market.days[0], 'first day of the demo market'),
    lastDate: market.days[market.days.length - 1]!,
    baskets,
    source: DEMO_SOURCE,
    millis: performance.now() - started,
  };
}
