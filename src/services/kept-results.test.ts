/**
 * keptOrComputed: the first call at a data version computes and keeps, later calls answer the kept
 * output without computing, a write makes the next call compute again; a store that keeps nothing
 * always computes. keptResultsCode: off by MARKETDASH_KEEP_RESULTS=off, and from source only when asked.
 */
import { describe, expect, it } from 'vitest';
import { sampleSeries } from '../../test/store/store-contract.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { PriceStore } from '../store/price-store.js';
import { keptOrComputed, keptResultsCode } from './kept-results.js';

describe('keptOrComputed', () => {
  it('computes once per data version', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      let runs = 0;
      const compute = async () => ({ body: `run ${++runs}`, warnings: [] });
      expect(await keptOrComputed(store, 'k', compute)).toEqual({ body: 'run 1', warnings: [], kept: false });
      expect(await keptOrComputed(store, 'k', compute)).toEqual({ body: 'run 1', warnings: [], kept: true });
      await store.writeBars([{ series: sampleSeries('AAA'), source: 'test' }]);
      expect(await keptOrComputed(store, 'k', compute)).toEqual({ body: 'run 2', warnings: [], kept: false });
      expect(await keptOrComputed(store, 'other', compute)).toEqual({ body: 'run 3', warnings: [], kept: false });
      expect(runs).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('keeps nothing when a write lands while it computes', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      const compute = async () => {
        await store.writeBars([{ series: sampleSeries('AAA'), source: 'test' }]);
        return { body: 'computed', warnings: [] };
      };
      expect((await keptOrComputed(store, 'k', compute)).kept).toBe(false);
      expect(await store.keptResult('k')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('a store without kept results computes every time', async () => {
    const inner = await DuckDbStore.open(':memory:');
    const store: PriceStore = Object.assign(Object.create(inner) as PriceStore, {
      keptResult: undefined,
      keepResult: undefined,
    });
    try {
      let runs = 0;
      const compute = async () => ({ body: `run ${++runs}`, warnings: [] });
      await keptOrComputed(store, 'k', compute);
      expect((await keptOrComputed(store, 'k', compute)).body).toBe('run 2');
    } finally {
      await inner.close();
    }
  });

  it('is keyed by the build, off with MARKETDASH_KEEP_RESULTS=off, and from source only with =on', () => {
    // run from source here: there is no dist/build-id.json beside src/
    expect(keptResultsCode({})).toBeNull();
    expect(keptResultsCode({ MARKETDASH_KEEP_RESULTS: 'on' })).toBe('source');
    expect(keptResultsCode({ MARKETDASH_KEEP_RESULTS: 'off' })).toBeNull();
  });
});
