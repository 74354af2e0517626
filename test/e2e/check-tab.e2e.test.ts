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
import { VERDICT_COLOURS, VERDICT_LABELS, type Verdict } from '../../web/src/palette.js';
import {
  BROWSER_TEST_TIMEOUT_MS,
  type BrowserSession,
  type DemoServer,
  ensureChromium,
  ensureWebBuilt,
  openBrowser,
  screenshot,
  startDemoServer,
  waitUntilSettled,
} from './browser-session.js';
import { expectAccessibleAndFitting } from './page-review.js';

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

  test('verdicts have their own colour, icon and word whatever the move; the results read at 1440 and 390 px', async () => {
    const page = browser.page;
    // The generated note (its falls supported) and a rise the data contradicts.
    const md = `${await (await fetch(new URL('/api/report?format=md', server.url))).text()}\n\nNvidia Corp. (NVDA) is up 900.00% year-to-date.\n`;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(new URL('/#/note?tab=check', server.url).toString());
    await page.fill('#check-text', md);
    await page.click('#check-run');
    await page.waitForSelector('#claims-table tbody tr');
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const rows = page.locator('#claims-table tbody tr');
    const count = await rows.count();
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
      const seen = (await page.evaluate(`(() => {
        const probe = (v) => { const s = document.createElement('span'); s.style.color = 'var(' + v + ')';
          document.body.append(s); const c = getComputedStyle(s).color; s.remove(); return c; };
        return { up: probe('--up'), down: probe('--down'), rows: [...document.querySelectorAll('#claims-table tbody tr')].map((tr) => {
          const cell = tr.querySelector('td.verdict');
          return { verdict: tr.dataset.verdict, colour: getComputedStyle(cell).color, text: cell.textContent,
            claimed: tr.querySelector('[data-metric="claimed"]').textContent, sentence: tr.querySelector('.claim-sentence').textContent };
        }) };
      })()`)) as {
        up: string;
        down: string;
        rows: { verdict: Verdict; colour: string; text: string; claimed: string; sentence: string }[];
      };
      expect(seen.rows).toHaveLength(count);
      for (const r of seen.rows) {
        const { icon, word } = VERDICT_LABELS[r.verdict];
        expect(r.text, r.sentence).toBe(`${icon} ${word}`);
        expect(r.colour, `${theme}: ${r.sentence}`).toBe(rgb(VERDICT_COLOURS[theme][r.verdict]));
        expect([seen.up, seen.down], `${theme}: ${r.sentence}`).not.toContain(r.colour);
      }
      // A supported fall and a contradicted rise: neither in the move's colour.
      const fall = seen.rows.find((r) => r.verdict === 'supported' && / is down /.test(r.sentence));
      const rise = seen.rows.find((r) => r.verdict === 'contradicted' && /^NVDA is up /.test(r.sentence));
      expect(fall?.colour).toBe(rgb(VERDICT_COLOURS[theme].supported));
      expect(rise?.colour).toBe(rgb(VERDICT_COLOURS[theme].contradicted));
    }
    // 1440 px: the claim's sentence is the main column, the figures one line each, rows a few lines tall
    // (Claimed and Actual took a third of the width for a few characters and rows were 4 to 7 lines).
    const box = async () =>
      (await page.evaluate(`(() => {
        const one = document.createRange(); one.selectNodeContents(document.querySelector('#claims-table td.verdict'));
        const line = one.getBoundingClientRect().height;
        const rows = [...document.querySelectorAll('#claims-table tbody tr')];
        const w = (sel) => document.querySelector('#claims-table tbody tr ' + sel).getBoundingClientRect().width;
        const figureLines = rows.flatMap((tr) => [...tr.querySelectorAll('td.num, td.basis, td.verdict')].filter((td) => td.textContent.length <= 12)
          .map((td) => { const r = document.createRange(); r.selectNodeContents(td); return [td.textContent, r.getBoundingClientRect().height / line]; }));
        const scroller = document.querySelector('#claims-table').parentElement;
        return { line, table: document.querySelector('#claims-table').getBoundingClientRect().width, sentence: w('td.claim-text'), claimed: w('[data-metric="claimed"]'), 
          rowLines: rows.map((tr) => tr.getBoundingClientRect().height / line).sort((a, b) => a - b), figureLines,
          overflow: scroller.scrollWidth - scroller.clientWidth, headShown: getComputedStyle(document.querySelector('#claims-table thead')).position !== 'absolute',
          labels: [...rows[0].querySelectorAll('td.num')].map((td) => getComputedStyle(td, '::before').content) };
      })()`)) as {
        line: number;
        sentence: number;
        table: number;
        claimed: number;
        rowLines: number[];
        figureLines: [string, number][];
        overflow: number;
        headShown: boolean;
        labels: string[];
      };
    const desk = await box();
    expect(desk.sentence).toBeGreaterThan(3 * desk.claimed);
    // a plain figure ("-1.24%"), a verdict or a basis on one line; a worded one ("4 of 11, median -1.61 points") may wrap
    expect(
      desk.figureLines.filter(([, l]) => l >= 1.5),
      'a verdict, figure or basis wrapped',
    ).toEqual([]);
    const median = desk.rowLines[Math.floor(desk.rowLines.length / 2)]!;
    // a line of sentence and two or three of reason, padding included (the old rows were 4 to 7 lines of a narrow column)
    expect(median, `row heights in lines: ${desk.rowLines.map((l) => l.toFixed(1))}`).toBeLessThanOrEqual(4.5);
    expect(desk.sentence).toBeGreaterThan(desk.table / 2);
    expect(desk.overflow).toBeLessThanOrEqual(0);
    for (const theme of ['light', 'dark']) {
      await page.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
      await page.locator('#claims-table').scrollIntoViewIfNeeded();
      // The verdicts' colours and the marks' tints keep 4.5:1 in the page as drawn (axe-core's contrast rule).
      await expectAccessibleAndFitting(page);
      await screenshot(page, `check-results-desktop-${theme}`);
    }
    // 390 px: each claim a block (verdict and symbol, the sentence, the labelled figures, the reason), no
    // sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await waitUntilSettled(page);
    const phone = await box();
    expect(phone.overflow).toBeLessThanOrEqual(0);
    expect(phone.headShown).toBe(false);
    expect(phone.labels).toEqual(['"Claimed "', '"Actual "']);
    expect(
      phone.figureLines.filter(([, l]) => l >= 1.5),
      'a verdict, figure or basis wrapped',
    ).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    for (const theme of ['light', 'dark']) {
      await page.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
      await page.locator('#claims-table tbody tr').first().scrollIntoViewIfNeeded();
      await screenshot(page, `check-results-phone-${theme}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(browser.takeErrors()).toEqual([]);
  });
});
