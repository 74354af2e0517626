/**
 * Every page in both themes at a desktop (1440x900) and a phone (390x844) viewport, on the demo
 * market: axe-core (WCAG 2.1 A/AA rules) finds no serious or critical violation, nothing is wider
 * than the screen, every chart canvas has a text alternative, the console stays clean, and a
 * full-page screenshot is saved to test-artifacts/review-<page>-<viewport>-<theme>.png for review.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
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
import { expectAccessibleAndFitting, expectRrgNamesClear } from './page-review.js';

// A browser test waits for what it checks; on a loaded machine (the shared 2-core box at load 20) a page
// takes several times longer than alone, so the time limit is generous rather than a source of random reds.
vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT_MS, hookTimeout: BROWSER_TEST_TIMEOUT_MS });

let server: DemoServer;
let browser: BrowserSession;

beforeAll(async () => {
  ensureChromium();
  ensureWebBuilt();
  server = await startDemoServer();
  browser = await openBrowser({ width: 1440, height: 900 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Each page, and what shows it has finished drawing. */
const PAGES: readonly { name: string; hash: string; ready: readonly string[] }[] = [
  { name: 'overview', hash: '#/overview', ready: ['#perf-table tbody tr', '#sector-heatmap .tile', '.card'] },
  { name: 'rotation', hash: '#/rotation', ready: ['#ratio-chart[data-ready] canvas', 'canvas.rrg[data-points]'] },
  { name: 'symbol', hash: '#/symbol?s=IWM&ind=sma:50,rsi:14', ready: ['#symbol-chart[data-ready] canvas'] },
  {
    name: 'compare',
    hash: '#/compare',
    ready: ['#compare-chart[data-ready] canvas', '#compare-ratio-chart[data-ready] canvas'],
  },
  { name: 'note', hash: '#/note', ready: ['#note-body h1'] },
  { name: 'note-check', hash: '#/note?tab=check', ready: ['#check-text'] },
  { name: 'not-found', hash: '#/nowhere', ready: ['#not-found'] },
  { name: 'bad-params', hash: '#/symbol?s=IWM&range=10y&ind=foo:1', ready: ['#symbol-chart[data-ready] canvas'] },
];
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;

async function show(hash: string, theme: string, ready: readonly string[]): Promise<void> {
  const page = browser.page;
  await page.goto(new URL(`/${hash}`, server.url).toString());
  await page.evaluate(`localStorage.setItem('marketdash.theme', '${theme}')`);
  // A hash-only change is a same-document navigation: reload so the theme is read at start.
  await page.reload();
  await page.waitForSelector(`html[data-theme="${theme}"]`, { state: 'attached' });
  for (const sel of ready) await page.waitForSelector(sel);
  await waitUntilSettled(page);
}

describe.each(VIEWPORTS)('$name', (viewport) => {
  describe.each(THEMES)('%s theme', (theme) => {
    test.each(PAGES)('$name: no serious accessibility violation, nothing overflows, charts described', async (p) => {
      const page = browser.page;
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await show(p.hash, theme, p.ready);
      await expectAccessibleAndFitting(page);
      if (p.name === 'rotation') await expectRrgNamesClear(page, `at ${viewport.width} px`);
      // Every chart box and canvas chart says in words what it shows.
      const undescribed = (await page.evaluate(`[...document.querySelectorAll('.chart, canvas.rrg')]
        .filter((c) => !(c.getAttribute('aria-label') || '').trim()).length`)) as number;
      expect(undescribed).toBe(0);
      await screenshot(page, `review-${p.name}-${viewport.name}-${theme}`);
      expect(browser.takeErrors()).toEqual([]);
    });
  });
});

