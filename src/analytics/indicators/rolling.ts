/**
 * The rolling helpers of R's TTR, on Float64Array columns, with TTR's missing-value rule (see
 * nan-policy.ts): leading NaNs are skipped and the window starts after them, a NaN later on is an
 * error. Each mirrors TTR 0.24.3's C code closely enough to agree to 1e-12 on real data:
 * `runSum` keeps a running sum as TTR's `runsum` does, `runCov` (and so `runSD`, `runCor`) takes
 * each window's means as sums of x/n and then the sum of products, as TTR's `runcov`.
 */
import { assertNoNaNFrom, checkPeriod, firstValidIndex } from './nan-policy.js';

/** Index of the first value, after checking there is no NaN after it (TTR's naCheck). */
export function seriesStart(values: Float64Array, indicator: string): number {
  const first = firstValidIndex(values);
  assertNoNaNFrom(values, first, indicator);
  return first;
}

/** A column of NaN of length n. */
export function nanColumn(n: number): Float64Array {
  return new Float64Array(n).fill(Number.NaN);
}

/** Where a one-column rolling indicator starts: the period checked, its NaN output and the first value's row. */
export interface WindowStart {
  readonly n: number;
  readonly out: Float64Array;
  readonly first: number;
}

/** Checks the period and the NaN rule (naming `indicator`), and gives the rows, a NaN output column and the start. */
export function startWindow(values: Float64Array, period: number, indicator: string): WindowStart {
  checkPeriod(period, indicator);
  return { n: values.length, out: nanColumn(values.length), first: seriesStart(values, indicator) };
}

/**
 * Sum of the last n values, as TTR's `runSum(x, n)`; first value at row first + n - 1.
 * @example runSum(Float64Array.of(1, 2, 3), 2) // [NaN, 3, 5]
 */
export function runSum(values: Float64Array, period: number, indicator = 'runsum'): Float64Array {
  const { n, out, first } = startWindow(values, period, indicator);
  const start = first + period - 1;
  if (start >= n) return out;
  let sum = 0;
  for (let i = first; i <= start; i++) sum += values[i]!;
  out[start] = sum;
  for (let i = start + 1; i < n; i++) {
    sum = sum + values[i]! - values[i - period]!;
    out[i] = sum;
  }
  return out;
}

/**
 * Rolling maximum (`sign` 1) or minimum (`sign` -1) with a monotone queue: O(n) where TTR's
 * `runmax` rescans each window; the values are the same (a maximum is exact).
 */
function runExtreme(values: Float64Array, period: number, sign: 1 | -1, indicator: string): Float64Array {
  const { n, out, first } = startWindow(values, period, indicator);
  if (first + period - 1 >= n) return out;
  const queue = new Int32Array(n - first);
  let head = 0;
  let tail = 0;
  for (let i = first; i < n; i++) {
    const v = values[i]! * sign;
    while (tail > head && values[queue[tail - 1]!]! * sign <= v) tail--;
    queue[tail++] = i;
    if (queue[head]! <= i - period) head++;
    if (i >= first + period - 1) out[i] = values[queue[head]!]!;
  }
  return out;
}

/** TTR's `runMax(x, n)`. @example runMax(Float64Array.of(1, 3, 2), 2) // [NaN, 3, 3] */
export function runMax(values: Float64Array, period: number, indicator = 'runmax'): Float64Array {
  return runExtreme(values, period, 1, indicator);
}

/** TTR's `runMin(x, n)`. @example runMin(Float64Array.of(1, 3, 2), 2) // [NaN, 1, 2] */
export function runMin(values: Float64Array, period: number, indicator = 'runmin'): Float64Array {
  return runExtreme(values, period, -1, indicator);
}

/**
 * Rolling covariance of x and y over n rows (sample: divided by n - 1), as TTR's `runCov`; the
 * window starts after the later of the two series' leading NaNs.
 */
