/** The review every e2e page check shares: accessibility (axe-core) and horizontal fit. */
import AxeBuilder from '@axe-core/playwright';
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
