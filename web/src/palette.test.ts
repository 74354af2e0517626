/**
 * The palette rules, measured: CIE76 distances after the Machado (2009) colour-vision simulation,
 * WCAG contrast ratios. Reference values for the colour maths: WCAG 2.x gives white on black 21:1
 * and #777777 on white 4.48:1; CIE76 distance of black and white is 100.
 */
import { describe, expect, test } from 'vitest';
import {
  contrast,
  deltaE,
  hueDistance,
  labHueChroma,
  minPairDistance,
  parseHex,
  simulate,
  textOn,
  toLab,
  VISIONS,
} from './colour.js';
import { DARK, LIGHT } from './palette.js';

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
  test.each(VISIONS)(
    'every pair of series colours is apart (15 CIE76 units with normal vision, 12 simulated) with %s',
    (vision) => {
      const { distance, pair } = minPairDistance(p.series, vision);
      expect(distance, `${pair.join(' vs ')}`).toBeGreaterThanOrEqual(vision === 'normal' ? 15 : 12);
    },
  );
  test.each(VISIONS)('no series colour can be taken for the accent (>= 12 units) with %s', (vision) => {
    for (const s of p.series)
      expect(
        deltaE(simulate(parseHex(s), vision), simulate(parseHex(p.accent), vision)),
        `${s} vs ${p.accent}`,
      ).toBeGreaterThanOrEqual(12);
  });
  test('no series hue is within 20 degrees of the up, down or accent hue (green and red mean up and down only)', () => {
    for (const s of p.series)
      for (const signal of [p.up, p.down, p.accent])
        expect(
          hueDistance(labHueChroma(parseHex(s)).hue, labHueChroma(parseHex(signal)).hue),
          `${s} vs ${signal}`,
        ).toBeGreaterThanOrEqual(20);
  });
  test.each(VISIONS)('no series colour can be taken for up or down (>= 15 units) with %s', (vision) => {
    for (const s of p.series)
      for (const signal of [p.up, p.down])
        expect(
          deltaE(simulate(parseHex(s), vision), simulate(parseHex(signal), vision)),
          `${s} vs ${signal}`,
        ).toBeGreaterThanOrEqual(15);
  });
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
    'series %i (%s light, %s dark): the same hue (within 20 degrees), the dark one lighter by at most 30 L*',
    (_i, light, dark) => {
      const l = labHueChroma(parseHex(light));
      const d = labHueChroma(parseHex(dark));
      expect(hueDistance(l.hue, d.hue)).toBeLessThanOrEqual(20);
      // A colour, not a grey, in both themes (a grey has no hue to keep).
      expect(Math.min(l.chroma, d.chroma)).toBeGreaterThanOrEqual(25);
      const lift = toLab(parseHex(dark))[0] - toLab(parseHex(light))[0];
      expect(lift).toBeGreaterThanOrEqual(0);
      expect(lift).toBeLessThanOrEqual(30);
    },
  );
  test('the old palettes failed this rule: SMA 50 was purple (#a106ef) in light and yellow (#efef06) in dark', () => {
    expect(hueDistance(labHueChroma(parseHex('#a106ef')).hue, labHueChroma(parseHex('#efef06')).hue)).toBeGreaterThan(
      90,
    );
  });
});
