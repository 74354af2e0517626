import { describe, expect, it } from 'vitest';
import { RocStream, roc } from './roc.js';

const NA = Number.NaN;

function expectSeries(actual: Float64Array, expected: readonly number[], tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    if (Number.isNaN(e)) expect(actual[i], `row ${i}`).toBeNaN();
    else expect(Math.abs(actual[i]! - e), `row ${i}: ${actual[i]} vs ${e}`).toBeLessThanOrEqual(tolerance);
  });
}

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
