// Volatility, drawdown and CAGR: expected values derived by hand (formulas written out in each test).
import { describe, expect, it } from 'vitest';
import { annualisedVolatility, cagr, maxDrawdown } from './risk.js';

describe('annualised volatility', () => {
  it('is sqrt(252) x the sample sd of daily log returns', () => {
    // Two log returns a = ln 1.1, b = ln 0.9: sample sd = |a - b| / sqrt(2).
    const v = annualisedVolatility(new Float64Array([100, 110, 99]), 0, 2)!;
    expect(v).toBeCloseTo((Math.abs(Math.log(1.1) - Math.log(0.9)) / Math.SQRT2) * Math.sqrt(252), 12);
    expect(v).toBeCloseTo(2.25252, 4);
  });
  it('is 0 for a steady trend and null with fewer than two returns', () => {
    expect(annualisedVolatility(new Float64Array([100, 110, 121]), 0, 2)).toBeCloseTo(0, 12);
    expect(annualisedVolatility(new Float64Array([100, 110]), 0, 1)).toBeNull();
  });
});

describe('maximum drawdown', () => {
  it('is the worst fall from a running peak', () => {
    // 120 -> 90 is -25%; 130 -> 104 is only -20%.
    expect(maxDrawdown(new Float64Array([100, 120, 90, 130, 104]), 0, 4)).toEqual({
      depth: -0.25,
      peakIndex: 1,
      troughIndex: 2,
    });
    expect(maxDrawdown(new Float64Array([100, 120, 90, 130, 104]), 3, 4)!.depth).toBeCloseTo(-0.2, 12);
    expect(maxDrawdown(new Float64Array([1, 2, 3]), 0, 2)!.depth).toBe(0);
  });
});

describe('CAGR', () => {
  it('uses 365.25-day years', () => {
    // 4 x 365.25 = 1461 days; 100 -> 146.41 = 1.1^4.
    expect(cagr(new Int32Array([0, 1461]), new Float64Array([100, 146.41]), 0, 1)).toBeCloseTo(0.1, 12);
    // 365 calendar days are 365/365.25 of a year: 100 -> 110
    expect(cagr(new Int32Array([0, 365]), new Float64Array([100, 110]), 0, 1)).toBeCloseTo(
      1.1 ** (365.25 / 365) - 1,
      14,
    );
    expect(cagr(new Int32Array([0, 0]), new Float64Array([1, 2]), 0, 1)).toBeNull();
  });
});
