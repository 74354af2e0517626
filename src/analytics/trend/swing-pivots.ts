/**
 * Swing pivots on a series (weekly closes for trendlines). A pivot high at k is a value strictly
 * above the `window` values before it and at least as high as the `window` values after it (so of
 * two equal peaks the first one is the pivot); a pivot low mirrors it. The right side must be
 * complete: a pivot is only known `window` bars after it happened, which keeps historical scans
 * free of look-ahead. The left-hand window must be complete too (no pivot in the first `window` bars).
 */

export type PivotKind = 'high' | 'low';

/**
 * Indices of the pivots among values[0, end), ascending. `end` defaults to the whole series; a
 * scan "as of" bar a passes end = a + 1 and only gets pivots confirmed by then.
 * @example swingPivots(Float64Array.of(1, 3, 2, 1, 2), 'high', 1) // Int32Array [1]
 */
export function swingPivots(
  values: Float64Array,
  kind: PivotKind,
  window: number,
  end: number = values.length,
): Int32Array {
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError(`swingPivots: window must be a positive integer, got ${window}`);
  const n = Math.min(end, values.length);
  const sign = kind === 'high' ? 1 : -1;
  const out: number[] = [];
  for (let k = window; k + window < n; k++) {
    const v = sign * values[k]!;
    let isPivot = true;
    for (let m = k - window; m < k && isPivot; m++) if (sign * values[m]! >= v) isPivot = false;
    for (let m = k + 1; m <= k + window && isPivot; m++) if (sign * values[m]! > v) isPivot = false;
    if (isPivot) out.push(k);
  }
  return Int32Array.from(out);
}
