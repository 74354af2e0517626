/**
 * Parabolic stop-and-reverse, as R's TTR `SAR(HL, accel = c(0.02, 0.2))` (0.24.3), a port of its
 * C code. It starts long, one standard deviation of (high - low) over the WHOLE series below the
 * first low (so the early values depend on the full history, as in TTR). As in TTR the step
 * adds accel[1] each new extreme until the factor equals accel[2] exactly; with 0.02 steps the
 * sum never hits 0.2 exactly, so, as TTR does, it keeps growing: kept for agreement. One step
 * of the SAR is computed as prev x (1 - factor) + extreme x factor, not TTR's prev + (extreme -
 * prev) x factor: the same value up to a rounding or two, and one multiply and one add on the
 * SAR's own dependency chain instead of a subtract, a multiply and an add. Against TTR 0.24.3 on the
 * full ^RUT and ^VIX histories with three accels, at most 2.5e-15 relative (the goldens allow 1e-8).
 * A SAR within a rounding of a low could still reverse a day apart from TTR; none did there.
 * On clean bars `sar` runs the starting gap's sums and the fast loop in WebAssembly (sar-kernel.wat,
 * the same operations in the same order: bit-identical to `sarTypeScript`, sar-kernel.test.ts),
 * about 1.6x the TypeScript's speed with the copies in and out (docs/performance.md).
 */
import { UsageError } from '../../domain/errors.js';
import { checkSameLength } from './price-bars.js';
import { sarKernel } from './sar-kernel.js';

/** @example sar(high, low, 0.02, 0.2) */
export function sar(high: Float64Array, low: Float64Array, step: number, max: number): Float64Array {
  return sarWith(high, low, step, max, true, true);
}

/** `sar` without the WebAssembly kernel: the TypeScript fast loop it is tested against, bit for bit. */
export function sarTypeScript(high: Float64Array, low: Float64Array, step: number, max: number): Float64Array {
  return sarWith(high, low, step, max, true, false);
}

/**
 * `sar` always through the general loop (Math.min/max, values read back from `out`): the form the
 * fast loop is tested against, bit for bit.
 */
export function sarGeneral(high: Float64Array, low: Float64Array, step: number, max: number): Float64Array {
  return sarWith(high, low, step, max, false, false);
}

/**
 * TTR's starting gap, R's `sd(high - low)` over every row with both prices, and whether every bar
 * from `beg` on is clean for the fast loop: a finite high and low of the same sign, neither zero
 * (`high * low > 0`). On clean bars it takes ONE pass: the sums of d and d^2 with d = (high - low) - k,
 * k the first range, then var = (sum d^2 - (sum d)^2 / n) / (n - 1). The subtraction cancels by the
 * factor sum d^2 / (n - 1) var = 1 + n z^2 / (n - 1), z the first range's distance from the mean in
 * SDs (at most about n, since the first range is one of the data), and the sums carry up to n
 * roundings each (two partial sums each, added at the end: fewer, not more), so the relative error is at most about n x that factor x 1.1e-16; the one pass is
 * kept only while n x factor <= 1e6 (error under 1e-10; on a 20-year series, a first range within
 * about 14 SDs of the mean), else it takes R's two passes (the mean, then the squares about it), as
 * on bars with a missing price. R sums in long double, so neither form is R's to the last bit; both
 * agree with it far inside the 1e-8 of the goldens. The ranges are not stored.
 */
