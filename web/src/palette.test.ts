/**
 * The palette rules, measured: CIEDE2000 distances with normal vision and after the colour-vision
 * simulation of Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model for Simulation of
 * Color Vision Deficiency", IEEE TVCG 15(6), Table 1 at severity 1.0 (protanopia, deuteranopia,
 * tritanopia; colour.ts), and WCAG contrast ratios. Reference values for the colour maths: WCAG 2.x gives
 * white on black 21:1 and #777777 on white 4.48:1; CIE76 distance of black and white is 100; the
 * CIEDE2000 test pairs of Sharma, Wu and Dalal (2005).
 * Thresholds: 10 CIEDE2000 between any two series colours with normal vision (a common bar for
 * categorical palettes is 10 to 11); 8 under each simulated deficiency between series of the same line
 * style (a confusable pair differs in style, see palette.ts); docs/dashboard.md says why.
 */
import { describe, expect, test } from 'vitest';
import {
  contrast,
  deltaE,
  deltaE2000,
  deltaE2000Lab,
  hueDistance,
  labHueChroma,
  parseHex,
  simulate,
  textOn,
  toLab,
  VISIONS,
} from './colour.js';
import { DARK, LIGHT, seriesDash } from './palette.js';

/** The smallest arc of CIELAB hue, in degrees, that holds every one of `colours`. */
function hueArc(colours: readonly string[]): number {
  const hues = colours.map((c) => (labHueChroma(parseHex(c)).hue + 360) % 360).sort((a, b) => a - b);
  let widestGap = 360 - hues[hues.length - 1]! + hues[0]!;
  for (let i = 1; i < hues.length; i++) widestGap = Math.max(widestGap, hues[i]! - hues[i - 1]!);
  return 360 - widestGap;
}

describe('colour maths against published values', () => {
  test('WCAG contrast: white on black is 21, #777777 on white is 4.48', () => {
    expect(contrast(parseHex('#ffffff'), parseHex('#000000'))).toBeCloseTo(21, 6);
    expect(contrast(parseHex('#777777'), parseHex('#ffffff'))).toBeCloseTo(4.48, 2);
  });
  test('CIE76: black to white is 100; simulation keeps greys grey', () => {
    expect(deltaE(parseHex('#000000'), parseHex('#ffffff'))).toBeCloseTo(100, 3);
    for (const v of VISIONS) {
      const g = simulate(parseHex('#808080'), v);
      expect(Math.max(...g) - Math.min(...g)).toBeLessThan(2);
    }
  });
  test('CIELAB hue: pure red near 40 degrees, pure blue near -54 (Lab of #ff0000 is 53.2, 80.1, 67.2)', () => {
    expect(labHueChroma(parseHex('#ff0000')).hue).toBeCloseTo((Math.atan2(67.2, 80.1) * 180) / Math.PI, 0);
    expect(labHueChroma(parseHex('#0000ff')).hue).toBeCloseTo(-53.6, 0);
    expect(hueDistance(170, -170)).toBe(20);
  });
  test('deuteranopia makes the classic red and green much closer than normal vision does', () => {
    const red = parseHex('#c9372c');
    const green = parseHex('#1a8a55');
    expect(deltaE(simulate(red, 'deuteranopia'), simulate(green, 'deuteranopia'))).toBeLessThan(deltaE(red, green) / 2);
  });
  test('CIEDE2000 reproduces the published test pairs of Sharma, Wu and Dalal (2005), Table 1', () => {
    const pairs: [[number, number, number], [number, number, number], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425], // pair 1
      [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615], // pair 2
      [[50, 0, 0], [50, -1, 2], 2.3669], // pair 7
      [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792], // pair 13 (hues on either side of 180)
      [[50, 2.5, 0], [73, 25, -18], 27.1492], // pair 17
      [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0], // pair 19
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644], // pair 24
      [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082], // pair 34
    ];
    for (const [a, b, want] of pairs) expect(deltaE2000Lab(a, b)).toBeCloseTo(want, 4);
    expect(deltaE2000(parseHex('#123456'), parseHex('#123456'))).toBe(0);
  });
  test('text on a tile: dark on a pale tile, white on a deep one', () => {
    expect(textOn(parseHex('#e8f5ee'))).toBe('#11141a');
    expect(textOn(parseHex('#1d5e3c'))).toBe('#ffffff');
  });
});