describe('the header on a phone', () => {
  test('the pages are one line, scrolling sideways with a cue where they do not fit, the current page in view; a month end reads whole', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await show('#/overview', 'light', ['#perf-table tbody tr']);
    // One line: every link on the same row ("Note" wrapped onto a line of its own before), inside the screen.
    const rows = (await page.evaluate(
      `[...document.querySelectorAll('nav a')].map((a) => Math.round(a.getBoundingClientRect().top))`,
    )) as number[];
    expect(new Set(rows).size, `link tops ${rows}`).toBe(1);
    // At 390 px the five pages fit; on a narrower phone (360 px) the line scrolls.
    const nav = page.locator('nav');
    await expect.poll(() => page.getAttribute('#nav-wrap', 'data-more')).toBe('');
    await page.setViewportSize({ width: 360, height: 780 });
    await expect.poll(() => nav.evaluate((n) => n.scrollWidth > n.clientWidth)).toBe(true);
    const rows360 = (await page.evaluate(
      `[...document.querySelectorAll('nav a')].map((a) => Math.round(a.getBoundingClientRect().top))`,
    )) as number[];
    expect(new Set(rows360).size, `link tops at 360 px ${rows360}`).toBe(1);
    expect(
      (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number,
    ).toBeLessThanOrEqual(1);
    // The cue: more pages to the right at first, to the left once scrolled to the end (set as the line resizes
    // and scrolls, so waited for).
    await expect.poll(() => page.getAttribute('#nav-wrap', 'data-more')).toBe('right');
    await expect
      .poll(() => page.evaluate(`getComputedStyle(document.querySelector('#nav-wrap'), '::after').opacity`))
      .toBe('1');
    await nav.evaluate((n) => {
      n.scrollLeft = n.scrollWidth;
    });
    await expect.poll(() => page.getAttribute('#nav-wrap', 'data-more')).toBe('left');
    // On the last page its link is scrolled into the line's view, clear of the cue.
    await page.click('nav a[data-page="note"]');
    await page.waitForSelector('#note-body h1');
    const inView = async (p: string) =>
      (await page.evaluate(`(() => {
        const n = document.querySelector('nav').getBoundingClientRect();
        const a = document.querySelector('nav a[data-page="${p}"]').getBoundingClientRect();
        return a.left >= n.left - 0.5 && a.right <= n.right + 0.5;
      })()`)) as boolean;
    expect(await inView('note')).toBe(true);
    await page.click('nav a[data-page="overview"]');
    await page.waitForSelector('#perf-table tbody tr');
    expect(await inView('overview')).toBe(true);
    // The month-end presets: a chosen one reads whole in its box (the box cut "2024-12 (31)" to "2024-12 (").
    const preset = await page.locator('#asof-preset option').nth(1).getAttribute('value');
    await page.selectOption('#asof-preset', preset!);
    await expect.poll(() => page.url()).toContain(`asOf=${preset}`);
    await page.waitForSelector('#perf-table tbody tr');
    expect(await page.locator('#asof-preset').inputValue()).toBe(preset);
    const room = (await page.evaluate(`(() => {
      const s = document.querySelector('#asof-preset');
      const cs = getComputedStyle(s);
      const g = document.createElement('canvas').getContext('2d');
      g.font = cs.font;
      const text = Math.max(...[...s.options].map((o) => g.measureText(o.text).width));
      // the box's inner width less the drop-down arrow (16 px in Chromium)
      return s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16 - text;
    })()`)) as number;
    expect(room, 'room left for the longest month end').toBeGreaterThanOrEqual(0);
    // ...and the whole date control stays inside the screen.
    const right = (await page.evaluate(
      `Math.max(...[...document.querySelectorAll('.asof *')].map((e) => e.getBoundingClientRect().right))`,
    )) as number;
    expect(right).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(browser.takeErrors()).toEqual([]);
  });
});

describe('bad URLs are reported in plain words', () => {
  test('an ignored range and an unknown indicator are named on the page', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await show('#/symbol?s=IWM&range=10y&ind=foo:1&zoom=3', 'light', ['#symbol-chart[data-ready] canvas']);
    const notes = (await page.locator('#page-notices').textContent()) ?? '';
    expect(notes).toContain("range: '10y' is not one of 1M, 3M, 6M, YTD, 1Y, 3Y, 5Y, All; showing 1Y");
    expect(notes).toContain('ind: foo:1 is not offered here');
    expect(notes).toContain('zoom: not a parameter of this page, ignored');
    expect(notes).not.toMatch(/marketdash |Cannot read|Invalid time value/);
    expect(browser.takeErrors()).toEqual([]);
  });

  test('a bad asOf and a bad start date are named, and the page still draws', async () => {
    const page = browser.page;
    await show('#/compare?asOf=2025-13-45&start=yesterday', 'light', ['#compare-chart[data-ready] canvas']);
    const notes = (await page.locator('#page-notices').textContent()) ?? '';
    expect(notes).toContain("asOf: '2025-13-45' is not a date (YYYY-MM-DD); showing the latest data");
    expect(notes).toContain("start: 'yesterday' is not a date (YYYY-MM-DD)");
    expect(browser.takeErrors()).toEqual([]);
  });

  test('an unknown route shows the not-found page with no page marked current in the navigation', async () => {
    const page = browser.page;
    await show('#/portfolio', 'light', ['#not-found']);
    expect(await page.locator('h1').first().textContent()).toBe('Page not found');
    expect(await page.locator('nav a[aria-current="page"]').count()).toBe(0);
    await page.click('#not-found a[href="#/rotation"]');
    await page.waitForSelector('.page-rotation');
    expect(await page.getAttribute('nav a[data-page="rotation"]', 'aria-current')).toBe('page');
    await page.waitForSelector('#ratio-chart[data-ready] canvas');
    expect(browser.takeErrors()).toEqual([]);
  });
});

describe('loading keeps the layout', () => {
  test('at 412 px (Lighthouse’s phone) the header does not move while the Overview loads', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 412, height: 823 });
    // Every layout shift of the header or the navigation, recorded from the first paint (a script added
    // before the page's own; Lighthouse counted these as cumulative layout shift 0.11).
    await page.addInitScript({
      content: `window.__headerShifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            for (const s of e.sources || [])
              if (s.node && s.node.closest && s.node.closest('header.top'))
                window.__headerShifts.push((s.node.id || s.node.className || s.node.nodeName) + ' ' + s.previousRect.y + '->' + s.currentRect.y);
        }).observe({ type: 'layout-shift', buffered: true });`,
    });
    await page.goto(new URL('/#/overview', server.url).toString());
    await page.reload();
    await page.waitForSelector('#perf-table tbody tr');
    await waitUntilSettled(page);
    expect(await page.evaluate('window.__headerShifts')).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(browser.takeErrors()).toEqual([]);
  });
});
