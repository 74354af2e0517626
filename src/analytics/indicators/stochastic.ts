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
  const fastK = windowPosition(bars, params.fastK, n, 'fastK') ?? columnFastK(bars, params.fastK, n);
  const fastD = sma(fastK, params.fastD);
  return { fastK, fastD, slowD: sma(fastD, params.slowD) };
}

/** Stochastic fast %K alone (one pass when no price is missing). @example stochFastK(bars, 14) */
export function stochFastK(bars: HlcColumns, period: number): Float64Array {
  checkPeriod(period, 'stoch', 'nFastK');
  const n = checkSameLength('stoch', bars.high, bars.low, bars.close);
  return windowPosition(bars, period, n, 'fastK') ?? columnFastK(bars, period, n);
}

/** Fast %K from runMax and runMin columns (TTR's NaN rules): the form the one-pass loop is tested against. */
export function columnFastK(bars: HlcColumns, period: number, n: number): Float64Array {
  const hmax = runMax(bars.high, period, 'stoch');
  const lmin = runMin(bars.low, period, 'stoch');
  const fastK = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = (bars.close[i]! - lmin[i]!) / (hmax[i]! - lmin[i]!);
    // TTR turns an infinite ratio into 0.5 but leaves 0/0 missing (R's is.na(NaN) is TRUE).
    fastK[i] = k === Number.POSITIVE_INFINITY || k === Number.NEGATIVE_INFINITY ? 0.5 : k;
  }
  return fastK;
}

/**
 * Williams %R as TTR's `WPR(HLC, n)`: (highest high - close) / (highest high - lowest low).
 * Bars without a missing price take one pass with both monotone queues inline (`windowPosition`);
 * otherwise `wprGeneral`, the column-by-column form with TTR's NaN rules. Same values bit for bit.
 */
export function wpr(bars: HlcColumns, period: number): Float64Array {
  checkPeriod(period, 'wpr');
  const n = checkSameLength('wpr', bars.high, bars.low, bars.close);
  return windowPosition(bars, period, n, 'wpr') ?? wprGeneral(bars, period);
}

/** `wpr` from runMax, runMin and a third pass: the form the one-pass loop is tested against. */
export function wprGeneral(bars: HlcColumns, period: number): Float64Array {
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

/**
 * Where the close sits in the n-day high-low range, in one pass for bars with no missing price:
 * the queues of runMax and runMin (same pops, so the same maxima and minima) and the ratio written
 * directly, no intermediate columns. `wpr`: (highest - close) / range, 0/0 is 0.5 as in TTR's WPR;
 * `fastK`: (close - lowest) / range, an infinite ratio is 0.5 and 0/0 stays NaN as in TTR's stoch.
 * Undefined as soon as a NaN shows up, for the column forms to apply TTR's NaN rules.
 */
function windowPosition(bars: HlcColumns, period: number, n: number, form: 'wpr' | 'fastK'): Float64Array | undefined {
  const { high, low, close } = bars;
  const wprForm = form === 'wpr';
  const out = new Float64Array(n);
  const highs = new Int32Array(n);
  const lows = new Int32Array(n);
  let hHead = 0;
  let hTail = 0;
  let lHead = 0;
  let lTail = 0;
  const warm = Math.min(period - 1, n);
  for (let i = 0; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    if (Number.isNaN(h) || Number.isNaN(l) || Number.isNaN(c)) return undefined;
    while (hTail > hHead && high[highs[hTail - 1]!]! <= h) hTail--;
    highs[hTail++] = i;
    if (highs[hHead]! <= i - period) hHead++;
    while (lTail > lHead && low[lows[lTail - 1]!]! >= l) lTail--;
    lows[lTail++] = i;
    if (lows[lHead]! <= i - period) lHead++;
    if (i < warm) continue;
    const hmax = high[highs[hHead]!]!;
    const lmin = low[lows[lHead]!]!;
    if (wprForm) {
      const r = (hmax - c) / (hmax - lmin);
      out[i] = Number.isNaN(r) ? 0.5 : r;
    } else {
      const k = (c - lmin) / (hmax - lmin);
      out[i] = k === Number.POSITIVE_INFINITY || k === Number.NEGATIVE_INFINITY ? 0.5 : k;
    }
  }
  out.fill(Number.NaN, 0, warm);
  return out;
}
