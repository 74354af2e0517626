import { describe, expect, it } from 'vitest';
import { expectSeries } from '../../../test/support/expect-series.js';
import { EmaStream, ema, emaRatio } from './ema.js';
import { NonLeadingNaNError } from './nan-policy.js';

const NA = Number.NaN;
// Reference: R 4.2.2, TTR 0.24.3: x <- c(NA,NA,1,2,3,5,4,6,7,8,7,9); EMA(x, 3); EMA(x, 3, wilder = TRUE)
const X = Float64Array.of(NA, NA, 1, 2, 3, 5, 4, 6, 7, 8, 7, 9);
const TTR_EMA_3 = [NA, NA, NA, NA, 2, 3.5, 3.75, 4.875, 5.9375, 6.96875, 6.984375, 7.9921875];
// biome-ignore format: reference values, several to a line as R prints them
const TTR_EMA_3_WILDER = [
  NA, NA, NA, NA, 2, 3, 3.33333333333333, 4.22222222222222, 5.14814814814815, 6.09876543209877,
  6.39917695473251, 7.26611796982167,
];

describe('ema', () => {
  it('matches TTR EMA(x, 3): seeded with the SMA of the first 3 values after the leading NaNs', () => {
    expectSeries(ema(X, 3), TTR_EMA_3, 1e-13);
  });

  it("matches TTR EMA(x, 3, wilder = TRUE): Wilder's k = 1/n", () => {
    expectSeries(ema(X, 3, { wilder: true }), TTR_EMA_3_WILDER, 1e-13);
  });

  it('uses k = 2/(n+1) by hand: seed (2+4)/2 = 3, then 6*2/3 + 3/3 = 5', () => {
    expect(emaRatio(2)).toBeCloseTo(2 / 3, 15);
    expectSeries(ema(Float64Array.of(2, 4, 6), 2), [NA, 3, 5]);
  });

  it('is all NaN when there are fewer valid values than the period', () => {
    expectSeries(ema(Float64Array.of(NA, NA, 1, 2), 3), [NA, NA, NA, NA]);
  });

  it('refuses a NaN after the first value', () => {
    expect(() => ema(Float64Array.of(1, 2, 3, NA, 4), 2)).toThrow(NonLeadingNaNError);
    expect(() => ema(Float64Array.of(1, 2, 3, NA, 4), 2)).toThrow(/row 3/);
  });

  it('streams the same values, null during warm-up', () => {
    const s = new EmaStream(3, { wilder: true });
    const got = Array.from(X, (v) => s.add(v));
    expect(got[3]).toBeNull();
    expect(got[4]).toBe(2);
    expect(s.getResult()).toBeCloseTo(7.26611796982167, 13);
    expect(s.requiredInputs).toBe(3);
  });
});
