/**
 * Every endpoint's 200, 400 and 404 paths through `app.inject` (no port). Expected figures come from
 * the formula that generated the test store (api-test-store.ts), worked out here by hand, or, for
 * the wiring of a service, from calling that same service directly.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatIsoDate } from '../../src/domain/trading-date.js';
import { perfTable } from '../../src/services/perf/perf-table.js';
import { errorOf, openTestApp, type TestApp } from './api-app.js';
import { testClose, testDays } from './api-test-store.js';

let t: TestApp;
const days = testDays();
const n = days.length;
const lastIso = formatIsoDate(days[n - 1]!);
/** Index of the last row on or before an ISO date. */
const rowOn = (iso: string) => {
  let i = -1;
  for (let k = 0; k < n; k++) if (formatIsoDate(days[k]!) <= iso) i = k;
  return i;
};

beforeAll(async () => {
  t = await openTestApp({ logger: process.env.API_LOG === '1' });
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/health', () => {
  test('200 says what the store holds', async () => {
    const res = await get('/api/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ok', backend: 'duckdb', demo: false, symbols: 6, lastDate: lastIso });
  });
  test('400 names an unknown parameter', async () => {
    const res = await get('/api/health?verbose=1');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body)).toMatchObject({ kind: 'usage', parameter: 'verbose' });
  });
  test('404 for an unknown API route, as JSON', async () => {
    const res = await get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(errorOf(res.body).message).toContain('/api/nothing-here');
  });
  test('405 with an Allow header for a method a route does not have (DELETE /api/perf answered 415)', async () => {
    for (const json of [false, true]) {
      const res = await t.app.inject({
        method: 'DELETE',
        url: '/api/perf?symbols=AAPL',
        ...(json ? { headers: { 'content-type': 'application/json' }, payload: '{}' } : {}),
      });
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(errorOf(res.body)).toEqual({
        status: 405,
        kind: 'usage',
        message: 'method DELETE not allowed on /api/perf: it answers GET, HEAD',
      });
    }
    // a route with a parameter (GET /api/check, which answers POST: below)
    const series = await t.app.inject({ method: 'POST', url: '/api/series/AAPL', payload: {} });
    expect([series.statusCode, series.headers.allow]).toEqual([405, 'GET, HEAD']);
    // no route at all stays a 404, whatever the method
    const none = await t.app.inject({ method: 'DELETE', url: '/api/nothing-here' });
    expect(none.statusCode).toBe(404);
    expect(errorOf(none.body)).toMatchObject({ status: 404, kind: 'not_found' });
  });
});

describe('GET /api/symbols', () => {
  test('200 lists stored symbols with config names, groups and pairs', async () => {
    const res = await get('/api/symbols');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      symbols: { ticker: string; name: string; rows: number }[];
      groups: Record<string, string[]>;
      pairs: string[];
    };
    expect(body.symbols.map((s) => s.ticker).sort()).toEqual(['AAPL', 'MSFT', 'SPY', 'XLF', 'XLK', '^VIX']);
    expect(body.symbols.find((s) => s.ticker === 'AAPL')).toMatchObject({ name: 'Apple Inc.', rows: n });
    expect(body.groups.pair).toEqual(['AAPL', 'MSFT']);
    expect(body.pairs).toContain('IWM/QQQ');
  });
  test('400 on an unknown parameter', async () => {
    expect((await get('/api/symbols?x=1')).statusCode).toBe(400);
  });
});

