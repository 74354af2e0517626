/** Runs the store contract on DuckDB in memory and on a temporary file, plus file-specific behaviour. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { expectSnapshotMatchesBars, runSnapshotContract } from './snapshot-contract.js';
import { runStoreContract, sampleSeries } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-store-'));
let fileCounter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('duckdb :memory:', () => DuckDbStore.open(':memory:'));
runStoreContract('duckdb file', () => DuckDbStore.open(join(dir, `contract-${++fileCounter}.duckdb`)));
runSnapshotContract('duckdb file', () => DuckDbStore.open(join(dir, `snapshot-${++fileCounter}.duckdb`)));

describe('DuckDbStore on a file', () => {
  it('upgrades a store made before the close snapshot: the migration packs it from the bars', async () => {
    const path = join(dir, 'pre-snapshot.duckdb');
    const a = await DuckDbStore.open(path);
    await a.writeBars([
      { series: sampleSeries('AAA'), source: 'test' },
      { series: sampleSeries('BBB'), source: 'csv' },
    ]);
    await a.close();
    // back to schema 2, as an older marketdash left it
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    await c.run('DROP TABLE close_snapshot');
    await c.run('DELETE FROM schema_version WHERE version >= 3');
    c.closeSync();
    instance.closeSync();
    const b = await DuckDbStore.open(path);
    try {
      expect(await b.schemaVersion()).toBeGreaterThanOrEqual(3);
      expect(await b.barSources()).toEqual(['csv', 'test']);
      await expectSnapshotMatchesBars(b);
      expect(
        Array.from((await b.readMany(['BBB'], undefined, { columns: ['adjClose'] })).get('BBB')!.adjClose),
      ).toEqual([10.25, 10.625, 11.125]);
    } finally {
      await b.close();
    }
  });

  it('keeps data across close and reopen', async () => {
    const path = join(dir, 'reopen.duckdb');
    const a = await DuckDbStore.open(path);
    await a.writeBars([{ series: sampleSeries('AAA'), source: 'test' }]);
    const version = await a.dataVersion();
    await a.close();
    const b = await DuckDbStore.open(path);
    expect(Array.from((await b.readSeries('AAA'))!.close)).toEqual([10.5, 10.875, 11.125]);
    expect(await b.dataVersion()).toBe(version);
    await b.close();
  });

  it('two stores on one file in one process share it, and closing one leaves the other working', async () => {
    const path = join(dir, 'shared.duckdb');
    const a = await DuckDbStore.open(path);
    const b = await DuckDbStore.open(path);
    await a.writeBars([{ series: sampleSeries('AAA'), source: 'test' }]);
    await a.close();
    expect((await b.readSeries('AAA'))!.dates.length).toBe(3);
    await b.close();
  });

  it('refuses calls after close', async () => {
    const s = await DuckDbStore.open(':memory:');
    await s.close();
    await expect(s.readSeries('AAA')).rejects.toThrow(/closed/);
  });
});
