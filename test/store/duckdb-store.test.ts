/** Runs the store contract on DuckDB in memory and on a temporary file, plus file-specific behaviour. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobValue, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { withoutGroupIndex } from '../support/snapshot-format.js';
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

  it('upgrades a store whose packed closes have no group index (schema 4): migration 5 packs them again', async () => {
    const path = join(dir, 'pre-index.duckdb');
    const a = await DuckDbStore.open(path);
    await a.writeBars([
      { series: sampleSeries('AAA'), source: 'test' },
      { series: sampleSeries('BBB'), source: 'csv' },
    ]);
    await a.close();
    // the closes as schema 4 packed them: mode byte = decimals, no index (a zigzag varint, the index's
    // length and the index dropped)
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    const rows = (await c.runAndReadAll('SELECT symbol, year, closes FROM close_snapshot')).getRowsJS();
    expect(rows.length).toBe(2);
    for (const [symbol, year, blob] of rows) {
      const bytes = blob as Uint8Array;
      expect(bytes[0]).toBeGreaterThanOrEqual(0x10);
      await c.run('UPDATE close_snapshot SET closes = $b WHERE symbol = $s AND year = $y', {
        b: blobValue(withoutGroupIndex(bytes)),
        s: String(symbol),
        y: Number(year),
      });
    }
    await c.run('DELETE FROM schema_version WHERE version >= 5');
    c.closeSync();
    instance.closeSync();
    const b = await DuckDbStore.open(path);
    try {
      expect(await b.schemaVersion()).toBe(5);
      await expectSnapshotMatchesBars(b);
      const again = await DuckDBInstance.create(path);
      const d = await again.connect();
      const modes = (await d.runAndReadAll('SELECT closes FROM close_snapshot')).getRowsJS();
      d.closeSync();
      again.closeSync();
      expect(modes.length).toBe(2);
      for (const [blob] of modes) expect((blob as Uint8Array)[0]).toBeGreaterThanOrEqual(0x10);
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