describe('GET /api/perf', () => {
  test('200: the perf JSON of the service, and the figures by hand', async () => {
    const res = await get('/api/perf?symbols=AAPL,MSFT');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as {
      symbol: string;
      asOf: string;
      close: number;
      returns: Record<string, number | null>;
    }[];
    expect(rows).toEqual(JSON.parse(JSON.stringify((await perfTable(t.store, { symbols: ['AAPL', 'MSFT'] })).rows)));
    // AAPL is symbol 0: its close on the last row, and YTD against the last close of 2023 (2023-12-29, a Friday).
    expect(rows[0]).toMatchObject({ symbol: 'AAPL', asOf: lastIso, close: testClose(0, n - 1) });
    const base = rowOn('2023-12-31');
    expect(formatIsoDate(days[base]!)).toBe('2023-12-29');
    expect(rows[0]!.returns.ytd).toBeCloseTo(testClose(0, n - 1) / testClose(0, base) - 1, 12);
    expect(rows[1]!.returns['1d']).toBeCloseTo(testClose(1, n - 1) / testClose(1, n - 2) - 1, 12);
  });
  test('200 for a group of the config, as of a weekend day (the Friday before is used)', async () => {
    const res = await get('/api/perf?group=pair&asOf=2024-06-30');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { symbol: string; asOf: string; close: number }[];
    expect(rows.map((r) => [r.symbol, r.asOf])).toEqual([
      ['AAPL', '2024-06-28'],
      ['MSFT', '2024-06-28'],
    ]);
    expect(rows[1]!.close).toBe(testClose(1, rowOn('2024-06-28')));
  });
  test('a group is answered with its members at the current data version (cached by name)', async () => {
    // a separate app with its own store: the group written here must not leak into the other tests
    const own = await openTestApp({ versionTtlMs: 0 });
    try {
      const members = async () =>
        ((await own.app.inject({ method: 'GET', url: '/api/perf?group=Mine' })).json() as { symbol: string }[]).map(
          (r) => r.symbol,
        );
      await own.store.saveGroup({ name: 'mine', members: ['MSFT'], benchmark: null, source: null });
      expect(await members()).toEqual(['MSFT']);
      expect(await members()).toEqual(['MSFT']);
      // saving the group bumps the data version: the next answer has the new members, not the cached ones
      await own.store.saveGroup({ name: 'mine', members: ['AAPL', 'MSFT'], benchmark: null, source: null });
      expect(await members()).toEqual(['AAPL', 'MSFT']);
    } finally {
      await own.close();
    }
  });
  test('from/to add each row a window return between the two dates (by hand)', async () => {
    const res = await get('/api/perf?symbols=AAPL&from=2023-12-31&to=2024-06-30');
    expect(res.statusCode).toBe(200);
    const [row] = res.json() as { asOf: string; window: { from: string; to: string; return: number; cagr: null } }[];
    // base: the last close on or before Sunday 2023-12-31 (Friday 2023-12-29); end: Friday 2024-06-28
    const base = rowOn('2023-12-31');
    const end = rowOn('2024-06-30');
    expect(row!.window).toMatchObject({ from: formatIsoDate(days[base]!), to: '2024-06-28', cagr: null });
    expect(row!.window.return).toBeCloseTo(testClose(0, end) / testClose(0, base) - 1, 12);
  });
  test('totalReturn=1 is accepted and flagged values are validated', async () => {
    expect((await get('/api/perf?symbols=AAPL&totalReturn=1')).statusCode).toBe(200);
    const bad = await get('/api/perf?symbols=AAPL&totalReturn=maybe');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body)).toMatchObject({ parameter: 'totalReturn' });
  });
  test.each([
    ['/api/perf?symbols=AAPL&asOf=2024-02-30', 'asOf', 'not a valid date'],
    ['/api/perf?symbols=AAPL&asOf=yesterday', 'asOf', 'YYYY-MM-DD'],
    ['/api/perf', 'symbols', 'exactly one'],
    ['/api/perf?symbols=AAPL&group=pair', 'group', 'group: give either symbols=A,B or group=NAME (exactly one)'],
    ['/api/perf?symbols=AA%20PL', 'symbols', 'tickers'],
    ['/api/perf?symbols=AAPL&colour=red', 'colour', 'unknown parameter'],
    ['/api/perf?symbols=AAPL&from=2024-02-30', 'from', 'not a valid date'],
    ['/api/perf?symbols=AAPL&to=2024-06-30', 'to', 'needs its start'],
    ['/api/perf?symbols=AAPL&from=2024-07-01&to=2024-06-30', 'from', 'after the end of the window'],
    ['/api/perf?symbols=AAPL&from=2024-01-01&to=2024-06-30&asOf=2024-06-30', 'to', 'not both'],
    // a size limit says what it counts (it said 'group: must be at least 1')
    ['/api/events?group=', 'group', 'group: must not be empty'],
  ])('400 %s names %s', async (url, parameter, words) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    const e = errorOf(res.body);
    expect(e.parameter).toBe(parameter);
    expect(e.message).toContain(words);
  });
  test('404 for an unknown symbol and an unknown group, naming it', async () => {
    const a = await get('/api/perf?symbols=AAPL,NOPE');
    expect(a.statusCode).toBe(404);
    expect(errorOf(a.body).message).toContain("'NOPE'");
    const b = await get('/api/perf?group=nogroup');
    expect(b.statusCode).toBe(404);
    expect(errorOf(b.body).message).toContain("'nogroup'");
  });
});

