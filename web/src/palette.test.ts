/**
 * The palette rules, measured: CIE76 distances after the Machado (2009) colour-vision simulation,
 * WCAG contrast ratios. Reference values for the colour maths: WCAG 2.x gives white on black 21:1
 * and #777777 on white 4.48:1; CIE76 distance of black and white is 100.
 */
import { describe, expect, test } from 'vitest';
import { contrast, deltaE, minPairDistance, parseHex, simulate, textOn, VISIONS } from './colour.js';
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
  test.each(VISIONS)('every pair of series colours is at least 15 CIE76 units apart with %s', (vision) => {
    const { distance, pair } = minPairDistance(p.series, vision);
    expect(distance, `${pair.join(' vs ')}`).toBeGreaterThanOrEqual(15);
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
