/**
 * Crash safety: an import killed with SIGKILL in the middle of writing leaves the store exactly as it
 * was (same row count, same checksum over every stored value, the close snapshot still equal to the
 * bars), and the store still opens and works.
 * Runs the real CLI (`node --import tsx src/cli/main.ts import ...`) in a child process on a generated
 * 1.5M-row file and kills it once the database file has started to grow.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PriceSeries } from '../../src/domain/price-series.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { spawnCli } from '../support/run-cli.js';
import { expectSnapshotMatchesBars } from './snapshot-contract.js';
import { sampleSeries } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A long-layout file: `symbols` x `days` rows with simple deterministic prices. */
async function writeBigCsv(path: string, symbols: number, days: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n');
  const dates = Array.from({ length: days }, (_, i) => new Date((10957 + i) * 86400000).toISOString().slice(0, 10));
  for (let s = 0; s < symbols; s++) {
    const lines: string[] = [];
    for (let i = 0; i < days; i++) {
      const p = 10 + ((s * 7 + i) % 97) / 4;
      lines.push(`K${s},${dates[i]},${p},${p + 1},${p - 1},${p + 0.5},${p + 0.25},${1000 + i}\n`);
    }
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Row count and an order-independent checksum of every stored value. */
function fingerprint(all: Map<string, PriceSeries>): { rows: number; checksum: number } {
  let rows = 0;
  let checksum = 0;
  for (const [symbol, s] of all) {
    rows += s.dates.length;
    let h = 0;
    for (const ch of symbol) h = (h * 31 + ch.charCodeAt(0)) % 1_000_003;
    for (let i = 0; i < s.dates.length; i++) {
      const values = [s.dates[i]!, s.open[i]!, s.high[i]!, s.low[i]!, s.close[i]!, s.adjClose[i]!, s.volume[i]!];
      values.forEach((v, k) => {
        checksum += (Number.isNaN(v) ? 7 : v) * (k + 1) * (h + 1);
      });
    }
  }
  return { rows, checksum };
}

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
      // and it still takes writes
      await after.writeBars([{ series: sampleSeries('NEW'), source: 'test' }]);
      expect((await after.readSeries('NEW'))!.dates.length).toBe(3);
    } finally {
      await after.close();
    }
  });
});

/** SIGKILL the child and every process below it (node runs the import; anything it started goes too). */
function killTree(pid: number): number[] {
  const all = descendants(pid);
  for (const p of [...all].reverse()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return all;
}

/** Waits until none of the processes exists any more (the kernel releases their file locks then). */
async function waitGone(pids: readonly number[]): Promise<void> {
  const alive = (p: number) => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };
  const started = Date.now();
  while (pids.some(alive) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
}

function descendants(pid: number): number[] {
  const out = [pid];
  try {
    const children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    for (const c of children) out.push(...descendants(c));
  } catch {
    // no children
  }
  return out;
}
