import { describe, expect, it } from 'vitest';
import { expectSeries } from '../../../test/support/expect-series.js';
import { NonLeadingNaNError } from './nan-policy.js';
import { SmaStream, sma } from './sma.js';

const NA = Number.NaN;
// Reference: R 4.2.2, TTR 0.24.3: x <- c(NA,NA,1,2,3,5,4,6,7,8,7,9); SMA(x, 3)
const X = Float64Array.of(NA, NA, 1, 2, 3, 5, 4, 6, 7, 8, 7, 9);
const TTR_SMA_3 = [NA, NA, NA, NA, 2, 3.33333333333333, 4, 5, 5.66666666666667, 7, 7.33333333333333, 8];

describe('sma', () => {
  it('matches TTR SMA(x, 3), starting n - 1 rows after the leading NaNs', () => {
    expectSeries(sma(X, 3), TTR_SMA_3, 1e-13);
  });

  it('averages by hand: mean of the last n values', () => {
    expectSeries(sma(Float64Array.of(10, 20, 60, 0), 2), [NA, 15, 40, 30]);
    expectSeries(sma(Float64Array.of(4, 8), 1), [4, 8]);
  });

  it('is all NaN when the series is shorter than the period (TTR raises an error instead)', () => {
    expectSeries(sma(Float64Array.of(1, 2), 3), [NA, NA]);
    expectSeries(sma(Float64Array.of(NA, 1, 2), 3), [NA, NA, NA]);
    expect(sma(new Float64Array(0), 5).length).toBe(0);
  });

  it('refuses a NaN after the first value, naming its row, like TTR', () => {
    const err = (() => {
      try {
        sma(Float64Array.of(1, 2, NA, 3), 2);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(NonLeadingNaNError);
    expect((err as NonLeadingNaNError).index).toBe(2);
  });

  it('refuses a period that is not a whole number >= 1', () => {
    expect(() => sma(X, 0)).toThrow(/period must be a whole number >= 1/);
    expect(() => sma(X, 2.5)).toThrow(/got 2.5/);
  });

  it('streams the same values, null during warm-up', () => {
    const s = new SmaStream(3);
    const got = Array.from(X, (v) => s.add(v));
    expect(got.slice(0, 4)).toEqual([null, null, null, null]);
    expect(got[5]).toBeCloseTo(3.33333333333333, 12);
    expect(s.getResult()).toBe(8);
    expect(s.isStable).toBe(true);
    expect(() => s.add(NA)).toThrow(NonLeadingNaNError);
  });
});
