/**
 * The schedule wired to the real events service: after an update (injected here: no network in
 * tests), the day's events on the test store go through the alert rules to a webhook receiver on
 * 127.0.0.1 and to the live feed, once each; POST /api/update runs the same chain.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, expect, test } from 'vitest';
import { AlertCenter } from '../../src/server/alert-center.js';
import { parseAlertRules } from '../../src/server/alert-rules.js';
import { buildApp } from '../../src/server/build-app.js';
import { EventFeed } from '../../src/server/event-feed.js';
import { startSchedule } from '../../src/server/schedule-wiring.js';
import { eventsReport } from '../../src/services/events/events-report.js';
import { openTestStore, testConfig } from './api-test-store.js';

// the test receivers listen on 127.0.0.1, which the webhook guard refuses unless allowed
process.env.MARKETDASH_WEBHOOK_ALLOW_HOSTS = '127.0.0.1';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

test('update -> events -> alerts: every event a rule matches is posted once', async () => {
  const posted: { event: { type: string; symbol: string } }[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posted.push(JSON.parse(body) as { event: { type: string; symbol: string } });
      res.end();
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const hook = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;

  const store = await openTestStore();
  const config = testConfig();
  const feed = new EventFeed();
  const all = (await eventsReport(store, { config, baseRates: false })).events;
  // On the test store's last day MSFT closes at its lowest since 2024-11-07 (more than a month back)
  // and no symbol makes a new ATH: one rule fires, the other must not.
  const rules = parseAlertRules([
    { type: 'new_ath', webhook: hook },
    { type: 'vix_lowest_since', symbol: 'MSFT', months: 1, webhook: hook },
  ]);
  const alerts = new AlertCenter({ rules, feed, ledgerPath: null });
  let updates = 0;
  const schedule = startSchedule({ store, config, feed, alerts, update: async () => ({ updated: ++updates }) });
  try {
    expect(schedule.nextRun()).not.toBeNull();
    const app = await buildApp({ store, config, feed, alerts, update: () => schedule.updateAndAlert(), webRoot: null });
    const res = await app.inject({ method: 'POST', url: '/api/update', headers: { 'x-marketdash-client': 'test' } });
    expect(res.statusCode).toBe(200);
    const expected = all.filter(
      (e) => e.type === 'new_ath' || (e.type === 'lowest_since' && e.symbol === 'MSFT' && e.since <= '2024-11-30'),
    );
    expect(expected.map((e) => `${e.type}:${e.symbol}`)).toEqual(['lowest_since:MSFT']);
    expect(posted.map((p) => `${p.event.type}:${p.event.symbol}`)).toEqual(['lowest_since:MSFT']);
    // Run again: nothing new is posted.
    await app.inject({ method: 'POST', url: '/api/update', headers: { 'x-marketdash-client': 'test' } });
    expect(updates).toBe(2);
    expect(posted).toHaveLength(1);
    expect(feed.recent().filter((m) => m.type === 'alert')).toHaveLength(1);
    expect(feed.recent().filter((m) => m.type === 'update')).toHaveLength(2);
    await app.close();
  } finally {
    schedule.stop();
    await store.close();
  }
});
