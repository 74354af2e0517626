/**
 * Crash safety: an import killed with SIGKILL in the middle of writing leaves the store exactly as it
 * was (same row count, same checksum over every stored value, the close snapshot still equal to the
 * bars, perf tables kept before it still answered and still equal to the bars), and the store still
 * opens and works.
 * Runs the real CLI (`node --import tsx src/cli/main.ts import ...`) in a child process on a generated
 * 1.5M-row file and kills it once the database file has started to grow.
 */
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { fingerprint, killTree, waitGone, writeBigCsv } from '../support/kill-process.js';
import { spawnCli } from '../support/run-cli.js';
import { expectKeptTablesMatchBars, expectSnapshotMatchesBars, keepPerfTables } from './snapshot-contract.js';
import { sampleSeries } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an import killed midway', () => {
  it('leaves the store exactly as before', { timeout: 300_000 }, async () => {
    const db = join(dir, 'store.duckdb');
    const csv = join(dir, 'big.csv');
    await writeBigCsv(csv, 500, 3000);
    const before = await DuckDbStore.open(db);
    await before.writeBars([
      { series: sampleSeries('KEEP'), source: 'test' },
      { series: sampleSeries('K1'), source: 'test' },
    ]);
    const expected = fingerprint(await before.readMany('all'));
    const version = await before.dataVersion();
    // perf tables kept for this version (services/kept-results.ts): the killed import must not retire them
    await keepPerfTables(before);
    await before.close();
    const sizeBefore = statSync(db).size;

    const child = spawnCli(['--db', db, 'import', csv], { stdio: 'ignore' });
    const exited = once(child, 'exit');
    // "started writing": the database file (or its write-ahead log) has grown
    const started = Date.now();
    let grew = false;
    while (Date.now() - started < 240_000 && child.exitCode === null) {
      const size = statSync(db).size + (existsSync(`${db}.wal`) ? statSync(`${db}.wal`).size : 0);
      if (size > sizeBefore + (1 << 20)) {
        grew = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(grew, 'the import should have started writing before it finished').toBe(true);
    expect(child.exitCode).toBeNull();
    const killed = killTree(child.pid!);
    await exited;
    await waitGone(killed);

    const after = await DuckDbStore.open(db);
    try {
      expect(fingerprint(await after.readMany('all'))).toEqual(expected);
      expect(await after.dataVersion()).toBe(version);
      expect((await after.listSymbols()).map((s) => s.ticker)).toEqual(['K1', 'KEEP']);
      // the close snapshot written in the same transaction rolled back with the bars
      await expectSnapshotMatchesBars(after);
      // the kept perf tables are still answered, and still equal the tables computed from the bars
      await expectKeptTablesMatchBars(after, true);
      // and it still takes writes
      await after.writeBars([{ series: sampleSeries('NEW'), source: 'test' }]);
      expect((await after.readSeries('NEW'))!.dates.length).toBe(3);
      await expectKeptTablesMatchBars(after, false);
    } finally {
      await after.close();
    }
  });
});