export function runCov(x: Float64Array, y: Float64Array, period: number, indicator = 'runcov'): Float64Array {
  checkPeriod(period, indicator);
  const n = x.length;
  const out = nanColumn(n);
  const first = Math.max(seriesStart(x, indicator), seriesStart(y, indicator));
  const denom = period - 1;
  for (let i = first + period - 1; i < n; i++) {
    let mx = 0;
    let my = 0;
    for (let j = i - period + 1; j <= i; j++) {
      mx += x[j]! / period;
      my += y[j]! / period;
    }
    let s = 0;
    for (let j = 0; j < period; j++) s += (x[i - j]! - mx) * (y[i - j]! - my);
    out[i] = s / denom;
  }
  return out;
}

/** Rolling sample standard deviation, TTR's `runSD(x, n)` (sqrt of runCov(x, x)). */
export function runSD(values: Float64Array, period: number, indicator = 'runsd'): Float64Array {
  const out = runCov(values, values, period, indicator);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i]!);
  return out;
}

/** Rolling correlation of x and y, TTR's `runCor(x, y, n)`: runCov / (runSD(x) runSD(y)). */
export function runCor(x: Float64Array, y: Float64Array, period: number): Float64Array {
  const cov = runCov(x, y, period, 'runcor');
  const sx = runSD(x, period, 'runcor');
  const sy = runSD(y, period, 'runcor');
  for (let i = 0; i < cov.length; i++) cov[i] = cov[i]! / (sx[i]! * sy[i]!);
  return cov;
}

/**
 * Mean absolute deviation of each window from a given centre (TTR's `runMAD(x, n, center,
 * stat = "mean")`, which CCI uses with the window's SMA as the centre).
 */
export function runMeanAbsDev(values: Float64Array, center: Float64Array, period: number): Float64Array {
  const n = values.length;
  const out = nanColumn(n);
  const first = seriesStart(values, 'runmad');
  for (let i = first + period - 1; i < n; i++) {
    const c = center[i]!;
    let m = 0;
    for (let j = 0; j < period; j++) m += Math.abs(values[i - j]! - c) / period;
    out[i] = m;
  }
  return out;
}

/**
 * Share of the window's other values below today's, ties (within 1e-8) counting half, plus half
 * for today itself: TTR's `runPercentRank(x, n, exact.multiplier = 0.5)`, a fraction in [0, 1].
 * @example runPercentRank(Float64Array.of(1, 2, 3), 3)[2] // (0.5 + 2) / 3
 */
export function runPercentRank(values: Float64Array, period: number): Float64Array {
  const { n, out, first } = startWindow(values, period, 'runpercentrank');
  const mult = 0.5;
  if (period === 1) {
    for (let i = first; i < n; i++) out[i] = mult;
    return out;
  }
  for (let i = first + period - 1; i < n; i++) {
    const v = values[i]!;
    let less = mult;
    for (let j = i - period + 1; j < i; j++) {
      const diff = values[j]! - v;
      if (diff < 0) less += 1;
      else if (Math.abs(diff) < 1e-8) less += mult;
    }
    out[i] = less / period;
  }
  return out;
}

/**
 * Wilder's running sum, TTR's `wilderSum(x, n)` (0.24.3): seeded with the plain sum of the first
 * n - 1 values, then s[i] = x[i] + s[i-1] (n - 1) / n, reported from row first + n - 1 (ADX
 * divides two of them). Checked against TTR on real bars (ttr-set-golden.test.ts).
 */
export function wilderSum(values: Float64Array, period: number, indicator = 'wildersum'): Float64Array {
  const { n, out, first } = startWindow(values, period, indicator);
  const start = first + period - 1;
  if (start >= n) return out;
  let s = 0;
  for (let i = first; i < start; i++) s += values[i]!;
  for (let i = start; i < n; i++) {
    s = values[i]! + (s * (period - 1)) / period;
    out[i] = s;
  }
  return out;
}

/**
 * x[i] - x[i-n], TTR's `momentum(x, n)`; a NaN on either side gives NaN (no error, like ROC).
 * @example momentum(Float64Array.of(1, 4, 9), 1) // [NaN, 3, 5]
 */
export function momentum(values: Float64Array, period: number): Float64Array {
  checkPeriod(period, 'momentum');
  const n = values.length;
  const out = nanColumn(n);
  for (let i = period; i < n; i++) out[i] = values[i]! - values[i - period]!;
  return out;
}
