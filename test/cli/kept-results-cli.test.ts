/**
 * End to end: `perf --all --format json|csv` keeps its output per data version (src/services/kept-results.ts).
 * Kept or not, the text is the very text computed afresh (MARKETDASH_KEEP_RESULTS=off); an import of
 * one more day makes the next run compute the new table. Run from source, so keeping is asked for with
 * MARKETDASH_KEEP_RESULTS=on (a build keeps by default, keyed by its build id).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { cliStore, writeRealCsvs } from '../support/cli-store.js';
import { runCli } from '../support/run-cli.js';
import { describeWithSharedData } from '../support/shared-data.js';

const { db } = cliStore('marketdash-kept-cli-', 'kept.duckdb');
const run = (keep: 'on' | 'off', ...args: string[]) =>
  runCli(['--db', db, ...args], { env: { MARKETDASH_CONFIG: '', MARKETDASH_KEEP_RESULTS: keep } });

describeWithSharedData('perf outputs kept per data version', () => {
  beforeAll(async () => {
    await writeRealCsvs(db, ['etfs-and-megacaps/SPY.csv', 'etfs-and-megacaps/QQQ.csv']);
  }, 60_000);

  it('answers the text computed afresh, and computes again after an import', async () => {
    for (const format of ['json', 'csv']) {
      const args = ['perf', '--all', '--format', format];
      const first = run('on', ...args);
      expect([first.code, first.stderr]).toEqual([0, '']);
      const store = await DuckDbStore.open(db);
      const kept = await store.keptResult(`perf ${format} source ${JSON.stringify({ symbols: 'all' })}`);
      await store.close();
      expect(kept?.body).toBe(first.stdout);
      expect(run('on', ...args).stdout).toBe(first.stdout);
      expect(run('off', ...args).stdout).toBe(first.stdout);
    }
    // one more day for SPY (after SPY.csv's last, 2026-08-03): every kept output is retired
    const before = run('on', 'perf', '--all', '--format', 'json').stdout;
    const day = join(db, '..', 'day.csv');
    writeFileSync(day, 'Symbol,Date,Close\nSPY,2026-08-04,760.5\n');
    expect(run('off', 'import', day).code).toBe(0);
    const after = run('on', 'perf', '--all', '--format', 'json');
    expect(after.stdout).not.toBe(before);
    expect(JSON.parse(after.stdout).rows[1]).toMatchObject({ symbol: 'SPY', asOf: '2026-08-04', close: 760.5 });
    expect(run('on', 'perf', '--all', '--format', 'json').stdout).toBe(after.stdout);
    expect(run('off', 'perf', '--all', '--format', 'json').stdout).toBe(after.stdout);
  }, 240_000); // eleven CLI processes in a row: vitest's 60 s cut it once at load 13
});
