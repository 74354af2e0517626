import { describe, expect, it } from 'vitest';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
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
        missing: ['^VIX', 'DGS2', 'DGS10'],
        demo: false,
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
        },
      ]);
      expect(r.curve2s10s).toBeNull();
      expect(r.missing).toEqual(['^VIX', 'DGS2']);
      await expect(regimeReport(store, { asOf: '2025-01-01', since: '2025-06-01' })).rejects.toThrow(
        /--since: 2025-06-01 is after --as-of/,
      );
    } finally {
      await store.close();
    }
  });
});
