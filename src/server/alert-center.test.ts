/**
 * Alerts are delivered once each: to the feed when first seen, to the webhook (a real HTTP receiver
 * on 127.0.0.1) until it accepts; the ledger file keeps that across restarts.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { FakeClock } from '../../test/support/fake-clock.js';
import { AlertCenter } from './alert-center.js';
import { parseAlertRules } from './alert-rules.js';
import { EventFeed } from './event-feed.js';

// the test receivers listen on 127.0.0.1, which the webhook guard refuses unless allowed
process.env.MARKETDASH_WEBHOOK_ALLOW_HOSTS = '127.0.0.1';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

/** A delivery as received: the body, the Standard Webhooks signed content (id.timestamp.body) and signature. */
interface Delivered {
  readonly body: string;
  readonly signed: string;
  readonly signature: string | undefined;
}

async function receiver(statuses: number[]): Promise<{ url: string; bodies: Delivered[] }> {
  const bodies: Delivered[] = [];
  let n = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const h = req.headers as Record<string, string>;
      bodies.push({
        body,
        signed: `${h['webhook-id']}.${h['webhook-timestamp']}.${body}`,
        signature: h['webhook-signature'],
      });
      res.statusCode = statuses[Math.min(n++, statuses.length - 1)]!;
      res.end();
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, bodies };
}

const events = [
  { type: 'new_ath', symbol: 'IWM', date: '2025-12-11', close: 251.3 },
  { type: 'new_ath', symbol: 'SPY', date: '2025-12-11', close: 690.1 },
  { type: 'lowest_since', symbol: '^VIX', date: '2025-12-11', since: '2025-01-24' },
];

test('each alert goes out once, signed, and a restart with the same ledger sends nothing again', async () => {
  const r = await receiver([200]);
  const ledgerPath = join(mkdtempSync(join(tmpdir(), 'md-alerts-')), 'ledger.json');
  const rules = parseAlertRules([
    { type: 'new_ath', symbols: ['IWM'], webhook: r.url },
    { type: 'vix_lowest_since', months: 6, webhook: r.url },
  ]);
  const feed = new EventFeed();
  const center = new AlertCenter({ rules, feed, ledgerPath, secret: 'k', delivery: { clock: new FakeClock() } });
  const first = await center.process(events);
  expect(first.fired.map((a) => a.event.symbol)).toEqual(['IWM', '^VIX']);
  expect(first.deliveries.every((d) => d.delivered)).toBe(true);
  expect(r.bodies).toHaveLength(2);
  for (const b of r.bodies)
    expect(b.signature).toBe(`v1,${createHmac('sha256', 'k').update(b.signed).digest('base64')}`);
  expect(feed.recent().map((m) => m.type)).toEqual(['alert', 'alert']);

  const second = await center.process(events);
  expect(second.fired).toHaveLength(0);
  expect(r.bodies).toHaveLength(2);

  const restarted = new AlertCenter({ rules, feed: new EventFeed(), ledgerPath, secret: 'k' });
  expect((await restarted.process(events)).fired).toHaveLength(0);
  expect(r.bodies).toHaveLength(2);
  expect(Object.keys(JSON.parse(readFileSync(ledgerPath, 'utf8')) as object)).toHaveLength(2);
  expect(restarted.history().map((h) => h.delivered)).toEqual([true, true]);
});

test('a delivery that fails is retried on the next run, not fired twice to the feed', async () => {
  const r = await receiver([503, 503, 200]);
  const rules = parseAlertRules([{ type: 'new_ath', webhook: r.url, id: 'ath' }]);
  const feed = new EventFeed();
  const center = new AlertCenter({
    rules,
    feed,
    ledgerPath: null,
    delivery: { retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 }, clock: new FakeClock() },
  });
  const one = [events[0]!];
  const first = await center.process(one);
  expect(first.deliveries[0]).toMatchObject({ delivered: false, attempts: 2, status: 503 });
  const second = await center.process(one);
  expect(second.fired).toHaveLength(0);
  expect(second.deliveries[0]).toMatchObject({ delivered: true, attempts: 1 });
  expect(feed.recent()).toHaveLength(1);
  expect(r.bodies).toHaveLength(3);
});
