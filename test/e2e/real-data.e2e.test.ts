/**
 * The reference column's story in the dashboard, on the real data in ../shared/data/real (skipped with
 * a message when that folder is absent): a store imported from the ETF, mega-cap and index files, the
 * server on it, and Chromium reading each claim of the column from the page as of 2025-12-11, reached
 * through the header's date control. The expected facts are the ones the acceptance test checks
 * against pandas (test/acceptance/reference-column.test.ts): ^RUT, IWM and SPSM at record closes,
 * the VIX's lowest close since 2025-09-12, the SPSM/MAG7 downtrend line from 2023-01-06 broken and
 * confirmed in the week of 2025-12-08, XLK's 13-session winning streak ending.
 */

import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { FOMC_MEETINGS } from '../../src/config/fomc-meetings.js';
import { describeWithSharedData } from '../support/shared-data.js';
import {
  BROWSER_TEST_TIMEOUT_MS,
  type BrowserSession,
  ensureChromium,
  ensureWebBuilt,
  openBrowser,
  screenshot,
  waitUntilSettled,
} from './browser-session.js';
import { expectAccessibleAndFitting, expectRrgNamesClear } from './page-review.js';
import { type RealDataServer, startRealDataServer } from './real-data-server.js';

// A browser test waits for what it checks; on a loaded machine (the shared 2-core box at load 20) a page
// takes several times longer than alone, so the time limit is generous rather than a source of random reds.
vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT_MS, hookTimeout: BROWSER_TEST_TIMEOUT_MS });

const AS_OF = '2025-12-11';

