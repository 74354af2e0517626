/**
 * PostgreSQL-specific behaviour, on a real server (started by test/support/postgres-global-setup.ts):
 * migrations run once across processes, concurrent writers of different symbols neither block nor lose
 * rows, the direct-COPY fast path falls back to an upsert, and named jobs run once across processes.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSnapshotMatchesBars } from '../../../test/store/snapshot-contract.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres-test-db.js';
import { withoutGroupIndex } from '../../../test/support/snapshot-format.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { LATEST_VERSION } from './migrations.js';
import { isConnectionLoss, PostgresStore, redactUrl } from './postgres-store.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

function ramp(symbol: string, firstDay: number, n: number, start = 100) {
  const dates = new Int32Array(n);
  const closes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dates[i] = firstDay + i;
    closes[i] = start + i * 0.25;
  }
  return closeOnlySeries(symbol, dates, closes);
}

describe('PostgresStore', () => {
  it("refuses another application's database before writing into it, naming its tables", async () => {
    const other = await createTestDatabase();
    try {
      const c = new pg.Client({ connectionString: other.url });
      await c.connect();
      // a table named as ours, too: the migration used to fail half-way with '"bars" is not partitioned'
      await c.query('CREATE TABLE customers (id int, name text); CREATE TABLE bars (id int, note text)');
      await expect(PostgresStore.open(other.url)).rejects.toThrow(
        `${redactUrl(other.url)} is not a MarketDash store (a PostgreSQL database with other tables: bars, customers); nothing was changed in it`,
      );
      const tables = await c.query<{ tablename: string }>(
        'SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename',
      );
      expect(tables.rows.map((r) => r.tablename)).toEqual(['bars', 'customers']);
      await c.end();
    } finally {
      await other.drop();
    }
  });

  it('migrates exactly once when several processes open the store together', async () => {
    const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresStore.open(db.url)));
    for (const s of stores) expect(await s.schemaVersion()).toBe(LATEST_VERSION);
    expect(await stores[0]!.migrate()).toEqual([]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('upgrades a version-3 database (packed closes without a group index): migration 4 packs them again', async () => {
    const own = await createTestDatabase();
    try {
      const first = await PostgresStore.open(own.url);
      await first.writeBars([{ series: ramp('OLD', 19000, 300), source: 'csv' }]);
      await first.close();
      const admin = new pg.Client({ connectionString: own.url });
      await admin.connect();
      const rows = await admin.query<{ symbol: string; year: number; closes: Buffer }>(
        'SELECT symbol, year, closes FROM close_snapshot',
      );
      expect(rows.rows.length).toBeGreaterThan(0);
      for (const r of rows.rows) {
        expect(r.closes[0]).toBeGreaterThanOrEqual(0x10);
        await admin.query('UPDATE close_snapshot SET closes = $1 WHERE symbol = $2 AND year = $3', [
          Buffer.from(withoutGroupIndex(r.closes)),
          r.symbol,
          r.year,
        ]);
      }
      await admin.query('DELETE FROM schema_migrations WHERE version >= 4');
      const upgraded = await PostgresStore.open(own.url);
      try {
        expect(await upgraded.schemaVersion()).toBe(LATEST_VERSION);
        const after = await admin.query<{ closes: Buffer }>('SELECT closes FROM close_snapshot');
        expect(after.rows.length).toBe(rows.rows.length);
        for (const r of after.rows) expect(r.closes[0]).toBeGreaterThanOrEqual(0x10);
        await expectSnapshotMatchesBars(upgraded);
      } finally {
        await upgraded.close();
        await admin.end();
      }
    } finally {
      await own.drop();
    }
  });

  it('upgrades a version-2 database (before groups) to the latest: migration 3 adds groups, bars untouched', async () => {
    const own = await createTestDatabase();
    try {
      const first = await PostgresStore.open(own.url);
      await first.writeBars([{ series: ramp('OLD', 19000, 10), source: 'csv' }]);
      await first.close();
      // roll the database back to what version 2 left: no groups table, no record of migration 3
      const admin = new pg.Client({ connectionString: own.url });
      await admin.connect();
      await admin.query('DROP TABLE groups; DELETE FROM schema_migrations WHERE version >= 3');
      await admin.end();
      const upgraded = await PostgresStore.open(own.url);
      expect(await upgraded.schemaVersion()).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(3);
      expect(await upgraded.listGroups()).toEqual([]);
      await upgraded.saveGroup({ name: 'g', members: ['OLD'], benchmark: null, source: null });
      expect((await upgraded.listGroups()).map((g) => g.members)).toEqual([['OLD']]);
      expect((await upgraded.readSeries('OLD'))!.dates.length).toBe(10);
      await upgraded.close();
    } finally {
      await own.drop();
    }
  });

  it('concurrent writes of different symbols all land, none blocks the other', async () => {
    const stores = await Promise.all([0, 1, 2, 3].map(() => PostgresStore.open(db.url)));
    await Promise.all(stores.map((s, k) => s.writeBars([{ series: ramp(`C${k}`, 18000, 5000), source: 'csv' }])));
    const check = stores[0]!;
    const all = await check.readMany(['C0', 'C1', 'C2', 'C3']);
    expect([...all.keys()].sort()).toEqual(['C0', 'C1', 'C2', 'C3']);
    for (const s of all.values()) {
      expect(s.dates.length).toBe(5000);
      expect(s.close[4999]).toBeCloseTo(100 + 4999 * 0.25, 12);
    }
    await Promise.all(stores.map((s) => s.close()));
  });

  it('an overlapping write falls back to the upsert and changes only what differs', async () => {
    const s = await PostgresStore.open(db.url);
    await s.writeBars([{ series: ramp('OVL', 19000, 100), source: 'csv' }]);
    const v1 = await s.dataVersion();
    const same = await s.writeBars([{ series: ramp('OVL', 19000, 100), source: 'csv' }]);
    expect(same).toEqual({ rowsChanged: 0, rowsSeen: 100 });
    const longer = ramp('OVL', 19050, 100, 112.5); // first 50 bars equal the stored ones, 50 new
    const r = await s.writeBars([{ series: longer, source: 'csv' }]);
    expect(r.rowsChanged).toBe(50);
    expect((await s.readSeries('OVL'))!.dates.length).toBe(150);
    expect(await s.dataVersion()).not.toBe(v1);
    await s.close();
  });

  it('a write that fails midway leaves the store unchanged', async () => {
    const s = await PostgresStore.open(db.url);
    const good = ramp('ATOM', 19500, 10);
    const bad = ramp('ATOM2', 19500, 10);
    bad.dates[7] = bad.dates[6]!; // dates not ascending
    await expect(
      s.writeBars([
        { series: good, source: 'csv' },
        { series: bad, source: 'csv' },
      ]),
    ).rejects.toThrow(/ascending/);
    expect(await s.readSeries('ATOM')).toBeNull();
    expect(await s.getSymbol('ATOM')).toBeNull();
    await s.close();
  });

  it('runs a named job in one process only while another holds it', async () => {
    const a = await PostgresStore.open(db.url);
    const b = await PostgresStore.open(db.url);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = a.runExclusive('daily-update', async () => {
      await held;
      return 'a';
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = await b.runExclusive('daily-update', async () => 'b');
    expect(second).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, value: 'a' });
    expect(await b.runExclusive('daily-update', async () => 'b')).toEqual({ ran: true, value: 'b' });
    await Promise.all([a.close(), b.close()]);
  });

  it('never shows the password in its location', () => {
    expect(redactUrl('postgres://u:secret@127.0.0.1:5432/db')).toBe('postgres://u:***@127.0.0.1:5432/db');
  });
});

describe('isConnectionLoss (issue 17 item 15)', () => {
  it('tells a lost connection from a statement fault', () => {
    expect(isConnectionLoss(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(
      isConnectionLoss(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});
