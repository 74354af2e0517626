import { describe, expect, it } from 'vitest';
import { expectSeries } from '../../../test/support/expect-series.js';
import { BollingerStream, bollingerBands } from './bollinger-bands.js';
import { NonLeadingNaNError } from './nan-policy.js';

const NA = Number.NaN;
// Reference: R 4.2.2, TTR 0.24.3: x <- c(NA,NA,1,2,3,5,4,6,7,8,7,9); BBands(x, 3, sd = 2)
const X = Float64Array.of(NA, NA, 1, 2, 3, 5, 4, 6, 7, 8, 7, 9);
// biome-ignore format: reference values, several to a line as R prints them
const TTR_DN = [
  NA, NA, NA, NA, 0.367006838144548, 0.838895075484039, 2.36700683814455, 3.36700683814455, 3.17222840881737,
  5.36700683814455, 6.39052429175127, 6.36700683814455,
];
// biome-ignore format: reference values, several to a line as R prints them
const TTR_UP = [
  NA, NA, NA, NA, 3.63299316185545, 5.82777159118263, 5.63299316185545, 6.63299316185545, 8.16110492451596,
  8.63299316185545, 8.2761423749154, 9.63299316185545,
];

describe('bollingerBands', () => {
  it('matches TTR BBands(x, 3, sd = 2) on a close series', () => {
    const b = bollingerBands(X, { period: 3, width: 2 });
    expectSeries(b.lower, TTR_DN, 1e-13);
    expectSeries(b.upper, TTR_UP, 1e-13);
  });

  it('uses the population standard deviation by hand: 2, 4, 6 has sd sqrt(8/3), not 2', () => {
    const b = bollingerBands(Float64Array.of(2, 4, 6), { period: 3, width: 1 });
    expect(b.middle[2]).toBe(4);
    expect(b.upper[2]).toBeCloseTo(4 + Math.sqrt(8 / 3), 14);
    expect(b.lower[2]).toBeCloseTo(4 - Math.sqrt(8 / 3), 14);
  });

  it('has a width of exactly 0 over a flat stretch after a volatile one (TTR: runSD gives 0)', () => {
    const closes = Float64Array.from({ length: 600 }, (_, i) => (i < 300 ? 3000 + 400 * Math.sin(i * 1.7) : 3017.77));
    const b = bollingerBands(closes, { period: 20, width: 2 });
    for (let i = 320; i < 600; i++) expect(b.upper[i]! - b.lower[i]!, `row ${i}`).toBe(0);
  });

  it('stays within 1e-9 of a two-pass computation over a long series (the sliding variance does not drift)', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.04;
    const closes = new Float64Array(5000);
    let level = 100;
    for (let i = 0; i < closes.length; i++) closes[i] = level *= Math.exp(next());
    const b = bollingerBands(closes, { period: 20, width: 2 });
    const s = new BollingerStream({ period: 20, width: 2 });
    let worst = 0;
    closes.forEach((c, i) => {
      const v = s.add(c);
      if (v) worst = Math.max(worst, Math.abs(v.upper - b.upper[i]!), Math.abs(v.lower - b.lower[i]!));
    });
    expect(worst).toBeLessThan(1e-9);
  });

  it('refuses a bad width or a NaN after the first value', () => {
    expect(() => bollingerBands(X, { period: 3, width: 0 })).toThrow(/width must be a number > 0/);
    expect(() => bollingerBands(Float64Array.of(1, NA, 2), { period: 2, width: 2 })).toThrow(NonLeadingNaNError);
  });
});
