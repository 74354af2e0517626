import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, realFile, repoRoot } from '../../../test/support/shared-data.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { regimeReport } from './regime-report.js';

describe('regimeReport', () => {
  it('an empty store gives an empty panel that lists what is missing', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      expect(await regimeReport(store)).toEqual({
        requestedAsOf: null,
        volatility: null,
        since: null,
        rates: [],
        curve2s10s: null,
        missing: ['^VIX', 'DGS2', 'DGS10', 'DFF'],
        demo: false,
        warnings: [],
      });
    } finally {
      await store.close();
    }
  });

  it('rates only: changes since the previous year end by default, as of a holiday (by hand)', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      const dates = Int32Array.from(['2024-12-31', '2025-12-24', '2025-12-26'].map((s) => parseIsoDate(s)));
      await store.writeBars([{ series: closeOnlySeries('DGS10', dates, [4.58, 4.14, 4.13]), source: 'test' }]);
      const r = await regimeReport(store, { asOf: '2025-12-25' });
      expect(r.since).toBe('2024-12-31');
      expect(r.rates).toEqual([
        {
          symbol: 'DGS10',
          date: '2025-12-24',
          level: 4.14,
          sinceDate: '2024-12-31',
          sinceLevel: 4.58,
          change: -0.44,
          changeBp: -44,
          // 1M/3M bases (2025-11-24, 2025-09-24) fall before the second value: the 2024-12-31 one
          changesBp: { '1m': -44, '3m': -44, ytd: -44 },
          baseDates: { '1m': '2024-12-31', '3m': '2024-12-31', ytd: '2024-12-31' },
        },
      ]);
      expect(r.curve2s10s).toBeNull();
      expect(r.missing).toEqual(['^VIX', 'DGS2', 'DFF']);
      // before the stored history: one warning naming the day and the first stored day (not just "missing")
      const before = await regimeReport(store, { asOf: '2024-06-01' });
      expect(before.missing).toEqual(['^VIX', 'DGS2', 'DGS10', 'DFF']);
      expect(before.warnings).toEqual([
        {
          code: 'as-of-before-data',
          message: 'no bars on or before 2024-06-01, before the stored history: DGS10 (first stored day 2024-12-31)',
          symbols: ['DGS10'],
        },
      ]);
      // on the first stored day: a level, but every change needs a value before it
      const first = await regimeReport(store, { asOf: '2024-12-31' });
      expect(first.rates[0]).toMatchObject({
        level: 4.58,
        change: null,
        changesBp: { '1m': null, '3m': null, ytd: null },
      });
      expect(first.warnings.map((w) => w.message)).toEqual([
        'too little history for the change since 2023-12-31, 1M, 3M and YTD as of 2024-12-31 (n/a): DGS10 (first stored day 2024-12-31)',
      ]);
      expect(r.warnings).toEqual([]);
      await expect(regimeReport(store, { asOf: '2025-01-01', since: '2025-06-01' })).rejects.toThrow(
        /--since: 2025-06-01 is after --as-of/,
      );
      // without --as-of the panel is as of the last value (2025-12-26): a later --since is a mistake too
      await expect(regimeReport(store, { since: '2030-01-01' })).rejects.toThrow(
        '--since: 2030-01-01 is after the last stored value, 2025-12-26',
      );
    } finally {
      await store.close();
    }
  });

  it('DFF and the curve: 1M/3M/YTD changes in bp, the curve on the days both yields have (by hand)', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      const d = (xs: string[]) => Int32Array.from(xs.map((x) => parseIsoDate(x)));
      // The 3M base of 2025-06-30 is Sunday 2025-03-30. DGS2 has a FRED blank on Friday 2025-03-28, so
      // the curve's 3M base is the last day both have, Thursday 2025-03-27 (not DGS10's change minus DGS2's).
      const two = closeOnlySeries(
        'DGS2',
        d(['2024-12-31', '2025-03-27', '2025-05-30', '2025-06-30']),
        [4.25, 3.9, 3.95, 3.72],
      );
      const ten = closeOnlySeries(
        'DGS10',
        d(['2024-12-31', '2025-03-27', '2025-03-28', '2025-05-30', '2025-06-30']),
        [4.58, 4.3, 4.27, 4.41, 4.24],
      );
      const dff = closeOnlySeries(
        'DFF',
        d(['2024-12-31', '2025-03-30', '2025-05-31', '2025-06-30']),
        [4.33, 4.33, 4.33, 4.08],
      );
      await store.writeBars([two, ten, dff].map((series) => ({ series, source: 'test' })));
      const r = await regimeReport(store, { asOf: '2025-06-30' });
      const by = (t: string) => r.rates.find((x) => x.symbol === t)!;
      // DGS2: 3.72 - 3.95 = -23 bp (1M base 2025-05-30), 3.72 - 3.90 = -18 bp (3M base 2025-03-27), 3.72 - 4.25 = -53 bp
      expect(by('DGS2').changesBp).toEqual({ '1m': -23, '3m': -18, ytd: -53 });
      // DGS10: 4.24 - 4.41 = -17, 4.24 - 4.27 = -3 (its own 2025-03-28), 4.24 - 4.58 = -34
      expect(by('DGS10').changesBp).toEqual({ '1m': -17, '3m': -3, ytd: -34 });
      expect(by('DGS10').baseDates['3m']).toBe('2025-03-28');
      // DFF 4.08 against 4.33 on 2025-05-31, 2025-03-30 and 2024-12-31: -25 bp each
      expect(by('DFF').changesBp).toEqual({ '1m': -25, '3m': -25, ytd: -25 });
      // curve 0.52 now; 0.46 on 2025-05-30, 0.40 on 2025-03-27, 0.33 at the year end
      expect(r.curve2s10s).toEqual({
        date: '2025-06-30',
        level: 0.52,
        change: 0.19,
        changesBp: { '1m': 6, '3m': 12, ytd: 19 },
        baseDates: { '1m': '2025-05-30', '3m': '2025-03-27', ytd: '2024-12-31' },
      });
    } finally {
      await store.close();
    }
  });
});

