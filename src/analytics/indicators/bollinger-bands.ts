/**
 * Bollinger Bands on the close, as R's TTR `BBands(close, n, sd = k)`: the middle band is SMA(n),
 * the bands are middle -/+ k times the POPULATION standard deviation of the same n closes
 * (TTR's `runSD(x, n, sample = FALSE)`, dividing by n, not n - 1). First value at row n - 1 after
 * any leading NaNs. The batch form slides the variance (Welford's update for a fixed window) and
 * recomputes it exactly every few hundred rows and whenever it gets tiny, so a flat stretch gives
 * a width of exactly 0 as TTR does, not a rounding residue.
 */
import { UsageError } from '../../domain/errors.js';
import { assertNoNaNFrom, checkPeriod, firstValidIndex, NonLeadingNaNError } from './nan-policy.js';
import { outputBuffer } from './output-buffer.js';
import { SmaStream } from './sma.js';
import type { StreamingIndicator } from './streaming-indicator.js';

export interface BollingerParams {
  readonly period: number;
  /** Width in standard deviations (TTR's `sd`), e.g. 2. */
  readonly width: number;
}

export interface BollingerSeries {
  readonly lower: Float64Array;
  readonly middle: Float64Array;
  readonly upper: Float64Array;
}

export interface BollingerValue {
  readonly lower: number;
  readonly middle: number;
  readonly upper: number;
}

/** Rows between exact recomputations of the sliding variance (bounds rounding drift). */
const RESYNC_ROWS = 256;
/** A variance below this fraction of mean^2 is recomputed exactly (flat or nearly flat windows). */
const TINY_RELATIVE_VARIANCE = 1e-8;

function checkParams(p: BollingerParams): void {
  checkPeriod(p.period, 'bbands');
  if (!Number.isFinite(p.width) || p.width <= 0) {
    throw new UsageError(`bbands: width must be a number > 0 (standard deviations), got ${p.width}`, {
      parameter: 'width',
    });
  }
}

/**
 * Mean and sum of squared deviations of values[end - period + 1 .. end], two passes. A window of
 * one repeated value has exactly 0 (the rounded mean of equal values can differ in the last bit).
 */
function exactWindow(values: Float64Array, end: number, period: number): [number, number] {
  let sum = 0;
  let allEqual = true;
  const firstValue = values[end - period + 1]!;
  for (let j = end - period + 1; j <= end; j++) {
    sum += values[j]!;
    allEqual &&= values[j] === firstValue;
  }
  if (allEqual) return [firstValue, 0];
  const mean = sum / period;
  let m2 = 0;
  for (let j = end - period + 1; j <= end; j++) {
    const d = values[j]! - mean;
    m2 += d * d;
  }
  return [mean, m2];
}

/**
 * Lower, middle and upper band over a whole series of closes; NaN during warm-up.
 * `out`, when given, receives the result (see output-buffer.ts).
 * @example bollingerBands(closes, { period: 20, width: 2 }).upper
 */
export function bollingerBands(values: Float64Array, params: BollingerParams, out?: BollingerSeries): BollingerSeries {
  checkParams(params);
  const { period, width } = params;
  const n = values.length;
  const first = firstValidIndex(values);
  const start = first + period - 1;
  const lower = outputBuffer(out?.lower, n, 'bbands');
  const middle = outputBuffer(out?.middle, n, 'bbands');
  const upper = outputBuffer(out?.upper, n, 'bbands');
  if (start >= n) {
    assertNoNaNFrom(values, first, 'bbands');
    return { lower: lower.fill(Number.NaN), middle: middle.fill(Number.NaN), upper: upper.fill(Number.NaN) };
  }
  lower.fill(Number.NaN, 0, start);
  middle.fill(Number.NaN, 0, start);
  upper.fill(Number.NaN, 0, start);
  // The middle band is TTR's running sum (as in sma.ts); the variance slides beside it.
  let sum = 0;
  for (let i = first; i <= start; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new NonLeadingNaNError('bbands', i);
    sum += v;
  }
  let [mean, m2] = exactWindow(values, start, period);
  for (let i = start; i < n; i++) {
    if (i > start) {
      const incoming = values[i]!;
      if (Number.isNaN(incoming)) throw new NonLeadingNaNError('bbands', i);
      const outgoing = values[i - period]!;
      sum = sum + incoming - outgoing;
      if ((i - start) % RESYNC_ROWS === 0) {
        [mean, m2] = exactWindow(values, i, period);
      } else {
        const nextMean = mean + (incoming - outgoing) / period;
        m2 += (incoming - outgoing) * (incoming - nextMean + outgoing - mean);
        mean = nextMean;
        if (m2 <= TINY_RELATIVE_VARIANCE * period * mean * mean) [mean, m2] = exactWindow(values, i, period);
      }
    }
    const sd = Math.sqrt(m2 > 0 ? m2 / period : 0);
    const mid = sum / period;
    middle[i] = mid;
    lower[i] = mid - width * sd;
    upper[i] = mid + width * sd;
  }
  return { lower, middle, upper };
}

/** Bollinger Bands fed one close at a time; agrees with `bollingerBands` row for row. */
export class BollingerStream implements StreamingIndicator<number, BollingerValue> {
  readonly requiredInputs: number;
  private readonly middle: SmaStream;
  private readonly window: Float64Array;
  private rows = 0;
  private count = 0;
  private result: BollingerValue | null = null;

  constructor(readonly params: BollingerParams) {
    checkParams(params);
    this.middle = new SmaStream(params.period);
    this.window = new Float64Array(params.period);
    this.requiredInputs = params.period;
  }

  add(value: number): BollingerValue | null {
    const row = this.rows++;
    if (Number.isNaN(value)) {
      if (this.count > 0) throw new NonLeadingNaNError('bbands', row);
      return null;
    }
    const { period, width } = this.params;
    this.window[this.count % period] = value;
    this.count++;
    const mid = this.middle.add(value);
    if (mid === null) return null;
    const [, m2] = exactWindow(this.window, period - 1, period);
    const sd = Math.sqrt(m2 / period);
    this.result = { lower: mid - width * sd, middle: mid, upper: mid + width * sd };
    return this.result;
  }

  getResult(): BollingerValue | null {
    return this.result;
  }

  get isStable(): boolean {
    return this.count >= this.params.period;
  }
}
