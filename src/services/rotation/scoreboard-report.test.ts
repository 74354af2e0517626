import { describe, expect, it } from 'vitest';
import { SCTR_WEIGHTS } from '../../analytics/composite-rank/composite-score.js';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { windowBars } from '../breadth/breadth-report.js';
import { parseWeights } from '../breadth/rank-report.js';
import { parseInterval } from './rotation-report.js';
import { scoreboard } from './scoreboard-report.js';

describe('scoreboard', () => {
  it('computes the MAG7 basket from its stored members when the basket itself is not stored (by hand)', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      const dates = Int32Array.from(['2024-12-31', '2025-12-11'].map((s) => parseIsoDate(s)));
      const mag7 = defaultConfig().baskets.MAG7!.members;
      // every member doubles except one that stays flat: equal weight -> (6 x 2 + 1) / 7 - 1 = 6/7
      await store.writeBars(
        mag7.map((t, k) => ({ series: closeOnlySeries(t, dates, [100, k === 0 ? 100 : 200]), source: 'test' })),
      );
      await store.writeBars([{ series: closeOnlySeries('IWM', dates, [200, 230]), source: 'test' }]);
      const b = await scoreboard(store, { symbols: ['IWM', 'MAG7', '^SP600'] });
      expect(b.rows.map((r) => [r.symbol, r.date, r.ytd === null ? null : Number(r.ytd.toFixed(12))])).toEqual([
        ['IWM', '2025-12-11', 0.15],
        ['MAG7', '2025-12-11', Number((6 / 7).toFixed(12))],
        ['^SP600', null, null],
      ]);
      expect(b.missing).toEqual(['^SP600', 'RSP', 'SPY', 'MAGS']);
      expect(b.spreads.find((s) => s.equal === 'MAG7')!.periods).toBeNull(); // MAGS not stored
      expect(b.demo).toBe(false);
      // 1Y needs a close on or before 2024-12-11, before the first stored day
      expect(b.warnings.map((w) => w.message)).toEqual([
        'too little history for 1Y as of the last bar (n/a): IWM, MAG7 (first stored day 2024-12-31)',
      ]);
      // an as-of day before the history: the rows are empty, and the warning names the day and the first stored day
      const early = await scoreboard(store, { symbols: ['IWM', '^SP600'], asOf: '2024-06-03' });
      expect(early.rows.map((r) => [r.symbol, r.date, r.ytd, r['1y']])).toEqual([
        ['IWM', null, null, null],
        ['^SP600', null, null, null],
      ]);
      expect(early.warnings).toEqual([
        {
          code: 'as-of-before-data',
          message: 'no bars on or before 2024-06-03, before the stored history: IWM (first stored day 2024-12-31)',
          symbols: ['IWM'],
        },
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('option parsers', () => {
  it('--window for breadth counts trading days: 63d, 4w = 20, 3m = 63, 1y = 252', () => {
    expect([windowBars('63d'), windowBars('4w'), windowBars('3m'), windowBars('1Y')]).toEqual([63, 20, 63, 252]);
    expect(() => windowBars('ytd')).toThrow(/--window: 'ytd'/);
    expect(() => windowBars('0d')).toThrow(/--window/);
  });

  it('--weights: six non-negative numbers, normalised', () => {
    expect(parseWeights('30,30,15,15,5,5')).toEqual(SCTR_WEIGHTS);
    expect(parseWeights('1,0,0,0,0,1').rsi14).toBe(0.5);
    expect(() => parseWeights('1,2,3')).toThrow(/--weights/);
    expect(() => parseWeights('0,0,0,0,0,0')).toThrow(/not all zero/);
    expect(() => parseWeights('1,1,1,1,1,-1')).toThrow(/non-negative/);
  });

  it('--interval is weekly or daily', () => {
    expect(parseInterval(undefined)).toBe('weekly');
    expect(parseInterval('DAILY')).toBe('daily');
    expect(() => parseInterval('monthly')).toThrow(/--interval: 'monthly'/);
  });
});
