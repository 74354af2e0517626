/**
 * Parabolic stop-and-reverse, as R's TTR `SAR(HL, accel = c(0.02, 0.2))` (0.24.3), a port of its
 * C code. It starts long, one standard deviation of (high - low) over the WHOLE series below the
 * first low (so the early values depend on the full history, as in TTR). As in TTR the step
 * adds accel[1] each new extreme until the factor equals accel[2] exactly; with 0.02 steps the
 * sum never hits 0.2 exactly, so, as TTR does, it keeps growing: kept for agreement.
 */
import { UsageError } from '../../domain/errors.js';
import { checkSameLength } from './price-bars.js';

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

/**
 * TTR's starting gap, R's `sd(high - low)` over every row with both prices (two passes: the mean,
 * then the squares about it, in row order), and whether every bar from `beg` on has a positive,
 * finite high and low: the condition of the fast loop. The ranges are not stored.
 */
function startingGap(high: Float64Array, low: Float64Array, beg: number): { gap: number; positive: boolean } {
  const nr = high.length;
  let count = 0;
  let mean = 0;
  let positive = true;
  for (let i = 0; i < nr; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const r = h - l;
    if (!Number.isNaN(r)) {
      count++;
      mean += r;
    }
    if (!(h > 0 && l > 0 && r < Number.POSITIVE_INFINITY && r > Number.NEGATIVE_INFINITY) && i >= beg) positive = false;
  }
  mean /= count;
  let ss = 0;
  for (let i = 0; i < nr; i++) {
    const r = high[i]! - low[i]!;
    if (!Number.isNaN(r)) ss += (r - mean) ** 2;
  }
  return { gap: Math.sqrt(ss / (count - 1)), positive };
}

function sarWith(high: Float64Array, low: Float64Array, step: number, max: number, fast: boolean): Float64Array {
  if (!(step > 0) || !(max >= step)) {
    throw new UsageError(`sar: accel must be 0 < step <= max, got ${step} and ${max}`, { parameter: 'accel' });
  }
  const nr = checkSameLength('sar', high, low);
  const out = new Float64Array(nr);
  let beg = 0;
  while (beg < nr && (Number.isNaN(high[beg]!) || Number.isNaN(low[beg]!))) beg++;
  out.fill(Number.NaN, 0, beg);
  if (beg >= nr) return out;
  const { gap, positive } = startingGap(high, low, beg);
  out[beg] = low[beg]! - gap;
  if (fast && positive) fastLoop(high, low, out, beg, step, max);
  else generalLoop(high, low, out, beg, step, max);
  return out;
}

/** TTR's loop as written in its C code: signal, extreme point and factor of the previous row. */
function generalLoop(high: Float64Array, low: Float64Array, out: Float64Array, beg: number, step: number, max: number) {
  const nr = out.length;
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
}

/**
 * The general loop for bars whose highs and lows are all positive and finite, split into a long
 * and a short phase so the trend is known without a test per row. V8 compiles Math.min/max and
 * ternaries on doubles to branches, and "is today a new extreme" or "is today's low below
 * yesterday's" are coin flips on real data, so the hot path avoids them:
 * - inside a phase (after its first row) the extreme point is already at least yesterday's high
 *   (long) or at most yesterday's low (short), so max(yesterday, today, extreme) is
 *   max(today, extreme), chosen by arithmetic: c * h + (1 - c) * xpt with c = 0 or 1 is exactly h
 *   or xpt for positive finite prices;
 * - the clamp to the last two lows (highs) is skipped when the SAR is already strictly beyond both
 *   (then Math.min would return it unchanged).
 * The first row of each phase, where the extreme is the other side's, takes the general
 * operations. Same operations in the same order on the values that matter: bit-identical to
 * `generalLoop` (fused-indicators.test.ts).
 */
function fastLoop(high: Float64Array, low: Float64Array, out: Float64Array, beg: number, step: number, max: number) {
  const nr = out.length;
  let xpt = high[beg]!;
  let af = step;
  let prev = out[beg]!;
  let hPrev = high[beg]!;
  let lPrev = low[beg]!;
  // true on the first row after a reversal: xpt is then the other side's extreme
  let fresh = false;
  let i = beg + 1;
  while (i < nr) {
    for (; i < nr; i++) {
      const h = high[i]!;
      const l = low[i]!;
      if (!(l > prev)) break;
      let s = prev + (xpt - prev) * af;
      let c: number;
      if (fresh) {
        const x = Math.max(Math.max(hPrev, h), xpt);
        c = +(x > xpt);
        xpt = x;
        fresh = false;
      } else {
        c = +(h > xpt);
        xpt = c * h + (1 - c) * xpt;
      }
      af = af === max ? max : af + c * step;
      if (!(s < l && s < lPrev)) s = Math.min(s, Math.min(lPrev, l));
      prev = s;
      out[i] = s;
      hPrev = h;
      lPrev = l;
    }
    if (i >= nr) break;
    // long to short: the SAR jumps to the long phase's extreme
    const hr = high[i]!;
    xpt = Math.max(Math.max(hPrev, hr), xpt);
    af = step;
    prev = xpt;
    out[i] = prev;
    hPrev = hr;
    lPrev = low[i]!;
    fresh = true;
    i++;
    for (; i < nr; i++) {
      const h = high[i]!;
      const l = low[i]!;
      if (!(h < prev)) break;
      let s = prev + (xpt - prev) * af;
      let c: number;
      if (fresh) {
        const x = Math.min(Math.min(lPrev, l), xpt);
        c = +(x < xpt);
        xpt = x;
        fresh = false;
      } else {
        c = +(l < xpt);
        xpt = c * l + (1 - c) * xpt;
      }
      af = af === max ? max : af + c * step;
      if (!(s > h && s > hPrev)) s = Math.max(s, Math.max(hPrev, h));
      prev = s;
      out[i] = s;
      hPrev = h;
      lPrev = l;
    }
    if (i >= nr) break;
    // short to long
    const lr = low[i]!;
    xpt = Math.min(Math.min(lPrev, lr), xpt);
    af = step;
    prev = xpt;
    out[i] = prev;
    hPrev = high[i]!;
    lPrev = lr;
    fresh = true;
    i++;
  }
}
