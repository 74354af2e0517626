/**
 * Where a batch indicator writes its result: a new Float64Array by default, or a buffer the caller
 * passes to reuse across many symbols (a scan over 3,000 series then allocates nothing per
 * symbol). Every cell of the buffer is overwritten, warm-up cells with NaN.
 */
import { UsageError } from '../../domain/errors.js';

export function outputBuffer(out: Float64Array | undefined, length: number, indicator: string): Float64Array {
  if (out === undefined) return new Float64Array(length);
  if (out.length !== length) {
    throw new UsageError(`${indicator}: the output buffer has ${out.length} cells but the input has ${length}`, {
      parameter: 'out',
    });
  }
  return out;
}
