/**
 * Relative rotation of a series against a benchmark: the RS line, the RS-Ratio (trend of relative
 * strength, centred on 100) and the RS-Momentum (rate of change of RS-Ratio, centred on 100).
 *
 * The original JdK RS-Ratio / RS-Momentum formulas are proprietary. This is the published open
 * approximation documented by the RRG-Lite project ("RS ratio and Momentum calculations",
 * github.com/BennyThadikaran/RRG-Lite/wiki, formula taken from github.com/An0n1mity/RRGPy):
 *   RS          = 100 * P / B
 *   RS-Ratio    = 100 + (RS - SMA_n(RS)) / SD_n(RS)
 *   ROC         = 100 * (RS-Ratio_t / RS-Ratio_{t-k} - 1)
 *   RS-Momentum = 100 + (ROC - SMA_m(ROC)) / SD_m(ROC)
 * with one change that matters: the mean and standard deviation are ROLLING (the last n points),
 * never taken over the whole sample, so every point uses only data up to its own date and past
 * points never move when new data arrives. SD is the sample standard deviation (n - 1).
 * One unit on either axis is one standard deviation of the underlying quantity.
 */
import { roc as rateOfChange } from '../indicators/roc.js';
import { rollingZScore } from './rolling-zscore.js';

export interface RotationParams {
  /** n: window of the RS-Ratio z-score (bars: weeks on weekly data, days on daily). */
  readonly ratioWindow: number;
  /** m: window of the RS-Momentum z-score. */
  readonly momentumWindow: number;
  /** k: look-back of the rate of change of RS-Ratio. */
  readonly rocPeriod: number;
}

/**
 * Defaults: RRG-Lite's 14-bar z-score windows, and a 5-bar rate of change where RRG-Lite uses one bar:
 * on weekly closes of the eleven sector ETFs (2025) a one-bar ROC flips the momentum side almost
 * every week, so tails zig-zag between quadrants instead of rotating; five bars keeps them readable.
 * `rocPeriod: 1` reproduces the published choice exactly.
 */
export const DEFAULT_ROTATION_PARAMS: RotationParams = { ratioWindow: 14, momentumWindow: 14, rocPeriod: 5 };

export interface RotationSeries {
  readonly rs: Float64Array;
  readonly rsRatio: Float64Array;
  readonly rsMomentum: Float64Array;
}

export type Quadrant = 'leading' | 'weakening' | 'lagging' | 'improving';

/** Bars needed before the first RS-Momentum value exists. */
export function rotationWarmup(p: RotationParams): number {
  return p.ratioWindow - 1 + p.rocPeriod + p.momentumWindow - 1;
}

/**
 * The three rotation lines over aligned closes (same length, same dates). NaN during warm-up.
 * @example relativeRotation(prices, benchmark).rsRatio[i] > 100 // relative trend is up at i
 */
export function relativeRotation(
  prices: Float64Array,
  benchmark: Float64Array,
  params: RotationParams = DEFAULT_ROTATION_PARAMS,
): RotationSeries {
  const n = prices.length;
  if (benchmark.length !== n)
    throw new RangeError(`relativeRotation: ${n} prices but ${benchmark.length} benchmark values`);
  for (const [name, v] of Object.entries(params)) {
    if (!Number.isInteger(v) || v < (name === 'rocPeriod' ? 1 : 2))
      throw new RangeError(`relativeRotation: ${name} must be an integer >= ${name === 'rocPeriod' ? 1 : 2}, got ${v}`);
  }
  const rs = new Float64Array(n);
  for (let i = 0; i < n; i++) rs[i] = (100 * prices[i]!) / benchmark[i]!;
  const z = rollingZScore(rs, params.ratioWindow);
  const rsRatio = new Float64Array(n);
  for (let i = 0; i < n; i++) rsRatio[i] = 100 + z[i]!;
  // indicators/roc.ts gives a fraction; x100 as in the published formula (the z-score ignores scale anyway)
  const roc = rateOfChange(rsRatio, params.rocPeriod);
  for (let i = 0; i < n; i++) roc[i] = 100 * roc[i]!;
  const zm = rollingZScore(roc, params.momentumWindow);
  const rsMomentum = new Float64Array(n);
  for (let i = 0; i < n; i++) rsMomentum[i] = 100 + zm[i]!;
  return { rs, rsRatio, rsMomentum };
}

/**
 * The quadrant of a point. A value of exactly 100 counts on the strong side (>= 100).
 * leading: ratio >= 100, momentum >= 100; weakening: ratio >= 100, momentum < 100;
 * lagging: both < 100; improving: ratio < 100, momentum >= 100.
 */
export function quadrantOf(rsRatio: number, rsMomentum: number): Quadrant {
  if (rsRatio >= 100) return rsMomentum >= 100 ? 'leading' : 'weakening';
  return rsMomentum >= 100 ? 'improving' : 'lagging';
}

/**
 * The heading of the step from one point to the next, in degrees [0, 360): mathematical
 * convention, 0 = east (RS-Ratio rising, momentum flat), 90 = north (RS-Momentum rising),
 * counter-clockwise. Null when the two points coincide. Typical rotation runs clockwise,
 * so a healthy leader's heading falls over time (45 -> 0 -> 315 ...).
 */
export function headingDegrees(
  fromRatio: number,
  fromMomentum: number,
  toRatio: number,
  toMomentum: number,
): number | null {
  const dx = toRatio - fromRatio;
  const dy = toMomentum - fromMomentum;
  if (dx === 0 && dy === 0) return null;
  const deg = (Math.atan2(dy, dx) * 180) / Math.PI;
  return deg < 0 ? deg + 360 : deg;
}
