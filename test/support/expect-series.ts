/** Row-by-row comparison of an indicator column with reference values (NaN where the reference has NA). */
import { expect } from 'vitest';

/** Same length; NaN exactly where `expected` is NaN; elsewhere within `tolerance` (absolute). */
export function expectSeries(actual: Float64Array, expected: readonly number[], tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    if (Number.isNaN(e)) expect(actual[i], `row ${i}`).toBeNaN();
    else expect(Math.abs(actual[i]! - e), `row ${i}: ${actual[i]} vs ${e}`).toBeLessThanOrEqual(tolerance);
  });
}
