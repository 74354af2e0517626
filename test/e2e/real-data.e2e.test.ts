/**
 * The reference column's story in the dashboard, on the real data in ../shared/data/real (skipped with
 * a message when that folder is absent): a store imported from the ETF, mega-cap and index files, the
 * server on it, and Chromium reading each claim of the column from the page as of 2025-12-11, reached
 * through the header's date control. The expected facts are the ones the acceptance test checks
 * against pandas (test/acceptance/reference-column.test.ts): ^RUT, IWM and SPSM at record closes,
 * the VIX's lowest close since 2025-09-12, the SPSM/MAG7 downtrend line from 2023-01-06 broken and
 * confirmed in the week of 2025-12-08, XLK's 13-session winning streak ending.
 */

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defaultConfig } from '../../src/config/universe-config.js';
import { createBasket } from '../../src/services/baskets/create-basket.js';
import { importFiles } from '../../src/services/import/import-service.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { startServer, stopServer } from '../support/run-cli.js';
import { describeWithSharedData, realFile } from '../support/shared-data.js';
import { type BrowserSession, ensureChromium, ensureWebBuilt, openBrowser, screenshot } from './browser-session.js';

const AS_OF = '2025-12-11';

describeWithSharedData('the reference column on real data, in the browser', () => {
  let dir: string;
  let server: { url: string; child: ChildProcess };
  let browser: BrowserSession;

  const open = (hash: string) => browser.page.goto(new URL(`/${hash}`, server.url).toString());
  const api = async <T>(path: string): Promise<T> => (await fetch(new URL(path, server.url))).json() as Promise<T>;

  beforeAll(async () => {
    ensureChromium();
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'marketdash-real-e2e-'));
    const db = join(dir, 'real.duckdb');
    const store = await DuckDbStore.open(db);
    const etfs = realFile('etfs-and-megacaps');
    await importFiles(store, {
      files: [
        ...readdirSync(etfs)
          .filter((f) => f.endsWith('.csv'))
          .map((f) => join(etfs, f)),
        realFile('indices/^RUT.csv'),
        realFile('indices/^VIX.csv'),
      ],
    });
    // The configured basket: materialised on import by the store, else built here from its members.
    if ((await store.getSymbol('MAG7')) === null) {
      const mag7 = defaultConfig().baskets.MAG7!;
      await createBasket(store, { name: 'MAG7', members: mag7.members, rebalance: mag7.rebalance });
    }
    await store.close();
    server = await startServer(['--db', db], { MARKETDASH_CONFIG: '', MARKETDASH_TOKEN: '' }, { timeoutMs: 60_000 });
    browser = await openBrowser({ width: 1440, height: 900 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server.child);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the header date control takes the whole app to 2025-12-11, and the URL keeps it', async () => {
    const page = browser.page;
    await open('#/overview');
    await page.waitForSelector('.card[data-symbol="^VIX"]');
    await page.fill('#asof-input', AS_OF);
    await page.dispatchEvent('#asof-input', 'change');
    await expect.poll(() => page.url()).toContain(`asOf=${AS_OF}`);
    await page.waitForSelector(`.card[data-symbol="^VIX"] [data-metric="asOf"]:text("${AS_OF}")`);
    // The navigation keeps the day from page to page.
    expect(await page.getAttribute('nav a[data-page="rotation"]', 'href')).toBe(`#/rotation?asOf=${AS_OF}`);
    // Previous trading day: 2025-12-10.
    await page.click('#asof-prev');
    await expect.poll(() => page.url()).toContain('asOf=2025-12-10');
    await page.click('#asof-latest');
    await expect.poll(() => page.url()).not.toContain('asOf=');
    expect(browser.takeErrors()).toEqual([]);
  });

  test(`#/overview?asOf=${AS_OF}: ^RUT and IWM at record closes, the VIX at its lowest close since 2025-09-12, the MAG7 scoreboard`, async () => {
    const page = browser.page;
    await open(`#/overview?asOf=${AS_OF}&group=smallcaps`);
    await page.waitForSelector('#perf-table tbody tr');
    await page.waitForSelector('.card[data-symbol="^VIX"]');
    const rut = page.locator('.card[data-symbol="^RUT"]');
    expect(await rut.locator('[data-metric="asOf"]').textContent()).toBe(AS_OF);
    expect(await rut.locator('[data-metric="ath"]').textContent()).toBe(`New all-time high on ${AS_OF}`);
    expect(await page.locator('.card[data-symbol="IWM"] [data-metric="ath"]').textContent()).toBe(
      `New all-time high on ${AS_OF}`,
    );
    expect(await page.locator('#perf-table tr[data-symbol="IWM"] [data-metric="ath"]').textContent()).toBe('0.00%');
    expect(await page.locator('.card[data-symbol="^VIX"] [data-metric="lowestSince"]').textContent()).toBe(
      'Lowest close since 2025-09-12',
    );
    // No stale marks on this day: every series has a bar on 2025-12-11.
    expect(await page.locator('.stale').count()).toBe(0);
    await screenshot(page, 'real-overview-2025-12-11');
    // The scoreboard: the MAG7 table's YTD column equals the API's figures as of the day.
    await open(`#/overview?asOf=${AS_OF}&group=mag7`);
    await page.waitForSelector('#perf-table tr[data-symbol="NVDA"]');
    const rows = await api<{ symbol: string; returns: { ytd: number } }[]>(
      `/api/perf?symbols=NVDA,AAPL,TSLA&asOf=${AS_OF}`,
    );
    for (const r of rows)
      expect(await page.locator(`#perf-table tr[data-symbol="${r.symbol}"] [data-metric="ytd"]`).textContent()).toBe(
        `${r.returns.ytd > 0 ? '+' : ''}${(r.returns.ytd * 100).toFixed(2)}%`,
      );
    expect(browser.takeErrors()).toEqual([]);
  });

  test(`#/rotation?asOf=${AS_OF}: the SPSM/MAG7 downtrend line from 2023-01-06, breakout confirmed since 2025-12-08`, async () => {
    const page = browser.page;
    await open(`#/rotation?asOf=${AS_OF}`);
    await page.waitForSelector('#ratio-chart[data-ready="SPSM/MAG7"] canvas');
    expect(await page.locator('#pair-select').inputValue()).toBe('SPSM/MAG7');
    const summary = page.locator('#ratio-summary');
    expect(await summary.textContent()).toContain('downtrend from 2023-01-06');
    expect(await summary.locator('[data-metric="state"]').textContent()).toBe('breakout confirmed since 2025-12-08');
    expect(await page.locator('#ratio-caption').textContent()).toContain('Downtrend line from 2023-01-06');
    // The readout shows the last day with the raw ratio beside the rebased value.
    expect(await page.locator('.readout-date').first().textContent()).toBe(AS_OF);
    expect(await page.locator('.readout-main').first().textContent()).toMatch(/ratio \d+\.\d{4}/);
    await page.waitForSelector('#rotation-table tbody tr');
    await screenshot(page, 'real-rotation-2025-12-11');
    expect(browser.takeErrors()).toEqual([]);
  });

  test(`#/symbol?s=XLK&asOf=${AS_OF}: the chart ends on the day and XLK's 13-session winning streak ended`, async () => {
    const page = browser.page;
    await open(`#/symbol?s=XLK&asOf=${AS_OF}`);
    await page.waitForSelector('#symbol-chart canvas');
    await page.waitForSelector('#symbol-events');
    expect(await page.locator('#symbol-events').textContent()).toContain('A streak of 13 sessions up ended');
    expect(await page.locator('.readout-date').first().textContent()).toBe(AS_OF);
    expect(browser.takeErrors()).toEqual([]);
  });

  test('latest: ^RUT and ^VIX end in February, so their cards are marked stale with their own date', async () => {
    const page = browser.page;
    await open('#/overview');
    await page.waitForSelector('.card[data-symbol="^VIX"]');
    const health = await api<{ lastDate: string }>('/api/health');
    for (const s of ['^RUT', '^VIX']) {
      const stale = page.locator(`.card[data-symbol="${s}"] .stale`);
      expect(await stale.count(), s).toBe(1);
      expect(await stale.textContent()).toBe('stale: 2026-02-23');
    }
    expect(await page.locator('.card[data-symbol="IWM"] .stale').count()).toBe(0);
    expect(await page.locator('#page-notices').textContent()).toContain(`before ${health.lastDate}`);
    // A day past the data is answered with the last day, and the page says so.
    await open('#/overview?asOf=2030-01-02');
    await page.waitForSelector('.card[data-symbol="IWM"]');
    await expect
      .poll(() => page.locator('#page-notices').textContent())
      .toContain(`data ends ${health.lastDate}; figures are as of that day`);
    expect(browser.takeErrors()).toEqual([]);
  });
});