function startingGap(high: Float64Array, low: Float64Array, beg: number): { gap: number; clean: boolean } {
  const nr = high.length;
  const k = high[beg]! - low[beg]!;
  // four rows a step, the rows alternating between two sums of d and two of d^2: V8 checks the
  // columns once a step rather than once a row, and no sum is one chain of adds through all rows
  const end = beg + ((nr - beg) & ~3);
  let s0 = 0;
  let s1 = 0;
  let q0 = 0;
  let q1 = 0;
  let unclean = 0;
  for (let i = beg; i < end; i += 4) {
    const h0 = high[i]!;
    const h1 = high[i + 1]!;
    const h2 = high[i + 2]!;
    const h3 = high[i + 3]!;
    const l0 = low[i]!;
    const l1 = low[i + 1]!;
    const l2 = low[i + 2]!;
    const l3 = low[i + 3]!;
    if (!(h0 * l0 > 0 && h1 * l1 > 0 && h2 * l2 > 0 && h3 * l3 > 0)) unclean++;
    const d0 = h0 - l0 - k;
    const d1 = h1 - l1 - k;
    const d2 = h2 - l2 - k;
    const d3 = h3 - l3 - k;
    s0 += d0;
    q0 += d0 * d0;
    s1 += d1;
    q1 += d1 * d1;
    s0 += d2;
    q0 += d2 * d2;
    s1 += d3;
    q1 += d3 * d3;
  }
  for (let i = end; i < nr; i++) {
    const h = high[i]!;
    const l = low[i]!;
    if (!(h * l > 0)) unclean++;
    const d = h - l - k;
    s0 += d;
    q0 += d * d;
  }
  return gapFromSums(s0 + s1, q0 + q1, unclean === 0, high, low, beg);
}

