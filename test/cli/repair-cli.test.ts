/**
 * `marketdash symbols remove` and `marketdash db check` through the real CLI (issue 17 item 2): while
 * `serve` holds the DuckDB store the commands run inside the server (src/cli/shared-store) and the API
 * sees the removal at once; an unknown symbol is one line and exit 1 with nothing removed; a clean
 * store checks clean (exit 0); the JSON keeps the envelope (rows, demo, warnings).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServer, stopServer } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'md-repair-'));
let server: ChildProcess | null = null;
afterAll(async () => {
  if (server) await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
});

describe('symbols remove and db check on the command line', () => {
  it('remove through the server, one-line refusal for an unknown symbol, db check clean', async () => {
    const db = join(dir, 'store.duckdb');
    const csv = 'Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10,11,9,10.6,100\n';
    writeFileSync(join(dir, 'AAA.csv'), csv);
    writeFileSync(join(dir, 'BBB.csv'), csv);
    writeFileSync(join(dir, 'pair.csv'), 'Ticker\nAAA\nBBB\n');
    expect(runCli(['--db', db, 'import', join(dir, 'AAA.csv'), join(dir, 'BBB.csv')]).code).toBe(0);
    expect(runCli(['--db', db, 'group', 'import', join(dir, 'pair.csv'), '--name', 'pair']).code).toBe(0);

    const started = await startServer(['--db', db]);
    server = started.child;
    const removed = runCli(['--db', db, 'symbols', 'remove', 'aaa']);
    expect([removed.code, removed.stderr]).toEqual([0, '']);
    expect(removed.stdout).toBe('removed AAA: 2 bars\ngroup pair: removed from its members\n');
    const perf = await fetch(`${started.url}api/perf?symbols=AAA`);
    expect(perf.status).toBe(404);

    const unknown = runCli(['--db', db, 'symbols', 'remove', 'BBB', 'ZZZ']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      "marketdash: symbols remove: 'ZZZ' is not in the store (run 'marketdash symbols' to see what is stored); nothing was removed\n",
    );
    const check = runCli(['--db', db, 'db', 'check']);
    expect([check.code, check.stdout]).toEqual([0, 'db check: no problems found\n']);
    await stopServer(server);
    server = null;

    const json = runCli(['--db', db, 'symbols', 'remove', 'BBB', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      rows: [{ ticker: 'BBB', bars: 2, basket: false }],
      groupsChanged: [],
      groupsDeleted: ['pair'],
      demo: false,
      warnings: [],
    });
  }, 120_000);
});
