/**
 * The repair path on both stores (issue 17 item 2): `symbols remove` takes a symbol out with its bars,
 * close snapshot, info, basket and group memberships, all or nothing; `db check` finds bars that
 * break the data rules (put there behind the store's back with raw SQL, as an older version or a hand
 * edit could have), and `--fix` repairs them in one transaction, after which the check is clean and the
 * snapshot equals the bars. Expected findings are worked out by hand from the rows inserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type DateBounds, MIN_BAR_DATE } from '../../src/domain/data-limits.js';
import { NotFoundError, UsageError } from '../../src/domain/errors.js';
import { parseIsoDate } from '../../src/domain/trading-date.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { PriceStore } from '../../src/store/price-store.js';
import type { IntegrityFinding } from '../../src/store/store-maintenance.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.js';
import { expectSnapshotMatchesBars } from './snapshot-contract.js';

const BOUNDS: DateBounds = { min: MIN_BAR_DATE, max: '2025-12-31' };
const DATES = ['2024-01-02', '2024-01-03', '2024-01-04'];

/** A close-only series (open/high/low unknown), so only the rules on closes apply. */
function closes(symbol: string, values: readonly number[]) {
  return {
    series: {
      symbol,
      dates: Int32Array.from(DATES.slice(0, values.length).map((d) => parseIsoDate(d))),
      open: new Float64Array(values.length).fill(Number.NaN),
      high: new Float64Array(values.length).fill(Number.NaN),
      low: new Float64Array(values.length).fill(Number.NaN),
      close: Float64Array.from(values),
      adjClose: Float64Array.from(values),
      volume: new Float64Array(values.length).fill(100),
    },
    source: 'csv',
  };
}

/** Rows that break the rules: (symbol, date, high, low, close); a raw INSERT per row. */
const BAD_ROWS: readonly (readonly [string, string, number | null, number | null, number])[] = [
  ['AAA', 'infinity', null, null, 13],
  ['AAA', '1850-01-01', null, null, 5],
  ['BBB', '2024-01-05', null, null, -1],
  ['BBB', '2024-01-08', 5, 6, 5.5],
  ['BBB', '2024-01-09', 10, 9, 12],
  ['CCC', '2024-01-02', null, null, 30],
  ['A/B', '2024-01-02', null, null, 1],
];

const sql = (v: number | null) => (v === null ? 'NULL' : String(v));
const insertSql = (load: string) =>
  BAD_ROWS.map(
    ([s, d, h, l, c]) =>
      `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, source${load ? ', load_id' : ''})
       VALUES ('${s}', DATE '${d}', NULL, ${sql(h)}, ${sql(l)}, ${c}, ${c}, 100, 'csv'${load})`,
  );

/** Worked out by hand from BAD_ROWS: one finding per (kind, symbol). */
const EXPECTED: readonly Partial<IntegrityFinding>[] = [
  { kind: 'bad-ticker', symbol: 'A/B', rows: 1, firstDate: '2024-01-02' },
  { kind: 'date-out-of-bounds', symbol: 'AAA', rows: 2, firstDate: '1850-01-01' },
  { kind: 'bad-price', symbol: 'BBB', rows: 1, firstDate: '2024-01-05' },
  { kind: 'high-below-low', symbol: 'BBB', rows: 1, firstDate: '2024-01-08' },
  { kind: 'close-outside-range', symbol: 'BBB', rows: 1, firstDate: '2024-01-09' },
  { kind: 'orphan-bars', symbol: 'CCC', rows: 1, firstDate: '2024-01-02' },
  // rows the snapshot never packed (the infinite date is left out of both sides)
  { kind: 'snapshot-out-of-step', symbol: 'A/B', rows: 1, firstDate: null },
  { kind: 'snapshot-out-of-step', symbol: 'AAA', rows: 5, firstDate: null },
  { kind: 'snapshot-out-of-step', symbol: 'BBB', rows: 6, firstDate: null },
  { kind: 'snapshot-out-of-step', symbol: 'CCC', rows: 1, firstDate: null },
];

const key = (f: Partial<IntegrityFinding>) => `${f.kind} ${f.symbol}`;
const sorted = (fs: readonly Partial<IntegrityFinding>[]) => [...fs].sort((a, b) => key(a).localeCompare(key(b)));
const pick = (f: IntegrityFinding) => ({ kind: f.kind, symbol: f.symbol, rows: f.rows, firstDate: f.firstDate });

interface Backend {
  open(): Promise<PriceStore>;
  /** Runs raw SQL behind the store's back (the store is closed meanwhile). */
  raw(statements: readonly string[]): Promise<void>;
  readonly duplicates: boolean;
}

function duckdbBackend(): Backend & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'marketdash-maint-'));
  const path = join(dir, 'store.duckdb');
  return {
    dir,
    duplicates: true,
    open: () => DuckDbStore.open(path),
    async raw(statements) {
      const instance = await DuckDBInstance.create(path);
      const c = await instance.connect();
      for (const s of statements) await c.run(s);
      c.closeSync();
      instance.closeSync();
    },
  };
}

function postgresBackend(db: TestDatabase): Backend {
  return {
    duplicates: false,
    open: () => PostgresStore.open(db.url),
    async raw(statements) {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      for (const s of statements) await c.query(s);
      await c.end();
    },
  };
}

