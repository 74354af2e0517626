/**
 * Ultimate oscillator, as R's TTR `ultimateOscillator(HLC, n = c(7, 14, 28), wts = c(4, 2, 1))`:
 * buying pressure (close - true low) summed over each window, over the true range summed over it,
 * averaged with the weights 4, 2, 1, times 100.
 */
import { checkPeriod } from './nan-policy.js';
import { type HlcColumns, trueLowColumn, trueRangeColumn } from './price-bars.js';
import { runSum } from './rolling.js';

const WEIGHTS = [4, 2, 1] as const;

/** @example ultimateOscillator(bars, [7, 14, 28]) */
export function ultimateOscillator(bars: HlcColumns, periods: readonly [number, number, number]): Float64Array {
  for (const p of periods) checkPeriod(p, 'ultimateoscillator');
  const tr = trueRangeColumn(bars);
  const pressure = trueLowColumn(bars);
  for (let i = 0; i < pressure.length; i++) pressure[i] = bars.close[i]! - pressure[i]!;
  const osc = new Float64Array(tr.length);
  for (let k = 0; k < 3; k++) {
    const num = runSum(pressure, periods[k]!, 'ultimateoscillator');
    const den = runSum(tr, periods[k]!, 'ultimateoscillator');
    for (let i = 0; i < osc.length; i++) osc[i] = osc[i]! + WEIGHTS[k]! * (num[i]! / den[i]!);
  }
  for (let i = 0; i < osc.length; i++) osc[i] = (100 * osc[i]!) / 7;
  return osc;
}