describe('error messages are in product terms (the web page shows them as they are)', () => {
  test.each([
    ['/api/perf?symbols=NOPE', 404, "unknown symbol 'NOPE'"],
    ['/api/series/NOPE', 404, "unknown symbol 'NOPE'"],
    ['/api/perf?group=nogroup', 404, "unknown group 'nogroup' (groups: "],
    ['/api/events?asOf=1990-01-02', 422, 'asOf: no bars stored on or before 1990-01-02'],
    ['/api/rates', 422, 'none of the rates DGS2, DGS10, DFF is stored'],
    ['/api/report?asOf=1990-01-02', 422, 'no universe symbol has data on or before 1990-01-02'],
  ])('%s: %i, no CLI option, command or store path', async (url, status, words) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    const { message } = errorOf(res.body);
    expect(message).toContain(words);
    expect(message).not.toMatch(/--[a-z]|marketdash |\.duckdb|:memory:/);
  });
});

describe('GET /api/series/:symbol', () => {
  test('200: columns of the stored bars, cut to the window', async () => {
    const res = await get('/api/series/msft?from=2024-12-23&to=2024-12-27');
    expect(res.statusCode).toBe(200);
    const s = res.json() as { symbol: string; dates: string[]; close: number[]; volume: number[] };
    expect(s.symbol).toBe('MSFT');
    expect(s.dates).toEqual(['2024-12-23', '2024-12-24', '2024-12-25', '2024-12-26', '2024-12-27']);
    const first = rowOn('2024-12-23');
    expect(s.close).toEqual([0, 1, 2, 3, 4].map((k) => testClose(1, first + k)));
    expect(s.volume[0]).toBe(1_000_000 + first);
  });
  test('indicators are computed on the history before the window (no fresh warm-up at its edge)', async () => {
    const res = await get('/api/series/AAPL?from=2024-12-30&ind=sma:3,bbands:5');
    const s = res.json() as {
      dates: string[];
      indicators: Record<string, (number | null)[]>;
      indicatorSpecs: unknown[];
    };
    expect(s.dates).toEqual(['2024-12-30', '2024-12-31']);
    expect(s.indicatorSpecs).toEqual([
      { spec: 'sma:3', kind: 'sma', columns: ['sma_3'] },
      { spec: 'bbands:5:2', kind: 'bbands', columns: ['bb_lower_5_2', 'bb_middle_5_2', 'bb_upper_5_2'] },
    ]);
    expect(Object.keys(s.indicators)).toEqual(['sma_3', 'bb_lower_5_2', 'bb_middle_5_2', 'bb_upper_5_2']);
    // SMA(3) on 2024-12-30 = mean of the closes of rows n-4, n-3, n-2 (by hand).
    expect(s.indicators.sma_3![0]).toBeCloseTo(
      (testClose(0, n - 4) + testClose(0, n - 3) + testClose(0, n - 2)) / 3,
      10,
    );
    expect(s.indicators.sma_3![1]).toBeCloseTo(
      (testClose(0, n - 3) + testClose(0, n - 2) + testClose(0, n - 1)) / 3,
      10,
    );
  });
  test('warm-up rows are null, not NaN or 0', async () => {
    const s = (await get('/api/series/AAPL?to=2021-01-06&ind=sma:3')).json() as {
      indicators: Record<string, (number | null)[]>;
    };
    expect(s.indicators.sma_3).toEqual([null, null, (testClose(0, 0) + testClose(0, 1) + testClose(0, 2)) / 3]);
  });
  test.each([
    ['/api/series/AAPL?ind=wiggle:3', 'ind', 'unknown indicator'],
    ['/api/series/AAPL?from=2024-05-01&to=2024-04-01', 'from', 'after'],
    ['/api/series/AAPL?from=2024-13-01', 'from', 'not a valid date'],
  ])('400 %s names %s', async (url, parameter, words) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body)).toMatchObject({ parameter });
    expect(errorOf(res.body).message).toContain(words);
  });
  test('empty columns say why in warnings: no bars in the range, with the stored span', async () => {
    const stored = 'stored: 2021-01-04 to 2024-12-31';
    for (const [url, why] of [
      ['/api/series/MSFT?from=2025-03-03', `MSFT has no bars from 2025-03-03 to the end (${stored})`],
      ['/api/series/MSFT?asOf=2020-06-01', `MSFT has no bars from the start to 2020-06-01 (${stored})`],
      [
        '/api/series/MSFT?from=2024-12-28&asOf=2024-12-29',
        `MSFT has no bars from 2024-12-28 to 2024-12-29 (${stored})`,
      ],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.json(), url).toMatchObject({ dates: [], close: [], warnings: [why] });
    }
  });
  test('a symbol stored without bars: empty columns, "no prices stored" (series, and sparklines in the header)', async () => {
    const other = await openTestApp();
    try {
      await other.store.upsertSymbols([{ ticker: 'ZBH', name: null, kind: 'stock', currency: 'USD' }]);
      const series = await other.app.inject({ method: 'GET', url: '/api/series/ZBH' });
      expect(series.json()).toMatchObject({ symbol: 'ZBH', dates: [], warnings: ['no prices stored for ZBH'] });
      const spark = await other.app.inject({ method: 'GET', url: '/api/sparklines?symbols=ZBH,AAPL&days=3' });
      expect(JSON.parse(String(spark.headers['x-marketdash-warnings']))).toEqual(['no prices stored for ZBH']);
    } finally {
      await other.close();
    }
  });
  test('404 for an unknown symbol', async () => {
    const res = await get('/api/series/ZZZZ');
    expect(res.statusCode).toBe(404);
    expect(errorOf(res.body)).toMatchObject({ kind: 'not_found' });
  });
});

