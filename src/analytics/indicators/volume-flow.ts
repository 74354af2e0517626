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
 * none at all (TTR's rules). Complete bars (no NaN) take one fused pass with two ring buffers of
 * n flows (the same sums, in the same order, as runSum: bit-identical); gaps take the column form.
 */
export function mfi(bars: HlcColumns, volume: Float64Array, period: number): Float64Array {
  checkPeriod(period, 'mfi');
  return fusedMfi(bars, volume, period) ?? columnMfi(bars, volume, period);
}

function anyNaN(...columns: Float64Array[]): boolean {
  for (const c of columns) for (let i = 0; i < c.length; i++) if (Number.isNaN(c[i]!)) return true;
  return false;
}

function fusedMfi(bars: HlcColumns, volume: Float64Array, period: number): Float64Array | null {
  const { high, low, close } = bars;
  const n = close.length;
  if (period + 1 > n || volume.length !== n || anyNaN(high, low, close, volume)) return null;
  const out = new Float64Array(n);
  out.fill(Number.NaN, 0, period);
  const posRing = new Float64Array(period);
  const negRing = new Float64Array(period);
  let prev = (high[0]! + low[0]! + close[0]!) / 3;
  let num = 0;
  let den = 0;
  for (let i = 1; i < n; i++) {
    const t = (high[i]! + low[i]! + close[i]!) / 3;
    const flow = t * volume[i]!;
    const pos = t > prev ? flow : 0;
    const neg = t < prev ? flow : 0;
    prev = t;
    const slot = i % period;
    if (i <= period) {
      // runSum's seed: the plain sum of the first n flows (rows 1..n)
      num += pos;
      den += neg;
    } else {
      num = num + pos - posRing[slot]!;
      den = den + neg - negRing[slot]!;
    }
    posRing[slot] = pos;
    negRing[slot] = neg;
    if (i >= period) out[i] = den === 0 ? (num === 0 ? 50 : 100) : 100 - 100 / (1 + num / den);
  }
  return out;
}

/** MFI column by column (typical price, flows, two runSums): the form the fused pass is tested against. */
export function columnMfi(bars: HlcColumns, volume: Float64Array, period: number): Float64Array {
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
 * The logarithms are only taken when the two prices are within 1e-7 of each other (or not both
 * positive): further apart, |log a - log b| is far above the 1.5e-8 threshold and has the sign of
 * a - b, so the result is the same as TTR's with one multiplication per day instead of two
 * logarithms.
 */
export function obv(price: Float64Array, volume: Float64Array): Float64Array {
  const n = price.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const tiny = Math.sqrt(Number.EPSILON);
  let total = volume[0]!;
  out[0] = total;
  let before = price[0]!;
  for (let i = 1; i < n; i++) {
    const now = price[i]!;
    const move = now - before;
    if (before > 0 && now > 0 && Math.abs(move) > before * 1e-7) {
      // +1 or -1 without a branch: up and down days alternate at random, so a branch on the
      // direction is mispredicted about half the time; v * 1 and v * -1 are exactly v and -v
      total += volume[i]! * (+(move > 0) * 2 - 1);
    } else {
      const change = Math.log(now) - Math.log(before);
      total += Number.isNaN(change) ? Number.NaN : Math.abs(change) < tiny ? 0 : change > 0 ? volume[i]! : -volume[i]!;
    }
    out[i] = total;
    before = now;
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
