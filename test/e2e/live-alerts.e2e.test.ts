/**
 * The live alerts feed in a real browser: an alert fired by the alert center reaches an open page
 * through server-sent events, shows in the Alerts panel and counts on its badge while closed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { AlertCenter } from '../../src/server/alert-center.js';
import { parseAlertRules } from '../../src/server/alert-rules.js';
import { buildApp } from '../../src/server/build-app.js';
import { EventFeed } from '../../src/server/event-feed.js';
import { eventsReport } from '../../src/services/events/events-report.js';
import type { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { openTestStore, testConfig } from '../server/api-test-store.js';
import {
  BROWSER_TEST_TIMEOUT_MS,
  type BrowserSession,
  ensureChromium,
  ensureWebBuilt,
  openBrowser,
  ROOT,
  screenshot,
} from './browser-session.js';

// A browser test waits for what it checks; on a loaded machine (the shared 2-core box at load 20) a page
// takes several times longer than alone, so the time limit is generous rather than a source of random reds.
vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT_MS, hookTimeout: BROWSER_TEST_TIMEOUT_MS });

// the test receivers listen on 127.0.0.1, which the webhook guard refuses unless allowed
process.env.MARKETDASH_WEBHOOK_ALLOW_HOSTS = '127.0.0.1';

let store: DuckDbStore;
let app: Awaited<ReturnType<typeof buildApp>>;
let browser: BrowserSession;
let url: string;
const feed = new EventFeed();
const alerts = new AlertCenter({
  rules: parseAlertRules([{ type: 'new_ath', symbols: ['AAPL'] }]),
  feed,
  ledgerPath: null,
});

beforeAll(async () => {
  ensureChromium();
  ensureWebBuilt();
  store = await openTestStore();
  app = await buildApp({ store, config: testConfig(), feed, alerts, webRoot: join(ROOT, 'dist/web') });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
});

test('an alert fired on the server appears in the open page, about a record the page shows', async () => {
  // The alert is one the events service finds in the test store, not a made-up one (the fixture said "new
  // all-time closing high on 2024-12-31" beside a table whose AAPL row read -2.09% from ATH and 8 down).
  // testClose(0, i) (api-test-store.ts) peaks at row 1032 of its 1,042 weekdays: 64.61 on 2024-12-18.
  const asOf = '2024-12-18';
  const report = await eventsReport(store, { config: testConfig(), baseRates: false, asOf });
  const event = report.events.find((e) => e.type === 'new_ath' && e.symbol === 'AAPL');
  expect(event, 'AAPL sets its record close on 2024-12-18').toMatchObject({ date: asOf, close: 64.61 });

  const page = browser.page;
  await page.goto(`${url}/#/overview?asOf=${asOf}`);
  await page.waitForSelector('#perf-table tbody tr[data-symbol="AAPL"]');
  expect(await page.isVisible('#demo-banner')).toBe(false);
  expect(await page.locator('#feed-list').textContent()).toContain('No alerts yet');
  // The table as of the alert's day agrees with it: AAPL at its record, 0.00% from it.
  expect(await page.locator('#perf-table tr[data-symbol="AAPL"] [data-metric="ath"]').textContent()).toBe('0.00%');

  const run = await alerts.process([event!]);
  expect(run.fired).toHaveLength(1);
  await page.waitForSelector('#feed-count:not([hidden])');
  expect(await page.locator('#feed-count').textContent()).toBe('1');

  await page.click('#feed-toggle');
  expect(await page.getAttribute('#feed-toggle', 'aria-expanded')).toBe('true');
  expect(await page.locator('#feed-list li.feed-alert').textContent()).toContain(
    `AAPL: new all-time closing high on ${asOf}`,
  );
  expect(await page.isHidden('#feed-count')).toBe(true);
  await screenshot(page, 'live-alert');
  expect(browser.takeErrors()).toEqual([]);
});
