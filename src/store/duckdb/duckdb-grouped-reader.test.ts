/** The sort-free grouped read: out-of-order storage, column selection, many symbols interleaved. */
import { describe, expect, it } from 'vitest';
import { closeOnlySeries } from '../../domain/price-series.js';
import { DuckDbStore } from './duckdb-store.js';

describe('DuckDbStore.readMany without a SQL sort', () => {
  it('returns each series in date order after later writes of earlier dates', async () => {
    const store = await DuckDbStore.open(':memory:');
    // newest stretch first, then an older stretch, then a revision in the middle: storage order is not date order
    await store.writeBars([{ series: closeOnlySeries('A', [20, 21, 22], [120, 121, 122]), source: 't' }]);
    await store.writeBars([{ series: closeOnlySeries('B', [1, 2], [5, 6]), source: 't' }]);
    await store.writeBars([{ series: closeOnlySeries('A', [10, 11, 12], [110, 111, 112]), source: 't' }]);
    await store.writeBars([{ series: closeOnlySeries('A', [21], [121.5]), source: 't' }]);
    const all = await store.readMany('all');
    expect(Array.from(all.get('A')!.dates)).toEqual([10, 11, 12, 20, 21, 22]);
    expect(Array.from(all.get('A')!.close)).toEqual([110, 111, 112, 120, 121.5, 122]);
    expect(Array.from(all.get('B')!.close)).toEqual([5, 6]);
    await store.close();
  });

  it('reads only the columns asked for; the others are unknown (NaN)', async () => {
    const store = await DuckDbStore.open(':memory:');
    const s = closeOnlySeries('X', [1, 2, 3], [10, 11, 12]);
    s.open.set([9.5, 10.5, 11.5]);
    s.adjClose.set([9, 10, 11]);
    await store.writeBars([{ series: s, source: 't' }]);
    const only = (await store.readMany(['x'], undefined, { columns: ['adjClose'] })).get('X')!;
    expect(Array.from(only.adjClose)).toEqual([9, 10, 11]);
    expect(Array.from(only.open).every(Number.isNaN)).toBe(true);
    expect(Array.from(only.close).every(Number.isNaN)).toBe(true);
    expect(Array.from(only.dates)).toEqual([1, 2, 3]);
    await store.close();
  });

  it('keeps 300 interleaved symbols apart across result chunks', async () => {
    const store = await DuckDbStore.open(':memory:');
    const batches = Array.from({ length: 300 }, (_, k) => ({
      series: closeOnlySeries(
        `S${k}`,
        Array.from({ length: 40 }, (_, i) => i),
        Array.from({ length: 40 }, (_, i) => k * 1000 + i + 1),
      ),
      source: 't',
    }));
    await store.writeBars(batches);
    const all = await store.readMany('all', undefined, { columns: ['close'] });
    expect(all.size).toBe(300);
    for (let k = 0; k < 300; k += 37) {
      const s = all.get(`S${k}`)!;
      expect(s.close[0]).toBe(k * 1000 + 1);
      expect(s.close[39]).toBe(k * 1000 + 40);
    }
    await store.close();
  });
});
