/**
 * MACD, as R's TTR `MACD(x, nFast, nSlow, nSig, percent = FALSE)`: the line is
 * EMA(nFast) - EMA(nSlow) of the closes (first value at row nSlow - 1), the signal is the
 * EMA(nSig) of the line (first value at row nSlow + nSig - 2, since the line's warm-up counts as
 * leading NaNs), and the histogram is line - signal. Rows are after any leading NaNs of the input.
 */
import { EmaStream, emaRatio } from './ema.js';
import { checkPeriod, firstValidIndex, NonLeadingNaNError } from './nan-policy.js';
import { outputBuffer } from './output-buffer.js';
import type { StreamingIndicator } from './streaming-indicator.js';

export interface MacdParams {
  readonly fast: number;
  readonly slow: number;
  readonly signal: number;
}

export interface MacdSeries {
  readonly macd: Float64Array;
  readonly signal: Float64Array;
  readonly histogram: Float64Array;
}

export interface MacdValue {
  readonly macd: number;
  /** Null while the signal line is still warming up. */
  readonly signal: number | null;
  readonly histogram: number | null;
}

function checkParams(p: MacdParams): void {
  checkPeriod(p.fast, 'macd', 'fast');
  checkPeriod(p.slow, 'macd', 'slow');
  checkPeriod(p.signal, 'macd', 'signal');
}

/**
 * MACD line, signal and histogram over a whole series; NaN during each one's warm-up.
 * `out`, when given, receives the result (see output-buffer.ts).
 * @example macd(closes, { fast: 12, slow: 26, signal: 9 }).histogram
 */
export function macd(values: Float64Array, params: MacdParams, out?: MacdSeries): MacdSeries {
  checkParams(params);
  const { fast, slow, signal: nSignal } = params;
  const n = values.length;
  const first = firstValidIndex(values);
  const lineStart = first + Math.max(fast, slow) - 1;
  const signalStart = lineStart + nSignal - 1;
  const line = outputBuffer(out?.macd, n, 'macd').fill(Number.NaN, 0, Math.min(lineStart, n));
  const signal = outputBuffer(out?.signal, n, 'macd').fill(Number.NaN, 0, Math.min(signalStart, n));
  const histogram = outputBuffer(out?.histogram, n, 'macd').fill(Number.NaN, 0, Math.min(signalStart, n));
  // One pass for the three EMAs, each seeded and updated exactly as TTR's EMA does.
  const kFast = emaRatio(fast);
  const kSlow = emaRatio(slow);
  const kSignal = emaRatio(nSignal);
  let emaFast = 0;
  let emaSlow = 0;
  let emaSignal = 0;
  for (let i = first; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new NonLeadingNaNError('macd', i);
    const seen = i - first;
    emaFast = seen < fast ? emaFast + v / fast : v * kFast + emaFast * (1 - kFast);
    emaSlow = seen < slow ? emaSlow + v / slow : v * kSlow + emaSlow * (1 - kSlow);
    if (i < lineStart) continue;
    const l = emaFast - emaSlow;
    line[i] = l;
    const lines = i - lineStart;
    emaSignal = lines < nSignal ? emaSignal + l / nSignal : l * kSignal + emaSignal * (1 - kSignal);
    if (i < signalStart) continue;
    signal[i] = emaSignal;
    histogram[i] = l - emaSignal;
  }
  return { macd: line, signal, histogram };
}

/** MACD fed one close at a time; agrees with `macd` row for row. */
export class MacdStream implements StreamingIndicator<number, MacdValue> {
  readonly requiredInputs: number;
  private readonly fast: EmaStream;
  private readonly slow: EmaStream;
  private readonly signal: EmaStream;
  private rows = 0;
  private started = false;
  private result: MacdValue | null = null;

  constructor(readonly params: MacdParams) {
    checkParams(params);
    this.fast = new EmaStream(params.fast, {}, 'macd');
    this.slow = new EmaStream(params.slow, {}, 'macd');
    this.signal = new EmaStream(params.signal, {}, 'macd');
    this.requiredInputs = Math.max(params.fast, params.slow) + params.signal - 1;
  }

  add(value: number): MacdValue | null {
    const row = this.rows++;
    if (Number.isNaN(value)) {
      if (this.started) throw new NonLeadingNaNError('macd', row);
      return null;
    }
    this.started = true;
    const fast = this.fast.add(value);
    const slow = this.slow.add(value);
    if (fast === null || slow === null) return null;
    const line = fast - slow;
    const signal = this.signal.add(line);
    this.result = { macd: line, signal, histogram: signal === null ? null : line - signal };
    return this.result;
  }

  getResult(): MacdValue | null {
    return this.result;
  }

  get isStable(): boolean {
    return this.signal.isStable;
  }
}