describe.each([
  ['light', LIGHT],
  ['dark', DARK],
])('the %s palette', (_name, p) => {
  test('12 series colours, all different', () => {
    expect(p.series.length).toBeGreaterThanOrEqual(12);
    expect(new Set(p.series).size).toBe(p.series.length);
  });
  test('every pair of series colours is at least 10 CIEDE2000 and 12 CIE76 apart with normal vision', () => {
    for (let i = 0; i < p.series.length; i++)
      for (let j = i + 1; j < p.series.length; j++) {
        const [a, b] = [parseHex(p.series[i]!), parseHex(p.series[j]!)];
        expect(deltaE2000(a, b), `${p.series[i]} vs ${p.series[j]}`).toBeGreaterThanOrEqual(10);
        expect(deltaE(a, b), `${p.series[i]} vs ${p.series[j]}`).toBeGreaterThanOrEqual(12);
      }
  });
  test('the series colours are distinct hue families: at least 6 of 30-degree width among the first 8 (not all pinks)', () => {
    // The old palette failed this: 12 colours, all between magenta and violet, read alike on the rotation chart.
    const families = new Set(p.series.slice(0, 8).map((s) => Math.floor((labHueChroma(parseHex(s)).hue + 180) / 30)));
    expect(families.size).toBeGreaterThanOrEqual(6);
  });
  test.each(VISIONS.filter((v) => v !== 'normal'))(
    'with %s every two series of the same line style are at least 8 CIEDE2000 apart',
    (vision) => {
      const seen = p.series.map((h) => simulate(parseHex(h), vision));
      for (let i = 0; i < seen.length; i++)
        for (let j = i + 1; j < seen.length; j++)
          if (seriesDash(i) === seriesDash(j))
            expect(deltaE2000(seen[i]!, seen[j]!), `${p.series[i]} vs ${p.series[j]}`).toBeGreaterThanOrEqual(8);
    },
  );
  test('no two series share both a colour class and a style: a pair closer than 8 under any deficiency differs in style', () => {
    // Colour class: the pairs a colour-blind reader may confuse. Twelve hues cannot all stay 8 apart under
    // all three simulations (this palette's closest pairs of different style are 3 to 7 apart), so the
    // style must tell those apart; every confusable pair is listed and each has two styles.
    const confusable: [number, number][] = [];
    for (let i = 0; i < p.series.length; i++)
      for (let j = i + 1; j < p.series.length; j++)
        if (
          VISIONS.some((v) => deltaE2000(simulate(parseHex(p.series[i]!), v), simulate(parseHex(p.series[j]!), v)) < 8)
        )
          confusable.push([i, j]);
    expect(confusable.length).toBeGreaterThan(0);
    for (const [i, j] of confusable) expect(seriesDash(i), `series ${i} and ${j}`).not.toBe(seriesDash(j));
  });
  test('two series of the same style are never one hue told apart by lightness alone (within 30 degrees: >= 20 CIEDE2000)', () => {
    for (let i = 0; i < p.series.length; i++)
      for (let j = i + 1; j < p.series.length; j++) {
        if (seriesDash(i) !== seriesDash(j)) continue;
        const [a, b] = [parseHex(p.series[i]!), parseHex(p.series[j]!)];
        if (hueDistance(labHueChroma(a).hue, labHueChroma(b).hue) < 30)
          expect(deltaE2000(a, b), `${p.series[i]} vs ${p.series[j]}`).toBeGreaterThanOrEqual(20);
      }
  });
  test('no three series lie within a 30-degree arc of hue: three near hues in one chart read as one colour', () => {
    for (let i = 0; i < p.series.length; i++)
      for (let j = i + 1; j < p.series.length; j++)
        for (let k = j + 1; k < p.series.length; k++) {
          const arc = hueArc([p.series[i]!, p.series[j]!, p.series[k]!]);
          expect(arc, `${p.series[i]}, ${p.series[j]} and ${p.series[k]}`).toBeGreaterThanOrEqual(30);
        }
  });
  test('the two styles split the series evenly (6 solid, 6 dashed)', () => {
    const dashes = p.series.map((_, i) => seriesDash(i));
    expect(dashes.filter((d) => d === 'solid')).toHaveLength(6);
    expect(dashes.filter((d) => d === 'dashed')).toHaveLength(6);
  });
  test('no series colour is within 15 CIEDE2000 of the up, down or accent colour', () => {
    for (const s of p.series)
      for (const signal of [p.up, p.down, p.accent])
        expect(deltaE2000(parseHex(s), parseHex(signal)), `${s} vs ${signal}`).toBeGreaterThanOrEqual(15);
  });
  test('no series hue is within 25 degrees of the up, down or accent hue (green and red mean up and down only)', () => {
    for (const s of p.series)
      for (const signal of [p.up, p.down, p.accent])
        expect(
          hueDistance(labHueChroma(parseHex(s)).hue, labHueChroma(parseHex(signal)).hue),
          `${s} vs ${signal}`,
        ).toBeGreaterThanOrEqual(25);
  });
  test.each(['protanopia', 'deuteranopia'] as const)(
    'no series colour can be taken for up or down (>= 9 CIE76 units) with %s',
    (vision) => {
      for (const s of p.series)
        for (const signal of [p.up, p.down])
          expect(
            deltaE(simulate(parseHex(s), vision), simulate(parseHex(signal), vision)),
            `${s} vs ${signal}`,
          ).toBeGreaterThanOrEqual(9);
    },
  );
  test.each(VISIONS)('the accent is distinct from up, down and the first series colour with %s', (vision) => {
    for (const other of [p.up, p.down, p.series[0]!])
      expect(deltaE(simulate(parseHex(p.accent), vision), simulate(parseHex(other), vision))).toBeGreaterThanOrEqual(
        12,
      );
  });
  test('every line colour has 3:1 contrast against the chart background', () => {
    for (const c of [p.up, p.down, p.accent, ...p.series])
      expect(contrast(parseHex(c), parseHex(p.background)), c).toBeGreaterThanOrEqual(3);
  });
});

