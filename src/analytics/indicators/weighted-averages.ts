/**
 * The weighted and lag-reduced moving averages of R's TTR 0.24.3: WMA (weights 1..n), DEMA,
 * ZLEMA, HMA and the volume-weighted VWMA. Leading NaNs are skipped, a later NaN is an error, as
 * everywhere here (nan-policy.ts).
 */
import { UsageError } from '../../domain/errors.js';
import { ema } from './ema.js';
import { checkPeriod } from './nan-policy.js';
import { runSum, startWindow } from './rolling.js';

/**
 * Linearly weighted moving average, TTR's `WMA(x, n)`: weights 1..n, the newest weighing n.
 * Kept with a running numerator (add n x[i], take away the previous window's plain sum), O(n).
 * @example wma(Float64Array.of(1, 2, 3), 2) // [NaN, 5/3, 8/3]
 */
export function wma(values: Float64Array, period: number, indicator = 'wma'): Float64Array {
  const { n, out, first } = startWindow(values, period, indicator);
  const start = first + period - 1;
  if (start >= n) return out;
  const weights = (period * (period + 1)) / 2;
  let num = 0;
  let plain = 0;
  for (let i = first; i <= start; i++) {
    num += values[i]! * (i - first + 1);
    plain += values[i]!;
  }
  out[start] = num / weights;
  for (let i = start + 1; i < n; i++) {
    const v = values[i]!;
    num = num + period * v - plain;
    plain = plain + v - values[i - period]!;
    out[i] = num / weights;
  }
  return out;
}

/** Double EMA, TTR's `DEMA(x, n)` with v = 1: 2 EMA(x) - EMA(EMA(x)). */
export function dema(values: Float64Array, period: number): Float64Array {
  checkPeriod(period, 'dema');
  const e1 = ema(values, period);
  const e2 = ema(e1, period);
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = 2 * e1[i]! - e2[i]!;
  return out;
}

/**
 * Zero-lag EMA, TTR's `ZLEMA(x, n)`: an EMA (ratio 2 / (n + 1), seeded with the mean of the first
 * n values) of 2 x[i] minus x interpolated (n + 1) / 2 rows back, exactly as TTR's C `zlema`.
 */
export function zlema(values: Float64Array, period: number): Float64Array {
  const { n, out, first } = startWindow(values, period, 'zlema');
  if (first + period > n) return out;
  let seed = 0;
  for (let i = first; i < first + period; i++) seed += values[i]! / period;
  out[first + period - 1] = seed;
  const ratio = 2 / (period + 1);
  const lag = 1 / ratio;
  const wt = lag % 1;
  const w1 = 1 - wt;
  const r1 = 1 - ratio;
  let prev = seed;
  for (let i = first + period; i < n; i++) {
    const loc = Math.trunc(i - lag);
    const value = 2 * values[i]! - (w1 * values[loc]! + wt * values[loc + 1]!);
    prev = ratio * value + r1 * prev;
    out[i] = prev;
  }
  return out;
}

/** Hull MA, TTR's `HMA(x, n)`: WMA over trunc(sqrt(n)) of 2 WMA(x, trunc(n/2)) - WMA(x, n). */
export function hma(values: Float64Array, period: number): Float64Array {
  checkPeriod(period, 'hma');
  if (period < 2) throw new UsageError(`hma: period must be at least 2, got ${period}`, { parameter: 'period' });
  const half = wma(values, Math.trunc(period / 2), 'hma');
  const full = wma(values, period, 'hma');
  for (let i = 0; i < half.length; i++) half[i] = 2 * half[i]! - full[i]!;
  return wma(half, Math.trunc(Math.sqrt(period)), 'hma');
}

/**
 * Volume-weighted MA, TTR's `VWMA(price, volume, n)`: sum(price x volume) / sum(volume) over n
 * rows (NaN where the window's volume is 0).
 */
export function vwma(price: Float64Array, volume: Float64Array, period: number): Float64Array {
  checkPeriod(period, 'vwma');
  const pv = new Float64Array(price.length);
  for (let i = 0; i < pv.length; i++) pv[i] = price[i]! * volume[i]!;
  const num = runSum(pv, period, 'vwma');
  const den = runSum(volume, period, 'vwma');
  for (let i = 0; i < num.length; i++) num[i] = i < period - 1 ? Number.NaN : num[i]! / den[i]!;
  return num;
}
