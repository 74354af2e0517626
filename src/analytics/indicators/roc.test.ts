import { describe, expect, it } from 'vitest';
import { expectSeries } from '../../../test/support/expect-series.js';
import { RocStream, roc } from './roc.js';

const NA = Number.NaN;

describe('roc', () => {
  it('matches TTR ROC(x, 2, type = "discrete") with leading NaNs', () => {
    // Reference: R 4.2.2, TTR 0.24.3: x <- c(NA,NA,1,2,3,5,4,6,7,8,7,9); ROC(x, 2, type = "discrete")
    const x = Float64Array.of(NA, NA, 1, 2, 3, 5, 4, 6, 7, 8, 7, 9);
    expectSeries(roc(x, 2), [NA, NA, NA, NA, 2, 1.5, 0.333333333333333, 0.2, 0.75, 0.333333333333333, 0, 0.125], 1e-14);
  });

  it('is a fraction by hand: 100 -> 110 -> 121 is +10% a day', () => {
    expectSeries(roc(Float64Array.of(100, 110, 121), 1), [NA, 0.1, 0.1], 1e-15);
  });

  it('lets an inside NaN blank only the rows that read it, without an error (TTR)', () => {
    // TTR: ROC(c(1, 2, NA, 3, 4, 5, 6), 1, type = "discrete") -> NA 1 NA NA 0.333 0.25 0.2
    expectSeries(roc(Float64Array.of(1, 2, NA, 3, 4, 5, 6), 1), [NA, 1, NA, NA, 1 / 3, 0.25, 0.2], 1e-15);
  });

  it('streams the same values, with null where the batch form has NaN', () => {
    const s = new RocStream(1);
    expect([1, 2, NA, 3, 4].map((v) => s.add(v))).toEqual([null, 1, null, null, 4 / 3 - 1]);
    expect(s.requiredInputs).toBe(2);
    expect(s.isStable).toBe(true);
  });
});
