/**
 * The server's guards: security headers, per-client rate limits (generous on loopback), bearer
 * tokens for endpoints that change state when the server listens beyond loopback, no stack trace in
 * any error, the demo label, and a cache that serves repeats and notices new data.
 */
import { afterEach, describe, expect, test } from 'vitest';
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
    const res = await t.app.inject({ method: 'POST', url: '/api/update' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: { updated: ['AAPL'] } });
  });

  test('beyond loopback without a configured token, changes are refused (401)', async () => {
    t = await openTestApp({ host: '0.0.0.0', update });
    const res = await t.app.inject({ method: 'POST', url: '/api/update' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res.body).message).toContain('--token');
  });

  test('beyond loopback with a token: wrong or missing bearer is 401, the right one passes; reads stay open', async () => {
    t = await openTestApp({ host: '0.0.0.0', token: TOKEN, update });
    expect((await t.app.inject({ method: 'POST', url: '/api/update' })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/update',
          headers: { authorization: 'Bearer wrong-token-of-some-length' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/update', headers: { authorization: `Bearer ${TOKEN}` } }))
        .statusCode,
    ).toBe(200);
    expect((await t.app.inject('/api/perf?symbols=AAPL')).statusCode).toBe(200);
    const put = await t.app.inject({ method: 'PUT', url: '/api/alerts/rules', payload: { rules: [] } });
    expect(put.statusCode).toBe(401);
  });

  test('without an update job POST /api/update is 409', async () => {
    t = await openTestApp();
    expect((await t.app.inject({ method: 'POST', url: '/api/update' })).statusCode).toBe(409);
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
    expect(errorOf(bad.body).message).toContain('alerts[0].months');
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
