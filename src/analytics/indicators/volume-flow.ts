/**
 * The volume indicators of R's TTR 0.24.3: money flow index (`MFI`), on-balance volume (`OBV`),
 * Chaikin money flow (`CMF`) and the Chaikin accumulation/distribution line (`chaikinAD`).
 * They need a volume column; a series without one is refused before this point.
 */
import { checkPeriod } from './nan-policy.js';
import { closeLocation, type HlcColumns, typicalPrice } from './price-bars.js';
import { nanColumn, runSum, seriesStart } from './rolling.js';

/**
 * MFI over n days: 100 - 100 / (1 + positive flow / negative flow), where the flow is typical
 * price x volume, positive on days the typical price rose; 100 with no negative flow, 50 with
 * none at all (TTR's rules).
 */
export function mfi(bars: HlcColumns, volume: Float64Array, period: number): Float64Array {
  checkPeriod(period, 'mfi');
  const tp = typicalPrice(bars);
  const n = tp.length;
  const pos = nanColumn(n);
  const neg = nanColumn(n);
  for (let i = 1; i < n; i++) {
    const t = tp[i]!;
    const prev = tp[i - 1]!;
    if (Number.isNaN(t) || Number.isNaN(prev)) continue;
    const flow = t * volume[i]!;
    pos[i] = t > prev ? flow : 0;
    neg[i] = t < prev ? flow : 0;
  }
  const num = runSum(pos, period, 'mfi');
  const den = runSum(neg, period, 'mfi');
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = den[i]!;
    out[i] = d === 0 ? (num[i] === 0 ? 50 : 100) : 100 - 100 / (1 + num[i]! / d);
  }
  return out;
}

/**
 * On-balance volume, TTR's `OBV(price, volume)`: from the first day's volume, add the day's volume
 * when the log price rose, subtract it when it fell, nothing when it moved less than 1.5e-8.
 */
export function obv(price: Float64Array, volume: Float64Array): Float64Array {
  const n = price.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const tiny = Math.sqrt(Number.EPSILON);
  let total = volume[0]!;
  out[0] = total;
  for (let i = 1; i < n; i++) {
    const change = Math.log(price[i]!) - Math.log(price[i - 1]!);
    total += Number.isNaN(change) ? Number.NaN : Math.abs(change) < tiny ? 0 : change > 0 ? volume[i]! : -volume[i]!;
    out[i] = total;
  }
  return out;
}

/** Chaikin money flow over n days: sum(CLV x volume) / sum(volume). */
export function cmf(bars: HlcColumns, volume: Float64Array, period: number): Float64Array {
  checkPeriod(period, 'cmf');
  const clv = closeLocation(bars);
  for (let i = 0; i < clv.length; i++) clv[i] = clv[i]! * volume[i]!;
  const num = runSum(clv, period, 'cmf');
  const den = runSum(volume, period, 'cmf');
  for (let i = 0; i < num.length; i++) num[i] = num[i]! / den[i]!;
  return num;
}

/** Chaikin A/D line: the running total of CLV x volume from the first complete bar. */
export function chaikinAD(bars: HlcColumns, volume: Float64Array): Float64Array {
  const ad = closeLocation(bars);
  for (let i = 0; i < ad.length; i++) ad[i] = ad[i]! * volume[i]!;
  const first = seriesStart(ad, 'chaikinad');
  let total = 0;
  for (let i = first; i < ad.length; i++) {
    total += ad[i]!;
    ad[i] = total;
  }
  return ad;
}
