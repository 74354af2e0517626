/**
 * The calendar periods of issue 15 (1m 3m 6m 1y 3y 5y 10y max) against pandas' DateOffset on real
 * data (../shared/data/real, SPY and IWM adjusted closes), at month ends and leap days where the
 * clamping matters: 2024-02-29 (1y back is 2023-02-28), 2024-03-31 (a Sunday; 1m back Feb 29),
 * 2024-05-31 (3m back Feb 29), 2024-08-31 (6m back Feb 29), 2025-03-31 (1m back Feb 28),
 * 2020-02-29, 2023-12-31, 2025-12-11 and 2026-01-30. Base dates equal, returns within 1e-12.
 * The reference is test/reference/period_offsets_reference.py (python3 with pandas).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readRealCsv } from '../../../test/reference/real-csv.js';
import { describeWithSharedData, realFile, repoRoot } from '../../../test/support/shared-data.js';
import type { PeriodKey } from '../../domain/period-keys.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { cagr, periodBaseIndex, periodCagr, periodReturn } from './period-returns.js';

const PYTHON = '/usr/bin/python3';
const hasPandas = spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
const AS_OF = [
  '2024-02-29',
  '2024-03-31',
  '2024-05-31',
  '2024-08-31',
  '2025-03-31',
  '2020-02-29',
  '2023-12-31',
  '2025-12-11',
  '2026-01-30',
];
const KEYS: PeriodKey[] = ['1m', '3m', '6m', '1y', '3y', '5y', '10y', 'max'];

describeWithSharedData('calendar periods against pandas DateOffset on real closes', () => {
  it.skipIf(!hasPandas).each(['SPY', 'IWM'])('%s: base dates and returns', (symbol) => {
    const file = realFile(`etfs-and-megacaps/${symbol}.csv`);
    const out = spawnSync(
      PYTHON,
      [join(repoRoot, 'test', 'reference', 'period_offsets_reference.py'), file, ...AS_OF],
      {
        encoding: 'utf8',
      },
    );
    expect(out.status, out.stderr).toBe(0);
    const ref = JSON.parse(out.stdout) as {
      asOf: string;
      periods: Record<string, { base: string; ret: number } | null>;
    }[];
    const s = readRealCsv(file);
    AS_OF.forEach((iso, n) => {
      const k = indexOnOrBefore(s.dates, parseIsoDate(iso));
      expect(formatIsoDate(s.dates[k]!)).toBe(ref[n]!.asOf);
      for (const key of KEYS) {
        const want = ref[n]!.periods[key]!;
        const base = periodBaseIndex(s.dates, k, key);
        expect(formatIsoDate(s.dates[base]!), `${symbol} ${iso} ${key}`).toBe(want.base);
        expect(Math.abs(periodReturn(s.dates, s.adjClose, k, key)! - want.ret)).toBeLessThan(1e-12);
      }
    });
  });
});

it('CAGR: a doubling over ten years is 2^(1/10) - 1; a year or less is not annualised (by hand)', () => {
  const base = parseIsoDate('2015-12-11');
  const end = parseIsoDate('2025-12-11'); // 3653 days
  expect(cagr(1, base, end)).toBeCloseTo(2 ** (365.25 / 3653) - 1, 14);
  expect(cagr(0.1, base, base + 365)).toBeNull();
  const dates = Int32Array.of(base, end);
  expect(periodCagr(dates, Float64Array.of(100, 200), 1, '10y')).toBeCloseTo(2 ** (365.25 / 3653) - 1, 14);
  expect(periodCagr(dates, Float64Array.of(100, 200), 1, 'max')).toBeCloseTo(2 ** (365.25 / 3653) - 1, 14);
});
