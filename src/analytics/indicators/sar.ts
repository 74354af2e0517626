/**
 * Parabolic stop-and-reverse, as R's TTR `SAR(HL, accel = c(0.02, 0.2))` (0.24.3), a port of its
 * C code. It starts long, one standard deviation of (high - low) over the WHOLE series below the
 * first low (so the early values depend on the full history, as in TTR). As in TTR the step
 * adds accel[1] each new extreme until the factor equals accel[2] exactly; with 0.02 steps the
 * sum never hits 0.2 exactly, so, as TTR does, it keeps growing: kept for agreement.
 */
import { UsageError } from '../../domain/errors.js';
import { checkSameLength } from './price-bars.js';
import { nanColumn } from './rolling.js';

function sampleSd(values: Float64Array, from: number): number {
  let count = 0;
  let mean = 0;
  for (let i = from; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) continue;
    count++;
    mean += values[i]!;
  }
  mean /= count;
  let ss = 0;
  for (let i = from; i < values.length; i++) if (!Number.isNaN(values[i]!)) ss += (values[i]! - mean) ** 2;
  return Math.sqrt(ss / (count - 1));
}

/** @example sar(high, low, 0.02, 0.2) */
export function sar(high: Float64Array, low: Float64Array, step: number, max: number): Float64Array {
  return sarWith(high, low, step, max, true);
}

/**
 * `sar` always through the general loop (Math.min/max, values read back from `out`): the form the
 * fast loop is tested against, bit for bit.
 */
export function sarGeneral(high: Float64Array, low: Float64Array, step: number, max: number): Float64Array {
  return sarWith(high, low, step, max, false);
}

function sarWith(high: Float64Array, low: Float64Array, step: number, max: number, fast: boolean): Float64Array {
  if (!(step > 0) || !(max >= step)) {
    throw new UsageError(`sar: accel must be 0 < step <= max, got ${step} and ${max}`, { parameter: 'accel' });
  }
  const nr = checkSameLength('sar', high, low);
  const out = nanColumn(nr);
  let beg = 0;
  while (beg < nr && (Number.isNaN(high[beg]!) || Number.isNaN(low[beg]!))) beg++;
  if (beg >= nr) return out;
  const range = new Float64Array(nr);
  let complete = true;
  for (let i = 0; i < nr; i++) {
    range[i] = high[i]! - low[i]!;
    if (i >= beg && Number.isNaN(range[i]!)) complete = false;
  }
  const initGap = sampleSd(range, 0);
  out[beg] = low[beg]! - initGap;
  if (fast && complete) {
    fastLoop(high, low, out, beg, step, max);
    return out;
  }
  let sig0 = 1;
  let xpt0 = high[beg]!;
  let af0 = step;
  for (let i = beg + 1; i < nr; i++) {
    const sig1 = sig0;
    const xpt1 = xpt0;
    const af1 = af0;
    const lmin = Math.min(low[i - 1]!, low[i]!);
    const lmax = Math.max(high[i - 1]!, high[i]!);
    if (sig1 === 1) {
      sig0 = low[i]! > out[i - 1]! ? 1 : -1;
      xpt0 = Math.max(lmax, xpt1);
    } else {
      sig0 = high[i]! < out[i - 1]! ? -1 : 1;
      xpt0 = Math.min(lmin, xpt1);
    }
    if (sig0 === sig1) {
      let s = out[i - 1]! + (xpt1 - out[i - 1]!) * af1;
      af0 = af1 === max ? max : step + af1;
      if (sig0 === 1) {
        af0 = xpt0 > xpt1 ? af0 : af1;
        s = Math.min(s, lmin);
      } else {
        af0 = xpt0 < xpt1 ? af0 : af1;
        s = Math.max(s, lmax);
      }
      out[i] = s;
    } else {
      af0 = step;
      out[i] = xpt0;
    }
  }
  return out;
}

/**
 * The loop of `sar` for complete bars from `beg` on (no NaN): the previous value, high and low kept
 * in locals instead of read back from the arrays, the same operations in the same order as the
 * general loop, so the values are bit-identical.
 */
function fastLoop(high: Float64Array, low: Float64Array, out: Float64Array, beg: number, step: number, max: number) {
  const nr = out.length;
  let sig0 = 1;
  let xpt0 = high[beg]!;
  let af0 = step;
  let prev = out[beg]!;
  let hPrev = high[beg]!;
  let lPrev = low[beg]!;
  for (let i = beg + 1; i < nr; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const sig1 = sig0;
    const xpt1 = xpt0;
    const af1 = af0;
    const lmin = Math.min(lPrev, l);
    const lmax = Math.max(hPrev, h);
    if (sig1 === 1) {
      sig0 = l > prev ? 1 : -1;
      xpt0 = Math.max(lmax, xpt1);
    } else {
      sig0 = h < prev ? -1 : 1;
      xpt0 = Math.min(lmin, xpt1);
    }
    if (sig0 === sig1) {
      let s = prev + (xpt1 - prev) * af1;
      af0 = af1 === max ? max : step + af1;
      if (sig0 === 1) {
        af0 = xpt0 > xpt1 ? af0 : af1;
        s = Math.min(s, lmin);
      } else {
        af0 = xpt0 < xpt1 ? af0 : af1;
        s = Math.max(s, lmax);
      }
      prev = s;
    } else {
      af0 = step;
      prev = xpt0;
    }
    out[i] = prev;
    hPrev = h;
    lPrev = l;
  }
}
