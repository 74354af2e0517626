/** The review every e2e page check shares: accessibility (axe-core) and horizontal fit. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * No serious or critical axe-core violation of the WCAG 2.1 A/AA rules, and nothing wider than the window;
 * the chart library's attribution never over a chart (its logo covered the first bars), but in the footer:
 * the NOTICE text and a link to tradingview.com, as the library's licence asks.
 */
export async function expectAccessibleAndFitting(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
  expect(
    (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number,
  ).toBeLessThanOrEqual(1);
  expect(await page.locator('.chart a[href*="tradingview.com"], #tv-attr-logo').count(), 'logo over a chart').toBe(0);
  const attribution = page.locator('footer #chart-attribution');
  expect(await attribution.textContent()).toContain(
    'TradingView Lightweight Charts™, Copyright (c) 2023 TradingView, Inc.',
  );
  expect(await attribution.locator('a[href="https://www.tradingview.com/"]').count()).toBe(1);
}

/**
 * The rotation chart's names, as drawn (canvas.rrg's data-labels, data-quadrant-labels): none over a quadrant's
 * name, none over another name, no pixel of a drawn tail under one (XLK's name lay on "Leading" at 390 px).
 */
export async function expectRrgNamesClear(page: Page, where: string): Promise<void> {
  await page.waitForSelector('canvas.rrg[data-labels][data-quadrant-labels]');
  const names = JSON.parse((await page.getAttribute('canvas.rrg', 'data-labels')) ?? '[]') as [
    string,
    number,
    number,
    number,
    0 | 1,
  ][];
  const quadrants = JSON.parse((await page.getAttribute('canvas.rrg', 'data-quadrant-labels')) ?? '[]') as number[][];
  expect(quadrants).toHaveLength(4);
  const boxes = names.map(([s, x, y, w]) => ({ s, left: x, top: y, right: x + w, bottom: y + 12 }));
  const apart = (a: { left: number; top: number; right: number; bottom: number }, b: typeof a) =>
    a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
  for (const [i, a] of boxes.entries()) {
    for (const [left, top, right, bottom] of quadrants)
      expect(
        apart(a, { left: left!, top: top!, right: right!, bottom: bottom! }),
        `${a.s} on a quadrant's name ${where}`,
      ).toBe(true);
    for (const b of boxes.slice(i + 1)) expect(apart(a, b), `${a.s} and ${b.s} ${where}`).toBe(true);
  }
  expect(await page.getAttribute('canvas.rrg', 'data-tail-under-labels'), `tail under a name ${where}`).toBe('0');
}

const SPLIT_DATES = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest('svg, script, style, [hidden]')) continue;
    // The body of a closed <details> is not drawn.
    const details = parent.closest('details');
    if (details && !details.open && !parent.closest('summary')) continue;
    for (const m of n.data.matchAll(/\\d{4}-\\d{2}-\\d{2}/g)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + 10);
      const tops = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
      if (tops.size > 1) out.push(m[0] + ' in "' + n.data.slice(Math.max(0, m.index - 30), m.index + 20) + '"');
    }
  }
  return out;
})()`;

/**
 * Every ISO date in the page's drawn text (outside SVG, whose text never wraps, and the body of a closed
 * <details>) that lies on more than one line: a Range over the date's characters has a client rectangle per
 * line. The Symbol chart's caption broke "2025-03-19" as "2025-" / "03-19 hold" at 390 and 1440 px.
 */
export async function splitDates(page: Page): Promise<string[]> {
  return (await page.evaluate(SPLIT_DATES)) as string[];
}

const LABELS_APART = `(() => {
  const out = [];
  for (const b of document.querySelectorAll('.card-line b')) {
    const label = b.previousSibling;
    if (!label || label.nodeType !== Node.TEXT_NODE || !label.data.trim()) continue;
    const r = document.createRange();
    r.selectNodeContents(label);
    const rects = [...r.getClientRects()].filter((x) => x.width > 0);
    const last = rects[rects.length - 1];
    const first = [...b.getClientRects()][0];
    if (last && first && Math.abs(last.top - first.top) > 2) out.push(label.data.trim() + ' ' + b.textContent);
  }
  return out;
})()`;

/**
 * Each card line's label ("Day ", "YTD ", "1M ") whose figure (the <b> after it) starts on another line: the
 * VIX card read "Day +10.16% · YTD" with "+40.67%" alone under it, at 1440 px too.
 */
export async function labelsApartFromFigures(page: Page): Promise<string[]> {
  return (await page.evaluate(LABELS_APART)) as string[];
}

/**
 * The text pixels of a lightweight-charts time axis (the last row of the chart's table: stub, axis, stub; the
 * axis' first canvas has the labels), below its top border: how many in all and how many in the first two
 * pixel columns, where a label the library centred on a tick near the edge is cut ("ep" for Sep). Read after
 * two frames: the chart draws its labels on the frame after its range is set.
 */
export async function timeAxisInk(page: Page, chart: string): Promise<{ edge: number; total: number } | null> {
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  return (await page.evaluate(`(() => {
    const rows = document.querySelectorAll(${JSON.stringify(`${chart} table tr`)});
    const canvas = rows[rows.length - 1]?.querySelectorAll('td')[1]?.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    const w = canvas.width;
    const h = canvas.height;
    const px = ctx.getImageData(0, 0, w, h).data;
    // The background is the bottom-right pixel's colour; ink is anything clearly different from it.
    const bg = px.slice((h * w - 1) * 4, (h * w - 1) * 4 + 3);
    let edge = 0;
    let total = 0;
    for (let y = 3; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        if ([0, 1, 2].some((k) => Math.abs(px[i + k] - bg[k]) > 40)) {
          total++;
          if (x < 2) edge++;
        }
      }
    return { edge, total };
  })()`)) as { edge: number; total: number } | null;
}
