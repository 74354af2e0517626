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
 * TTR's starting gap, R's `sd(high - low)` over every row with both prices, and whether every bar
 * from `beg` on is clean for the fast loop: a finite high and low of the same sign, neither zero
 * (`high * low > 0`). On clean bars it takes ONE pass: the sums of d and d^2 with d = (high - low) - k,
 * k the first range, then var = (sum d^2 - (sum d)^2 / n) / (n - 1). The subtraction cancels by the
 * factor sum d^2 / (n - 1) var = 1 + n z^2 / (n - 1), z the first range's distance from the mean in
 * SDs (at most about n, since the first range is one of the data), and the sums carry up to n
 * roundings each, so the relative error is at most about n x that factor x 1.1e-16; the one pass is
 * kept only while n x factor <= 1e6 (error under 1e-10; on a 20-year series, a first range within
 * about 14 SDs of the mean), else it takes R's two passes (the mean, then the squares about it), as
 * on bars with a missing price. R sums in long double, so neither form is R's to the last bit; both
 * agree with it far inside the 1e-8 of the goldens. The ranges are not stored.
 */
function startingGap(high: Float64Array, low: Float64Array, beg: number): { gap: number; clean: boolean } {
  const nr = high.length;
  const k = high[beg]! - low[beg]!;
  let sum = 0;
  let squares = 0;
  let unclean = 0;
  for (let i = beg; i < nr; i++) {
    const h = high[i]!;
    const l = low[i]!;
    if (!(h * l > 0)) unclean++;
    const d = h - l - k;
    sum += d;
    squares += d * d;
  }
  const n = nr - beg;
  const centred = squares - (sum * sum) / n;
  const clean = unclean === 0 && Number.isFinite(squares);
  if (clean && centred * 1e6 >= squares * n) return { gap: Math.sqrt(centred / (n - 1)), clean };
  return { gap: twoPassSd(high, low), clean };
}

/** R's `sd(high - low, na.rm = TRUE)` in two passes (the mean, then the squares about it), in row order. */
function twoPassSd(high: Float64Array, low: Float64Array): number {
  const nr = high.length;
  let count = 0;
  let mean = 0;
  for (let i = 0; i < nr; i++) {
    const r = high[i]! - low[i]!;
    if (!Number.isNaN(r)) {
      count++;
      mean += r;
    }
  }
  mean /= count;
  let ss = 0;
  for (let i = 0; i < nr; i++) {
    const r = high[i]! - low[i]!;
    if (!Number.isNaN(r)) ss += (r - mean) ** 2;
  }
  return Math.sqrt(ss / (count - 1));
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
  const { gap, clean } = startingGap(high, low, beg);
  out[beg] = low[beg]! - gap;
  if (fast && clean) fastLoop(high, low, out, beg, step, max);
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
 * The general loop for clean bars (finite, non-zero, `startingGap`), split into a long and a short
 * phase so the trend is known without a test per row. V8 compiles Math.min/max and ternaries on
 * doubles to branches, and "is today a new extreme" is true on about a third of the rows at random,
 * so inside a phase (after its first row, where the extreme is already at least yesterday's high)
 * the extreme is chosen by arithmetic: c * h + (1 - c) * xpt with c = 0 or 1 is exactly h or xpt for
 * finite non-zero prices; the clamp to the last two lows (highs) is skipped when the SAR is already
 * strictly beyond both (then Math.min would return it unchanged). The first row of each phase, where
 * the extreme is still the other side's, takes the general step. Step and max are copied into float
 * locals: with `af = af === max ? max : ...` on the parameter itself, V8 kept the factor as a tagged
 * (boxed) value and allocated a heap number on every new extreme. What is left is the SAR's own
 * chain (prev + (extreme - prev) x factor) and the branch mispredictions of the reversals (about one
 * row in eleven on a 2%-a-day walk) and of the clamp. Same operations in the same order on the values
 * that matter: bit-identical to `generalLoop` (fused-indicators.test.ts).
 */
function fastLoop(high: Float64Array, low: Float64Array, out: Float64Array, beg: number, step: number, max: number) {
  const nr = out.length;
  // as float64 locals: `af = af === max ? max : ...` with the parameter itself made af a tagged
  // (boxed) value, a heap number allocated on every new extreme
  const stp = step * 1;
  const cap = max * 1;
  let prev = out[beg]!;
  let xpt = high[beg]!;
  let af = stp;
  let hPrev = high[beg]!;
  let lPrev = low[beg]!;
  let i = beg + 1;
  while (i < nr) {
    // long phase: rows with a low above yesterday's SAR
    if (low[i]! > prev) {
      // first row: the general step (after a reversal, xpt is still the short side's low)
      const h = high[i]!;
      const l = low[i]!;
      const s = prev + (xpt - prev) * af;
      const x = Math.max(Math.max(hPrev, h), xpt);
      if (x > xpt && af !== cap) af += stp;
      xpt = x;
      prev = Math.min(s, Math.min(lPrev, l));
      out[i] = prev;
      hPrev = h;
      lPrev = l;
      i++;
      for (; i < nr; i++) {
        const h = high[i]!;
        const l = low[i]!;
        if (!(l > prev)) break;
        let s = prev + (xpt - prev) * af;
        const c = +(h > xpt);
        xpt = c * h + (1 - c) * xpt;
        af = af + +(af !== cap) * c * stp;
        if (!(s < l && s < lPrev)) s = Math.min(s, Math.min(lPrev, l));
        prev = s;
        out[i] = s;
        hPrev = h;
        lPrev = l;
      }
    }
    if (i >= nr) break;
    // long to short: the SAR jumps to the long phase's extreme
    const hr = high[i]!;
    xpt = Math.max(Math.max(hPrev, hr), xpt);
    af = stp;
    prev = xpt;
    out[i] = prev;
    hPrev = hr;
    lPrev = low[i]!;
    i++;
    if (i >= nr) break;
    // short phase: rows with a high below yesterday's SAR
    if (high[i]! < prev) {
      const h = high[i]!;
      const l = low[i]!;
      const s = prev + (xpt - prev) * af;
      const x = Math.min(Math.min(lPrev, l), xpt);
      if (x < xpt && af !== cap) af += stp;
      xpt = x;
      prev = Math.max(s, Math.max(hPrev, h));
      out[i] = prev;
      hPrev = h;
      lPrev = l;
      i++;
      for (; i < nr; i++) {
        const h = high[i]!;
        const l = low[i]!;
        if (!(h < prev)) break;
        let s = prev + (xpt - prev) * af;
        const c = +(l < xpt);
        xpt = c * l + (1 - c) * xpt;
        af = af + +(af !== cap) * c * stp;
        if (!(s > h && s > hPrev)) s = Math.max(s, Math.max(hPrev, h));
        prev = s;
        out[i] = s;
        hPrev = h;
        lPrev = l;
      }
    }
    if (i >= nr) break;
    // short to long
    const lr = low[i]!;
    xpt = Math.min(Math.min(lPrev, lr), xpt);
    af = stp;
    prev = xpt;
    out[i] = prev;
    hPrev = high[i]!;
    lPrev = lr;
    i++;
  }
}