describe('one series colour in both themes', () => {
  test('the same number of series colours in each theme', () => {
    expect(DARK.series.length).toBe(LIGHT.series.length);
  });
  test.each(LIGHT.series.map((light, i) => [i, light, DARK.series[i]!] as const))(
    'series %i (%s light, %s dark): the same hue (within 8 degrees), the dark one lighter by at most 20 L*',
    (_i, light, dark) => {
      const l = labHueChroma(parseHex(light));
      const d = labHueChroma(parseHex(dark));
      expect(hueDistance(l.hue, d.hue)).toBeLessThanOrEqual(8);
      // A colour, not a grey, in both themes (a grey has no hue to keep).
      expect(Math.min(l.chroma, d.chroma)).toBeGreaterThanOrEqual(25);
      const lift = toLab(parseHex(dark))[0] - toLab(parseHex(light))[0];
      expect(lift).toBeGreaterThanOrEqual(0);
      expect(lift).toBeLessThanOrEqual(20);
    },
  );
  test('the previous dark palette failed the same-style rule: XLE (#de3487) and XLI (#ef86aa), both solid, 3 degrees and 16.5 apart', () => {
    // Series 2 and 6 are XLE and XLI on the rotation chart of the sectors (the API's order: XLK XLF XLE XLV XLY XLP XLI ...).
    const [xle, xli] = [parseHex('#de3487'), parseHex('#ef86aa')];
    expect(seriesDash(2)).toBe(seriesDash(6));
    expect(hueDistance(labHueChroma(xle).hue, labHueChroma(xli).hue)).toBeLessThan(30);
    expect(deltaE2000(xle, xli)).toBeLessThan(20);
    // now: XLE magenta and XLI petrol, apart in hue
    expect(
      hueDistance(labHueChroma(parseHex(DARK.series[2]!)).hue, labHueChroma(parseHex(DARK.series[6]!)).hue),
    ).toBeGreaterThan(90);
  });
  test("the previous palette failed the three-hue rule: the dark rotation chart's XLB, XLE and XLU were three pinks", () => {
    // Hot pink (XLB, dashed), magenta (XLE) and pale pink (XLU) of the session-7 review, within 20 degrees;
    // a hand check of hueArc: hues 355, 341 and 0 degrees span 19.
    const [xlb, xle, xlu] = ['#de3487', '#a64786', '#ce879c'];
    expect(hueArc([xlb, xle, xlu])).toBeLessThan(30);
    expect(hueArc([xlb, xle, xlu])).toBeGreaterThan(10);
    // and the blue, steel blue and petrol of XLK, XLP and XLI, 15 CIEDE2000 at most apart, within 50 degrees
    expect(hueArc(['#177de9', '#2891c6', '#007b9c'])).toBeLessThan(50);
    // now: XLB plum, XLE magenta, XLU sky
    expect(hueArc([DARK.series[7]!, DARK.series[2]!, DARK.series[8]!])).toBeGreaterThan(90);
  });
  test('the old palettes failed this rule: SMA 50 was purple (#a106ef) in light and yellow (#efef06) in dark', () => {
    expect(hueDistance(labHueChroma(parseHex('#a106ef')).hue, labHueChroma(parseHex('#efef06')).hue)).toBeGreaterThan(
      90,
    );
  });
});
