import { describe, expect, it } from 'vitest';
import { rollingZScore } from './rolling-zscore.js';

describe('rollingZScore', () => {
  it('matches pandas (x - x.rolling(4).mean()) / x.rolling(4).std()', () => {
    // pandas 2.x: [NaN, NaN, NaN, 1.322876, 1.276885, 1.250926]
    const z = rollingZScore(Float64Array.of(1, 2, 4, 7, 11, 16), 4);
    expect(Number.isNaN(z[2]!)).toBe(true);
    expect(z[3]).toBeCloseTo(1.322876, 6);
    expect(z[4]).toBeCloseTo(1.276885, 6);
    expect(z[5]).toBeCloseTo(1.250926, 6);
  });

  it('reads 0 on a flat window and NaN when the window holds a NaN', () => {
    const z = rollingZScore(Float64Array.of(5, 5, 5, Number.NaN, 1, 2, 3), 3);
    expect(z[2]).toBe(0);
    expect(Number.isNaN(z[3]!)).toBe(true);
    expect(Number.isNaN(z[5]!)).toBe(true);
    expect(z[6]).toBeCloseTo(1, 12); // (3 - 2) / 1
  });

  it('rejects a window below 2', () => {
    expect(() => rollingZScore(new Float64Array(3), 1)).toThrow(/window/);
  });
});
