// db check's basket part: a basket whose members changed behind its back is found and rewritten.
// Levels by hand: equal weight, no rebalancing, base 100: 100 * (A_t / A_0 + B_t / B_0) / 2.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import type { PriceStore } from '../../store/price-store.js';
import { checkBaskets } from './basket-check.js';
import { createBasket } from './create-basket.js';

const days = ['2025-03-28', '2025-03-31', '2025-04-01'].map((x) => parseIsoDate(x));
let store: PriceStore;
beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
  await store.writeBars([
    { series: closeOnlySeries('A', days, [10, 11, 12]), source: 'test' },
    { series: closeOnlySeries('B', days, [20, 20, 22]), source: 'test' },
  ]);
  await createBasket(store, { name: 'AB', members: ['A', 'B'], rebalance: 'none' });
});
afterEach(async () => {
  await store.close();
});

describe('db check: baskets', () => {
  it('finds a basket out of step with its members and --fix rewrites its levels', async () => {
    expect(Array.from((await store.readSeries('AB'))!.close)).toEqual([100, 105, 115]);
    expect(await checkBaskets(store, false)).toEqual({ findings: [], levelsWritten: 0 });
    // B's last close changes without the basket being refreshed: (12/10 + 24/20) / 2 = 1.2
    await store.writeBars([{ series: closeOnlySeries('B', days.slice(2), [24]), source: 'test' }]);
    const found = await checkBaskets(store, false);
    expect(found.findings).toEqual([
      {
        kind: 'basket-out-of-step',
        symbol: 'AB',
        rows: 3,
        firstDate: '2025-04-01',
        fix: "rewrite the basket's levels from its members' bars",
      },
    ]);
    expect(Array.from((await store.readSeries('AB'))!.close)).toEqual([100, 105, 115]);
    expect((await checkBaskets(store, true)).levelsWritten).toBe(1);
    expect(Array.from((await store.readSeries('AB'))!.close)).toEqual([100, 105, 120]);
    expect((await checkBaskets(store, false)).findings).toEqual([]);
  });
});
