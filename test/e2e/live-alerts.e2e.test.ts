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

test('an alert fired on the server appears in the open page', async () => {
  const page = browser.page;
  await page.goto(`${url}/#/overview`);
  await page.waitForSelector('#perf-table tbody tr');
  expect(await page.isVisible('#demo-banner')).toBe(false);
  expect(await page.locator('#feed-list').textContent()).toContain('No alerts yet');

  const run = await alerts.process([{ type: 'new_ath', symbol: 'AAPL', date: '2024-12-31' }]);
  expect(run.fired).toHaveLength(1);
  await page.waitForSelector('#feed-count:not([hidden])');
  expect(await page.locator('#feed-count').textContent()).toBe('1');

  await page.click('#feed-toggle');
  expect(await page.getAttribute('#feed-toggle', 'aria-expanded')).toBe('true');
  expect(await page.locator('#feed-list li.feed-alert').textContent()).toContain(
    'AAPL: new all-time closing high on 2024-12-31',
  );
  expect(await page.isHidden('#feed-count')).toBe(true);
  await screenshot(page, 'live-alert');
  expect(browser.takeErrors()).toEqual([]);
});
