/**
 * Where a batch indicator writes its result: a new Float64Array by default, or a buffer the caller
 * passes to reuse across many symbols (a scan over 3,000 series then allocates nothing per
 * symbol). Every cell of the buffer is overwritten, warm-up cells with NaN.
 */
import { UsageError } from '../../domain/errors.js';
import { assertNoNaNFrom, checkPeriod, firstValidIndex } from './nan-policy.js';

export function outputBuffer(out: Float64Array | undefined, length: number, indicator: string): Float64Array {
  if (out === undefined) return new Float64Array(length);
  if (out.length !== length) {
    throw new UsageError(`${indicator}: the output buffer has ${out.length} cells but the input has ${length}`, {
      parameter: 'out',
    });
  }
  return out;
}

/** The rows of a one-column batch indicator, once its period and output are checked. */
export interface BatchStart {
  readonly n: number;
  /** The first non-NaN input row. */
  readonly first: number;
  /** The first output row, `lead` rows after `first`; `n` or more when the series is too short. */
  readonly start: number;
  /** The output, NaN before `start` (everywhere when the series is too short). */
  readonly result: Float64Array;
}

/**
 * The start every batch moving average shares: checks the period, finds the first value, fills the
 * warm-up with NaN, and when the series is too short checks the NaN rule over what there is.
 */
export function batchStart(
  values: Float64Array,
  period: number,
  lead: number,
  out: Float64Array | undefined,
  indicator: string,
): BatchStart {
  checkPeriod(period, indicator);
  const n = values.length;
  const first = firstValidIndex(values);
  const start = first + lead;
  const result = outputBuffer(out, n, indicator);
  if (start >= n) assertNoNaNFrom(values, first, indicator);
  result.fill(Number.NaN, 0, Math.min(start, n));
  return { n, first, start, result };
}
