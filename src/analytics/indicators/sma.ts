/**
 * Simple moving average, as R's TTR `SMA(x, n)` (= `runMean`): the mean of the last n values,
 * first value at row n - 1 after any leading NaNs. Kept as a running sum updated by adding the
 * new value and subtracting the one leaving the window, the way TTR's C `runsum` does.
 */
import { checkPeriod, NonLeadingNaNError } from './nan-policy.js';
import { batchStart } from './output-buffer.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/**
 * SMA over a whole series; NaN during warm-up (and everywhere when the series is too short).
 * `out`, when given, receives the result (see output-buffer.ts).
 * @example sma(Float64Array.of(1, 2, 3, 4), 2) // [NaN, 1.5, 2.5, 3.5]
 */
export function sma(values: Float64Array, period: number, out?: Float64Array): Float64Array {
  const { n, first, start, result } = batchStart(values, period, period - 1, out, 'sma');
  if (start >= n) return result;
  let sum = 0;
  for (let i = first; i <= start; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new NonLeadingNaNError('sma', i);
    sum += v;
  }
  result[start] = sum / period;
  for (let i = start + 1; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new NonLeadingNaNError('sma', i);
    sum = sum + v - values[i - period]!;
    result[i] = sum / period;
  }
  return result;
}

/** SMA fed one value at a time; agrees with `sma` row for row. */
export class SmaStream implements StreamingIndicator<number, number> {
  readonly requiredInputs: number;
  private readonly window: Float64Array;
  private rows = 0;
  private count = 0;
  private sum = 0;
  private result: number | null = null;

  constructor(readonly period: number) {
    checkPeriod(period, 'sma');
    this.requiredInputs = period;
    this.window = new Float64Array(period);
  }

  add(value: number): number | null {
    const row = this.rows++;
    if (Number.isNaN(value)) {
      if (this.count > 0) throw new NonLeadingNaNError('sma', row);
      return null;
    }
    const slot = this.count % this.period;
    if (this.count < this.period) this.sum += value;
    else this.sum = this.sum + value - this.window[slot]!;
    this.window[slot] = value;
    this.count++;
    if (this.count >= this.period) this.result = this.sum / this.period;
    return this.result;
  }

  getResult(): number | null {
    return this.result;
  }

  get isStable(): boolean {
    return this.count >= this.period;
  }
}
