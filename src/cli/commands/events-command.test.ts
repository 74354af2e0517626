/** Events of a rate (kind `rate`: DGS2, DGS10, DFF) read as levels with moves in bp (hand-computed levels). */
import { describe, expect, it } from 'vitest';
import { weekdays } from '../../../test/support/weekdays.js';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { eventsReport } from '../../services/events/events-report.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { describeEvent, eventsTable } from './events-command.js';

describe('events of a rate', () => {
  it('a falling 2-year yield: streak and its end in bp, base rates of forward changes in bp', async () => {
    // 300 flat-ish days (alternating 4.00/4.01 so no streak), then 3.95, 3.90, 3.80, 3.70 (4 falls: -30 bp),
    // then 3.75 (a rise of 5 bp ends the 4-day losing streak of 4.00 -> 3.70 = -30 bp)
    const levels = [...Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? 4 : 4.01)), 3.95, 3.9, 3.8, 3.7, 3.75];
    const dates = weekdays(levels.length, '2024-01-02');
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.writeBars([{ series: closeOnlySeries('DGS2', dates, levels), source: 'fred' }]);
      const config = defaultConfig();
      expect(config.symbols.DGS2?.kind).toBe('rate');
      const at = async (i: number) =>
        (await eventsReport(store, { asOf: formatIsoDate(dates[i]!), config, group: 'rates' })).events;
      const streak = (await at(303)).find((e) => e.type === 'streak')!;
      // 4.01 (day 299) -> 3.70: -31 bp over the four falls
      expect(streak).toMatchObject({ type: 'streak', length: 4, rate: true, changeBp: -31 });
      expect(describeEvent(streak)).toBe('4 down days in a row (-31 bp)');
      expect(streak.baseRate?.unit).toBe('bp');
      const end = (await at(304)).find((e) => e.type === 'streak_end')!;
      expect(end).toMatchObject({ changeBp: 5, streakChangeBp: -31 });
      expect(describeEvent(end)).toBe('ended a 4-day losing streak (-31 bp) with +5 bp');
      const low = (await at(303)).find((e) => e.type === 'new_52w_low' || e.type === 'lowest_since')!;
      expect(describeEvent(low)).toMatch(/ 3\.70%/);
    } finally {
      await store.close();
    }
  });

  it('"an 8-day" streak, not "a 8-day"; prices to the cent', () => {
    const e = {
      type: 'streak_end' as const,
      symbol: 'XLK',
      date: '2026-08-03',
      direction: 'up' as const,
      length: 8,
      streakChange: 0.0512,
      change: -0.0101,
    };
    expect(describeEvent(e)).toBe('ended an 8-day winning streak (5.12%) with -1.01%');
    expect(describeEvent({ ...e, length: 11 })).toMatch(/^ended an 11-day/);
    expect(describeEvent({ ...e, length: 5 })).toMatch(/^ended a 5-day/);
    const ath = {
      type: 'new_ath' as const,
      symbol: 'AMZN',
      date: '2026-08-03',
      close: 284.649994,
      previousHigh: { close: 274.98999, date: '2026-05-06' },
    };
    expect(describeEvent(ath)).toBe('new all-time closing high 284.65 (previous 274.99 on 2026-05-06)');
  });
});

describe('the events table', () => {
  const report = {
    asOf: '2025-12-11',
    events: [
      {
        type: 'streak' as const,
        symbol: 'IWM',
        date: '2025-12-11',
        direction: 'up' as const,
        length: 4,
        change: 0.028,
      },
    ],
    stale: [],
    warnings: [],
  };

  it('has no "Before" column without base rates (--no-base-rates), and says they were not computed', () => {
    const out = eventsTable(report, false, false);
    expect(out).not.toContain('Before');
    expect(out.split('\n')[0]!.trimEnd()).toBe('Date        Symbol  Event   What');
    expect(out).toContain('2025-12-11  IWM     streak  4 up days in a row (2.80%)');
    expect(out).toContain('Events as of 2025-12-11; base rates not computed (--no-base-rates).');
  });

  it('with base rates, the "Before" column and what it means', () => {
    const out = eventsTable(report, false);
    expect(out.split('\n')[0]).toContain('Before (n, 3m median, 3m up)');
    expect(out).toContain('forward returns over 63 trading days');
  });

  it('with no events and too little history, says so instead of a bare "No events."', () => {
    const warning = { code: 'short-history' as const, message: 'too little history for ...', symbols: ['AAA'] };
    const out = eventsTable({ asOf: '2025-01-07', events: [], stale: [], warnings: [warning] }, false);
    expect(out.split('\n')[0]).toBe('No events found; too little history to look for some of them (see the warning).');
    expect(eventsTable({ ...report, events: [] }, false).split('\n')[0]).toBe('No events.');
  });
});
