/**
 * The demo market: deterministic, on the NYSE calendar, well-formed bars, and the planted story found
 * by the project's own analytics (basket index, ratio, trendline and breakout state).
 */
import { describe, expect, it } from 'vitest';
import { basketIndex } from '../../analytics/ratios-baskets/basket-index.js';
import { ratioSeries } from '../../analytics/ratios-baskets/ratio-series.js';
import { analyseTrend } from '../../analytics/trend/trend-analysis.js';
import { trendOptions } from '../../analytics/trend/trend-options.js';
import { defaultConfig } from '../../config/universe-config.js';
import { isTradingDay } from '../../domain/nyse-calendar.js';
import type { PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { type DemoMarket, generateDemoMarket } from './demo-market.js';

const config = defaultConfig();
const today = parseIsoDate('2026-11-25');
const cache = new Map<number, DemoMarket>();
function market(seed: number): DemoMarket {
  let m = cache.get(seed);
  if (!m) cache.set(seed, (m = generateDemoMarket({ seed, today, symbolNames: config.symbols })));
  return m;
}
const get = (m: DemoMarket, t: string): PriceSeries => {
  const s = m.series.get(t);
  if (!s) throw new Error(`no ${t}`);
  return s;
};
const lastClose = (s: PriceSeries) => s.close[s.close.length - 1]!;
const priorMax = (s: PriceSeries) => Math.max(...Array.from(s.close.subarray(0, s.close.length - 1)));
const logReturns = (s: PriceSeries) => Array.from(s.close.subarray(1), (c, i) => Math.log(c / s.close[i]!));
function correlation(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('demo market: shape', () => {
  it('covers every non-basket symbol of the default universe, on NYSE trading days from 2015-01-02 to the day before today', () => {
    const m = market(42);
    const wanted = Object.entries(config.symbols)
      .filter(([, s]) => s.kind !== 'basket')
      .map(([t]) => t)
      .sort();
    expect([...m.series.keys()].sort()).toEqual(wanted);
    expect(formatIsoDate(m.days[0]!)).toBe('2015-01-02');
    // 2026-11-25 is a Wednesday; the day before is the last trading day.
    expect(formatIsoDate(m.days[m.days.length - 1]!)).toBe('2026-11-24');
    expect(m.days.every((d) => isTradingDay(d))).toBe(true);
    expect(Array.from(m.days, formatIsoDate)).not.toContain('2025-01-09');
    expect(m.symbols.find((s) => s.ticker === 'DGS10')?.kind).toBe('rate');
  });

  it('is deterministic for a seed and different for another seed', () => {
    const a = generateDemoMarket({ seed: 42, today, symbolNames: config.symbols });
    expect(Array.from(get(a, 'NVDA').close)).toEqual(Array.from(get(market(42), 'NVDA').close));
    expect(lastClose(get(market(7), 'NVDA'))).not.toBe(lastClose(get(a, 'NVDA')));
  });

  it('has consistent OHLC (low <= open, close <= high), positive volume for stocks, NaN OHLC for rates', () => {
    const m = market(42);
    for (const [ticker, s] of m.series) {
      if (['DFF', 'DGS2', 'DGS10'].includes(ticker)) {
        expect(Number.isNaN(s.open[0]!), ticker).toBe(true);
        expect(
          s.close.every((v) => v > 0 && v < 8),
          ticker,
        ).toBe(true);
        continue;
      }
      for (let i = 0; i < s.close.length; i++) {
        const lo = s.low[i]!;
        const hi = s.high[i]!;
        if (!(lo <= s.open[i]! && lo <= s.close[i]! && hi >= s.open[i]! && hi >= s.close[i]! && lo > 0)) {
          throw new Error(`${ticker} ${formatIsoDate(s.dates[i]!)} bad bar`);
        }
      }
    }
    expect(get(m, 'AAPL').volume.every((v) => v > 0)).toBe(true);
    expect(get(m, '^VIX').volume.every((v) => v === 0)).toBe(true);
  });

  it('pays dividends: SPY adjusted close is below close before its last ex-date and equal after it', () => {
    const m = market(42);
    const spy = get(m, 'SPY');
    const divs = m.dividends.get('SPY') ?? [];
    expect(divs.length).toBeGreaterThan(40);
    const lastEx = divs[divs.length - 1]!.day;
    const i = spy.dates.indexOf(lastEx);
    expect(spy.adjClose[i - 1]!).toBeLessThan(spy.close[i - 1]!);
    expect(spy.adjClose[spy.close.length - 1]).toBeCloseTo(spy.close[spy.close.length - 1]!, 10);
    // Yahoo's factor: adjClose/close steps by (1 - D / previous close) across the ex-date.
    const d = divs[divs.length - 1]!.amount;
    const before = spy.adjClose[i - 1]! / spy.close[i - 1]!;
    const after = spy.adjClose[i]! / spy.close[i]!;
    expect(before / after).toBeCloseTo(1 - d / spy.close[i - 1]!, 12);
    expect(m.dividends.has('AMZN')).toBe(false);
  });

  it('records one split (NVDA 10:1 on 2024-06-10) with split-adjusted bars (no 90% drop that day)', () => {
    const m = market(42);
    expect(m.splits).toEqual([{ symbol: 'NVDA', day: parseIsoDate('2024-06-10'), ratio: 10 }]);
    const nvda = get(m, 'NVDA');
    const i = nvda.dates.indexOf(parseIsoDate('2024-06-10'));
    expect(Math.abs(Math.log(nvda.close[i]! / nvda.close[i - 1]!))).toBeLessThan(0.2);
  });

  it('correlates inside groups and moves the VIX against the S&P 500', () => {
    const m = market(42);
    expect(correlation(logReturns(get(m, 'AAPL')), logReturns(get(m, 'MSFT')))).toBeGreaterThan(0.3);
    expect(correlation(logReturns(get(m, 'SPSM')), logReturns(get(m, 'IWM')))).toBeGreaterThan(0.8);
    expect(correlation(logReturns(get(m, '^VIX')), logReturns(get(m, '^GSPC')))).toBeLessThan(-0.3);
  });

  it('takes well under the time budget', () => {
    const t0 = performance.now();
    generateDemoMarket({ seed: 3, today, symbolNames: config.symbols });
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe.each([42, 7, 1])('demo market story (seed %i)', (seed) => {
  const m = market(seed);
  const mag7 = basketIndex(
    { ticker: 'MAG7', members: config.groups.mag7!, weights: null, rebalance: 'quarterly', baseValue: 100 },
    config.groups.mag7!.map((t) => get(m, t)),
  );

  it('ends with the Russell 2000 (^RUT and IWM) at a new all-time closing high', () => {
    for (const t of ['^RUT', 'IWM']) expect(lastClose(get(m, t)), t).toBeGreaterThan(priorMax(get(m, t)));
  });

  it('ends with the S&P 600 (^SP600 and SPSM) within 1-2.5% under its all-time high', () => {
    for (const t of ['^SP600', 'SPSM']) {
      const gap = lastClose(get(m, t)) / priorMax(get(m, t)) - 1;
      expect(gap, t).toBeLessThan(-0.008);
      expect(gap, t).toBeGreaterThan(-0.025);
    }
  });

  it('has the small/mega ratio (^SP600/MAG7 and SPSM/MAG7) in a multi-year downtrend it is testing or just breaking', () => {
    for (const t of ['^SP600', 'SPSM']) {
      const ratio = ratioSeries(get(m, t), mag7);
      const a = analyseTrend(ratio.dates, ratio.close, trendOptions());
      expect(a?.line?.kind, t).toBe('downtrend');
      expect(a!.line!.touches).toBeGreaterThanOrEqual(4);
      expect(a!.line!.slopeLogPerYear).toBeLessThan(-0.05);
      expect(m.days[m.days.length - 1]! - a!.line!.anchors[0].day).toBeGreaterThan(3 * 365);
      expect(['testing', 'breaking']).toContain(a!.breakout!.state);
      expect(Math.abs(a!.distance!)).toBeLessThan(0.03);
    }
  });

  it('ends with the VIX at its lowest close in more than three months', () => {
    const vix = get(m, '^VIX').close;
    const L = vix.length - 1;
    for (let i = L - 63; i < L; i++) expect(vix[i]!).toBeGreaterThan(vix[L]!);
  });

  it('ends a winning streak of 5+ days in XLK on the last day, with Oracle down', () => {
    const x = get(m, 'XLK').close;
    const L = x.length - 1;
    expect(x[L]!).toBeLessThan(x[L - 1]!);
    for (let i = L - 5; i < L; i++) expect(x[i]!).toBeGreaterThan(x[i - 1]!);
    const o = get(m, 'ORCL').close;
    expect(o[L]! / o[L - 1]! - 1).toBeLessThan(-0.05);
  });
});

describe('DemoProvider', () => {
  it('serves a slice of the demo market with its split and dividends', async () => {
    const { DemoProvider } = await import('./demo-provider.js');
    const p = new DemoProvider(config.symbols, { seed: 42, today });
    expect(p.canHandle('NVDA')).toBe(true);
    expect(p.canHandle('MAG7')).toBe(false);
    const h = await p.fetchDaily({ symbol: 'NVDA', from: parseIsoDate('2024-06-01'), to: parseIsoDate('2024-06-30') });
    expect(h.provider).toBe('demo');
    expect(formatIsoDate(h.series.dates[0]!)).toBe('2024-06-03');
    expect(formatIsoDate(h.series.dates.at(-1)!)).toBe('2024-06-28');
    expect(h.splits).toEqual([{ day: parseIsoDate('2024-06-10'), numerator: 10, denominator: 1 }]);
    const full = get(market(42), 'NVDA');
    const i0 = full.dates.indexOf(h.series.dates[0]!);
    expect(Array.from(h.series.close)).toEqual(Array.from(full.close.subarray(i0, i0 + h.series.dates.length)));
    await expect(p.fetchDaily({ symbol: 'ZZZ', from: 0, to: 1 })).rejects.toThrow(/unknown symbol ZZZ/);
  });
});
