/**
 * Rolling z-score: how many standard deviations a value sits from the mean of the last `window`
 * values (itself included). Causal by construction: output i reads inputs i-window+1 .. i only.
 * The standard deviation is the sample one (n - 1 denominator), as pandas' `rolling(n).std()`.
 */

/**
 * z[i] = (x[i] - mean(x[i-w+1..i])) / sd(x[i-w+1..i]); NaN until `window` finite values are
 * available (a NaN inside the window makes the output NaN). A flat window (sd = 0) gives 0:
 * the value equals its mean, so it is neither above nor below trend.
 * @example rollingZScore(Float64Array.of(1, 2, 3), 3) // [NaN, NaN, 1]
 */
export function rollingZScore(values: Float64Array, window: number): Float64Array {
  if (!Number.isInteger(window) || window < 2)
    throw new RangeError(`rollingZScore: window must be an integer >= 2, got ${window}`);
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  // Two passes per window: exact (no running-sum cancellation) and cheap at rotation window sizes.
  for (let i = window - 1; i < n; i++) {
    let sum = 0;
    let bad = false;
    for (let j = i - window + 1; j <= i; j++) {
      const v = values[j]!;
      if (!Number.isFinite(v)) {
        bad = true;
        break;
      }
      sum += v;
    }
    if (bad) continue;
    const mean = sum / window;
    let ss = 0;
    for (let j = i - window + 1; j <= i; j++) {
      const d = values[j]! - mean;
      ss += d * d;
    }
    const sd = Math.sqrt(ss / (window - 1));
    const dev = values[i]! - mean;
    // Relative tolerance: a window whose spread is rounding noise counts as flat.
    out[i] = sd <= 1e-12 * Math.max(1, Math.abs(mean)) ? 0 : dev / sd;
  }
  return out;
}
