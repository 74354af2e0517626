/**
 * One rule for "the data ends" in every API answer (issue 11, sections 1 and 2): the day an answer is as of,
 * and the day a "data ends D" warning names, is the market's last close (the latest bar of a series other
 * than a rate); a rate's own later row (FRED's fed funds rate has one every calendar day) never moves it,
 * and is shown with its own date; a series ending before the page's day is named stale, never "the data".
 * The store is made by hand: SPY to Tuesday 2025-01-07, ^RUT to Friday 2025-01-03 (two trading days short),
 * DFF to Friday 2025-01-10 (three calendar days after the market's last close). The days are read off the
 * NYSE calendar (2025-01-09 was a market closure, the national day of mourning for President Carter).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/config/universe-config.js';
import { closeOnlySeries } from '../../src/domain/price-series.js';
import { parseIsoDate } from '../../src/domain/trading-date.js';
import { buildApp } from '../../src/server/build-app.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

const d = (iso: string) => parseIsoDate(iso);
const MARKET_DAYS = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'];
let store: DuckDbStore;
let app: Awaited<ReturnType<typeof buildApp>>;
const get = (url: string) => app.inject({ method: 'GET', url });
const headerWarnings = (res: { headers: Record<string, unknown> }) =>
  JSON.parse(String(res.headers['x-marketdash-warnings'] ?? '[]')) as string[];

beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  const dff = [
    '2025-01-03',
    '2025-01-04',
    '2025-01-05',
    '2025-01-06',
    '2025-01-07',
    '2025-01-08',
    '2025-01-09',
    '2025-01-10',
  ];
  await store.writeBars(
    [
      { series: closeOnlySeries('SPY', MARKET_DAYS.map(d), [100, 101, 102, 103, 104, 105]), source: 'test' },
      { series: closeOnlySeries('^RUT', MARKET_DAYS.slice(0, 4).map(d), [2000, 2010, 2020, 2030]), source: 'test' },
      { series: closeOnlySeries('DFF', dff.map(d), [4.33, 4.33, 4.33, 4.33, 4.33, 4.33, 4.33, 4.31]), source: 'test' },
    ],
    [
      { ticker: 'SPY', name: null, kind: 'etf', currency: 'USD' },
      { ticker: '^RUT', name: null, kind: 'index', currency: 'USD' },
      { ticker: 'DFF', name: null, kind: 'rate', currency: 'USD' },
    ],
  );
  app = await buildApp({ store, config: defaultConfig(), webRoot: null });
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('the latest day of every answer is the market’s last close, not the rate file’s', () => {
  test('events and rates without asOf are as of 2025-01-07 (SPY), not 2025-01-10 (DFF)', async () => {
    const rates = (await get('/api/rates')).json() as {
      asOf: string;
      levels: { symbol: string; date: string; level: number }[];
    };
    expect(rates.asOf).toBe('2025-01-07');
    // DFF's card shows its own row of that day (4.33), not the 4.31 of 2025-01-10
    expect(rates.levels.find((l) => l.symbol === 'DFF')).toMatchObject({ date: '2025-01-07', level: 4.33 });
    const events = await get('/api/events');
    expect(events.statusCode).toBe(200);
    // ^RUT (2025-01-03) is within 7 days of 2025-01-07, so nothing is left out and nothing says "data ends"
    expect(headerWarnings(events).filter((w) => w.startsWith('data ends'))).toEqual([]);
    for (const e of events.json() as { symbol: string; date: string }[])
      expect(e.date <= '2025-01-07', `${e.symbol} ${e.date}`).toBe(true);
  });

  test('asOf between the market’s last close and the rate’s: one "data ends 2025-01-07" everywhere', async () => {
    // 2025-01-08 is a trading day after SPY's last bar; DFF has a row that day
    const message = 'data ends 2025-01-07; figures are as of that day (asked for 2025-01-08)';
    const rates = (await get('/api/rates?asOf=2025-01-08')).json() as { asOf: string; warnings: string[] };
    // DFF here starts on 2025-01-03: its 1M/3M/YTD changes are n/a, and say so after the data-end line
    expect(rates).toMatchObject({
      asOf: '2025-01-07',
      warnings: [
        message,
        'too little history for the 1M, 3M, YTD changes as of 2025-01-07 (n/a): DFF (first stored day 2025-01-03)',
      ],
    });
    expect(headerWarnings(await get('/api/events?asOf=2025-01-08'))).toContain(message);
    expect(headerWarnings(await get('/api/perf?symbols=SPY&asOf=2025-01-08'))).toContain(message);
    expect(headerWarnings(await get('/api/sparklines?symbols=SPY&days=3&asOf=2025-01-08'))).toContain(message);
    expect(((await get('/api/series/SPY?asOf=2025-01-08')).json() as { warnings: string[] }).warnings).toEqual([
      message,
    ]);
  });
});

describe('a series ending before the page’s day is stale, never "the data ends"', () => {
  test('/api/series/^RUT as of SPY’s last day: stale from 2025-01-03, no "data ends 2025-01-03"', async () => {
    const body = (await get('/api/series/%5ERUT?asOf=2025-01-07')).json() as { dates: string[]; warnings: string[] };
    expect(body.dates.at(-1)).toBe('2025-01-03');
    expect(body.warnings).toEqual(['series ending before 2025-01-07 (marked stale): ^RUT']);
    // asked for a day past the market: the market's end, and ^RUT stale against it
    const past = (await get('/api/series/%5ERUT?asOf=2025-01-08')).json() as { warnings: string[] };
    expect(past.warnings).toEqual([
      'data ends 2025-01-07; figures are as of that day (asked for 2025-01-08)',
      'series ending before 2025-01-07 (marked stale): ^RUT',
    ]);
    // as of ^RUT's own last day it is current: no warning
    expect((await get('/api/series/%5ERUT?asOf=2025-01-03')).json()).not.toHaveProperty('warnings');
  });

  test('perf of ^RUT alone as of SPY’s last day (the Symbol page): stale, not "data ends 2025-01-03"', async () => {
    expect(headerWarnings(await get('/api/perf?symbols=%5ERUT&asOf=2025-01-07'))).toEqual([
      'series ending before 2025-01-07 (marked stale): ^RUT',
    ]);
    expect(headerWarnings(await get('/api/perf?symbols=%5ERUT&asOf=2025-01-08'))).toEqual([
      'data ends 2025-01-07; figures are as of that day (asked for 2025-01-08)',
      'series ending before 2025-01-07 (marked stale): ^RUT',
    ]);
    // with SPY in the table the table's own rule holds: ^RUT is a stale row of a table as of 2025-01-07
    const both = headerWarnings(await get('/api/perf?symbols=SPY,%5ERUT&asOf=2025-01-07'));
    expect(both.filter((w) => w.startsWith('data ends'))).toEqual([]);
  });

  test('sparklines of ^RUT and SPY as of 2025-01-07 name ^RUT stale; DFF past the market is not stale', async () => {
    const res = await get('/api/sparklines?symbols=SPY,%5ERUT,DFF&days=2&asOf=2025-01-07');
    expect(headerWarnings(res)).toEqual(['series ending before 2025-01-07 (marked stale): ^RUT']);
  });

  test('rotation against a benchmark that ends early: the benchmark is stale, the data end is the market’s', async () => {
    const res = await get('/api/rotation?group=sectors&benchmark=%5ERUT&asOf=2025-01-07');
    if (res.statusCode === 200)
      expect(headerWarnings(res).filter((w) => w.startsWith('data ends') || w.includes('^RUT'))).toEqual([
        'series ending before 2025-01-07 (marked stale): ^RUT',
      ]);
    else expect(res.statusCode).toBe(404); // no sector stored: the group itself cannot be drawn
  });
});

describe('/api/series takes asOf (every computing endpoint does); to is its older name', () => {
  test('asOf and to cut the columns at the same day; both given, they must agree', async () => {
    const byAsOf = (await get('/api/series/SPY?asOf=2025-01-03&ind=sma:2')).json() as {
      dates: string[];
      indicators: Record<string, (number | null)[]>;
    };
    expect(byAsOf.dates).toEqual(MARKET_DAYS.slice(0, 4));
    // SMA(2) on 2025-01-03: (102 + 103) / 2, by hand
    expect(byAsOf.indicators.sma_2!.at(-1)).toBe(102.5);
    expect((await get('/api/series/SPY?to=2025-01-03&ind=sma:2')).json()).toEqual(byAsOf);
    expect((await get('/api/series/SPY?asOf=2025-01-03&to=2025-01-03')).statusCode).toBe(200);
    const clash = await get('/api/series/SPY?asOf=2025-01-03&to=2025-01-06');
    expect(clash.statusCode).toBe(400);
    expect((clash.json() as { error: { parameter: string } }).error.parameter).toBe('to');
  });

  test('the OpenAPI document lists asOf for /api/series', async () => {
    const doc = (await get('/api/openapi.json')).json() as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    const names = doc.paths['/api/series/{symbol}']!.get.parameters.map((p) => p.name);
    expect(names).toContain('asOf');
    expect(names).toContain('to');
  });
});

describe('POST /api/check with the dashboard header’s day (undatedAsOf)', () => {
  const check = async (payload: object) =>
    (await app.inject({ method: 'POST', url: '/api/check', payload })).json() as {
      asOf: string;
      asOfSource: { source: string; date: string };
      claims: { verdict: string; actual: unknown }[];
      warnings: string[];
    };

  test('an undated note is checked as of the header’s day', async () => {
    const res = await check({ text: 'SPY closed at 103.', undatedAsOf: '2025-01-03' });
    expect(res).toMatchObject({ asOf: '2025-01-03', asOfSource: { source: 'option', date: '2025-01-03' } });
    // SPY's close on 2025-01-03 is 103 (the store above): supported
    expect(res.claims.map((c) => c.verdict)).toEqual(['supported']);
    expect(res.warnings.filter((w) => w.includes('no date'))).toEqual([]);
  });

  test('a note’s own date wins over the header’s day; asOf still wins over the note', async () => {
    const text = 'As of the close of January 6, 2025: SPY closed at 104.';
    const dated = await check({ text, undatedAsOf: '2025-01-03' });
    expect(dated).toMatchObject({ asOf: '2025-01-06', asOfSource: { source: 'note' } });
    expect(dated.claims.map((c) => c.verdict)).toEqual(['supported']);
    const forced = await check({ text, asOf: '2025-01-03' });
    expect(forced).toMatchObject({ asOf: '2025-01-03', asOfSource: { source: 'option' } });
    expect(forced.claims.map((c) => c.verdict)).toEqual(['contradicted']);
  });

  test('the header’s day past the market’s last close says where the data ends', async () => {
    const res = await check({ text: 'SPY closed at 105.', undatedAsOf: '2025-01-08' });
    expect(res.warnings).toContain('data ends 2025-01-07; figures are as of that day (asked for 2025-01-08)');
  });
});