describeWithSharedData('the reference column on real data, in the browser', () => {
  let server: RealDataServer;
  let browser: BrowserSession;

  const open = (hash: string) => browser.page.goto(new URL(`/${hash}`, server.url).toString());
  const api = async <T>(path: string): Promise<T> => (await fetch(new URL(path, server.url))).json() as Promise<T>;

  beforeAll(async () => {
    ensureChromium();
    ensureWebBuilt();
    server = await startRealDataServer();
    browser = await openBrowser({ width: 1440, height: 900 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
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
    // A record of closes is called a record close on the cards and the table's header (not an all-time high).
    expect(await rut.locator('[data-metric="ath"]').textContent()).toBe(`New record close on ${AS_OF}`);
    expect(await page.locator('.card[data-symbol="IWM"] [data-metric="ath"]').textContent()).toBe(
      `New record close on ${AS_OF}`,
    );
    expect(await page.locator('#perf-table thead').textContent()).toContain('From record close');
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
    // The touches by date (the trend service's touchDates: the two anchors and the pivot of 2025-04-04).
    expect(await page.locator('#ratio-touches').textContent()).toContain(
      '2023-01-06 (anchor), 2025-04-04, 2025-08-22 (anchor)',
    );
    // The rotation chart: five tails by default (of 11 sectors), all on request.
    const rrg = page.locator('canvas.rrg');
    await page.waitForSelector('canvas.rrg[data-tails]');
    expect(((await rrg.getAttribute('data-tails')) ?? '').split(',')).toHaveLength(5);
    // The names keep off the drawn tails (rrg-labels.ts): no pixel of the five default tails runs under a name
    // (XLB's name sat on XLI's tail before).
    expect(await rrg.getAttribute('data-tail-under-labels')).toBe('0');
    await page.click('#rrg-tails-all');
    await expect.poll(async () => ((await rrg.getAttribute('data-tails')) ?? '').split(',').length).toBe(11);
    await page.click('#rrg-tails-none');
    await expect.poll(() => rrg.getAttribute('data-tails')).toBe('');
    await page.click('[data-tail="XLK"]');
    await expect.poll(() => rrg.getAttribute('data-tails')).toBe('XLK');
    // The pointer leaves the page: the next page's readout must show the last bar, not a hovered one.
    await page.mouse.move(0, 0);
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
    // The events answer's warnings about configured pairs (^SP600/MAG7, RSP/SPY: not stored) concern the
    // Rotation page, not this symbol: no notice here.
    expect(await page.locator('#page-notices').textContent()).not.toContain('computed');
    expect(browser.takeErrors()).toEqual([]);
  });

  test('the header: "Latest" is a button shown only away from the latest day', async () => {
    const page = browser.page;
    await open('#/overview');
    await page.waitForSelector('.card[data-symbol="^VIX"]');
    expect(await page.isHidden('#asof-latest')).toBe(true);
    // The date input shows the latest day itself: the market data's (the ETFs end 2026-08-03; DFF, a rate, 2026-08-07).
    expect(await page.locator('#asof-input').inputValue()).toBe('2026-08-03');
    await open(`#/overview?asOf=${AS_OF}`);
    await page.waitForSelector('#asof-latest', { state: 'visible' });
    expect(browser.takeErrors()).toEqual([]);
  });

  test('Compare: range buttons set the base day; ^RUT, ending 2026-02-23, is marked stale beside the ETFs', async () => {
    const page = browser.page;
    await open('#/compare?s=^RUT,IWM');
    await page.waitForSelector('#compare-chart[data-ready] canvas');
    const rut = page.locator('#compare-table tr[data-symbol="^RUT"]');
    expect(await rut.locator('[data-metric="lastDate"]').textContent()).toBe('2026-02-23 stale: 2026-02-23');
    expect(await page.locator('#compare-table tr[data-symbol="IWM"] .stale').count()).toBe(0);
    expect(await page.locator('#compare-caption').textContent()).toContain(
      '1 series ends before 2026-08-03 (marked stale, dotted, labelled with its last day)',
    );
    expect(await page.locator('.readout').first().textContent()).toContain('^RUT (stale: 2026-02-23)');
    // 1Y: the base is the same date a year before the page's day (2025-08-03, a Sunday: the close of 2025-08-01).
    await page.click('#compare-ranges [data-range="1y"]');
    await expect.poll(() => page.url()).toContain('start=2025-08-03');
    await page.waitForSelector('#compare-chart[data-ready] canvas');
    await expect
      .poll(() => page.locator('#compare-table tr[data-symbol="IWM"] [data-metric="baseDate"]').textContent())
      .toBe('2025-08-01');
    expect(await page.getAttribute('#compare-ranges [data-range="1y"]', 'aria-pressed')).toBe('true');
    expect(browser.takeErrors()).toEqual([]);
  });

  test('Compare: the ratio opens on two current series, and each line can be shown, hidden and highlighted', async () => {
    const page = browser.page;
    await open('#/compare?s=^RUT,IWM,SPSM,MAG7');
    await page.waitForSelector('#compare-chart[data-ready] canvas');
    await page.waitForSelector('#compare-ratio-chart[data-ready] canvas');
    // ^RUT ends 2026-02-23: the ratio opens on IWM/MAG7 (both to 2026-08-03), so nothing on it is stale.
    expect(await page.locator('#ratio-a').inputValue()).toBe('IWM');
    expect(await page.locator('#ratio-b').inputValue()).toBe('MAG7');
    expect(await page.locator('#compare-ratio-summary .stale').count()).toBe(0);
    // Each row is its line's legend: the key's style is its colour's (palette.ts: even solid, odd dashed, so
    // neighbours such as MAG7 and a fund that tracks it never merge); the stale ^RUT is dotted.
    const keys = await page.locator('#compare-table tbody .line-key').evaluateAll((ks) => ks.map((k) => k.className));
    expect(keys).toEqual([
      'line-key line-dotted',
      'line-key line-dashed',
      'line-key line-solid',
      'line-key line-dashed',
    ]);
    // The legend above the chart draws each key in exactly its line's style: the style the chart drew
    // (read back from its series, lightweight-charts' LineStyle: 0 solid, 1 dotted, 2 and 3 dashed,
    // 4 sparsely dotted) against the key's computed CSS (a sparse key is a row of dots as a background).
    const drawnStyles = Object.fromEntries(
      ((await page.getAttribute('#compare-chart', 'data-line-styles')) ?? '').split(',').map((kv) => {
        const [sym, style] = kv.split(':');
        return [sym!, ['solid', 'dotted', 'dashed', 'dashed', 'sparse'][Number(style)]];
      }),
    );
    expect(drawnStyles).toEqual({ '^RUT': 'dotted', IWM: 'dashed', SPSM: 'solid', MAG7: 'dashed' });
    const legendStyles = Object.fromEntries(
      await page.locator('.readout-slot:has(+ #compare-chart) .legend-key[data-series]').evaluateAll((ks) =>
        ks.map((k) => {
          // The test project has no DOM lib: the browser's getComputedStyle, typed by hand.
          const css = (
            globalThis as unknown as {
              getComputedStyle(e: unknown): { borderTopStyle: string; backgroundImage: string };
            }
          ).getComputedStyle(k);
          const sparse = css.borderTopStyle === 'none' && css.backgroundImage.includes('radial-gradient');
          return [k.getAttribute('data-series'), sparse ? 'sparse' : css.borderTopStyle];
        }),
      ),
    );
    expect(legendStyles).toEqual(drawnStyles);
    // Every line of the readout carries its own day change, the first one's and the others' alike (only the
    // first had one): on 2026-08-03 IWM leads, SPSM and MAG7 follow with theirs, ^RUT (ended 2026-02-23) has
    // no value that day and so no change, and each change is coloured by its sign as the first line's is.
    const readoutItems = page.locator('.readout-slot:has(+ #compare-chart) .chart-legend > li');
    const readoutTexts = await readoutItems.allTextContents();
    const change = /[+-]\d+\.\d{2}%/;
    for (const sym of ['IWM', 'SPSM', 'MAG7']) {
      const item = readoutTexts.find((t) => t.includes(sym) && !t.includes('^RUT'));
      expect(item, `readout of ${sym}: ${readoutTexts.join(' | ')}`).toMatch(change);
    }
    expect(readoutTexts.find((t) => t.includes('^RUT'))).not.toMatch(change);
    expect(
      await page
        .locator(
          '.readout-slot:has(+ #compare-chart) .readout-value.up, .readout-slot:has(+ #compare-chart) .readout-value.down',
        )
        .count(),
    ).toBeGreaterThanOrEqual(3);
    await page.uncheck('[data-toggle="SPSM"]');
    await expect.poll(() => page.getAttribute('#compare-chart', 'data-hidden')).toBe('SPSM');
    await page.check('[data-toggle="SPSM"]');
    await expect.poll(() => page.getAttribute('#compare-chart', 'data-hidden')).toBe('');
    await page.hover('#compare-table tr[data-symbol="MAG7"] td[data-metric="change"]');
    await expect.poll(() => page.getAttribute('#compare-chart', 'data-highlight')).toBe('MAG7');
    await page.mouse.move(0, 0);
    await expect.poll(() => page.getAttribute('#compare-chart', 'data-highlight')).toBe('');
    // The stale line (^RUT, the only one) is labelled on the chart with its own last day (in the caption for screen
    // readers too: "1 series ends ... labelled with its last day" since a573589).
    expect(await page.locator('#compare-caption').textContent()).toContain('labelled with its last day');
    expect(browser.takeErrors()).toEqual([]);
    // Leaving the page with a row's box focused: the row's focusout comes after the chart is removed and must
    // not touch it ("Object is disposed" on the next page otherwise).
    await page.focus('[data-toggle="SPSM"]');
    await open('#/overview');
    await page.waitForSelector('.card[data-symbol="IWM"]');
    expect(browser.takeErrors()).toEqual([]);
  });

  test('Rates: FOMC days marked on a yield chart; an asOf past the data is a notice, the cards as of the last day', async () => {
    const page = browser.page;
    await open(`#/symbol?s=DGS2&asOf=${AS_OF}`);
    await page.waitForSelector('#symbol-chart[data-ready$=":fomc"] canvas');
    expect(await page.isChecked('#fomc-toggle')).toBe(true);
    // 1Y to 2025-12-11 holds 9 decision days (2024-12-18 ... 2025-12-10; FOMC_MEETINGS).
    expect(await page.locator('#symbol-caption').textContent()).toContain('9 FOMC decision days marked');
    // A yield's changes in basis points: DGS2 3.52% on the day, 4.25% at the end of 2024 (FRED).
    expect(await page.locator('#symbol-figures [data-metric="ytd"]').textContent()).toBe('-73\u00a0bp');
    await page.uncheck('#fomc-toggle');
    await page.waitForSelector('#symbol-chart[data-ready="DGS2:1y:sma:50,sma:200"] canvas');
    expect(await page.locator('#symbol-caption').textContent()).not.toContain('FOMC');
    await open('#/overview?asOf=2030-01-02');
    await page.waitForSelector('.cards.rates .card[data-symbol]');
    // Past the data the page is as of the markets' last day (2026-08-03), and so are the rates cards: DFF runs
    // to 2026-08-07, but a card is never dated after the page's day.
    await expect
      .poll(() => page.locator('#page-notices').textContent())
      .toContain('data ends 2026-08-03; figures are as of that day (asked for 2030-01-02)');
    expect(await page.locator('.card[data-symbol="DFF"] [data-metric="asOf"]').textContent()).toBe('2026-08-03');
    expect(browser.takeErrors()).toEqual([]);
  });

  test('latest: ^RUT and ^VIX end in February, so their cards are marked stale with their own date', async () => {
    const page = browser.page;
    await open('#/overview');
    await page.waitForSelector('.card[data-symbol="^VIX"]');
    for (const s of ['^RUT', '^VIX']) {
      const stale = page.locator(`.card[data-symbol="${s}"] .stale`);
      expect(await stale.count(), s).toBe(1);
      expect(await stale.textContent()).toBe('stale: 2026-02-23');
    }
    expect(await page.locator('.card[data-symbol="IWM"] .stale').count()).toBe(0);
    // The page's day is the markets' last day (2026-08-03), not the fed funds rate's (2026-08-07).
    expect(await page.locator('#page-notices').textContent()).toContain('before 2026-08-03');
    // No card is dated after the page's day: the fed funds card shows 2026-08-03, not its own last row (2026-08-07).
    await page.waitForSelector('.card[data-symbol="DFF"]');
    expect(await page.locator('.card[data-symbol="DFF"] [data-metric="asOf"]').textContent()).toBe('2026-08-03');
    for (const d of await page.locator('.card [data-metric="asOf"]').allTextContents())
      expect(d <= '2026-08-03', `card dated ${d}`).toBe(true);
    // A day past the data is answered with the last day, and the page says so.
    await open('#/overview?asOf=2030-01-02');
    await page.waitForSelector('.card[data-symbol="IWM"]');
    await expect
      .poll(() => page.locator('#page-notices').textContent())
      .toContain('data ends 2026-08-03; figures are as of that day (asked for 2030-01-02)');
    expect(browser.takeErrors()).toEqual([]);
  });

  test('Charts: a yield reads in % with bp changes; the ratio chart marks the Fed moves', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(`#/symbol?s=DGS2&asOf=${AS_OF}`);
    await page.waitForSelector('#symbol-chart[data-ready] canvas');
    // FRED DGS2: 3.54 on 2025-12-10, 3.52 on 2025-12-11: -2 bp, not -0.56% of the yield.
    expect(await page.locator('.readout-main .readout-value').textContent()).toBe('3.52% -2\u00a0bp');
    expect(await page.locator('#symbol-figures [data-metric="close"]').textContent()).toBe('3.52%');
    expect(await page.locator('#symbol-caption').textContent()).toContain('last close 3.52%');
    // The Rotation page's ratio chart: the cut of 2025-12-10 among the marked moves, said in the caption.
    await open(`#/rotation?asOf=${AS_OF}`);
    await page.waitForSelector('#ratio-chart[data-ready="SPSM/MAG7"] canvas');
    expect(Number(await page.getAttribute('#ratio-chart', 'data-fomc'))).toBeGreaterThan(0);
    expect(await page.locator('#ratio-caption').textContent()).toMatch(/\d+ FOMC rate moves marked/);
    expect(browser.takeErrors()).toEqual([]);
  });

  test('Chart marks at 1440 and 390 px: FOMC days tagged apart from touches, merged day events, RSI levels, labels inside the plot', async () => {
    const page = browser.page;
    // [bar, kind, the tag's words, left, right, row, bar's x, its own move as drawn] (fomc-lines.ts): a crowded
    // tag goes up a row or tells a run of moves ("-50 -25 -25"); the kind and a move's size never give way.
    type Tag = [string, 'cut' | 'hike' | 'hold', string, number, number, number, number, string];
    const tags = async (sel: string) => JSON.parse((await page.getAttribute(sel, 'data-fomc-labels')) ?? '[]') as Tag[];
    const apart = (t: Tag[]) => {
      for (const row of [0, 1]) {
        // One box per tag (a run's decisions share theirs).
        const boxes = new Map(t.filter((x) => x[5] === row).map((x) => [`${x[3]}:${x[4]}`, x]));
        const sorted = [...boxes.values()].sort((a, b) => a[3] - b[3]);
        for (let i = 1; i < sorted.length; i++)
          expect(sorted[i]![3] - sorted[i - 1]![4], `${sorted[i - 1]![0]} and ${sorted[i]![0]}`).toBeGreaterThanOrEqual(
            4,
          );
      }
    };
    // Each tag's kind is the meeting's decision (FOMC_MEETINGS): a cut never drawn like a hold.
    const decided = new Map(FOMC_MEETINGS.map((m) => [m.date, m.decisionBp]));
    const kindOf = (bp: number | null | undefined) => (bp == null ? 'none' : bp < 0 ? 'cut' : bp > 0 ? 'hike' : 'hold');
    /** The readout names the decision with the cursor over a tag's bar (the tag is centred on it, or slid inside). */
    const expectReadoutOnTag = async (sel: string, t: Tag, words: string) => {
      await page.locator(sel).scrollIntoViewIfNeeded();
      const chartBox = (await page.locator(sel).boundingBox())!;
      await page.mouse.move(chartBox.x + t[6], chartBox.y + 60);
      // The readout follows the crosshair on the chart's next frame: wait for it, never read at once.
      await expect
        .poll(async () => (await page.locator('.readout-main .readout-value').first().textContent()) ?? '')
        .toContain(words);
      await page.mouse.move(0, 0);
    };
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
      // DGS2 over the year to 2025-12-11: 9 decisions (FOMC_MEETINGS), the latest the cut of 2025-12-10, tagged
      // whole at both widths; every decision keeps its shape at both widths (on a phone the crowded ones lost
      // their words and became a bare "F", so a cut and a hold looked alike); no two tags touch.
      await open(`#/symbol?s=DGS2&asOf=${AS_OF}&range=1y`);
      await page.waitForSelector('#symbol-chart[data-ready$=":fomc"][data-fomc-labels] canvas');
      // The tags are written as the chart draws: wait for the drawing of the whole year, not the first frame.
      await expect.poll(async () => (await tags('#symbol-chart')).length, { message: `tags at ${width}` }).toBe(9);
      const rate = await tags('#symbol-chart');
      for (const t of rate) expect(t[1], `${t[0]} at ${width}`).toBe(kindOf(decided.get(t[0])));
      expect(rate.find((t) => t[0] === '2025-12-10')?.slice(1, 3)).toEqual(['cut', '-25']);
      // No move loses its size: each drawn with its own bp (crowded ones lost it: a bare ▲ for +75 on 2022-11-02).
      const movesOf = (t: Tag[]) => t.filter((x) => x[1] !== 'hold').map((x) => [x[0], x[7]]);
      const decidedMoves = (t: Tag[]) =>
        t.filter((x) => x[1] !== 'hold').map((x) => [x[0], `${decided.get(x[0])! > 0 ? '+' : ''}${decided.get(x[0])}`]);
      expect(movesOf(rate), `DGS2 moves at ${width}`).toEqual(decidedMoves(rate));
      if (width > 400) expect(rate.filter((t) => t[2] === 'hold')).toHaveLength(5);
      apart(rate);
      // The readout names the decision in full under the cursor, a shape-only tag's too.
      const hold = rate.find((t) => t[1] === 'hold')!;
      await expectReadoutOnTag('#symbol-chart', hold, 'FOMC hold');
      await expectReadoutOnTag('#symbol-chart', rate.find((t) => t[0] === '2025-12-10')!, 'FOMC cut -25 bp');
      // The legend keys each kind by its shape.
      const symbolLegend = (await page.locator('.chart-legend').first().textContent()) ?? '';
      for (const key of ['FOMC cut', 'FOMC hold']) expect(symbolLegend).toContain(key);
      expect(await page.locator('.chart-legend .legend-key.fomc-cut').count()).toBe(1);
      expect(await page.locator('.chart-legend .legend-key.fomc-hold').count()).toBe(1);
      // The high since 2009-07-01 (5.19%, 2023-10-17) lies above the year's scale (about 3.2% to 4.5%): its
      // legend entry says so, rather than naming a line the reader cannot find.
      await expect
        .poll(async () => page.locator('.chart-legend li:has(.legend-key[data-series="ath"])').textContent())
        .toContain('highest since 2009-07-01 5.19% (2023-10-17) (off the scale, above)');
      // The 52w low's word is never crossed by an FOMC day's dashed line: at 390 px the 2025-10-29 line ran
      // through it, so it is not drawn there (the arrow stays; the readout names it on its day).
      const texts = JSON.parse((await page.getAttribute('#symbol-chart', 'data-marker-texts')) ?? '[]') as string[][];
      const all = JSON.parse((await page.getAttribute('#symbol-chart', 'data-markers')) ?? '[]') as string[][];
      expect(all.map((m) => m[2])).toContain('52w low');
      expect(texts.map((m) => m[2]).includes('52w low'), `52w low drawn at ${width}`).toBe(width > 400);
      // Every arrow drawn without its words has a key in the legend naming them, in its shape and colour (the
      // phone's green and red 52-week arrows had none): the 52w low's red up-arrow at 390 px.
      const markKeys = page.locator('.readout-slot:has(+ #symbol-chart) .chart-legend li.mark-key');
      const keysAndBare = async () => {
        const markers = JSON.parse((await page.getAttribute('#symbol-chart', 'data-markers')) ?? '[]') as string[][];
        const shown = JSON.parse((await page.getAttribute('#symbol-chart', 'data-marker-texts')) ?? '[]') as string[][];
        const bare = markers
          .filter((m) => m[2] && m[2] !== 'figure' && !shown.some((d) => d[0] === m[0] && d[2] === m[2]))
          .map((m) => m[2]!);
        const keys = await markKeys.allTextContents();
        return { bare: [...new Set(bare)].sort().join('|'), keys: keys.sort().join('|') };
      };
      await expect
        .poll(
          async () => {
            const k = await keysAndBare();
            return k.keys === k.bare ? 'same' : `keys ${k.keys} for bare arrows ${k.bare}`;
          },
          { message: `mark keys at ${width}` },
        )
        .toBe('same');
      if (width < 400)
        expect(await markKeys.filter({ has: page.locator('.legend-key.arrow-up') }).allTextContents()).toContain(
          '52w low',
        );
      // The ratio chart: the moves tagged, the trendline's touches keep their own square, each in the legend.
      await open(`#/rotation?asOf=${AS_OF}`);
      await page.waitForSelector('#ratio-chart[data-ready="SPSM/MAG7"][data-fomc-labels] canvas');
      const marked = Number(await page.getAttribute('#ratio-chart', 'data-fomc'));
      await expect
        .poll(async () => (await tags('#ratio-chart')).length, { message: `ratio tags at ${width}` })
        .toBe(marked);
      const moves = await tags('#ratio-chart');
      expect([moves.at(-1)?.[0], moves.at(-1)?.[1], moves.at(-1)?.[7]]).toEqual(['2025-12-10', 'cut', '-25']);
      for (const t of moves) expect(t[1], `${t[0]} at ${width}`).toBe(kindOf(decided.get(t[0])));
      // Every one of the 12 moves since 2022-10 keeps its size, at 390 px too (runs told in one tag there).
      expect(movesOf(moves), `ratio moves at ${width}`).toEqual(decidedMoves(moves));
      expect(marked).toBe(12);
      apart(moves);
      const legend = (await page.locator('.chart-legend').first().textContent()) ?? '';
      for (const key of ['anchor', 'touch', 'FOMC cut', 'FOMC hike']) expect(legend).toContain(key);
      // IWM on the day: a new ATH and 4 days up are one marker with both words; the RSI pane names its levels.
      await open(`#/symbol?s=IWM&asOf=${AS_OF}&ind=sma:50,rsi:14`);
      await page.waitForSelector('#symbol-chart[data-ready][data-markers] canvas');
      const marks = JSON.parse((await page.getAttribute('#symbol-chart', 'data-markers')) ?? '[]') as string[][];
      expect(marks.filter((m) => m[0] === AS_OF)).toEqual([[AS_OF, 'aboveBar', 'record close · 4 days up']]);
      // Its words fit before the axis: at least half their width (24 characters, "record close · 4 days up" at about 6.5 px) after the last
      // bar, at 390 px too (53 px were left there and "4 days up" lost its last letters).
      await page.waitForSelector('#symbol-chart[data-room-right]');
      expect(
        Number(await page.getAttribute('#symbol-chart', 'data-room-right')),
        `room at ${width}`,
      ).toBeGreaterThanOrEqual(8 + 3.25 * 24 - 1);
      // No text near the first bar: the plot starts 28 px in (the widest text, on the last bar, left 70 px empty).
      expect(Number(await page.getAttribute('#symbol-chart', 'data-room-left')), `left room at ${width}`).toBeLessThan(
        31,
      );
      expect(await page.locator('#symbol-chart .pane-title').allTextContents()).toContain('RSI 14 · 70 / 30 dashed');
      // RSI 68.06 sits just under its 70 level: the 70 label is staggered a label's height off the last value's,
      // not hidden (it was hidden before), and the 30 label stays on its level.
      await page.waitForSelector('#symbol-chart[data-level-labels]');
      const levelLabels = new Map(
        JSON.parse((await page.getAttribute('#symbol-chart', 'data-level-labels')) ?? '[]') as [string, number][],
      );
      expect([...levelLabels.keys()]).toEqual(['last', '30', '70']);
      expect(Math.abs(levelLabels.get('70')! - levelLabels.get('last')!), `labels at ${width}`).toBeGreaterThanOrEqual(
        17,
      );
      expect(levelLabels.get('70')!).toBeLessThan(levelLabels.get('last')!);
      // The RSI pane shows its whole 0-100 range with a small margin, so no low is cut at the pane's bottom
      // edge (the 30 line sat on it and lows were cut off): prices at the pane's bottom and top, RSI's min and max.
      await page.waitForSelector('#symbol-chart[data-pane-range]');
      const [bottom, top, rsiMin, rsiMax] = JSON.parse(
        (await page.getAttribute('#symbol-chart', 'data-pane-range')) ?? '[]',
      ) as number[];
      expect(bottom!, `RSI pane bottom at ${width}`).toBeLessThan(0);
      expect(bottom!).toBeGreaterThan(-15);
      expect(top!, `RSI pane top at ${width}`).toBeGreaterThan(100);
      expect(top!).toBeLessThan(115);
      expect(rsiMin!).toBeGreaterThan(bottom!);
      expect(rsiMax!).toBeLessThan(top!);
      // Compare: ^RUT's "ends" label stays inside the plot, also on a phone.
      await open('#/compare?s=^RUT,IWM,SPSM,MAG7');
      await page.waitForSelector('#compare-chart[data-ready][data-point-labels] canvas');
      const pointLabels = JSON.parse((await page.getAttribute('#compare-chart', 'data-point-labels')) ?? '[]') as [
        string,
        number,
        number,
        number,
        number,
        number,
      ][];
      expect(pointLabels).toHaveLength(1);
      const [text, left, right, paneWidth, labelTop, lineUnder] = pointLabels[0]!;
      expect(text).toBe('^RUT ends 2026-02-23');
      // Placed where no line runs (IWM's crossed it on a phone), inside the plot; or, when no spot near the point
      // is free, not drawn, and the readout names the series with its last day.
      if (left >= 0) {
        expect(right).toBeLessThanOrEqual(paneWidth);
        expect(labelTop).toBeGreaterThanOrEqual(0);
        expect(lineUnder, `line under the label at ${width}`).toBe(0);
      } else expect(await page.locator('.readout').first().textContent()).toContain('^RUT (stale: 2026-02-23)');
    }
    // The note's charts on a phone: redrawn at the column's width, 11 px ticks, every word inside the drawing.
    await open(`#/note?asOf=${AS_OF}`);
    await page.waitForSelector('.note svg.chart.fit');
    const fit = (await page.evaluate(`[...document.querySelectorAll('.note svg.chart')].map((svg) => {
      const box = svg.getBoundingClientRect();
      const host = svg.parentElement.getBoundingClientRect();
      const outside = [...svg.querySelectorAll('text')].filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
      }).map((t) => t.textContent);
      return [svg.getAttribute('class'), Math.round(box.width), Math.round(host.width),
        getComputedStyle(svg.querySelector('.tick')).fontSize, outside];
    })`)) as [string, number, number, string, string[]][];
    expect(fit).toHaveLength(2);
    for (const [cls, w, host, font, outside] of fit) {
      expect(cls).toBe('chart fit');
      expect(w).toBe(host);
      expect(font).toBe('11px');
      expect(outside).toEqual([]);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(browser.takeErrors()).toEqual([]);
  });

  test('Rotation chart on a phone: the table first, names beside their heads and apart; hidden series and tails in the URL', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await open(`#/rotation?asOf=${AS_OF}`);
    await page.waitForSelector('canvas.rrg[data-labels]');
    const top = async (sel: string) => (await page.locator(sel).boundingBox())?.y ?? Number.NaN;
    expect(await top('#rotation-table')).toBeLessThan(await top('canvas.rrg'));
    const labels = async () =>
      JSON.parse((await page.getAttribute('canvas.rrg', 'data-labels')) ?? '[]') as [
        string,
        number,
        number,
        number,
        0 | 1,
      ][];
    const points = JSON.parse((await page.getAttribute('canvas.rrg', 'data-points')) ?? '[]') as [
      string,
      number,
      number,
    ][];
    const named = await labels();
    expect(named.map((l) => l[0]).sort()).toEqual(points.map((p) => p[0]).sort());
    // No pixel of the five default tails runs under a name at phone width either (15 px did: XLP's and XLB's
    // names sat on the violet and magenta tails).
    expect(await page.getAttribute('canvas.rrg', 'data-tail-under-labels')).toBe('0');
    for (const [i, a] of named.entries()) {
      // Beside its own head: the box's nearest point within 10 px of the head (the arrowhead's 9 px and rounding),
      // or, when every spot that near covered a tail, a head or a name, up to four rings out (36 px) with a
      // leader line to the head.
      const head = points.find((p) => p[0] === a[0])!;
      const dx = Math.max(a[1] - head[1], 0, head[1] - (a[1] + a[3]));
      const dy = Math.max(a[2] - head[2], 0, head[2] - (a[2] + 12));
      expect(Math.hypot(dx, dy), a[0]).toBeLessThanOrEqual(a[4] ? 38 : 11);
      // Never over a head (the arrowhead's 7 px radius), its own or another's.
      for (const p of points) {
        const covers = p[1] > a[1] - 6 && p[1] < a[1] + a[3] + 6 && p[2] > a[2] - 6 && p[2] < a[2] + 12 + 6;
        expect(covers, `${a[0]}'s name over ${p[0]}'s head`).toBe(false);
      }
      for (const b of named.slice(i + 1)) {
        const apart = a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1] || a[2] + 12 <= b[2] || b[2] + 12 <= a[2];
        expect(apart, `${a[0]} and ${b[0]}`).toBe(true);
      }
    }
    // Hide XLRE and give only XLK a tail: both go into the URL and come back with it.
    await page.uncheck('input[data-series="XLRE"]');
    await page.click('#rrg-tails-none');
    await page.click('[data-tail="XLK"]');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('hide=XLRE');
    expect(decodeURIComponent(page.url())).toContain('tails=XLK');
    await page.reload();
    await page.waitForSelector('canvas.rrg[data-labels]');
    expect(await page.isChecked('input[data-series="XLRE"]')).toBe(false);
    expect(await page.getAttribute('canvas.rrg', 'data-tails')).toBe('XLK');
    expect(await page.getAttribute('canvas.rrg', 'data-points')).not.toContain('XLRE');
    // The tail length: a deep link with tail=8 opens with 8-week tails.
    await open(`#/rotation?asOf=${AS_OF}&tail=8&hide=XLRE`);
    await page.waitForSelector('canvas.rrg[data-labels]');
    expect(await page.locator('#rrg-tail').inputValue()).toBe('8');
    expect(await page.locator('.rrg-wrap figcaption').textContent()).toContain('8-week tails');
    expect(await page.isChecked('input[data-series="XLRE"]')).toBe(false);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(browser.takeErrors()).toEqual([]);
  });

  test('Overview on a phone: the rates cards keep their place while they load (skeletons of their shape, no jump)', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 390, height: 844 });
    // Hold the rates' answer until the rest of the page is drawn, to see the slot while it loads.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/api/rates**', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await open(`#/overview?asOf=${AS_OF}`);
      await page.waitForSelector('.card[data-symbol="^VIX"]');
      await page.waitForSelector('#perf-table tbody tr');
      const box = async () => {
        const rates = await page.locator('.cards.rates').boundingBox();
        const next = await page.locator('.panel').first().boundingBox();
        return { height: Math.round(rates?.height ?? 0), next: Math.round(next?.y ?? 0) };
      };
      const loading = await box();
      expect(await page.getAttribute('.cards.rates', 'aria-busy')).toBe('true');
      // Before: an empty slot, 0 px tall, then four cards pushed the panels down by two rows of cards.
      expect(loading.height).toBeGreaterThan(100);
      release();
      await page.waitForSelector('.cards.rates .card[data-symbol="fed"]');
      expect(await page.getAttribute('.cards.rates', 'aria-busy')).toBe('false');
      const loaded = await box();
      expect(
        Math.abs(loaded.height - loading.height),
        `rates ${loading.height} -> ${loaded.height} px`,
      ).toBeLessThanOrEqual(1);
      expect(Math.abs(loaded.next - loading.next), 'the panels below moved').toBeLessThanOrEqual(1);
    } finally {
      release();
      await page.unroute('**/api/rates**');
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    expect(browser.takeErrors()).toEqual([]);
  });

  /** Every page on the real data, as of the column's day and (for the stale marks) the latest day. */
  const REVIEW: readonly { name: string; hash: string; ready: readonly string[] }[] = [
    {
      name: 'overview',
      hash: `#/overview?asOf=${AS_OF}`,
      ready: ['#perf-table tbody tr', '.card', '.cards.rates .card[data-symbol]'],
    },
    { name: 'overview-latest', hash: '#/overview', ready: ['#perf-table tbody tr', '.card .stale'] },
    {
      name: 'rotation',
      hash: `#/rotation?asOf=${AS_OF}`,
      ready: ['#ratio-chart[data-ready] canvas', 'canvas.rrg[data-points]'],
    },
    {
      name: 'symbol',
      hash: `#/symbol?s=IWM&asOf=${AS_OF}&ind=sma:50,rsi:14`,
      ready: ['#symbol-chart[data-ready] canvas', '#symbol-events'],
    },
    {
      name: 'symbol-rate',
      hash: `#/symbol?s=DGS2&asOf=${AS_OF}&range=1y`,
      ready: ['#symbol-chart[data-ready] canvas'],
    },
    {
      name: 'compare',
      hash: '#/compare?s=^RUT,IWM,SPSM,MAG7',
      ready: ['#compare-chart[data-ready] canvas', '#compare-ratio-chart[data-ready] canvas'],
    },
    { name: 'note', hash: `#/note?asOf=${AS_OF}`, ready: ['#note-body h1'] },
    { name: 'note-check', hash: `#/note?asOf=${AS_OF}&tab=check`, ready: ['#check-text'] },
  ];
  const VIEWPORTS = [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ] as const;

  describe.each(VIEWPORTS)('review on the real data, $name', (viewport) => {
    describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
      test.each(REVIEW)('$name: no serious accessibility violation, nothing overflows', async (p) => {
        const page = browser.page;
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await open(p.hash);
        await page.evaluate(`localStorage.setItem('marketdash.theme', '${theme}')`);
        await page.reload();
        await page.waitForSelector(`html[data-theme="${theme}"]`, { state: 'attached' });
        for (const sel of p.ready) await page.waitForSelector(sel);
        await waitUntilSettled(page);
        await expectAccessibleAndFitting(page);
        if (p.name === 'rotation') await expectRrgNamesClear(page, `at ${viewport.width} px`);
        await screenshot(page, `review-real-${p.name}-${viewport.name}-${theme}`);
        expect(browser.takeErrors()).toEqual([]);
      });
    });
  });
});
