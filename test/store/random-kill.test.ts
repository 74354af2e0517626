/**
 * Crash safety at random points, on both stores (issue 17, "a fault test that kills the importer and
 * the database"): the real CLI imports a 60,000-row file and is killed with SIGKILL after a random
 * delay, or (PostgreSQL) just as its write transaction has begun; after each kill the store holds
 * exactly what it held before or exactly what a finished import leaves (row count and checksum over
 * every stored value), and the close snapshot equals the bars. Then the database side: PostgreSQL ends
 * the importer's session in the middle of its write (as a server restart does); the CLI prints one line
 * naming the server and exits 1, and nothing was written.
 * `marketdash update` is killed the same way on DuckDB (offline, `--provider demo`: the seeded demo market
 * behind the provider interface, every symbol of the default universe): update writes each symbol in its own
 * transaction, so after a kill every symbol is exactly as before or exactly as a finished update leaves it,
 * the snapshot equals the bars, and a following update finishes (exit 0) with that state.
 * An append (a few days after every stored day, which extends the snapshot's last segments instead of
 * re-packing) is killed the same way on DuckDB, at a random point of a clean run's duration.
 * The suite makes one try per store (two for the append; a CLI start costs seconds); `npm run fuzz` makes
 * MARKETDASH_KILL_RUNS.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/services/import/import-service.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { PriceStore } from '../../src/store/price-store.js';
import { fingerprint, killTree, waitGone, writeBigCsv } from '../support/kill-process.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.js';
import { runCli, spawnCli } from '../support/run-cli.js';
import { expectSnapshotMatchesBars } from './snapshot-contract.js';
import { sampleSeries } from './store-contract.js';

const TRIES = Number(process.env.MARKETDASH_KILL_RUNS ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'marketdash-random-kill-'));
const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const d of dbs) await d.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** A generator seeded per run (the seed is printed on failure), so a failing kill point can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Target {
  readonly args: readonly string[];
  open(): Promise<PriceStore>;
}

type State = { rows: number; checksum: number };

async function stateOf(target: Target): Promise<State> {
  const store = await target.open();
  try {
    await expectSnapshotMatchesBars(store);
    return fingerprint(await store.readMany('all'));
  } finally {
    await store.close();
  }
}

/** Kills the CLI import at `delayMs` after it starts (or when it ends first); resolves to its exit code or null. */
async function importKilledAfter(child: ChildProcess, delayMs: number): Promise<number | null> {
  const exited = once(child, 'exit');
  const timer = new Promise<'timer'>((resolve) => setTimeout(() => resolve('timer'), delayMs));
  if ((await Promise.race([exited, timer])) === 'timer' && child.exitCode === null) {
    const pids = killTree(child.pid!);
    await exited;
    await waitGone(pids);
    return null;
  }
  return child.exitCode;
}

async function killAtRandom(target: Target, csv: string, seed: number): Promise<void> {
  const rand = random(seed);
  const before = await stateOf(target);
  const seen: State[] = [];
  for (let i = 0; i < TRIES; i++) {
    // the CLI takes a few seconds to start and import: kill anywhere from start-up to the end
    const child = spawnCli([...target.args, 'import', csv], { stdio: 'ignore' });
    await importKilledAfter(child, 500 + rand() * 6000);
    seen.push(await stateOf(target));
  }
  // what a finished import leaves, for comparison
  const store = await target.open();
  try {
    await importFiles(store, { files: [csv] });
  } finally {
    await store.close();
  }
  const after = await stateOf(target);
  expect(after).not.toEqual(before);
  for (const s of seen) expect([before, after], `seed ${seed}`).toContainEqual(s);
}

async function seeded(open: () => Promise<PriceStore>): Promise<void> {
  const store = await open();
  try {
    await store.writeBars([{ series: sampleSeries('KEEP'), source: 'test' }]);
  } finally {
    await store.close();
  }
}

/** Per symbol: row count and checksum of its stored values (the snapshot checked against the bars first). */
async function symbolStates(open: () => Promise<PriceStore>): Promise<Map<string, State>> {
  const store = await open();
  try {
    await expectSnapshotMatchesBars(store);
    const all = await store.readMany('all');
    return new Map([...all].map(([symbol, series]) => [symbol, fingerprint(new Map([[symbol, series]]))]));
  } finally {
    await store.close();
  }
}

