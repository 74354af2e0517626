/**
 * The range oscillators of R's TTR 0.24.3, as fractions of the n-day high-low range (TTR's scale,
 * 0..1, not 0..100): `stoch(HLC, nFastK, nFastD, nSlowD)` gives fast %K = (close - lowest low) /
 * (highest high - lowest low), fast %D its SMA over nFastD and slow %D the SMA of that over
 * nSlowD; `WPR(HLC, n)` is Williams %R as TTR defines it, (highest high - close) / range.
 * As in TTR, a zero range gives WPR 0.5; %K is then 0.5 only when the close sits off the range.
 */
import { checkPeriod } from './nan-policy.js';
import { checkSameLength, type HlcColumns } from './price-bars.js';
import { runMax, runMin } from './rolling.js';
import { sma } from './sma.js';

export interface StochParams {
  readonly fastK: number;
  readonly fastD: number;
  readonly slowD: number;
}

export interface StochSeries {
  readonly fastK: Float64Array;
  readonly fastD: Float64Array;
  readonly slowD: Float64Array;
}

/** @example stoch(bars, { fastK: 14, fastD: 3, slowD: 3 }).slowD */
export function stoch(bars: HlcColumns, params: StochParams): StochSeries {
  checkPeriod(params.fastK, 'stoch', 'nFastK');
  checkPeriod(params.fastD, 'stoch', 'nFastD');
  checkPeriod(params.slowD, 'stoch', 'nSlowD');
  const n = checkSameLength('stoch', bars.high, bars.low, bars.close);
  const hmax = runMax(bars.high, params.fastK, 'stoch');
  const lmin = runMin(bars.low, params.fastK, 'stoch');
  const fastK = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = (bars.close[i]! - lmin[i]!) / (hmax[i]! - lmin[i]!);
    // TTR turns an infinite ratio into 0.5 but leaves 0/0 missing (R's is.na(NaN) is TRUE).
    fastK[i] = k === Number.POSITIVE_INFINITY || k === Number.NEGATIVE_INFINITY ? 0.5 : k;
  }
  const fastD = sma(fastK, params.fastD);
  return { fastK, fastD, slowD: sma(fastD, params.slowD) };
}

/** Williams %R as TTR's `WPR(HLC, n)`: (highest high - close) / (highest high - lowest low). */
export function wpr(bars: HlcColumns, period: number): Float64Array {
  checkPeriod(period, 'wpr');
  const n = checkSameLength('wpr', bars.high, bars.low, bars.close);
  const hmax = runMax(bars.high, period, 'wpr');
  const lmin = runMin(bars.low, period, 'wpr');
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = (hmax[i]! - bars.close[i]!) / (hmax[i]! - lmin[i]!);
    const missing = Number.isNaN(hmax[i]!) || Number.isNaN(lmin[i]!) || Number.isNaN(bars.close[i]!);
    out[i] = Number.isNaN(r) && !missing ? 0.5 : r;
  }
  return out;
}
