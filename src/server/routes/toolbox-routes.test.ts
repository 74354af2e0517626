/**
 * GET /api/rates on the API test store plus three made-up FRED series: the JSON is the rates
 * report (levels with bp changes worked out by hand), a bad `rate` is a 400 naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, openTestApp, type TestApp } from '../../../test/server/api-app.js';
import { testDays } from '../../../test/server/api-test-store.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import type { RatesReport } from '../../services/rates/rates-report.js';
import type { SeasonalityReport } from '../../services/seasonality/seasonality-report.js';

describe('GET /api/rates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
    const days = testDays();
    // yields fall 1 bp a day from 5.00% (2y) and 5.50% (10y); DFF flat at 4.00%
    const last = days.slice(-300);
    const level = (start: number) => Float64Array.from(last, (_, i) => Math.round((start - i * 0.01) * 100) / 100);
    await t.store.writeBars(
      [
        { series: closeOnlySeries('DGS2', last, level(5)), source: 'csv' },
        { series: closeOnlySeries('DGS10', last, level(5.5)), source: 'csv' },
        {
          series: closeOnlySeries(
            'DFF',
            days,
            Float64Array.from(days, () => 4),
          ),
          source: 'csv',
        },
      ],
      ['DGS2', 'DGS10', 'DFF'].map((ticker) => ({ ticker, name: null, kind: 'rate' as const, currency: 'USD' })),
    );
  });
  afterAll(async () => t.close());

  it('returns levels, bp changes and the curve as of a day', async () => {
    const res = await t.app.inject('/api/rates?asOf=2024-12-31');
    expect(res.statusCode).toBe(200);
    const r = JSON.parse(res.body) as RatesReport;
    expect(r.asOf).toBe('2024-12-31');
    const two = r.levels.find((l) => l.symbol === 'DGS2')!;
    // one month back is 2024-11-30, a Saturday: the base is Friday 2024-11-29, 22 weekdays before 12-31: -22 bp
    expect(two.baseDates['1m']).toBe('2024-11-29');
    expect(two.changesBp['1m']).toBe(-22);
    expect(r.curve!.level).toBeCloseTo(0.5, 9);
    expect(r.curve!.changesBp['1m']).toBe(0);
    expect(r.lastDecision!.date).toBe('2024-12-18');
    expect(r.lastDecision!.dffChangeBp).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  it('an asOf past the data is answered as of the last day, with a warning saying so', async () => {
    const res = await t.app.inject('/api/rates?asOf=2025-01-10');
    expect(res.statusCode).toBe(200);
    const r = JSON.parse(res.body) as RatesReport & { warnings: string[] };
    // the store ends on 2024-12-31: the figures are those of that day (as in the test above)
    expect(r.asOf).toBe('2024-12-31');
    expect(r.levels.find((l) => l.symbol === 'DGS2')!.changesBp['1m']).toBe(-22);
    expect(r.nextMeeting!.date).toBe('2025-01-29');
    expect(r.warnings).toEqual(['data ends 2024-12-31; figures are as of that day (asked for 2025-01-10)']);
  });

  it("changes whose base day is before a rate's first value are n/a, and a warning says why", async () => {
    // DGS2 and DGS10 start on 2023-11-08 (the last 300 weekdays); DFF runs from 2021-01-04
    const res = await t.app.inject('/api/rates?asOf=2023-12-05');
    const r = JSON.parse(res.body) as RatesReport & { warnings: string[] };
    expect(r.levels.find((l) => l.symbol === 'DGS2')!.changesBp).toEqual({ '1m': null, '3m': null, ytd: null });
    expect(r.levels.find((l) => l.symbol === 'DFF')!.changesBp).toEqual({ '1m': 0, '3m': 0, ytd: 0 });
    expect(r.warnings).toEqual([
      'too little history for the 1M, 3M, YTD changes as of 2023-12-05 (n/a): DGS2, DGS10 (first stored day 2023-11-08)',
    ]);
  });

  it('refuses an unknown rate', async () => {
    const res = await t.app.inject('/api/rates?rate=DGS30');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).message).toMatch(/rate/);
  });
});

describe('GET /api/seasonality', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => t.close());

  it('gives every complete window of a ratio, with its median and share up', async () => {
    const res = await t.app.inject('/api/seasonality?symbol=XLK/SPY&window=12-15..01-05&asOf=2024-12-31');
    expect(res.statusCode).toBe(200);
    const r = JSON.parse(res.body) as SeasonalityReport;
    expect(r.subject).toBe('XLK/SPY');
    // the test store runs from 2021-01-04: windows of 2021, 2022 and 2023 are complete, 2024's is in progress
    expect(r.window.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    expect(r.window.current!.year).toBe(2024);
    expect(r.months).toHaveLength(12);
    expect(r.warnings).toEqual([]);
  });

  it('an asOf past the data is answered as of the last day, with a warning saying so', async () => {
    const res = await t.app.inject('/api/seasonality?symbol=XLK&asOf=2025-02-03');
    expect(res.statusCode).toBe(200);
    const r = JSON.parse(res.body) as SeasonalityReport & { warnings: string[] };
    expect(r.asOf).toBe('2024-12-31');
    // the window of 2024 (12-15..01-05) is still the one in progress on the last day used
    expect(r.window.current!.year).toBe(2024);
    expect(r.warnings).toEqual(['data ends 2024-12-31; figures are as of that day (asked for 2025-02-03)']);
  });

  it('with too little history for any complete window or month, a warning says why the tables are empty', async () => {
    // the test store starts on Monday 2021-01-04: no close on or before 2020-12-15, no complete month by Jan 8
    const res = await t.app.inject('/api/seasonality?symbol=XLK&asOf=2021-01-08');
    expect(res.statusCode).toBe(200);
    const r = JSON.parse(res.body) as SeasonalityReport & { warnings: string[] };
    expect(r.window.years).toEqual([]);
    expect(r.warnings).toEqual([
      'too little history for a complete 12-15..01-05 window or a complete month as of 2021-01-08 (n/a): XLK (first stored day 2021-01-04)',
    ]);
  });

  it('a bad window is a 400 naming the parameter', async () => {
    const res = await t.app.inject('/api/seasonality?symbol=XLK&window=12-15');
    expect(res.statusCode).toBe(400);
    // the format in words, not the pattern's source
    expect(errorOf(res.body).message).toBe('window: must be MM-DD..MM-DD, e.g. 12-15..01-05');
  });
});

describe('GET /api/series with the TTR set in ind=', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => t.close());

  it('returns the columns of adx, stoch and a volatility estimator, empty during warm-up', async () => {
    const res = await t.app.inject('/api/series/AAPL?ind=adx:14,stoch:14:3:3,volatility:20:yang.zhang');
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body) as { indicators: Record<string, (number | null)[]> };
    expect(Object.keys(body.indicators)).toEqual([
      'adx_dip_14',
      'adx_din_14',
      'adx_dx_14',
      'adx_14',
      'adx_adxr_14',
      'stoch_fastk_14_3_3',
      'stoch_fastd_14_3_3',
      'stoch_slowd_14_3_3',
      'volatility_20_yang.zhang',
    ]);
    // ADX's first value is at row 2n - 1 = 27 (TTR), so rows 0..26 are null
    const a = body.indicators.adx_14!;
    expect(a.slice(0, 27).every((v) => v === null)).toBe(true);
    expect(a[27]).not.toBeNull();
  });

  it('refuses an unknown calc in one line naming ind', async () => {
    const res = await t.app.inject('/api/series/AAPL?ind=volatility:20:magic');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).message).toMatch(/calc must be one of close, garman\.klass/);
  });
});