describe('GET /api/sparklines', () => {
  test('200: the last N closes', async () => {
    const res = await get('/api/sparklines?symbols=AAPL,SPY&days=3');
    expect(res.statusCode).toBe(200);
    const [a, spy] = res.json() as { symbol: string; close: number[] }[];
    expect(a!.close).toEqual([n - 3, n - 2, n - 1].map((i) => testClose(0, i)));
    expect(spy!.symbol).toBe('SPY');
  });
  test('400 when days is out of range; 404 for an unknown symbol', async () => {
    expect(errorOf((await get('/api/sparklines?symbols=AAPL&days=1')).body)).toMatchObject({
      status: 400,
      parameter: 'days',
    });
    expect((await get('/api/sparklines?symbols=AAPL,NOPE')).statusCode).toBe(404);
  });
  test('a sparkline with no closes on or before asOf says why in the warnings header', async () => {
    const res = await get('/api/sparklines?symbols=AAPL&days=3&asOf=2020-06-01');
    expect(res.json()).toEqual([{ symbol: 'AAPL', dates: [], close: [] }]);
    expect(JSON.parse(String(res.headers['x-marketdash-warnings']))).toEqual([
      'AAPL has no bars from the start to 2020-06-01 (stored: 2021-01-04 to 2024-12-31)',
    ]);
  });
});