/** `startingGap` from its sums (here or the kernel's): the one-pass SD, or R's two passes. */
function gapFromSums(
  sum: number,
  squares: number,
  allClean: boolean,
  high: Float64Array,
  low: Float64Array,
  beg: number,
) {
  const n = high.length - beg;
  const centred = squares - (sum * sum) / n;
  const clean = allClean && Number.isFinite(squares);
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

function sarWith(
  high: Float64Array,
  low: Float64Array,
  step: number,
  max: number,
  fast: boolean,
  wasm: boolean,
): Float64Array {
  if (!(step > 0) || !(max >= step)) {
    throw new UsageError(`sar: accel must be 0 < step <= max, got ${step} and ${max}`, { parameter: 'accel' });
  }
  const nr = checkSameLength('sar', high, low);
  let beg = 0;
  while (beg < nr && (Number.isNaN(high[beg]!) || Number.isNaN(low[beg]!))) beg++;
  if (wasm && beg < nr - 1) {
    const done = kernelSar(high, low, beg, step, max);
    if (done !== undefined) return done;
  }
  const out = new Float64Array(nr);
  out.fill(Number.NaN, 0, beg);
  if (beg >= nr) return out;
  const { gap, clean } = startingGap(high, low, beg);
  out[beg] = low[beg]! - gap;
  if (fast && clean) fastLoop(high, low, out, beg, step, max);
  else generalLoop(high, low, out, beg, step, max);
  return out;
}

/**
 * TTR's loop as written in its C code (signal, extreme point and factor of the previous row), with
 * the step as prev x (1 - factor) + extreme x factor (see the header).
 */
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
      let s = out[i - 1]! * (1 - af1) + xpt1 * af1;
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
 * The factor after k new extremes in a phase, TTR's sums: step, then f[k] === max ? max : step +
 * f[k]; k never passes the rows of one phase. Kept between calls for the last (step, max), grown
 * to the longest series: a 20-year series costs 5,040 adds once, not once a call.
 */
let factors = new Float64Array(0);
let factorsStep = Number.NaN;
let factorsMax = Number.NaN;

function factorTable(step: number, max: number, rows: number): Float64Array {
  const same = factorsStep === step && factorsMax === max;
  if (same && factors.length >= rows) return factors;
  const f = new Float64Array(Math.max(rows, same ? 2 * factors.length : 0));
  f[0] = step;
  for (let k = 1; k < f.length; k++) f[k] = f[k - 1] === max ? max : step + f[k - 1]!;
  factors = f;
  factorsStep = step;
  factorsMax = max;
  return f;
}

/**
 * Scratch of two for a branch-free choice between two prices: pick[0] = a, pick[1] = b, then
 * pick[+(b > a)] is the larger, exactly Math.max(a, b) for the fast loop's finite non-zero prices.
 * V8 compiles Math.min/max and ternaries on doubles to branches, and which of two days' highs is
 * higher, or whether today is a new extreme (a third of the rows), is a coin flip the branch
 * predictor loses; the stores and the load cost less than the mispredictions.
 */
const pick = new Float64Array(2);

/**
 * The general loop for clean bars (finite, non-zero, `startingGap`), split into a long and a short
 * phase so the trend is known without a test per row, in the same operations on the same values:
 * bit-identical to `generalLoop` (fused-indicators.test.ts). Inside a phase, after its first row
 * (where the extreme is still the other side's), the extreme is at least yesterday's high, so it is
 * max(today's high, extreme), chosen through `pick`; the factor is `factors[n]`, n the new extremes
 * so far, so the only chain from row to row besides the SAR's is an integer add (with the factor
 * itself updated as TTR does, af + step unless af === max, V8's compare, convert, multiply and add
 * made a chain longer than the SAR's). The SAR's step, prev x a + b with a = 1 - factor and b =
 * extreme x factor taken from the row before, is one multiply and one add on its chain. The clamp
 * to the last two lows (highs) is skipped when the SAR is already strictly beyond both (then
 * Math.min would return it unchanged). What is left is the branch mispredictions of the reversals
 * (about one row in eleven on a 2%-a-day walk) and of the clamp (one in sixteen), and V8's map and
 * bounds checks on each column in each row.
 */
function fastLoop(high: Float64Array, low: Float64Array, out: Float64Array, beg: number, step: number, max: number) {
  const nr = out.length;
  // as float64 locals: `af = af === max ? max : ...` with the parameter itself made af a tagged
  // (boxed) value, a heap number allocated on every new extreme
  const stp = step * 1;
  const f = factorTable(stp, max * 1, nr - beg + 1);
  const p = pick;
  let prev = out[beg]!;
  let xpt = high[beg]!;
  let i = beg + 1;
  while (i < nr) {
    // long phase: rows with a low above yesterday's SAR
    if (low[i]! > prev) {
      // first row: the general step (after a reversal, xpt is still the short side's low)
      const h = high[i]!;
      const l = low[i]!;
      const hPrev = high[i - 1]!;
      const lPrev = low[i - 1]!;
      const s = prev * (1 - stp) + xpt * stp;
      p[0] = hPrev;
      p[1] = h;
      const x = Math.max(p[+(h > hPrev)]!, xpt);
      let n = +(x > xpt);
      xpt = x;
      p[0] = lPrev;
      p[1] = l;
      prev = Math.min(s, p[+(l < lPrev)]!);
      out[i] = prev;
      let a = 1 - f[n]!;
      let b = xpt * f[n]!;
      let lp = l;
      i++;
      for (; i < nr; i++) {
        const h = high[i]!;
        const l = low[i]!;
        if (!(l > prev)) break;
        let s = prev * a + b;
        p[0] = xpt;
        p[1] = h;
        const c = +(h > xpt);
        xpt = p[c]!;
        n += c;
        const af = f[n]!;
        a = 1 - af;
        b = xpt * af;
        if (!(s < l && s < lp)) {
          p[0] = lp;
          p[1] = l;
          s = Math.min(s, p[+(l < lp)]!);
        }
        prev = s;
        out[i] = s;
        lp = l;
      }
    }
    if (i >= nr) break;
    // long to short: the SAR jumps to the long phase's extreme
    const hr = high[i]!;
    p[0] = high[i - 1]!;
    p[1] = hr;
    xpt = Math.max(p[+(hr > p[0]!)]!, xpt);
    prev = xpt;
    out[i] = prev;
    i++;
    if (i >= nr) break;
    // short phase: rows with a high below yesterday's SAR
    if (high[i]! < prev) {
      const h = high[i]!;
      const l = low[i]!;
      const hPrev = high[i - 1]!;
      const lPrev = low[i - 1]!;
      const s = prev * (1 - stp) + xpt * stp;
      p[0] = lPrev;
      p[1] = l;
      const x = Math.min(p[+(l < lPrev)]!, xpt);
      let n = +(x < xpt);
      xpt = x;
      p[0] = hPrev;
      p[1] = h;
      prev = Math.max(s, p[+(h > hPrev)]!);
      out[i] = prev;
      let a = 1 - f[n]!;
      let b = xpt * f[n]!;
      let hp = h;
      i++;
      for (; i < nr; i++) {
        const h = high[i]!;
        const l = low[i]!;
        if (!(h < prev)) break;
        let s = prev * a + b;
        p[0] = xpt;
        p[1] = l;
        const c = +(l < xpt);
        xpt = p[c]!;
        n += c;
        const af = f[n]!;
        a = 1 - af;
        b = xpt * af;
        if (!(s > h && s > hp)) {
          p[0] = hp;
          p[1] = h;
          s = Math.max(s, p[+(h > hp)]!);
        }
        prev = s;
        out[i] = s;
        hp = h;
      }
    }
    if (i >= nr) break;
    // short to long
    const lr = low[i]!;
    p[0] = low[i - 1]!;
    p[1] = lr;
    xpt = Math.min(p[+(lr < p[0]!)]!, xpt);
    prev = xpt;
    out[i] = prev;
    i++;
  }
}

/**
 * The kernel's memory, in float64 slots: the starting gap's sums (0, 1), the factor table from slot
 * 2 (`kernelFactors` slots, for `kernelStep` and `kernelMax`), then high, low and out for the call.
 */
let kernelView = new Float64Array(0);
let kernelFactors = 0;
let kernelStep = Number.NaN;
let kernelMax = Number.NaN;

/**
 * `sar` on clean bars through the WebAssembly kernel (sar-kernel.wat: the starting gap's sums and
 * `fastLoop`, the same operations in the same order, so bit-identical): the columns copied into its
 * memory, the output copied out into a new column. Undefined when the kernel is missing or a bar is
 * not clean; the TypeScript then does the call.
 */
function kernelSar(high: Float64Array, low: Float64Array, beg: number, step: number, max: number) {
  const k = sarKernel();
  if (k === null) return undefined;
  const nr = high.length;
  const rows = nr - beg + 1;
  const rebuild = kernelStep !== step || kernelMax !== max || kernelFactors < rows;
  if (rebuild) kernelFactors = Math.max(rows, kernelFactors);
  const h = 2 + kernelFactors;
  const l = h + nr;
  const o = l + nr;
  const bytes = 8 * (o + nr);
  if (bytes > 2 ** 31) return undefined;
  if (k.memory.buffer.byteLength < bytes) k.memory.grow(Math.ceil((bytes - k.memory.buffer.byteLength) / 65536));
  if (kernelView.buffer !== k.memory.buffer) kernelView = new Float64Array(k.memory.buffer);
  const m = kernelView;
  if (rebuild) {
    m.set(factorTable(step * 1, max * 1, kernelFactors).subarray(0, kernelFactors), 2);
    kernelStep = step;
    kernelMax = max;
  }
  m.set(high, h);
  m.set(low, l);
  if (k.sums(8 * h, 8 * l, beg, nr) === 0) return undefined;
  const { gap, clean } = gapFromSums(m[0]!, m[1]!, true, high, low, beg);
  if (!clean) return undefined;
  m.fill(Number.NaN, o, o + beg);
  m[o + beg] = low[beg]! - gap;
  k.run(8 * h, 8 * l, 8 * o, 16, beg, nr, step * 1);
  // a new column and one copy: 0.6 ns a bar, `slice` 1.0
  const out = new Float64Array(nr);
  out.set(m.subarray(o, o + nr));
  return out;
}
