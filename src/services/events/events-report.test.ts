/** `events --group NAME` (and `GET /api/events?group=`) with a group imported into the store, as perf and breadth take. */
import { describe, expect, it } from 'vitest';
import { weekdays } from '../../../test/support/weekdays.js';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { eventsReport } from './events-report.js';

describe('events of an imported group', () => {
  it('reads the members of a group imported into the store (members without bars are skipped)', async () => {
    // AAA: 20 flat days at 10, then 11, 12, 13, 14: four up closes in a row, +40% (hand-computed: 14 / 10 - 1)
    // BBB: stored but not a member, with the same streak: it must not be reported
    const closes = [...Array.from({ length: 20 }, () => 10), 11, 12, 13, 14];
    const dates = weekdays(closes.length, '2025-01-06');
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.writeBars([
        { series: closeOnlySeries('AAA', dates, closes), source: 'csv' },
        { series: closeOnlySeries('BBB', dates, closes), source: 'csv' },
      ]);
      await store.saveGroup({ name: 'mine', members: ['AAA', 'ZZZ'], benchmark: null, source: 'mine.csv' });
      const report = await eventsReport(store, {
        asOf: formatIsoDate(dates[dates.length - 1]!),
        group: 'mine',
        config: defaultConfig(),
        baseRates: false,
      });
      const streaks = report.events.filter((e) => e.type === 'streak');
      expect(streaks.map((e) => e.symbol)).toEqual(['AAA']);
      expect(streaks[0]).toMatchObject({ direction: 'up', length: 4 });
      expect((streaks[0] as { change: number }).change).toBeCloseTo(0.4, 12);
      expect(report.events.some((e) => e.symbol === 'BBB')).toBe(false);
      // a config group still works, and an unknown one names the group
      await expect(eventsReport(store, { group: 'rates', config: defaultConfig() })).resolves.toBeDefined();
      await expect(eventsReport(store, { group: 'nosuch', config: defaultConfig() })).rejects.toThrow(
        /unknown group 'nosuch'/,
      );
    } finally {
      await store.close();
    }
  });
});

describe('events asked for a day before the data', () => {
  it('is an error naming the day (it printed "No events." as if the market had been quiet)', async () => {
    const dates = weekdays(5, '2025-01-06');
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.writeBars([{ series: closeOnlySeries('AAA', dates, [10, 11, 12, 13, 14]), source: 'csv' }]);
      await store.saveGroup({ name: 'mine', members: ['AAA'], benchmark: null, source: 'mine.csv' });
      const config = defaultConfig();
      await expect(eventsReport(store, { asOf: '1990-01-01', config })).rejects.toThrow(
        '--as-of: no bars stored on or before 1990-01-01',
      );
      await expect(eventsReport(store, { asOf: '2025-01-03', group: 'mine', config })).rejects.toThrow(
        "--as-of: no bars stored on or before 2025-01-03 for group 'mine'",
      );
      // the first stored day itself is fine
      await expect(eventsReport(store, { asOf: '2025-01-06', config, baseRates: false })).resolves.toMatchObject({
        asOf: '2025-01-06',
      });
    } finally {
      await store.close();
    }
  });
});

describe('events as of one of the first stored days', () => {
  // no configured pairs: their not-computed warning would stand beside the one under test
  const noPairs = { ...defaultConfig(), pairs: [] };
  it('says which events could not be looked for, for want of history (it printed only "No events.")', async () => {
    // AAA: 5 weekdays from Monday 2025-01-06; as of Tuesday 2025-01-07 (bar 1) there is no year before it
    // (all-time and 52-week highs), nothing a month back (highest/lowest since), fewer than 5 closes (a streak
    // of 4) and fewer than 201 closes (SMA200 on the bar and the one before it). Defaults: DEFAULT_EVENT_PARAMS.
    const dates = weekdays(5, '2025-01-06');
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.writeBars([{ series: closeOnlySeries('AAA', dates, [10, 11, 12, 13, 14]), source: 'csv' }]);
      const report = await eventsReport(store, { asOf: '2025-01-07', config: noPairs, baseRates: false });
      expect(report.events).toEqual([]);
      expect(report.warnings).toEqual([
        {
          code: 'short-history',
          message:
            'too little history for all-time and 52-week highs and lows (a year of history), highest/lowest closes ' +
            'since (1 month of history), streaks (5 closes), 50/200 crosses (201 closes) as of 2025-01-07 (n/a): ' +
            'AAA (first stored day 2025-01-06)',
          symbols: ['AAA'],
        },
      ]);
    } finally {
      await store.close();
    }
  });

  it('says nothing of history when every event can be looked for', async () => {
    // 300 weekdays from 2024-01-01 end on 2025-02-23's week: more than a year, 201 closes and a month back
    const dates = weekdays(300, '2024-01-01');
    const closes = Array.from({ length: 300 }, (_, k) => 100 + (k % 7));
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.writeBars([{ series: closeOnlySeries('AAA', dates, closes), source: 'csv' }]);
      const report = await eventsReport(store, { config: noPairs, baseRates: false });
      expect(report.warnings).toEqual([]);
      // the day before the year is complete: only the year-long events are named
      const early = await eventsReport(store, { asOf: '2024-12-31', config: noPairs, baseRates: false });
      expect(early.warnings.map((w) => w.message)).toEqual([
        'too little history for all-time and 52-week highs and lows (a year of history) as of 2024-12-31 (n/a): ' +
          'AAA (first stored day 2024-01-01)',
      ]);
    } finally {
      await store.close();
    }
  });
});
