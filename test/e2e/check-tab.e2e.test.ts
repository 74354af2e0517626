/**
 * The Check tab in a browser on the demo market: an uploaded note is checked as of the date it
 * states; each claim's mark shows its verdict sentence on keyboard focus and on hover; each row links
 * to its symbol's chart at the claim's date; with the header's date set, an undated note is checked as of that
 * day instead, and says so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  BROWSER_TEST_TIMEOUT_MS,
  type BrowserSession,
  type DemoServer,
  ensureChromium,
  ensureWebBuilt,
  openBrowser,
  startDemoServer,
} from './browser-session.js';

// A browser test waits for what it checks; on a loaded machine (the shared 2-core box at load 20) a page
// takes several times longer than alone, so the time limit is generous rather than a source of random reds.
vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT_MS, hookTimeout: BROWSER_TEST_TIMEOUT_MS });

let server: DemoServer;
let browser: BrowserSession;
let dir: string;

interface CheckJson {
  asOf: string;
  claims: {
    sentence: string;
    symbol: string | null;
    verdict: string;
    asOf: string | null;
    span: { start: number; end: number };
  }[];
}

beforeAll(async () => {
  ensureChromium();
  ensureWebBuilt();
  server = await startDemoServer();
  browser = await openBrowser();
  dir = mkdtempSync(join(tmpdir(), 'marketdash-check-tab-'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the Check tab', () => {
  test('an uploaded note: marks with their verdict on focus and hover, rows linked to charts, the note’s own date', async () => {
    const page = browser.page;
    const md = await (await fetch(new URL('/api/report?format=md', server.url))).text();
    const expected = (await (
      await fetch(new URL('/api/check', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: md }),
      })
    ).json()) as CheckJson;
    const file = join(dir, 'note.md');
    writeFileSync(file, md);

    await page.goto(new URL('/#/note?tab=check', server.url).toString());
    await page.setInputFiles('#check-file', file);
    await expect.poll(() => page.inputValue('#check-text')).toBe(md);
    await page.click('#check-run');
    await page.waitForSelector('#claims-table tbody tr');
    expect(await page.textContent('#check-as-of')).toContain(
      `Checked as of ${expected.asOf}: the note says 'As of the close of`,
    );
    expect(await page.locator('#claims-table tbody tr').count()).toBe(expected.claims.length);

    // The note reads as prose, not raw Markdown: its title a heading, its table a table, no ** or # or |---|
    // left, and each claim's mark on the same words as its span in the text sent (the marks of the 390 px
    // review screenshot sat on raw Markdown before).
    const checked = page.locator('#checked-text');
    // The words shown, without the marks' tooltips.
    const words = async (sel: string) =>
      (await page.evaluate(`(() => {
        const copy = document.querySelector('${sel}').cloneNode(true);
        for (const tip of copy.querySelectorAll('.claim-tip')) tip.remove();
        return copy.textContent;
      })()`)) as string;
    expect(await words('#checked-text h3')).toBe(md.split('\n')[0]!.replace(/^# /, ''));
    expect(await checked.locator('table tbody tr').count()).toBeGreaterThan(3);
    const prose = await words('#checked-text');
    expect(prose).not.toMatch(/\*\*|^#|\|\s*-{3}/m);
    const marks = (await checked.evaluate((n) =>
      [...n.querySelectorAll('mark.claim')].map((m) => [
        Number(m.getAttribute('data-claim')),
        m.querySelector('a')?.textContent,
      ]),
    )) as [number, string][];
    expect(marks.length).toBeGreaterThan(10);
    for (const [i, words] of marks) {
      const span = expected.claims[i]!.span;
      expect(words, `claim ${i}`).toBe(md.slice(span.start, span.end).replace(/[*`]/g, ''));
    }

    // A focused mark shows its verdict sentence; moving focus on hides it; hovering shows another.
    const first = page.locator('#checked-text mark.claim').first();
    await first.focus();
    const tip = first.locator('.claim-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const sentence = (await tip.textContent()) ?? '';
    expect(expected.claims.map((c) => c.sentence)).toContain(sentence);
    await page.keyboard.press('Tab');
    await expect.poll(() => tip.isVisible()).toBe(false);
    const second = page.locator('#checked-text mark.claim').nth(1);
    await second.hover();
    await expect.poll(() => second.locator('.claim-tip').isVisible()).toBe(true);

    // Each row's symbol opens that symbol's chart at the claim's date.
    const link = page.locator('#claims-table tbody tr').first().locator('a').first();
    const href = (await link.getAttribute('href')) ?? '';
    const claim = expected.claims[0]!;
    expect(href).toBe(
      `#/symbol?s=${encodeURIComponent(claim.symbol!.split('/')[0]!)}&asOf=${claim.asOf ?? expected.asOf}`,
    );
    expect(browser.takeErrors()).toEqual([]);
  });

  test('with the header’s date set, an undated note is checked as of that day by default, and the page says so', async () => {
    const page = browser.page;
    await page.goto(new URL('/#/note?tab=check&asOf=2026-11-27', server.url).toString());
    await page.waitForSelector('#check-use-header-date');
    expect(await page.isChecked('#check-use-header-date')).toBe(false);
    await page.fill('#check-text', 'Nvidia Corp. (NVDA) is up 900.00% year-to-date.');
    await page.click('#check-run');
    await page.waitForSelector('#check-as-of');
    expect(await page.textContent('#check-as-of')).toBe(
      "Checked as of 2026-11-27: the header's day (the note states no date).",
    );
    expect(await page.textContent('#claims-table tbody tr')).toMatch(
      /NVDA is (?:up|down) [\d.]+% YTD on Nov 27, not 900\.00%: contradicted/,
    );
    expect(browser.takeErrors()).toEqual([]);
  });
});
