/**
 * Percentage price oscillator: R's TTR `MACD(x, nFast, nSlow, nSig, percent = TRUE)` (TTR's
 * default form of MACD): 100 (EMA(nFast) / EMA(nSlow) - 1), its EMA(nSig) as the signal, and the
 * difference as the histogram.
 */
import { ema } from './ema.js';
import type { MacdParams, MacdSeries } from './macd.js';
import { checkPeriod } from './nan-policy.js';

/** @example ppo(closes, { fast: 12, slow: 26, signal: 9 }).macd */
export function ppo(values: Float64Array, params: MacdParams): MacdSeries {
  checkPeriod(params.fast, 'ppo', 'fast');
  checkPeriod(params.slow, 'ppo', 'slow');
  checkPeriod(params.signal, 'ppo', 'signal');
  const fast = ema(values, params.fast);
  const slow = ema(values, params.slow);
  const line = new Float64Array(values.length);
  for (let i = 0; i < line.length; i++) line[i] = 100 * (fast[i]! / slow[i]! - 1);
  const signal = ema(line, params.signal);
  const histogram = new Float64Array(values.length);
  for (let i = 0; i < line.length; i++) histogram[i] = line[i]! - signal[i]!;
  return { macd: line, signal, histogram };
}
