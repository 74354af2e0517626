/**
 * Commodity channel index, as R's TTR `CCI(HLC, n, c = 0.015)`: the typical price's distance from
 * its n-day SMA over c times the mean absolute deviation from that SMA.
 */
import { checkPeriod } from './nan-policy.js';
import { type HlcColumns, typicalPrice } from './price-bars.js';
import { runMeanAbsDev } from './rolling.js';
import { sma } from './sma.js';

/** @example cci(bars, 20) */
export function cci(bars: HlcColumns, period: number, constant = 0.015): Float64Array {
  checkPeriod(period, 'cci');
  const tp = typicalPrice(bars);
  const mavg = sma(tp, period);
  const dev = runMeanAbsDev(tp, mavg, period);
  const out = new Float64Array(tp.length);
  for (let i = 0; i < out.length; i++) out[i] = (tp[i]! - mavg[i]!) / (constant * dev[i]!);
  return out;
}
