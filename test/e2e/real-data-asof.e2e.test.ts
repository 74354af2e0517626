/**
 * The gaps an auditor found on the real data in ../shared/data/real with the README's setup (the ETF, index
 * and rate files plus the S&P member lists; skipped with a message when that folder is absent):
 * - the Check tab checks an undated pasted note as of the header's day (a note's own date still wins, and the
 *   page says which day was used and why), never as of a Fed funds row after the market's last close;
 * - Compare at the latest day never says "data ends 2026-02-23" (^RUT's end) above a chart running to
 *   2026-08-03: ^RUT is marked stale on its own line and in the one stale notice;
 * - the some 1,100 member-list tickers without a single price are never offered as a choice (Rotation's
 *   benchmark, the Symbol page's list and suggestions), and opening one says plainly that no prices are
 *   stored for it, with no 404 or 422 in the console;
 * - no page text names a command-line step ("--as-of", "import or update").
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { describeWithSharedData } from '../support/shared-data.js';
import {
  BROWSER_TEST_TIMEOUT_MS,
  type BrowserSession,
  ensureChromium,
  ensureWebBuilt,
  openBrowser,
  waitUntilSettled,
} from './browser-session.js';
import { type RealDataServer, startRealDataServer } from './real-data-server.js';

vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT_MS, hookTimeout: BROWSER_TEST_TIMEOUT_MS });

/** What a page may never say: a command-line option or step. */
const CLI_WORDS = /--as-of|--[a-z]{3,}|import or update|marketdash /;

async function noticeTexts(page: Page): Promise<string[]> {
  return page.locator('#page-notices p').allTextContents();
}

describeWithSharedData('the real data as the README sets it up (member lists included)', () => {
  let server: RealDataServer;
  let browser: BrowserSession;
  const open = async (hash: string, ready: readonly string[]) => {
    await browser.page.goto(new URL(`/${hash}`, server.url).toString());
    for (const sel of ready) await browser.page.waitForSelector(sel);
    await waitUntilSettled(browser.page);
  };

  beforeAll(async () => {
    ensureChromium();
    ensureWebBuilt();
    server = await startRealDataServer({ memberLists: true });
    browser = await openBrowser({ width: 1440, height: 900 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the Check tab checks an undated note as of the header’s day; a dated note keeps its own date', async () => {
    const page = browser.page;
    await open('#/note?tab=check&asOf=2025-12-11', ['#check-text']);
    expect(await page.isChecked('#check-use-header-date')).toBe(false);
    await page.fill('#check-text', 'SPY is up 50.00% year-to-date.');
    await page.click('#check-run');
    await page.waitForSelector('#claims-table tbody tr');
    expect(await page.textContent('#check-as-of')).toBe(
      "Checked as of 2025-12-11: the header's day (the note states no date).",
    );
    // SPY's YTD on 2025-12-11 (not on 2026-08-03, and not on DFF's 2026-08-07): contradicted, dated Dec 11,
    // with the store's basis named (the real data holds adjusted closes: a total return)
    expect(await page.textContent('#claims-table tbody tr')).toMatch(
      /SPY is up [\d.]+% YTD on Dec 11 \(total return\), not 50\.00%/,
    );

    await page.fill('#check-text', 'As of the close of December 10, 2025: SPY is up 50.00% year-to-date.');
    await page.click('#check-run');
    await expect.poll(() => page.textContent('#check-as-of')).toMatch(/^Checked as of 2025-12-10: /);
    expect(await page.textContent('#check-as-of')).toContain(
      "the note's own date wins over the header's day, 2025-12-11.",
    );
    const said = [await page.textContent('#check-result'), ...(await noticeTexts(page))].join('\n');
    expect(said).not.toMatch(CLI_WORDS);
    expect(browser.takeErrors()).toEqual([]);
  });

  test('Compare at the latest day: the notice speaks of the page’s day; ^RUT is stale on its own line', async () => {
    const page = browser.page;
    await open('#/compare?asOf=2026-08-03&s=IWM,^RUT,SPY', ['#compare-chart canvas', '#compare-table tbody tr']);
    const notices = await noticeTexts(page);
    expect(notices.filter((n) => n.includes('data ends'))).toEqual([]);
    expect(notices.join('\n')).toContain(
      'Series ending before 2026-08-03, each marked stale and shown as of its own last day: ^RUT (2026-02-23).',
    );
    const rut = page.locator('#compare-table tbody tr[data-symbol="^RUT"]');
    expect(await rut.getAttribute('class')).toContain('is-stale');
    expect(await rut.locator('[data-stale]').getAttribute('data-stale')).toBe('2026-02-23');
    expect(await page.locator('#compare-table tbody tr[data-symbol="IWM"] [data-stale]').count()).toBe(0);
    expect(browser.takeErrors()).toEqual([]);
  });

  test('tickers without prices are never offered, and opening one says so plainly', async () => {
    const page = browser.page;
    const symbols = (await (await fetch(new URL('/api/symbols', server.url))).json()) as {
      symbols: { ticker: string; rows: number }[];
    };
    const priced = new Set(symbols.symbols.filter((s) => s.rows > 0).map((s) => s.ticker));
    // the member lists are there: Agilent (A) is listed without a price
    expect(symbols.symbols.find((s) => s.ticker === 'A')).toMatchObject({ rows: 0 });
    expect(symbols.symbols.length - priced.size).toBeGreaterThan(1000);

    await open('#/rotation', ['#rrg-bench']);
    const benches = await page.locator('#rrg-bench option').evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(benches).toContain('SPY');
    expect(benches.filter((b) => b === null || !priced.has(b))).toEqual([]);
    const pairChoices = await page
      .locator('#rot-symbols option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(pairChoices.filter((b) => b === null || !priced.has(b))).toEqual([]);

    await open('#/symbol?s=A', ['#symbol-unknown']);
    expect(await page.locator('.page-symbol h1').textContent()).toBe('A: no prices stored');
    expect(await page.locator('#symbol-unknown').textContent()).toContain('No prices stored for A');
    const suggested = await page.locator('#symbol-unknown a').allTextContents();
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.filter((t) => !priced.has(t))).toEqual([]);
    const listed = await page
      .locator('#symbol-list option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(listed.filter((t) => t === null || !priced.has(t))).toEqual([]);
    // nothing was asked of the API for A: no 404 or 422 in the console
    expect(browser.takeErrors()).toEqual([]);

    // a benchmark without prices in a deep link is reported, not sent to the API
    await open('#/rotation?bench=A', ['#rrg-bench']);
    expect((await noticeTexts(page)).join('\n')).toMatch(/bench/);
    expect(await page.inputValue('#rrg-bench')).toBe('SPY');
    expect(browser.takeErrors()).toEqual([]);
  });

  test('no page names a command-line step', async () => {
    const page = browser.page;
    for (const [hash, ready] of [
      ['#/overview?asOf=2025-12-11', ['#perf-table tbody tr']],
      ['#/rotation?asOf=2025-12-11&pair=SPSM/NOSUCH', ['#pair-missing']],
      ['#/compare?s=NOSUCH,SPY', ['#compare-unknown']],
      ['#/symbol?s=NOSUCH', ['#symbol-unknown']],
    ] as const) {
      await open(hash, ready);
      expect((await page.locator('main').textContent()) ?? '', hash).not.toMatch(CLI_WORDS);
    }
    expect(await page.locator('#symbol-unknown').textContent()).toContain('No symbol "NOSUCH" is stored');
    browser.takeErrors();
  });
});
