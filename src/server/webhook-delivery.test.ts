/**
 * Webhook delivery against a real HTTP server on 127.0.0.1: the signature is checked with an
 * independent HMAC-SHA256 computation over the raw body received; retries follow the answers.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { DELIVERY_HEADER, deliverWebhook, SIGNATURE_HEADER, signBody } from './webhook-delivery.js';
import { webhookUrlProblem } from './webhook-target-guard.js';

interface Received {
  readonly body: string;
  readonly headers: IncomingMessage['headers'];
}

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

/** A receiver answering with the given statuses in turn (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, received };
}

const noSleep = { sleep: async () => undefined, allowHosts: new Set(['127.0.0.1']) };

describe('deliverWebhook', () => {
  test('POSTs the JSON payload signed with HMAC-SHA256 of the exact body', async () => {
    const r = await receiver([200]);
    const payload = {
      key: 'k1',
      message: 'IWM: new all-time closing high on 2025-12-11',
      event: { type: 'new_ath', symbol: 'IWM', date: '2025-12-11' },
    };
    const out = await deliverWebhook({ url: r.url, secret: 's3cret' }, payload, noSleep);
    expect(out).toMatchObject({ delivered: true, attempts: 1, status: 200, error: null });
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    expect(JSON.parse(got.body)).toEqual(payload);
    expect(got.headers['content-type']).toBe('application/json');
    const expected = `sha256=${createHmac('sha256', 's3cret').update(got.body).digest('hex')}`;
    expect(got.headers[SIGNATURE_HEADER]).toBe(expected);
    expect(got.headers[DELIVERY_HEADER]).toBe(out.deliveryId);
  });

  test('the signature of a known body matches a value computed by hand with openssl', () => {
    // printf '{"a":1}' | openssl dgst -sha256 -hmac key  ->  (hex below)
    expect(signBody('{"a":1}', 'key')).toBe('sha256=88a67f24bbcdaed0e6c997404bb79a743baf44c6bab2f4c27328e3009d22e342');
  });

  test('retries 5xx and 429 with doubling delays, then succeeds', async () => {
    const r = await receiver([500, 429, 200]);
    const delays: number[] = [];
    const out = await deliverWebhook(
      { url: r.url },
      { x: 1 },
      { baseDelayMs: 100, sleep: async (ms) => void delays.push(ms), allowHosts: noSleep.allowHosts },
    );
    expect(out).toMatchObject({ delivered: true, attempts: 3, status: 200 });
    expect(r.received).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(100);
    expect(delays[0]).toBeLessThanOrEqual(120);
    expect(delays[1]).toBeGreaterThanOrEqual(200);
    expect(delays[1]).toBeLessThanOrEqual(240);
    // Every attempt carries the same delivery id, so the receiver can de-duplicate.
    expect(new Set(r.received.map((x) => x.headers[DELIVERY_HEADER])).size).toBe(1);
  });

  test('a 4xx other than 408/429 is final: no retry', async () => {
    const r = await receiver([400]);
    const out = await deliverWebhook({ url: r.url }, { x: 1 }, noSleep);
    expect(out).toMatchObject({ delivered: false, attempts: 1, status: 400, error: 'HTTP 400' });
  });

  test('an unreachable receiver is retried up to the attempt limit, then reported', async () => {
    const r = await receiver([200]);
    await new Promise<void>((res) => server!.close(() => res()));
    server = null;
    const out = await deliverWebhook(
      { url: r.url },
      { x: 1 },
      { attempts: 3, sleep: async () => undefined, timeoutMs: 2000, allowHosts: noSleep.allowHosts },
    );
    expect(out.delivered).toBe(false);
    expect(out.attempts).toBe(3);
    expect(out.status).toBeNull();
    expect(out.error).toBeTruthy();
  });
});

describe('the webhook address guard (issue 17 item 11)', () => {
  test.each([
    ['file:///etc/passwd', 'scheme file: is not allowed'],
    ['gopher://127.0.0.1:70/', 'scheme gopher: is not allowed'],
    ['javascript:alert(1)', 'scheme javascript: is not allowed'],
    ['http://169.254.169.254/latest/meta-data/', 'address 169.254.169.254 is private'],
    ['http://127.0.0.1:9/', 'address 127.0.0.1 is private'],
    ['http://10.1.2.3/', 'address 10.1.2.3 is private'],
    ['http://[::1]/', 'address ::1 is private'],
    ['http://[::ffff:127.0.0.1]/', 'is private'],
    ['http://localhost:8080/', 'host localhost is this machine'],
  ])('%s is refused before any request', (url, problem) => {
    expect(webhookUrlProblem(url, new Set())).toContain(problem);
  });

  test('public addresses pass, and an allowed host is exempt', () => {
    expect(webhookUrlProblem('https://hooks.example.com/x', new Set())).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:9/', new Set(['127.0.0.1']))).toBeNull();
  });

  test('a delivery to a private address is not attempted, even with a real receiver listening there', async () => {
    const r = await receiver([200]);
    const out = await deliverWebhook({ url: r.url }, { x: 1 }, { sleep: async () => undefined, allowHosts: new Set() });
    expect(out).toMatchObject({ delivered: false, attempts: 0, status: null });
    expect(out.error).toContain('is private');
    expect(r.received).toHaveLength(0);
  });

  test('a name resolving to a private address is refused at connection time (no rebinding gap)', async () => {
    const r = await receiver([200]);
    const port = new URL(r.url).port;
    // `localtest.me`-style names are not guaranteed offline; `localhost.` (trailing dot) resolves via the hosts file
    const out = await deliverWebhook(
      { url: `http://localhost.:${port}/hook` },
      { x: 1 },
      { sleep: async () => undefined, allowHosts: new Set() },
    );
    expect(out.delivered).toBe(false);
    expect(r.received).toHaveLength(0);
  });

  test('a redirect is not followed', async () => {
    const r = await receiver([302]);
    const out = await deliverWebhook({ url: r.url }, { x: 1 }, noSleep);
    expect(out).toMatchObject({ delivered: false, status: 302, error: 'HTTP 302 (redirects are not followed)' });
  });
});
