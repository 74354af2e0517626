/**
 * Rate of change, discrete, as R's TTR `ROC(x, n, type = "discrete")`: x[i] / x[i-n] - 1, a
 * fraction (0.05 = +5%), first value at row n. Unlike the smoothing indicators, TTR lets a NaN
 * simply propagate here (a ratio with a missing side is missing), so leading NaNs delay the first
 * value and a NaN inside the series blanks the two rows that read it, without an error.
 */
import { checkPeriod } from './nan-policy.js';
import { outputBuffer } from './output-buffer.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/**
 * ROC over a whole series; NaN during warm-up and wherever either end of the ratio is NaN.
 * `out`, when given, receives the result (see output-buffer.ts).
 * @example roc(Float64Array.of(100, 110, 121), 1) // [NaN, 0.1, 0.1]
 */
export function roc(values: Float64Array, period: number, out?: Float64Array): Float64Array {
  checkPeriod(period, 'roc');
  const n = values.length;
  const result = outputBuffer(out, n, 'roc');
  result.fill(Number.NaN, 0, Math.min(period, n));
  for (let i = period; i < n; i++) result[i] = values[i]! / values[i - period]! - 1;
  return result;
}

/** ROC fed one value at a time; agrees with `roc` row for row (null where it is NaN). */
export class RocStream implements StreamingIndicator<number, number> {
  readonly requiredInputs: number;
  /** The last period + 1 raw values, NaNs included (they are positions, as in the batch form). */
  private readonly window: Float64Array;
  private rows = 0;
  /** Rows fed since the first non-NaN value (the warm-up counts from there, as for the others). */
  private rowsSinceStart = 0;
  private result: number | null = null;

  constructor(readonly period: number) {
    checkPeriod(period, 'roc');
    this.requiredInputs = period + 1;
    this.window = new Float64Array(period + 1);
  }

  add(value: number): number | null {
    const size = this.period + 1;
    this.window[this.rows % size] = value;
    this.rows++;
    if (this.rowsSinceStart > 0 || !Number.isNaN(value)) this.rowsSinceStart++;
    if (this.rows < size) return null;
    const old = this.window[this.rows % size]!;
    const change = value / old - 1;
    this.result = Number.isNaN(change) ? null : change;
    return this.result;
  }

  getResult(): number | null {
    return this.result;
  }

  get isStable(): boolean {
    return this.rowsSinceStart > this.period;
  }
}
