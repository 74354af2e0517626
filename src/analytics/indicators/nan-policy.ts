/**
 * How every indicator here treats missing values (NaN), following R's TTR: leading NaNs are
 * skipped and the indicator starts after them (its first value moves right by as many rows);
 * a NaN after the first value is an error (TTR stops with "Series contains non-leading NAs"),
 * because smoothing across a hole would invent a value. ROC is the exception: TTR lets NaN
 * propagate through its ratio, so ROC does too.
 */
import { DataError, UsageError } from '../../domain/errors.js';

/** A NaN inside a series, after its first value: names the indicator and the row index. */
export class NonLeadingNaNError extends DataError {
  readonly indicator: string;
  readonly index: number;
  constructor(indicator: string, index: number) {
    super(
      `${indicator}: missing value at row ${index} after the series started (only leading gaps are allowed, as in TTR)`,
    );
    this.indicator = indicator;
    this.index = index;
  }
}

/** Index of the first non-NaN value, or `values.length` when there is none. */
export function firstValidIndex(values: ArrayLike<number>): number {
  const n = values.length;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i]!)) return i;
  return n;
}

/** Throws NonLeadingNaNError at the first NaN at or after `start`. */
export function assertNoNaNFrom(values: ArrayLike<number>, start: number, indicator: string): void {
  const n = values.length;
  for (let i = start; i < n; i++) if (Number.isNaN(values[i]!)) throw new NonLeadingNaNError(indicator, i);
}

/** A look-back length must be a whole number of at least 1. */
export function checkPeriod(period: number, indicator: string, parameter = 'period'): void {
  if (!Number.isInteger(period) || period < 1) {
    throw new UsageError(`${indicator}: ${parameter} must be a whole number >= 1, got ${period}`, { parameter });
  }
}