function maintenanceSuite(name: string, backend: () => Promise<Backend>): void {
  describe(`${name}: symbols remove and db check`, () => {
    it('db check finds each broken rule, changes nothing without --fix, and --fix repairs all in one go', async () => {
      const b = await backend();
      let store = await b.open();
      await store.writeBars([closes('AAA', [10, 11, 12]), closes('BBB', [20, 21, 22])]);
      expect((await store.checkIntegrity({ fix: false, dateBounds: BOUNDS })).findings).toEqual([]);
      await store.close();

      const extra = b.duplicates
        ? [
            `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, source, load_id)
             VALUES ('AAA', DATE '2024-01-03', NULL, NULL, NULL, 11.5, 11.5, 100, 'csv', 999)`,
          ]
        : [];
      await b.raw([...insertSql(b.duplicates ? ', 0' : ''), ...extra]);
      store = await b.open();
      try {
        const version = await store.dataVersion();
        const found = await store.checkIntegrity({ fix: false, dateBounds: BOUNDS });
        const expected: readonly Partial<IntegrityFinding>[] = b.duplicates
          ? [
              ...EXPECTED.map((f) => (f.kind === 'snapshot-out-of-step' && f.symbol === 'AAA' ? { ...f, rows: 6 } : f)),
              { kind: 'duplicate-key' as const, symbol: 'AAA', rows: 1, firstDate: '2024-01-03' },
            ]
          : EXPECTED;
        expect(sorted(found.findings.map(pick))).toEqual(sorted(expected));
        expect(found.fixed).toBe(false);
        expect(await store.dataVersion()).toBe(version);

        const fixed = await store.checkIntegrity({ fix: true, dateBounds: BOUNDS });
        expect(fixed.fixed).toBe(true);
        // 6 rule-breaking rows (all but CCC's), plus the older copy of the duplicate
        expect(fixed.barsDeleted).toBe(b.duplicates ? 7 : 6);
        expect(fixed.symbolsAdded).toBe(1);
        expect(await store.dataVersion()).not.toBe(version);
        expect((await store.checkIntegrity({ fix: false, dateBounds: BOUNDS })).findings).toEqual([]);
        await expectSnapshotMatchesBars(store);
        const all = await store.readMany('all');
        expect([...all.keys()].sort()).toEqual(['AAA', 'BBB', 'CCC']);
        expect([...all.get('AAA')!.close]).toEqual(b.duplicates ? [10, 11.5, 12] : [10, 11, 12]);
        expect([...all.get('BBB')!.close]).toEqual([20, 21, 22]);
        expect([...all.get('CCC')!.close]).toEqual([30]);
        expect(await store.getSymbol('CCC')).toEqual({ ticker: 'CCC', name: null, kind: 'stock', currency: 'USD' });
      } finally {
        await store.close();
      }
    });

    it('symbols remove takes bars, snapshot, info, basket and group membership, or nothing at all', async () => {
      const store = await (await backend()).open();
      try {
        await store.writeBars([closes('AAA', [10, 11, 12]), closes('BBB', [20, 21, 22]), closes('CCC', [1, 2])]);
        await store.saveGroup({ name: 'Pair', members: ['AAA', 'BBB'], benchmark: 'CCC', source: 'p.csv' });
        await store.saveGroup({ name: 'solo', members: ['AAA'], benchmark: null, source: null });
        await store.saveBasket({
          ticker: 'BSK',
          members: ['BBB', 'CCC'],
          weights: null,
          rebalance: 'none',
          baseValue: 100,
        });
        const version = await store.dataVersion();

        // an unknown symbol among known ones: nothing happens
        await expect(store.removeSymbols(['AAA', 'ZZZ'])).rejects.toThrow(NotFoundError);
        await expect(store.removeSymbols(['AAA', 'ZZZ'])).rejects.toThrow(
          "symbols remove: 'ZZZ' is not in the store (run 'marketdash symbols' to see what is stored); nothing was removed",
        );
        // a basket made of it, not removed with it: refused, naming the basket
        await expect(store.removeSymbols(['CCC'])).rejects.toThrow(UsageError);
        await expect(store.removeSymbols(['CCC'])).rejects.toThrow(/basket BSK is made of CCC/);
        await expect(store.removeSymbols(['a/b'])).rejects.toThrow(/'A\/B' is not a ticker/);
        expect(await store.dataVersion()).toBe(version);
        expect((await store.readMany('all')).size).toBe(3);

        const out = await store.removeSymbols(['aaa', 'AAA']);
        expect(out).toEqual({
          removed: [{ ticker: 'AAA', bars: 3, basket: false }],
          groupsChanged: ['Pair'],
          groupsDeleted: ['solo'],
        });
        expect(await store.readSeries('AAA')).toBeNull();
        expect(await store.getSymbol('AAA')).toBeNull();
        expect((await store.lastDates()).has('AAA')).toBe(false);
        expect(await store.listGroups()).toEqual([
          { name: 'Pair', members: ['BBB'], benchmark: 'CCC', source: 'p.csv' },
        ]);
        await expectSnapshotMatchesBars(store);

        // a basket and its members together; the group's benchmark goes back to the default
        const both = await store.removeSymbols(['CCC', 'BSK']);
        expect(both.removed).toEqual([
          { ticker: 'CCC', bars: 2, basket: false },
          { ticker: 'BSK', bars: 0, basket: true },
        ]);
        expect(await store.listBaskets()).toEqual([]);
        expect(await store.listGroups()).toEqual([
          { name: 'Pair', members: ['BBB'], benchmark: null, source: 'p.csv' },
        ]);
        expect((await store.listSymbols()).map((s) => s.ticker)).toEqual(['BBB']);
        expect((await store.checkIntegrity({ fix: false, dateBounds: BOUNDS })).findings).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});
maintenanceSuite('DuckDB', async () => {
  const b = duckdbBackend();
  cleanups.push(() => rmSync(b.dir, { recursive: true, force: true }));
  return b;
});
// a fresh database per test: the PostgreSQL test server runs beside the other test files
maintenanceSuite('PostgreSQL', async () => {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  return postgresBackend(db);
});