const PYTHON = '/usr/bin/python3';
const hasPandas = spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
if (!hasPandas) console.warn(`SKIPPED: ${PYTHON} with pandas is not available for the regime rates reference`);

describeWithSharedData.skipIf(!hasPandas)('regime rates on the real FRED files agree with pandas', () => {
  it('DGS2 3.52%, DFF 3.64% as of 2025-12-11: every change in bp as pandas computes it (rate_changes_reference.py)', async () => {
    const files = ['DGS2', 'DGS10', 'DFF'].map((t) => realFile(`rates/${t}.csv`));
    const store = await DuckDbStore.open(':memory:');
    try {
      await importFiles(store, { files });
      const r = await regimeReport(store, { asOf: '2025-12-11' });
      const run = spawnSync(
        PYTHON,
        [join(repoRoot, 'test', 'reference', 'rate_changes_reference.py'), ...files, '2025-12-11', '2024-12-31'],
        { encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      const ref = JSON.parse(run.stdout) as Record<string, Record<string, number | string | null>>;
      for (const t of ['DGS2', 'DGS10', 'DFF']) {
        const row = r.rates.find((x) => x.symbol === t)!;
        const want = ref[t]!;
        expect([row.date, row.level, row.changeBp, row.changesBp], t).toEqual([
          want.date,
          want.level,
          want.since,
          { '1m': want['1m'], '3m': want['3m'], ytd: want.ytd },
        ]);
      }
      const c = r.curve2s10s!;
      const want = ref.curve!;
      expect([c.date, c.level, Math.round(c.change! * 100), c.changesBp]).toEqual([
        want.date,
        want.level,
        want.since,
        { '1m': want['1m'], '3m': want['3m'], ytd: want.ytd },
      ]);
      // the README's facts: DGS2 3.52 and DFF 3.64 on 2025-12-11 (after the cut of Dec 10)
      expect(r.rates.find((x) => x.symbol === 'DGS2')!.level).toBe(3.52);
      expect(r.rates.find((x) => x.symbol === 'DFF')!.level).toBe(3.64);
    } finally {
      await store.close();
    }
  }, 60_000);
});
