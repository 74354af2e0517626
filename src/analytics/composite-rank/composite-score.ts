/**
 * A composite technical score per member, modelled on the published StockCharts Technical Rank
 * (SCTR, ChartSchool "StockCharts Technical Rank"): six indicators over daily closes, weighted
 *   30%  percent above/below the 200-day EMA     30%  125-day rate of change
 *   15%  percent above/below the 50-day EMA      15%  20-day rate of change
 *    5%  3-day slope of the PPO(12,26,9) histogram  5%  14-day RSI (Wilder)
 * Units: the distances and rates of change in percent (12.5 = +12.5%), RSI 0..100. The PPO
 * histogram slope is the least-squares slope of its last three values, (h[t] - h[t-2]) / 2, mapped
 * to 0..100 as (slope + 1) * 50 and clamped (a slope of -1 or less scores 0, +1 or more scores 100),
 * so the short-term terms share RSI's scale; StockCharts publishes the weights but not this scaling.
 * PPO = 100 * (EMA12 - EMA26) / EMA26, its signal the EMA9 of PPO, histogram PPO - signal.
 * Weights are configurable; only the ordering of scores matters for the percentile rank.
 */
import { ema } from '../indicators/ema.js';
import { roc } from '../indicators/roc.js';
import { rsi } from '../indicators/rsi.js';

export interface CompositeWeights {
  readonly aboveEma200: number;
  readonly roc125: number;
  readonly aboveEma50: number;
  readonly roc20: number;
  readonly ppoHistogramSlope: number;
  readonly rsi14: number;
}

/** The SCTR's published weights. */
export const SCTR_WEIGHTS: CompositeWeights = {
  aboveEma200: 0.3,
  roc125: 0.3,
  aboveEma50: 0.15,
  roc20: 0.15,
  ppoHistogramSlope: 0.05,
  rsi14: 0.05,
};

export const WEIGHT_KEYS = ['aboveEma200', 'roc125', 'aboveEma50', 'roc20', 'ppoHistogramSlope', 'rsi14'] as const;

/** The six inputs as of one bar (component units described above). */
export type CompositeComponents = Record<(typeof WEIGHT_KEYS)[number], number>;

export interface CompositeScore {
  readonly score: number;
  readonly components: CompositeComponents;
}

/** Closes needed before every component exists (the 200-day EMA is the longest). */
export const COMPOSITE_MIN_BARS = 200;

/** Percentage price oscillator histogram (12, 26, 9) over closes; NaN during warm-up. */
export function ppoHistogram(closes: Float64Array): Float64Array {
  const fast = ema(closes, 12);
  const slow = ema(closes, 26);
  const n = closes.length;
  const ppo = new Float64Array(n);
  for (let i = 0; i < n; i++) ppo[i] = (100 * (fast[i]! - slow[i]!)) / slow[i]!;
  const signal = ema(ppo, 9);
  const hist = new Float64Array(n);
  for (let i = 0; i < n; i++) hist[i] = ppo[i]! - signal[i]!;
  return hist;
}

/**
 * The score of the bar at `index` of a member's closes (no NaN inside), or null when any
 * component is still warming up there.
 */
export function compositeScore(
  closes: Float64Array,
  index: number,
  weights: CompositeWeights = SCTR_WEIGHTS,
): CompositeScore | null {
  if (index < 0 || index >= closes.length) return null;
  const c = closes.subarray(0, index + 1);
  const i = index;
  const v = c[i]!;
  const e200 = ema(c, 200)[i]!;
  const e50 = ema(c, 50)[i]!;
  const hist = ppoHistogram(c);
  const slope = i >= 2 ? (hist[i]! - hist[i - 2]!) / 2 : Number.NaN;
  const components: CompositeComponents = {
    aboveEma200: 100 * (v / e200 - 1),
    roc125: 100 * roc(c, 125)[i]!,
    aboveEma50: 100 * (v / e50 - 1),
    roc20: 100 * roc(c, 20)[i]!,
    ppoHistogramSlope: Math.min(100, Math.max(0, (slope + 1) * 50)),
    rsi14: rsi(c, 14)[i]!,
  };
  let score = 0;
  for (const key of WEIGHT_KEYS) {
    const x = components[key];
    if (!Number.isFinite(x)) return null;
    score += weights[key] * x;
  }
  return { score, components };
}