describe('GET /api/ratio', () => {
  test('200: last ratio value by hand, the series when asked, trend fields with trend=1', async () => {
    const res = await get('/api/ratio?a=AAPL&b=MSFT&series=1&trend=1');
    expect(res.statusCode).toBe(200);
    const r = res.json() as {
      numerator: string;
      last: number;
      asOf: string;
      series: { dates: string[]; values: number[] };
      trend: unknown;
      breakout: unknown;
    };
    expect(r).toMatchObject({ numerator: 'AAPL', denominator: 'MSFT', asOf: lastIso });
    expect(r.last).toBeCloseTo(testClose(0, n - 1) / testClose(1, n - 1), 12);
    expect(r.series.dates).toHaveLength(n);
    expect(r.series.values[10]).toBeCloseTo(testClose(0, 10) / testClose(1, 10), 12);
    expect(r).toHaveProperty('trend');
    expect(r).toHaveProperty('breakout');
  });
  test('without trend=1 there are no trend fields; from gives the window', async () => {
    const r = (await get('/api/ratio?a=AAPL&b=MSFT&from=2024-12-01')).json() as Record<string, unknown>;
    expect(r).not.toHaveProperty('trend');
    expect(r.window).toMatchObject({ from: '2024-11-29' });
  });
  test('400 names the missing b and a bad asOf', async () => {
    expect(errorOf((await get('/api/ratio?a=AAPL')).body)).toMatchObject({ status: 400, parameter: 'b' });
    expect(errorOf((await get('/api/ratio?a=AAPL&b=MSFT&asOf=2024-1-1')).body)).toMatchObject({
      status: 400,
      parameter: 'asOf',
    });
  });
  test('404 for an unknown numerator', async () => {
    expect((await get('/api/ratio?a=NOPE&b=MSFT')).statusCode).toBe(404);
  });
});

describe('GET /api/rotation', () => {
  test('200: the stored sector members against SPY', async () => {
    const res = await get('/api/rotation?group=sectors&benchmark=SPY&tail=4');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { symbol: string; quadrant: string; tail: unknown[] }[];
    expect(rows.map((r) => r.symbol).sort()).toEqual(['XLF', 'XLK']);
    for (const r of rows) {
      expect(['leading', 'weakening', 'lagging', 'improving']).toContain(r.quadrant);
      expect(r.tail.length).toBeLessThanOrEqual(4);
    }
  });
  test('members without an RS-Ratio for want of history: null figures and a warning saying why', async () => {
    // the store starts on 2021-01-04: four weeks later the weekly smoothing has nothing to work on yet
    const res = await get('/api/rotation?group=sectors&benchmark=SPY&asOf=2021-02-01');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { symbol: string; rsRatio: number | null }[];
    expect(rows.map((r) => r.rsRatio)).toEqual([null, null]);
    const warnings = JSON.parse(String(res.headers['x-marketdash-warnings'])) as string[];
    expect(warnings).toContain(
      'too little history for an RS-Ratio (weekly smoothing) as of 2021-02-01 (n/a): XLK, XLF (first stored day 2021-01-04)',
    );
    // none on the last day, with four years behind it
    const late = await get('/api/rotation?group=sectors&benchmark=SPY');
    expect(String(late.headers['x-marketdash-warnings'] ?? '')).not.toContain('too little history');
  });
  test('400 for tail=0 and a missing benchmark', async () => {
    expect(errorOf((await get('/api/rotation?group=sectors&benchmark=SPY&tail=0')).body)).toMatchObject({
      status: 400,
      parameter: 'tail',
    });
    expect(errorOf((await get('/api/rotation?group=sectors')).body)).toMatchObject({
      status: 400,
      parameter: 'benchmark',
    });
  });
  test('404 for an unknown group or benchmark', async () => {
    expect((await get('/api/rotation?group=nogroup&benchmark=SPY')).statusCode).toBe(404);
    expect((await get('/api/rotation?group=sectors&benchmark=NOPE')).statusCode).toBe(404);
  });
});

describe('GET /api/events', () => {
  test('200: an array of events dated on the as-of day', async () => {
    const res = await get('/api/events?asOf=2024-12-31');
    expect(res.statusCode).toBe(200);
    const events = res.json() as { type: string; symbol: string; date: string }[];
    expect(Array.isArray(events)).toBe(true);
    for (const e of events) expect(e.date <= '2024-12-31').toBe(true);
  });
  test('400 for a bad date; 404 for an unknown group', async () => {
    expect(errorOf((await get('/api/events?asOf=31-12-2024')).body)).toMatchObject({ status: 400, parameter: 'asOf' });
    expect((await get('/api/events?group=nogroup')).statusCode).toBe(404);
  });
});

