/**
 * Exponential moving average, as R's TTR `EMA(x, n)`: seeded with the SMA of the first n values
 * (so the first value is at row n - 1 after any leading NaNs), then
 * ema[i] = x[i] * k + ema[i-1] * (1 - k) with k = 2 / (n + 1), or k = 1 / n with `wilder: true`
 * (Wilder's smoothing, which TTR's RSI and ATR use).
 */
import { checkPeriod, NonLeadingNaNError } from './nan-policy.js';
import { batchStart } from './output-buffer.js';
import type { StreamingIndicator } from './streaming-indicator.js';

export interface EmaOptions {
  /** Wilder's smoothing: k = 1/n instead of 2/(n+1). */
  readonly wilder?: boolean;
}

/** The smoothing factor k of an EMA of this period. */
export function emaRatio(period: number, wilder = false): number {
  return wilder ? 1 / period : 2 / (period + 1);
}

/**
 * EMA over a whole series; NaN during warm-up (and everywhere when the series is too short).
 * `out`, when given, receives the result (see output-buffer.ts).
 * @example ema(Float64Array.of(1, 2, 3, 4), 2) // [NaN, 1.5, 2.5, 3.5]
 */
export function ema(values: Float64Array, period: number, options: EmaOptions = {}, out?: Float64Array): Float64Array {
  const { n, first, start, result } = batchStart(values, period, period - 1, out, 'ema');
  if (start >= n) return result;
  const k = emaRatio(period, options.wilder);
  const keep = 1 - k;
  // TTR adds x[i] / n term by term for the seed; doing the same keeps the last digits alike.
  let prev = 0;
  for (let i = first; i <= start; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new NonLeadingNaNError('ema', i);
    prev += v / period;
  }
  result[start] = prev;
  for (let i = start + 1; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new NonLeadingNaNError('ema', i);
    prev = v * k + prev * keep;
    result[i] = prev;
  }
  return result;
}

/** EMA fed one value at a time; agrees with `ema` row for row. */
export class EmaStream implements StreamingIndicator<number, number> {
  readonly requiredInputs: number;
  private readonly k: number;
  private rows = 0;
  private count = 0;
  private value = 0;

  constructor(
    readonly period: number,
    options: EmaOptions = {},
    private readonly indicator = 'ema',
  ) {
    checkPeriod(period, indicator);
    this.requiredInputs = period;
    this.k = emaRatio(period, options.wilder);
  }

  add(input: number): number | null {
    const row = this.rows++;
    if (Number.isNaN(input)) {
      if (this.count > 0) throw new NonLeadingNaNError(this.indicator, row);
      return null;
    }
    if (this.count < this.period) this.value += input / this.period;
    else this.value = input * this.k + this.value * (1 - this.k);
    this.count++;
    return this.getResult();
  }

  getResult(): number | null {
    return this.count >= this.period ? this.value : null;
  }

  get isStable(): boolean {
    return this.count >= this.period;
  }
}
