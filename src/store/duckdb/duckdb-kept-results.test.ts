/**
 * Results kept per data version in a DuckDB store: answered only at the version they were kept at,
 * not kept when the data changed after the version was read, retired by any write, at most 32 per
 * version (the oldest go first), and a store that never kept one answers null.
 */
import { describe, expect, it } from 'vitest';
import { sampleSeries } from '../../../test/store/store-contract.js';
import { duckdbApi } from './duckdb-api.js';
import { writeKeptResult } from './duckdb-kept-results.js';
import { DuckDbStore } from './duckdb-store.js';

const result = (body: string) => ({ body, warnings: '[]' });

describe('kept results (DuckDB)', () => {
  it('a store that never kept a result answers null', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      expect(await store.keptResult('perf json x')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('answers a kept result at its own data version only; a write retires it', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.writeBars([{ series: sampleSeries('AAA'), source: 'test' }]);
      const v = await store.dataVersion();
      await store.keepResult('a', v, { body: 'table 1', warnings: '[{"code":"stale-rows"}]' });
      expect(await store.keptResult('a')).toEqual({ body: 'table 1', warnings: '[{"code":"stale-rows"}]' });
      expect(await store.keptResult('b')).toBeNull();
      // kept again under the same key: the new body replaces the old
      await store.keepResult('a', v, result('table 2'));
      expect(await store.keptResult('a')).toEqual(result('table 2'));

      await store.writeBars([{ series: sampleSeries('BBB'), source: 'test' }]);
      expect(await store.dataVersion()).not.toBe(v);
      expect(await store.keptResult('a')).toBeNull();
      // computed from the data before the write: never kept for the data after it
      await store.keepResult('a', v, result('stale'));
      expect(await store.keptResult('a')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('a write that fails and rolls back keeps the version and the kept result', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.writeBars([{ series: sampleSeries('AAA'), source: 'test' }]);
      const v = await store.dataVersion();
      await store.keepResult('a', v, result('table'));
      const bad = { ...sampleSeries('AAA'), dates: Int32Array.from([20000, 19990, 19995]) };
      await expect(store.writeBars([{ series: bad, source: 'test' }])).rejects.toThrow();
      expect(await store.dataVersion()).toBe(v);
      expect(await store.keptResult('a')).toEqual(result('table'));
    } finally {
      await store.close();
    }
  });

  it('keeps at most 32 results per version, dropping the oldest', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      const v = await store.dataVersion();
      for (let i = 0; i < 40; i++) await store.keepResult(`k${i}`, v, result(`r${i}`));
      const answered = [];
      for (let i = 0; i < 40; i++) if ((await store.keptResult(`k${i}`)) !== null) answered.push(i);
      expect(answered).toEqual(Array.from({ length: 32 }, (_, i) => i + 8));
    } finally {
      await store.close();
    }
  });

  it('a keep that retires every row replaces the table (no deleted rows for the vacuum); others delete', async () => {
    const instance = await duckdbApi.DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    try {
      await c.run('CREATE TABLE store_meta (id INTEGER, data_version BIGINT)');
      await c.run('INSERT INTO store_meta VALUES (1, 7)');
      const rows = async () =>
        (await c.runAndReadAll('SELECT key, data_version, body FROM kept_results ORDER BY key')).getRowsJS();
      // returns whether rows were deleted: the first keep deletes nothing
      expect(await writeKeptResult(c, 'a', '7', result('a7'))).toBe(false);
      // a second key at the same version: nothing retired
      expect(await writeKeptResult(c, 'b', '7', result('b7'))).toBe(false);
      // the same key again: one of two rows retired, deleted
      expect(await writeKeptResult(c, 'a', '7', result('a7 again'))).toBe(true);
      expect(await rows()).toEqual([
        ['a', 7n, 'a7 again'],
        ['b', 7n, 'b7'],
      ]);
      // a write bumped the version: both rows are retired, so the table is made anew
      await c.run('UPDATE store_meta SET data_version = 8');
      expect(await writeKeptResult(c, 'b', '8', result('b8'))).toBe(false);
      expect(await rows()).toEqual([['b', 8n, 'b8']]);
      // the only row under the same key: retired whole, made anew
      expect(await writeKeptResult(c, 'b', '8', result('b8 again'))).toBe(false);
      expect(await rows()).toEqual([['b', 8n, 'b8 again']]);
      // computed before the version moved: kept nowhere, nothing deleted
      expect(await writeKeptResult(c, 'c', '7', result('stale'))).toBe(false);
      expect(await rows()).toEqual([['b', 8n, 'b8 again']]);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
