// The warnings every result carries: as-of past the data (NYSE calendar, 2025 holidays from nyse.com),
// stale rows and series, pairs not computed; checked on hand-made stores with dates worked out by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeOnlySeries } from '../domain/price-series.js';
import { parseIsoDate } from '../domain/trading-date.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { PriceStore } from '../store/price-store.js';
import { asOfAfterData, marketEnd, seriesFreshness, staleRows, tradingDayBetween } from './data-warnings.js';
import { perfTable } from './perf/perf-table.js';
import { ratioReport } from './perf/ratio-report.js';
import { trendReport } from './trend/trend-report.js';

const d = (iso: string) => parseIsoDate(iso);

describe('as-of past the data', () => {
  it('is silent for a weekend or holiday right after the last bar', () => {
    // 2025-12-26 is a Friday; the 27th and 28th a weekend
    expect(asOfAfterData(d('2025-12-28'), d('2025-12-26'))).toBeNull();
    // 2025-12-25 (Christmas) is an NYSE holiday: data ending on the 24th covers it
    expect(asOfAfterData(d('2025-12-25'), d('2025-12-24'))).toBeNull();
    expect(asOfAfterData(null, d('2025-12-24'))).toBeNull();
    expect(asOfAfterData(d('2025-12-01'), d('2025-12-24'))).toBeNull();
  });
  it('says where the data ends once a trading day is missing', () => {
    expect(asOfAfterData(d('2025-12-26'), d('2025-12-24'))?.message).toBe(
      'data ends 2025-12-24; figures are as of that day (asked for 2025-12-26)',
    );
    // past the calendar's last year (2035) weekdays count as trading days
    expect(tradingDayBetween(d('2040-01-06'), d('2040-01-08'))).toBe(false); // Sat, Sun
    expect(tradingDayBetween(d('2040-01-06'), d('2040-01-09'))).toBe(true); // Mon
  });
  it('lists at most six stale symbols by name', () => {
    const w = staleRows(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], d('2025-01-03'));
    expect(w?.message).toBe(
      'rows with data ending before 2025-01-03 (marked stale, each as of its own last bar): A, B, C, D, E, F and 2 more',
    );
    expect(w?.symbols).toHaveLength(8);
    expect(staleRows([], d('2025-01-03'))).toBeNull();
  });
});

describe('warnings and stale rows in results', () => {
  let store: PriceStore;
  beforeEach(async () => {
    store = await DuckDbStore.open(':memory:');
    const dates = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'].map(d);
    await store.writeBars([
      { series: closeOnlySeries('AAA', dates, [10, 11, 12, 13]), source: 'test' },
      // OLD stops on Friday 2025-01-03: two trading days before the others
      { series: closeOnlySeries('OLD', dates.slice(0, 2), [5, 6]), source: 'test' },
    ]);
  });
  afterEach(async () => {
    await store.close();
  });

  it('perf marks the row that ends early and warns once', async () => {
    const t = await perfTable(store, { symbols: ['AAA', 'OLD'] });
    expect(t.rows.map((r) => [r.symbol, r.asOf, r.stale])).toEqual([
      ['AAA', '2025-01-07', false],
      ['OLD', '2025-01-03', true],
    ]);
    expect(t.warnings.map((w) => w.code)).toEqual(['stale-rows']);
    expect(t.warnings[0]!.symbols).toEqual(['OLD']);
  });

  it('perf past the data says where the data ends', async () => {
    const t = await perfTable(store, { symbols: ['AAA'], asOf: '2030-01-01' });
    expect(t.rows[0]!.asOf).toBe('2025-01-07');
    expect(t.warnings.map((w) => w.message)).toEqual([
      'data ends 2025-01-07; figures are as of that day (asked for 2030-01-01)',
    ]);
    // as of Friday 2025-01-03 both are current: no warning at all
    expect((await perfTable(store, { symbols: ['AAA', 'OLD'], asOf: '2025-01-04' })).warnings).toEqual([]);
  });

  it('a single series is stale against the store and past the data on its own', async () => {
    expect(await seriesFreshness(store, 'AAA', d('2025-01-07'), null)).toEqual({ stale: false, warnings: [] });
    const old = await seriesFreshness(store, 'OLD', d('2025-01-03'), null);
    expect(old.stale).toBe(true);
    expect(old.warnings[0]!.message).toBe('series ending before 2025-01-07 (marked stale): OLD');
    // as of the Saturday after OLD's last bar: current
    expect((await seriesFreshness(store, 'OLD', d('2025-01-03'), d('2025-01-04'))).stale).toBe(false);
    // as of Monday 2025-01-06 the market's data (AAA) runs to 2025-01-07: OLD is stale, the data does not end
    // there (one "data ends" day for every answer, the market's last close)
    const trend = await trendReport(store, { series: 'OLD', asOf: '2025-01-06' });
    expect([trend.asOf, trend.stale, trend.warnings.map((w) => w.code)]).toEqual(['2025-01-03', true, ['stale-rows']]);
    const past = await trendReport(store, { series: 'OLD', asOf: '2025-01-08' });
    expect(past.warnings.map((w) => w.message)).toEqual([
      'data ends 2025-01-07; figures are as of that day (asked for 2025-01-08)',
      'series ending before 2025-01-07 (marked stale): OLD',
    ]);
    const ratio = await ratioReport(store, { numerator: 'AAA', denominator: 'OLD' });
    expect([ratio.asOf, ratio.stale]).toEqual(['2025-01-03', true]);
  });

  it('a rate running past the markets (fed funds: every calendar day) does not make the prices stale', async () => {
    const days = ['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10'].map(d);
    await store.writeBars(
      [{ series: closeOnlySeries('DFF', days, [4.33, 4.33, 4.33, 4.33, 4.33]), source: 'test' }],
      [{ ticker: 'DFF', name: null, kind: 'rate', currency: 'USD' }],
    );
    // AAA ends 2025-01-07, DFF 2025-01-10: the market's end is AAA's
    expect(await marketEnd(store)).toBe(d('2025-01-07'));
    expect(await seriesFreshness(store, 'AAA', d('2025-01-07'), null)).toEqual({ stale: false, warnings: [] });
    // past the data: the end named is the markets' one
    expect((await perfTable(store, { symbols: ['AAA'], asOf: '2030-01-01' })).warnings[0]!.message).toBe(
      'data ends 2025-01-07; figures are as of that day (asked for 2030-01-01)',
    );
  });

  it('a store of rates alone ends with its rates', async () => {
    const only = await DuckDbStore.open(':memory:');
    await only.writeBars(
      [{ series: closeOnlySeries('DGS2', [d('2025-01-02'), d('2025-01-03')], [4.2, 4.3]), source: 'test' }],
      [{ ticker: 'DGS2', name: null, kind: 'rate', currency: 'USD' }],
    );
    expect(await marketEnd(only)).toBe(d('2025-01-03'));
    const empty = await DuckDbStore.open(':memory:');
    expect(await marketEnd(empty)).toBeNull();
    await Promise.all([only.close(), empty.close()]);
  });
});