describe('POST /api/check', () => {
  const post = (payload: unknown, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/check',
      headers: { 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  test('200: a true return claim is supported, an altered one contradicted (JSON and text/plain bodies)', async () => {
    const ytd = testClose(0, n - 1) / testClose(0, rowOn('2023-12-31')) - 1;
    const right = `Apple is up ${(ytd * 100).toFixed(2)}% year to date.`;
    const res = await post({ text: right, asOf: '2024-12-31' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { asOf: string; claims: { verdict: string; symbol: string; actual: number }[] };
    expect(body.asOf).toBe('2024-12-31');
    expect(body.claims[0]).toMatchObject({ verdict: 'supported', symbol: 'AAPL' });
    expect(body.claims[0]!.actual).toBeCloseTo(ytd, 12);
    const wrong = await post(`Apple is up ${(ytd * 100 + 3).toFixed(2)}% year to date.`, 'text/plain');
    expect(wrong.statusCode).toBe(200);
    expect((wrong.json() as { claims: { verdict: string }[] }).claims[0]!.verdict).toBe('contradicted');
  });
  test('415 for a body type the API does not read says which ones it does', async () => {
    const res = await post('Date,Close\n', 'text/csv');
    expect(res.statusCode).toBe(415);
    expect(errorOf(res.body)).toEqual({
      status: 415,
      kind: 'usage',
      message: 'unsupported Content-Type: the API reads application/json bodies (POST /api/check text/plain too)',
    });
  });
  test('400 for empty text and for an unknown field', async () => {
    expect(errorOf((await post({ text: '  ' })).body)).toMatchObject({ status: 400, parameter: 'text' });
    expect((await post({ text: 'x', colour: 'red' })).statusCode).toBe(400);
  });
  test.each([
    [{ text: 5 }, 'text', 'text: must be a string, not a number'],
    [{ text: 'x', asOf: 20241231 }, 'asOf', 'asOf: must be a string, not a number'],
    [{ text: 'x', undatedAsOf: true }, 'undatedAsOf', 'undatedAsOf: must be a string, not a boolean'],
    [{ text: 'x', tolerance: '0.01' }, 'tolerance', 'tolerance: must be a number, not a string'],
    [{ text: 'x', tolerance: 2 }, 'tolerance', 'tolerance: must be at most 0.5'],
    [{ text: 'x', asOf: '2024-1-1' }, 'asOf', 'asOf: must be a date YYYY-MM-DD'],
    [{}, 'text', 'text: required'],
    [[1], undefined, 'body: must be an object or a string, not an array'],
    [null, undefined, 'body: must be an object or a string, not null'],
  ])('400 for the body %j names the field and the type it must have', async (payload, parameter, message) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    const error = errorOf(res.body);
    expect(error).toEqual({ status: 400, kind: 'usage', message, ...(parameter ? { parameter } : {}) });
  });
  test('413 for a body over 256 KB', async () => {
    const res = await post({ text: 'a'.repeat(300 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res.body).kind).toBe('too_large');
  });
  test('an unverifiable breadth claim is said in product words: no command, no option, no cliHints field', async () => {
    const res = await post({
      text: 'On Dec 31, 2024, S&P 600 members: 62% closed above their 200-day moving average.',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { claims: { verdict: string; reason: string }[] } & Record<string, unknown>;
    expect(body.claims[0]).toMatchObject({ verdict: 'unverifiable' });
    expect(body.claims[0]!.reason).toContain("(it needs the group's member list and the members' closes)");
    expect(res.body).not.toMatch(/marketdash |--[a-z]/);
    expect(Object.keys(body)).not.toContain('cliHints');
  });
  test('405 for GET on the check route, which answers POST', async () => {
    const res = await get('/api/check');
    expect([res.statusCode, res.headers.allow]).toEqual([405, 'POST']);
  });
});

describe('GET /api/openapi.json', () => {
  test('documents every endpoint', async () => {
    const doc = (await get('/api/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/health',
      '/api/symbols',
      '/api/perf',
      '/api/series/{symbol}',
      '/api/ratio',
      '/api/rotation',
      '/api/events',
      '/api/check',
      '/api/update',
      '/api/alerts/rules',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});

describe('GET /api/report', () => {
  test('200: JSON with every figure carrying its provenance', async () => {
    const res = await get('/api/report?asOf=2024-12-31');
    expect(res.statusCode).toBe(200);
    const note = res.json() as {
      asOf: string;
      headline: string;
      figures: { id: string; metric: string; symbols: string[]; dates: string[]; value: unknown; formula: string }[];
    };
    expect(note.asOf).toBe('2024-12-31');
    expect(note.headline.length).toBeGreaterThan(10);
    expect(note.figures.length).toBeGreaterThan(0);
    for (const f of note.figures) {
      expect(f.symbols.length).toBeGreaterThan(0);
      expect(f.formula.length).toBeGreaterThan(0);
    }
  });
  test('200: HTML links figures, Markdown is text', async () => {
    const html = await get('/api/report?format=html');
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toMatch(/<a class="fig" href="#fig-/);
    const md = await get('/api/report?format=md');
    expect(md.headers['content-type']).toContain('text/markdown');
  });
  test('400 for an unknown format, naming it', async () => {
    const res = await get('/api/report?format=pdf');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body)).toMatchObject({ parameter: 'format' });
    expect(errorOf(res.body).message).toContain('json, md, html');
  });
  test('404 for a route below it', async () => {
    expect((await get('/api/report/latest')).statusCode).toBe(404);
  });
});

describe('asOf past the last stored bar (2024-12-31): the last day is used and the answer says so', () => {
  const past = '2025-03-03';
  const message = `data ends ${lastIso}; figures are as of that day (asked for ${past})`;
  const headerWarnings = (res: { headers: Record<string, unknown> }) =>
    JSON.parse(String(res.headers['x-marketdash-warnings'] ?? '[]')) as string[];

  test('array answers (perf, sparklines, rotation, events) keep their shape and carry the warning in a header', async () => {
    for (const url of [
      `/api/perf?symbols=AAPL,MSFT&asOf=${past}`,
      `/api/sparklines?symbols=AAPL&days=5&asOf=${past}`,
      `/api/rotation?group=sectors&benchmark=SPY&asOf=${past}`,
      `/api/events?asOf=${past}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(Array.isArray(res.json()), url).toBe(true);
      expect(headerWarnings(res), url).toContain(message);
    }
    const perf = (await get(`/api/perf?symbols=AAPL&asOf=${past}`)).json() as { asOf: string }[];
    expect(perf[0]!.asOf).toBe(lastIso);
    const spark = (await get(`/api/sparklines?symbols=AAPL&days=5&asOf=${past}`)).json() as { dates: string[] }[];
    expect(spark[0]!.dates[4]).toBe(lastIso);
  });

  test('object answers (ratio, series, check) carry a warnings array; the report a header', async () => {
    const ratio = await get(`/api/ratio?a=AAPL&b=MSFT&asOf=${past}`);
    expect(ratio.json()).toMatchObject({ asOf: lastIso, warnings: [message] });
    const series = await get(`/api/series/AAPL?from=2024-12-20&to=${past}`);
    const body = series.json() as { dates: string[]; warnings: string[] };
    expect(body.dates[body.dates.length - 1]).toBe(lastIso);
    expect(body.warnings).toEqual([message]);
    const check = await t.app.inject({
      method: 'POST',
      url: '/api/check',
      payload: { text: 'Apple rose 1% today.', asOf: past },
    });
    expect((check.json() as { warnings: string[] }).warnings).toContain(message);
    const report = await get(`/api/report?format=md&asOf=${past}`);
    expect(headerWarnings(report)).toEqual([message]);
  });

  test('within the data there is no warning: none on objects, no header on arrays', async () => {
    const ratio = await get('/api/ratio?a=AAPL&b=MSFT&asOf=2024-06-28');
    expect((ratio.json() as { warnings?: unknown[] }).warnings ?? []).toEqual([]);
    const perf = await get('/api/perf?symbols=AAPL&asOf=2024-06-28');
    expect(perf.headers['x-marketdash-warnings']).toBeUndefined();
  });
});
