/**
 * The server's guards: security headers, per-client rate limits (generous on loopback), bearer
 * tokens for endpoints that change state when the server listens beyond loopback, no stack trace in
 * any error, the demo label, and a cache that serves repeats and notices new data.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { closeOnlySeries } from '../../src/domain/price-series.js';
import { parseIsoDate } from '../../src/domain/trading-date.js';
import { buildApp } from '../../src/server/build-app.js';
import type { PriceStore } from '../../src/store/price-store.js';
import { errorOf, openTestApp, type TestApp } from './api-app.js';
import { testConfig, testDays, testSeries } from './api-test-store.js';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('headers and limits', () => {
  test('standard security headers are set', async () => {
    t = await openTestApp();
    const res = await t.app.inject('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  test('a remote client is rate-limited; loopback gets the generous limit', async () => {
    t = await openTestApp({ rateLimit: { max: 2, loopbackMax: 1000 } });
    const remote = () => t!.app.inject({ url: '/api/health', remoteAddress: '203.0.113.9' });
    expect((await remote()).statusCode).toBe(200);
    expect((await remote()).statusCode).toBe(200);
    const third = await remote();
    expect(third.statusCode).toBe(429);
    expect(errorOf(third.body).kind).toBe('rate_limited');
    for (let i = 0; i < 5; i++)
      expect((await t.app.inject({ url: '/api/health', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
  });
});

describe('state-changing endpoints', () => {
  const update = async () => ({ updated: ['AAPL'] });
  const TOKEN = 'a-long-enough-test-token';

  test('on loopback without a token, POST /api/update runs', async () => {
    t = await openTestApp({ host: '127.0.0.1', update });
    const res = await t.app.inject({ method: 'POST', url: '/api/update', headers: { 'x-marketdash-client': 'test' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: { updated: ['AAPL'] } });
  });

  test('beyond loopback without a configured token, changes are refused (401)', async () => {
    t = await openTestApp({ host: '0.0.0.0', update });
    const res = await t.app.inject({ method: 'POST', url: '/api/update', headers: { 'x-marketdash-client': 'test' } });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res.body).message).toContain('--token');
  });

  test('beyond loopback with a token: wrong or missing bearer is 401, the right one passes; reads stay open', async () => {
    t = await openTestApp({ host: '0.0.0.0', token: TOKEN, update });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/update', headers: { 'x-marketdash-client': 'test' } }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/update',
          headers: { authorization: 'Bearer wrong-token-of-some-length', 'x-marketdash-client': 'test' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/update',
          headers: { authorization: `Bearer ${TOKEN}`, 'x-marketdash-client': 'test' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await t.app.inject('/api/perf?symbols=AAPL')).statusCode).toBe(200);
    const put = await t.app.inject({ method: 'PUT', url: '/api/alerts/rules', payload: { rules: [] } });
    expect(put.statusCode).toBe(401);
  });

  test('without an update job POST /api/update is 409', async () => {
    t = await openTestApp();
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/update', headers: { 'x-marketdash-client': 'test' } }))
        .statusCode,
    ).toBe(409);
  });
});

describe('errors never carry a stack trace', () => {
  test('a failing store is a 500 with a plain message', async () => {
    const broken = {
      backend: 'duckdb',
      location: 'broken',
      dataVersion: async () => '1',
      listSymbols: async () => {
        throw new Error('disk on fire at /secret/path');
      },
    } as unknown as PriceStore;
    const app = await buildApp({ store: broken, config: testConfig(), webRoot: null });
    const res = await app.inject('/api/symbols');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { status: 500, kind: 'internal', message: 'internal error' } });
    expect(res.body).not.toContain('disk on fire');
    await app.close();
  });
  test('malformed JSON is a 400 without internals', async () => {
    t = await openTestApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/check',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/\n\s+at /);
  });
});

describe('demo label and cache', () => {
  test('demo data is labelled on every response and in health', async () => {
    t = await openTestApp({}, 'demo');
    const res = await t.app.inject('/api/perf?symbols=AAPL');
    expect(res.headers['x-marketdash-source']).toBe('demo');
    expect((await t.app.inject('/api/health')).json()).toMatchObject({ demo: true });
  });
  test('a demo store with some real bars imported is still labelled, as the CLI labels it (docs/store-and-cli.md)', async () => {
    t = await openTestApp({}, 'demo');
    await t.store.writeBars([{ series: closeOnlySeries('REAL', [parseIsoDate('2024-12-31')], [10]), source: 'csv' }]);
    expect((await t.app.inject('/api/perf?symbols=AAPL')).headers['x-marketdash-source']).toBe('demo');
    expect((await t.app.inject('/api/health')).json()).toMatchObject({ demo: true });
  });
  test('real data carries no demo label', async () => {
    t = await openTestApp();
    expect((await t.app.inject('/api/perf?symbols=AAPL')).headers['x-marketdash-source']).toBeUndefined();
  });
  test('a repeat is served from the cache; new data in the store is seen on the next request', async () => {
    t = await openTestApp({ versionTtlMs: 0 });
    const first = (await t.app.inject('/api/perf?symbols=MSFT')).json() as { close: number }[];
    const again = (await t.app.inject('/api/perf?symbols=MSFT')).json() as { close: number }[];
    expect(again).toEqual(first);
    // Rewrite MSFT with every close doubled: a new data version, a new answer.
    const s = testSeries('MSFT', 1, testDays());
    for (let i = 0; i < s.close.length; i++) {
      s.close[i] = s.close[i]! * 2;
      s.adjClose[i] = s.adjClose[i]! * 2;
      s.open[i] = s.open[i]! * 2;
      s.high[i] = s.high[i]! * 2;
      s.low[i] = s.low[i]! * 2;
    }
    await t.store.writeBars([{ series: s, source: 'csv' }]);
    const after = (await t.app.inject('/api/perf?symbols=MSFT')).json() as { close: number }[];
    expect(after[0]!.close).toBeCloseTo(first[0]!.close * 2, 9);
  });
});

describe('alert rules over the API', () => {
  test('PUT /api/alerts/rules with the token replaces the running rules; a bad rule is a 400 naming it', async () => {
    const { AlertCenter } = await import('../../src/server/alert-center.js');
    const { EventFeed } = await import('../../src/server/event-feed.js');
    const feed = new EventFeed();
    const alerts = new AlertCenter({ rules: [], feed, ledgerPath: null });
    const TOKEN = 'another-long-test-token';
    t = await openTestApp({ host: '0.0.0.0', token: TOKEN, alerts, feed });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/alerts/rules',
      headers: auth,
      payload: { rules: [{ type: 'vix_lowest_since', months: 6 }] },
    });
    expect(ok.statusCode).toBe(200);
    expect(((await t.app.inject('/api/alerts')).json() as { rules: { id: string }[] }).rules.map((r) => r.id)).toEqual([
      'vix_lowest_since:6m',
    ]);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/alerts/rules',
      headers: auth,
      payload: { rules: [{ type: 'vix_lowest_since', months: -1 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body)).toMatchObject({ parameter: 'rules' });
    // named as the body names it (it said 'request body: alerts[0].months')
    expect(errorOf(bad.body).message).toMatch(/^rules\[0\]\.months: /);
    const notAList = await t.app.inject({
      method: 'PUT',
      url: '/api/alerts/rules',
      headers: auth,
      payload: { rules: { type: 'vix_lowest_since' } },
    });
    expect(errorOf(notAList.body)).toEqual({
      status: 400,
      kind: 'usage',
      message: 'rules: must be an array, not an object',
      parameter: 'rules',
    });
    const notARule = await t.app.inject({
      method: 'PUT',
      url: '/api/alerts/rules',
      headers: auth,
      payload: { rules: ['vix_lowest_since'] },
    });
    expect(errorOf(notARule.body)).toMatchObject({ message: 'rules[0]: must be an object, not a string' });
    const tooMany = await t.app.inject({
      method: 'PUT',
      url: '/api/alerts/rules',
      headers: auth,
      payload: { rules: Array.from({ length: 201 }, () => ({ type: 'vix_lowest_since', months: 6 })) },
    });
    expect(errorOf(tooMany.body)).toMatchObject({ message: 'rules: must be at most 200 items', parameter: 'rules' });
  });
});

describe('the web app', () => {
  test('index.html is revalidated on every load, hashed assets are cached for good', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = mkdtempSync(join(tmpdir(), 'md-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>MarketDash</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    t = await openTestApp({ webRoot: root });
    const index = await t.app.inject('/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>MarketDash</title>');
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await t.app.inject('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await t.app.inject('/missing.js')).statusCode).toBe(404);
  });
  test('without a built app, / says how to build it', async () => {
    t = await openTestApp({ webRoot: null });
    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build');
  });
});

describe('the server edges (issue 17 items 10, 12-14)', () => {
  let t: Awaited<ReturnType<typeof openTestApp>> | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  test('a Host header that is not the loopback is refused on a loopback server (DNS rebinding), in the error shape', async () => {
    t = await openTestApp({});
    const res = await t.app.inject({ url: '/api/health', headers: { host: 'evil.example:8080' } });
    expect(res.statusCode).toBe(421);
    expect(res.json()).toEqual({
      error: {
        status: 421,
        kind: 'usage',
        message: "this server does not answer for host 'evil.example' (not one of its allowed hosts)",
      },
    });
    for (const host of ['localhost:4000', '127.0.0.1', '[::1]:4000'])
      expect((await t.app.inject({ url: '/api/health', headers: { host } })).statusCode).toBe(200);
  });

  test('a configured name is allowed', async () => {
    t = await openTestApp({ allowedHosts: ['dash.example.org'] });
    expect((await t.app.inject({ url: '/api/health', headers: { host: 'dash.example.org' } })).statusCode).toBe(200);
  });

  test('a cross-site "simple" POST (no JSON type, no client header) cannot trigger an update', async () => {
    let ran = 0;
    t = await openTestApp({ update: async () => ran++ });
    for (const headers of [
      {},
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/update', headers, payload: 'a=1' });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.kind).toBe('usage');
    }
    expect(ran).toBe(0);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/alerts/rules',
      headers: { 'content-type': 'text/plain' },
      payload: '{}',
    });
    expect(put.statusCode).toBe(415);
  });

  test('/api/health shows where the store lives only to the token holder', async () => {
    const TOKEN = 'a-token-long-enough-to-be-a-secret';
    t = await openTestApp({ token: TOKEN });
    const open = (await t.app.inject('/api/health')).json();
    expect(open).not.toHaveProperty('location');
    const withToken = (
      await t.app.inject({ url: '/api/health', headers: { authorization: `Bearer ${TOKEN}` } })
    ).json();
    expect(typeof withToken.location).toBe('string');
  });

  test('unknown routes and methods, anywhere, answer in the one error shape', async () => {
    t = await openTestApp({});
    for (const [method, url, status, kind] of [
      ['GET', '/no/such/page', 404, 'not_found'],
      ['DELETE', '/api/health', 405, 'usage'],
      ['GET', '/api/nothing', 404, 'not_found'],
      ['PATCH', '/', 404, 'not_found'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { 'x-marketdash-client': 'test' } });
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      const body = res.json();
      expect(body.error).toMatchObject({ status, kind });
      expect(typeof body.error.message).toBe('string');
    }
  });

  test('a malformed URL answers in the error shape', async () => {
    t = await openTestApp({});
    const res = await t.app.inject({ url: '/api/perf?symbols=%E0%A4%A' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.status).toBe(res.statusCode);
  });

  test('live-feed connections are capped per client (429) and in total (503), in the error shape', async () => {
    t = await openTestApp({ feedLimits: { perClient: 0, total: 10 } });
    const res = await t.app.inject({ url: '/api/feed' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({ status: 429, kind: 'rate_limited' });
    await t.close();
    t = await openTestApp({ feedLimits: { perClient: 5, total: 0 } });
    const full = await t.app.inject({ url: '/api/feed' });
    expect(full.statusCode).toBe(503);
    expect(full.json().error).toMatchObject({ status: 503, kind: 'unavailable' });
  });
});

test('headers too large (431) and a garbled request line answer in the error shape on a real socket', async () => {
  const t = await openTestApp({});
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const { connect } = await import('node:net');
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(text));
        let out = '';
        socket.on('data', (d) => {
          out += d.toString('latin1');
        });
        socket.on('end', () => resolve(out));
        socket.on('error', reject);
      });
    const big = await raw(`GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`);
    expect(big.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { status: 431, kind: 'usage', message: 'request headers are too large' },
    });
    const garbled = await raw('GARBAGE\r\n\r\n');
    expect(JSON.parse(garbled.slice(garbled.indexOf('\r\n\r\n') + 4)).error.status).toBe(400);
  } finally {
    await t.close();
  }
});
