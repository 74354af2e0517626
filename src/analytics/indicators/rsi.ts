/**
 * Relative Strength Index, as R's TTR `RSI(x, n)` with its default maType: the one-day changes
 * are split into gains and losses, each smoothed with Wilder's EMA (k = 1/n, seeded with the mean
 * of the first n changes), and RSI = 100 * avgGain / (avgGain + avgLoss). The first value is at
 * row n (n changes need n + 1 closes) after any leading NaNs. When both averages are 0 (a flat
 * start) RSI is 0/0: NaN here as in TTR; with no losses at all it is exactly 100.
 */
import { checkPeriod, NonLeadingNaNError } from './nan-policy.js';
import { batchStart } from './output-buffer.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/**
 * RSI over a whole series of closes, 0..100; NaN during warm-up.
 * `out`, when given, receives the result (see output-buffer.ts).
 * @example rsi(closes, 14)[14] // the first value
 */
export function rsi(values: Float64Array, period: number, out?: Float64Array): Float64Array {
  const { n, first, start, result } = batchStart(values, period, period, out, 'rsi');
  if (start >= n) return result;
  const k = 1 / period;
  const keep = 1 - k;
  let avgUp = 0;
  let avgDown = 0;
  for (let i = first + 1; i <= start; i++) {
    const change = values[i]! - values[i - 1]!;
    if (Number.isNaN(change)) throw new NonLeadingNaNError('rsi', i);
    if (change > 0) avgUp += change / period;
    else if (change < 0) avgDown += -change / period;
  }
  result[start] = (100 * avgUp) / (avgUp + avgDown);
  for (let i = start + 1; i < n; i++) {
    const change = values[i]! - values[i - 1]!;
    if (Number.isNaN(change)) throw new NonLeadingNaNError('rsi', i);
    // Gain and loss without a branch (a rise or a fall is a coin toss the CPU cannot predict);
    // exact: (|c| + c) / 2 is c or 0, (|c| - c) / 2 is -c or 0.
    const size = Math.abs(change);
    const up = (size + change) * 0.5;
    const down = (size - change) * 0.5;
    avgUp = up * k + avgUp * keep;
    avgDown = down * k + avgDown * keep;
    result[i] = (100 * avgUp) / (avgUp + avgDown);
  }
  return result;
}

/** RSI fed one close at a time; agrees with `rsi` row for row (null where it is NaN). */
export class RsiStream implements StreamingIndicator<number, number> {
  readonly requiredInputs: number;
  private rows = 0;
  private count = 0;
  private previous = Number.NaN;
  private avgUp = 0;
  private avgDown = 0;

  constructor(readonly period: number) {
    checkPeriod(period, 'rsi');
    this.requiredInputs = period + 1;
  }

  add(value: number): number | null {
    const row = this.rows++;
    if (Number.isNaN(value)) {
      if (this.count > 0) throw new NonLeadingNaNError('rsi', row);
      return null;
    }
    if (this.count > 0) {
      const change = value - this.previous;
      const up = Math.max(change, 0);
      const down = Math.max(-change, 0);
      if (this.count <= this.period) {
        this.avgUp += up / this.period;
        this.avgDown += down / this.period;
      } else {
        const k = 1 / this.period;
        this.avgUp = up * k + this.avgUp * (1 - k);
        this.avgDown = down * k + this.avgDown * (1 - k);
      }
    }
    this.previous = value;
    this.count++;
    return this.getResult();
  }

  getResult(): number | null {
    if (!this.isStable) return null;
    const value = (100 * this.avgUp) / (this.avgUp + this.avgDown);
    return Number.isNaN(value) ? null : value;
  }

  get isStable(): boolean {
    return this.count > this.period;
  }
}
