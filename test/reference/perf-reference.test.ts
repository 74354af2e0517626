/**
 * Cross-check of the perf table against an independent pandas computation (perf_reference.py, run
 * with /usr/bin/python3) on real Yahoo data from ../shared/data/real that no other test looks at:
 * every return, close, high/low, date and streak must agree to 1e-9, at as-of dates that hit the
 * conventions (a Feb 29, a holiday, a year's first session, a crash low, the latest close).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MULTI_YEAR_PERIODS } from '../../src/analytics/returns/period-returns.js';
import { perfRowSchema } from '../../src/contracts/perf-contract.js';
import { PERIOD_KEYS } from '../../src/domain/period-keys.js';
import type { PerfRow } from '../../src/services/perf/perf-row.js';
import { perfTable } from '../../src/services/perf/perf-table.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { PriceStore } from '../../src/store/price-store.js';
import { describeWithSharedData, realFile, repoRoot } from '../support/shared-data.js';
import { readRealCsv } from './real-csv.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(repoRoot, 'test', 'reference', 'perf_reference.py');
const FILES = [
  'etfs-and-megacaps/SPY.csv',
  'etfs-and-megacaps/NVDA.csv',
  'etfs-and-megacaps/TSLA.csv',
  'etfs-and-megacaps/MAGS.csv',
  'etfs-and-megacaps/IWM.csv',
  'etfs-and-megacaps/XLK.csv',
  'etfs-and-megacaps/XLC.csv',
  'indices/^RUT.csv',
  'indices/^VIX.csv',
].map(realFile);
const AS_OF = ['2023-12-29', '2024-02-29', '2025-12-25', '2026-01-02', '2020-03-16', '2019-06-15', '2026-02-23', null];

interface ReferenceRow extends PerfRow {
  readonly totalReturn: boolean;
  readonly requestedAsOf: string | null;
}

const hasPandas = spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
if (!hasPandas) console.warn(`SKIPPED: ${PYTHON} with pandas is not available for the perf reference check`);

function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs pandas ${expected}`).toBeLessThanOrEqual(1e-9);
}

describeWithSharedData.skipIf(!hasPandas)('perf table agrees with pandas on real data', () => {
  let store: PriceStore;
  let reference: ReferenceRow[];

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await store.writeBars(FILES.map((f) => ({ series: readRealCsv(f), source: 'csv' })));
    const run = spawnSync(PYTHON, [SCRIPT, JSON.stringify({ files: FILES, asOf: AS_OF, totalReturn: [false, true] })], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (run.status !== 0) throw new Error(`perf_reference.py failed: ${run.stderr}`);
    reference = JSON.parse(run.stdout) as ReferenceRow[];
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  it('covers every symbol, as-of date and return kind', () => {
    // MAGS (listed 2023) has no row before its listing and null ytd/1y in 2023; XLC (listed 2018-06)
    // has no 52-week range on 2019-06-15: the nulls are exercised, not just the numbers.
    expect(reference.length).toBe((FILES.length * AS_OF.length - 2) * 2);
    expect(reference.some((r) => r.returns['5y'] === null)).toBe(true);
    expect(reference.some((r) => r.returns.ytd === null)).toBe(true);
    expect(reference.some((r) => r.high52w.close === null)).toBe(true);
  });

  for (const totalReturn of [false, true]) {
    for (const asOf of AS_OF) {
      it(`as of ${asOf ?? 'latest'}, ${totalReturn ? 'total' : 'price'} return`, async () => {
        const expected = reference.filter((r) => r.totalReturn === totalReturn && r.requestedAsOf === asOf);
        const table = await perfTable(store, { symbols: 'all', asOf: asOf ?? undefined, totalReturn });
        expect(table.rows.map((r) => r.symbol)).toEqual(expected.map((r) => r.symbol).sort());
        for (const want of expected) {
          const got = table.rows.find((r) => r.symbol === want.symbol)!;
          const at = `${want.symbol} as of ${asOf}`;
          expect(Object.keys(got)).toEqual(Object.keys(perfRowSchema.shape).filter((k) => k !== 'window')); // window: only with --from
          expect(got.asOf, at).toBe(want.asOf);
          expectClose(got.close, want.close, `${at} close`);
          for (const k of PERIOD_KEYS) expectClose(got.returns[k], want.returns[k], `${at} ${k}`);
          for (const k of MULTI_YEAR_PERIODS) expectClose(got.cagr[k], want.cagr[k], `${at} cagr ${k}`);
          expectClose(got.ath.close, want.ath.close, `${at} ath`);
          expect(got.ath.date, `${at} ath date`).toBe(want.ath.date);
          expectClose(got.ath.distance, want.ath.distance, `${at} ath distance`);
          expectClose(got.high52w.close, want.high52w.close, `${at} 52w high`);
          expect(got.high52w.date, `${at} 52w high date`).toBe(want.high52w.date);
          expectClose(got.low52w.close, want.low52w.close, `${at} 52w low`);
          expect(got.low52w.date, `${at} 52w low date`).toBe(want.low52w.date);
          expect(got.highestSince, `${at} highestSince`).toBe(want.highestSince);
          expect(got.lowestSince, `${at} lowestSince`).toBe(want.lowestSince);
          expect(got.streak, `${at} streak`).toBe(want.streak);
        }
      });
    }
  }
});
