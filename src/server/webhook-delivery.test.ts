/**
 * Webhook delivery against a real HTTP server on 127.0.0.1: the Standard Webhooks signature is checked
 * with an independent HMAC-SHA256 computation over "id.timestamp.body" as received, and with the
 * `standardwebhooks` verifier a receiver would run; retries follow the answers and their Retry-After.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterEach, describe, expect, test } from 'vitest';
import { FakeClock } from '../../test/support/fake-clock.js';
import { deliverWebhook, signedHeaders, webhookSigner } from './webhook-delivery.js';
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

/** A receiver answering with the given statuses in turn (the last one repeats), with a Retry-After if given. */
async function receiver(statuses: number[], retryAfter?: string): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      if (retryAfter !== undefined && res.statusCode >= 400) res.setHeader('retry-after', retryAfter);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, received };
}

const local = new Set(['127.0.0.1']);
/** Delivery options with a clock at the real time (so a receiver's verifier accepts the timestamp) that never waits. */
const instant = (extra: { retries?: number } = {}) => ({
  clock: new FakeClock(Date.now()),
  allowHosts: local,
  retry: { retries: extra.retries ?? 4, baseDelayMs: 100, maxDelayMs: 1000 },
});
const noSleep = instant();
const headersOf = (got: Received) => got.headers as Record<string, string>;

describe('deliverWebhook', () => {
  test('POSTs the JSON payload signed as Standard Webhooks: HMAC-SHA256 of id.timestamp.body', async () => {
    const r = await receiver([200]);
    const payload = {
      key: 'k1',
      message: 'IWM: new all-time closing high on 2025-12-11',
      event: { type: 'new_ath', symbol: 'IWM', date: '2025-12-11' },
    };
    const out = await deliverWebhook({ url: r.url, secret: 's3cret' }, payload, instant());
    expect(out).toMatchObject({ delivered: true, attempts: 1, status: 200, error: null });
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    expect(JSON.parse(got.body)).toEqual(payload);
    expect(got.headers['content-type']).toBe('application/json');
    const id = got.headers['webhook-id'];
    const timestamp = got.headers['webhook-timestamp'];
    expect(id).toBe(out.deliveryId);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac('sha256', 's3cret').update(`${id}.${timestamp}.${got.body}`).digest('base64');
    expect(got.headers['webhook-signature']).toBe(`v1,${expected}`);
    // what a receiver runs: the standardwebhooks verifier with the same secret
    expect(webhookSigner('s3cret').verify(got.body, headersOf(got))).toEqual(payload);
  });

  test('a whsec_ secret is the Standard Webhooks base64 key; the signature matches a value computed by hand', () => {
    // printf 'msg_1.1700000000.{"a":1}' | openssl dgst -sha256 -hmac key -binary | base64
    const byHand = createHmac('sha256', 'key').update('msg_1.1700000000.{"a":1}').digest('base64');
    const raw = signedHeaders(webhookSigner('key'), 'msg_1', 1_700_000_000_123, '{"a":1}');
    const whsec = signedHeaders(
      webhookSigner(`whsec_${Buffer.from('key').toString('base64')}`),
      'msg_1',
      1_700_000_000_000,
      '{"a":1}',
    );
    expect(raw).toEqual({
      'webhook-id': 'msg_1',
      'webhook-timestamp': '1700000000',
      'webhook-signature': `v1,${byHand}`,
    });
    expect(whsec).toEqual(raw);
  });

  test('a captured delivery replayed later fails verification: the timestamp is too old, and cannot be changed', async () => {
    const r = await receiver([200]);
    // delivered (and captured) ten minutes ago; the verifier's tolerance is five minutes
    const tenMinutesAgo = { ...instant(), clock: new FakeClock(Date.now() - 10 * 60_000) };
    await deliverWebhook({ url: r.url, secret: 's3cret' }, { x: 1 }, tenMinutesAgo);
    const captured = r.received[0]!;
    const verifier = new Webhook(new TextEncoder().encode('s3cret'), { format: 'raw' });
    expect(() => verifier.verify(captured.body, headersOf(captured))).toThrow(/timestamp too old/);
    // the replayer cannot freshen the timestamp: the signature covers it
    const freshened = { ...headersOf(captured), 'webhook-timestamp': String(Math.floor(Date.now() / 1000)) };
    expect(() => verifier.verify(captured.body, freshened)).toThrow(WebhookVerificationError);
    expect(() => verifier.verify(captured.body, freshened)).toThrow(/No matching signature/);
  });

  test('retries 5xx and 429 with doubling delays, each attempt signed afresh, then succeeds', async () => {
    const r = await receiver([500, 429, 200]);
    const options = instant();
    const out = await deliverWebhook({ url: r.url, secret: 's3cret' }, { x: 1 }, options);
    expect(out).toMatchObject({ delivered: true, attempts: 3, status: 200 });
    expect(r.received).toHaveLength(3);
    // equal jitter with random 0.5: 100 -> 75, 200 -> 150
    expect(options.clock.sleeps).toEqual([75, 150]);
    // Every attempt carries the same webhook-id, so the receiver can de-duplicate.
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(1);
    for (const got of r.received) expect(() => webhookSigner('s3cret').verify(got.body, headersOf(got))).not.toThrow();
  });

  test("waits as long as the receiver's Retry-After asks", async () => {
    const r = await receiver([503, 200], '2');
    const options = instant();
    const out = await deliverWebhook({ url: r.url }, { x: 1 }, options);
    expect(out).toMatchObject({ delivered: true, attempts: 2 });
    expect(options.clock.sleeps).toEqual([2000]);
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
    const out = await deliverWebhook({ url: r.url }, { x: 1 }, { ...instant({ retries: 2 }), timeoutMs: 2000 });
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
    const out = await deliverWebhook({ url: r.url }, { x: 1 }, { ...noSleep, allowHosts: new Set() });
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
      { ...noSleep, allowHosts: new Set() },
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
