/**
 * Sources read ahead (DuckDbStore.readSourcesAhead, started by the CLI's early open): the next barSources
 * answers them, unless a write came between; then it reads again and sees the write.
 */
import { describe, expect, it } from 'vitest';
import { sampleSeries } from '../../../test/store/store-contract.js';
import { DuckDbStore } from './duckdb-store.js';

describe('sources read ahead (DuckDB)', () => {
  it('answers the next barSources, once', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.writeBars([{ series: sampleSeries('AAA'), source: 'csv' }]);
      store.readSourcesAhead();
      expect(await store.barSources()).toEqual(['csv']);
      expect(await store.barSources()).toEqual(['csv']);
    } finally {
      await store.close();
    }
  });

  it('is dropped by a write between: barSources sees the write', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.writeBars([{ series: sampleSeries('AAA'), source: 'csv' }]);
      store.readSourcesAhead();
      await store.writeBars([{ series: sampleSeries('BBB'), source: 'demo' }]);
      expect(await store.barSources()).toEqual(['csv', 'demo']);
      store.readSourcesAhead();
      await store.deleteSymbol('AAA');
      expect(await store.barSources()).toEqual(['demo']);
    } finally {
      await store.close();
    }
  });
});
