/**
 * Two range-based measures of R's TTR 0.24.3: Chaikin volatility (`chaikinVolatility(HL, n)`: the
 * n-day rate of change of the EMA(n) of high - low, a fraction) and the signal-to-noise ratio
 * (`SNR(HLC, n)`: |close - close n days earlier| / ATR(n)).
 */
import { atr } from './atr.js';
import { ema } from './ema.js';
import { checkPeriod } from './nan-policy.js';
import { checkSameLength, type HlcColumns } from './price-bars.js';
import { roc } from './roc.js';

/** @example chaikinVolatility(high, low, 10) */
export function chaikinVolatility(high: Float64Array, low: Float64Array, period: number): Float64Array {
  checkPeriod(period, 'chaikinvolatility');
  const n = checkSameLength('chaikinvolatility', high, low);
  const range = new Float64Array(n);
  for (let i = 0; i < n; i++) range[i] = high[i]! - low[i]!;
  return roc(ema(range, period), period);
}

/** @example snr(bars, 14) */
export function snr(bars: HlcColumns, period: number): Float64Array {
  checkPeriod(period, 'snr');
  const noise = atr(bars.high, bars.low, bars.close, period);
  const out = new Float64Array(noise.length).fill(Number.NaN);
  for (let i = period; i < out.length; i++) out[i] = Math.abs(bars.close[i]! - bars.close[i - period]!) / noise[i]!;
  return out;
}
