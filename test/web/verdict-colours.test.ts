/**
 * The Check tab's verdicts have their own colours, never the up/down pair (issue 11: a supported fall was
 * green, a contradicted rise red). Read from the page's stylesheet as the browser gets it, and measured with
 * the colour maths of web/src/colour.ts (WCAG 2.x contrast; CIEDE2000, Sharma, Wu and Dalal 2005; colour-vision
 * simulation, Machado, Oliveira and Fernandes 2009: the references palette.test.ts checks them against).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { contrast, deltaE2000, hueDistance, labHueChroma, parseHex, simulate, VISIONS } from '../../web/src/colour.js';
import { DARK, LIGHT, VERDICT_COLOURS, VERDICT_LABELS, type Verdict } from '../../web/src/palette.js';

const css = readFileSync(new URL('../../web/src/styles.css', import.meta.url), 'utf8');

describe("the Check tab's verdict colours: their own encoding, never the up/down pair", () => {
  // The page's colours as styles.css sets them (its :root block, then the dark theme's).
  const block = (selector: string): string => {
    const at = css.indexOf(`${selector} {`);
    expect(at, selector).toBeGreaterThanOrEqual(0);
    return css.slice(at, css.indexOf('}', at));
  };
  const vars = (selector: string): Record<string, string> =>
    Object.fromEntries([...block(selector).matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
  const themes = { light: vars(':root'), dark: { ...vars(':root'), ...vars(':root[data-theme="dark"]') } };
  const verdicts: Verdict[] = ['supported', 'contradicted', 'unverifiable'];

  test.each(['light', 'dark'] as const)("%s: styles.css sets the palette's verdict colours", (theme) => {
    for (const v of verdicts) expect(themes[theme][`verdict-${v}`], v).toBe(VERDICT_COLOURS[theme][v]);
  });
  test.each(['light', 'dark'] as const)(
    '%s: each verdict colour has 4.5:1 on the page and the panel, and is far from up and down',
    (theme) => {
      const t = themes[theme];
      for (const v of verdicts) {
        const c = parseHex(VERDICT_COLOURS[theme][v]);
        for (const bg of ['bg', 'panel'])
          expect(contrast(c, parseHex(t[bg]!)), `${v} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        for (const signal of ['up', 'down']) {
          const s = parseHex(t[signal]!);
          expect(deltaE2000(c, s), `${v} vs ${signal}`).toBeGreaterThanOrEqual(20);
          if (v !== 'unverifiable')
            expect(hueDistance(labHueChroma(c).hue, labHueChroma(s).hue), `${v} vs ${signal}`).toBeGreaterThanOrEqual(
              30,
            );
        }
      }
    },
  );
  test.each(['light', 'dark'] as const)(
    '%s: supported and contradicted are apart with every colour vision',
    (theme) => {
      const [s, c] = [parseHex(VERDICT_COLOURS[theme].supported), parseHex(VERDICT_COLOURS[theme].contradicted)];
      for (const v of VISIONS) expect(deltaE2000(simulate(s, v), simulate(c, v)), v).toBeGreaterThanOrEqual(30);
    },
  );
  test('no verdict style uses the up or down colour (a supported fall was green, a contradicted rise red)', () => {
    const rules = [
      ...css.matchAll(/([^{}]*(?:verdict-|mark\.(?:supported|contradicted|unverifiable))[^{}]*)\{([^}]*)\}/g),
    ];
    expect(rules.length).toBeGreaterThanOrEqual(6);
    for (const [, selector, body] of rules) expect(body, selector!.trim()).not.toMatch(/var\(--(?:up|down)\)/);
    // the marks' tints are not the up/down colours either (the old ones: rgba(26, 138, 85) and rgba(201, 55, 44))
    expect(css).not.toMatch(
      /mark\.(?:supported|contradicted)[^{]*\{[^}]*rgba\((?:26, 138, 85|201, 55, 44|63, 178, 127|240, 100, 90)/,
    );
  });
  test('each verdict has its own icon and word', () => {
    expect(new Set(verdicts.map((v) => VERDICT_LABELS[v].icon)).size).toBe(3);
    expect(verdicts.map((v) => VERDICT_LABELS[v].word)).toEqual(['Supported', 'Contradicted', 'Unverifiable']);
  });
});

describe("the note's trendline: the charts' accent, never the down colour", () => {
  test('styles.css draws .note .trendline in --chart-accent, the palette accent of each theme', () => {
    // The note page's ratio chart drew its downtrend line in var(--down) (red), the dashboard's own in the accent.
    const rule = /\.note \.trendline \{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toContain('stroke: var(--chart-accent)');
    expect(/:root \{[^}]*--chart-accent: (#[0-9a-f]{6})/.exec(css)?.[1]).toBe(LIGHT.accent);
    expect(/:root\[data-theme="dark"\] \{[^}]*--chart-accent: (#[0-9a-f]{6})/.exec(css)?.[1]).toBe(DARK.accent);
  });
});
