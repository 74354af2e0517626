/** The base-rate report's warning when the history before the as-of day is shorter than its horizons. */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { baseRateReport } from './base-rate-report.js';

describe('baseRateReport', () => {
  it('names the horizons no occurrence can fill, the as-of day and the first stored day', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      // 100 consecutive days from 2024-01-01 (the base rate counts rows, not calendar days), rising by 1 a day
      const first = parseIsoDate('2024-01-01');
      const dates = Int32Array.from({ length: 100 }, (_, i) => first + i);
      await store.writeBars([
        {
          series: closeOnlySeries(
            'RISE',
            dates,
            Array.from({ length: 100 }, (_, i) => 100 + i),
          ),
          source: 'test',
        },
      ]);
      const config = defaultConfig();
      // as of row 70 (2024-03-11): 70 rows before it, enough for 21 and 63 days, not for 126
      const r = await baseRateReport(store, { event: 'new_ath', symbol: 'RISE', asOf: '2024-03-11', config });
      expect(r.asOf).toBe('2024-03-11');
      expect(r.horizons['6m']).toMatchObject({ tradingDays: 126, n: 0, median: null });
      expect(r.warnings).toEqual([
        {
          code: 'short-history',
          message:
            'too little history for the 6m horizon (126 trading days; 70 stored before the as-of day) as of 2024-03-11 (n/a): RISE (first stored day 2024-01-01)',
          symbols: ['RISE'],
        },
      ]);
      // as of the second row no horizon can be filled
      const second = await baseRateReport(store, { event: 'new_ath', symbol: 'RISE', asOf: '2024-01-02', config });
      expect(second.warnings[0]!.message).toContain('the 1m, 3m, 6m horizons (21/63/126 trading days; 1 stored');
      // before the first stored day: an error naming the day, as before
      await expect(
        baseRateReport(store, { event: 'new_ath', symbol: 'RISE', asOf: '2023-06-01', config }),
      ).rejects.toThrow('RISE: no bars stored on or before 2023-06-01');
    } finally {
      await store.close();
    }
  });
});
