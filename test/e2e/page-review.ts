/** The review every e2e page check shares: accessibility (axe-core) and horizontal fit. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** No serious or critical axe-core violation of the WCAG 2.1 A/AA rules, and nothing wider than the window. */
export async function expectAccessibleAndFitting(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
  expect(
    (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number,
  ).toBeLessThanOrEqual(1);
}
