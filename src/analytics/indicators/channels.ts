/**
 * Price channels of R's TTR 0.24.3: the Donchian channel (`DonchianChannel(HL, n)`: the n-day
 * highest high, lowest low and their midpoint) and Keltner channels (`keltnerChannels(HLC, n,
 * atr)`: the EMA(n) of the typical price plus and minus atr x ATR(n)).
 */
import { atr as averageTrueRange } from './atr.js';
import { ema } from './ema.js';
import { checkPeriod } from './nan-policy.js';
import { checkSameLength, type HlcColumns, typicalPrice } from './price-bars.js';
import { runMax, runMin } from './rolling.js';

export interface ChannelSeries {
  readonly lower: Float64Array;
  readonly middle: Float64Array;
  readonly upper: Float64Array;
}

/** @example donchian(high, low, 20).upper */
export function donchian(high: Float64Array, low: Float64Array, period: number): ChannelSeries {
  checkPeriod(period, 'donchian');
  checkSameLength('donchian', high, low);
  const upper = runMax(high, period, 'donchian');
  const lower = runMin(low, period, 'donchian');
  const middle = new Float64Array(upper.length);
  for (let i = 0; i < middle.length; i++) middle[i] = (upper[i]! + lower[i]!) / 2;
  return { lower, middle, upper };
}

/** @example keltner(bars, 20, 2).upper */
export function keltner(bars: HlcColumns, period: number, width: number): ChannelSeries {
  checkPeriod(period, 'keltner');
  const middle = ema(typicalPrice(bars), period);
  const range = averageTrueRange(bars.high, bars.low, bars.close, period);
  const lower = new Float64Array(middle.length);
  const upper = new Float64Array(middle.length);
  for (let i = 0; i < middle.length; i++) {
    upper[i] = middle[i]! + width * range[i]!;
    lower[i] = middle[i]! - width * range[i]!;
  }
  return { lower, middle, upper };
}