describe('updates killed at random points', () => {
  it('DuckDB: every symbol is exactly before or after, then an update finishes', { timeout: 300_000 }, async () => {
    // the starting store: one stored symbol the update revises and extends (update --all also takes what
    // is stored, so a symbol no provider serves would fail it); each try starts from a copy of it
    const template = join(dir, 'update-template.duckdb');
    const store = await DuckDbStore.open(template);
    try {
      await store.writeBars([{ series: sampleSeries('SPY'), source: 'test' }]);
    } finally {
      await store.close();
    }
    const fresh = (name: string) => {
      const path = join(dir, name);
      copyFileSync(template, path);
      return { path, open: () => DuckDbStore.open(path) };
    };
    const args = ['update', '--provider', 'demo', '--format', 'json'];
    const reference = fresh('update-reference.duckdb');
    const before = await symbolStates(reference.open);
    // an update never killed: what every try must end at, and how long an update takes here
    const started = Date.now();
    const clean = runCli(['--db', reference.path, ...args]);
    const duration = Date.now() - started;
    expect(clean.code, clean.stderr).toBe(0);
    const finished = await symbolStates(reference.open);
    expect(finished.size).toBeGreaterThan(10);
    expect(finished.get('SPY')).not.toEqual(before.get('SPY'));
    const seed = Date.now() % 100_000;
    const rand = random(seed);
    for (let i = 0; i < TRIES; i++) {
      const target = fresh(`update-${i}.duckdb`);
      // kill anywhere from start-up to the end (the writes come in the last part)
      await importKilledAfter(spawnCli(['--db', target.path, ...args], { stdio: 'ignore' }), rand() * duration);
      const killed = await symbolStates(target.open);
      // the following command works, and leaves what a finished update leaves
      const next = runCli(['--db', target.path, ...args]);
      expect(next.code, next.stderr).toBe(0);
      expect(JSON.parse(next.stdout).failed).toBe(0);
      const after = await symbolStates(target.open);
      for (const symbol of new Set([...killed.keys(), ...after.keys()]))
        expect([before.get(symbol), after.get(symbol)], `seed ${seed}, ${symbol}`).toContainEqual(killed.get(symbol));
      expect(after).toEqual(finished);
    }
  });
});

describe('imports killed at random points', () => {
  it('DuckDB: the store is exactly before or after', { timeout: 300_000 }, async () => {
    const csv = join(dir, 'duck.csv');
    await writeBigCsv(csv, 60, 1000);
    const path = join(dir, 'store.duckdb');
    const target = { args: ['--db', path], open: () => DuckDbStore.open(path) };
    await seeded(target.open);
    await killAtRandom(target, csv, Date.now() % 100_000);
  });

  it('DuckDB, an append of 3 days to every symbol (its snapshot extended in place): exactly before or after', {
    timeout: 300_000,
  }, async () => {
    // 60 symbols of 1,000 days stored, then a file of the next 3 days of each (2002-09-27 to 2002-09-29):
    // every new row comes after the stored ones, so the refresh appends to the last segments
    const history = join(dir, 'append-history.csv');
    await writeBigCsv(history, 60, 1000);
    const csv = join(dir, 'append.csv');
    await writeBigCsv(csv, 60, 3, 1000);
    const template = join(dir, 'append-template.duckdb');
    const store = await DuckDbStore.open(template);
    try {
      await importFiles(store, { files: [history] });
    } finally {
      await store.close();
    }
    const fresh = (name: string) => {
      const path = join(dir, name);
      copyFileSync(template, path);
      return { args: ['--db', path], open: () => DuckDbStore.open(path) };
    };
    const reference = fresh('append-reference.duckdb');
    const before = await stateOf(reference);
    const started = Date.now();
    const clean = runCli([...reference.args, 'import', csv]);
    const duration = Date.now() - started;
    expect(clean.code, clean.stderr).toBe(0);
    const after = await stateOf(reference);
    expect(after.rows).toBe(before.rows + 180);
    const seed = Date.now() % 100_000;
    const rand = random(seed);
    for (let i = 0; i < Math.max(2, TRIES); i++) {
      const target = fresh(`append-${i}.duckdb`);
      // anywhere from start-up to the end: the load, the refresh, the commit, the checkpoint at close
      await importKilledAfter(spawnCli([...target.args, 'import', csv], { stdio: 'ignore' }), rand() * duration);
      expect([before, after], `seed ${seed}`).toContainEqual(await stateOf(target));
      const next = runCli([...target.args, 'import', csv]);
      expect(next.code, next.stderr).toBe(0);
      expect(await stateOf(target)).toEqual(after);
    }
  });

  it('PostgreSQL: the store is exactly before or after', { timeout: 300_000 }, async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    const csv = join(dir, 'pg.csv');
    await writeBigCsv(csv, 60, 1000);
    const target = { args: ['--database-url', db.url], open: () => PostgresStore.open(db.url) };
    await seeded(target.open);
    await killAtRandom(target, csv, Date.now() % 100_000);
  });

  it('PostgreSQL ends the session mid-write: one line naming the server, exit 1, nothing written', {
    timeout: 300_000,
  }, async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    const csv = join(dir, 'pg-terminate.csv');
    await writeBigCsv(csv, 60, 1000);
    const open = () => PostgresStore.open(db.url);
    await seeded(open);
    const before = await stateOf({ args: [], open });
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const child = spawnCli(['--database-url', db.url, 'import', csv]);
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
      const exited = once(child, 'exit');
      // the moment the importer's write transaction has begun (its COPY into bars), end its session
      let terminated = 0;
      const started = Date.now();
      while (terminated === 0 && child.exitCode === null && Date.now() - started < 120_000) {
        const r = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
             AND query ILIKE 'COPY bars%'`,
        );
        terminated = r.rowCount ?? 0;
        if (terminated === 0) await new Promise((r) => setTimeout(r, 5));
      }
      const [code] = await exited;
      expect(terminated, 'the write should have been caught in the middle').toBeGreaterThan(0);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(
        /^marketdash: lost the connection to PostgreSQL at postgres:\/\/marketdash@127\.0\.0\.1:\d+\/md_test_\w+ during the write; nothing was written\n$/,
      );
    } finally {
      await admin.end();
    }
    expect(await stateOf({ args: [], open })).toEqual(before);
  });
});
