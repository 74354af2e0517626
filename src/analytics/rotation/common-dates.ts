/**
 * Pairs two series on the dates both have (an inner join on day numbers), dropping days where
 * either value is not a finite positive price. Relative strength is only defined on such days.
 */

export interface AlignedPair {
  readonly dates: Int32Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/** Inner join of two ascending date columns; a merge in O(na + nb). */
export function alignOnCommonDates(
  aDates: Int32Array,
  aValues: Float64Array,
  bDates: Int32Array,
  bValues: Float64Array,
): AlignedPair {
  const cap = Math.min(aDates.length, bDates.length);
  const dates = new Int32Array(cap);
  const a = new Float64Array(cap);
  const b = new Float64Array(cap);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < aDates.length && j < bDates.length) {
    const da = aDates[i]!;
    const db = bDates[j]!;
    if (da < db) i++;
    else if (db < da) j++;
    else {
      const va = aValues[i]!;
      const vb = bValues[j]!;
      if (va > 0 && vb > 0 && Number.isFinite(va) && Number.isFinite(vb)) {
        dates[k] = da;
        a[k] = va;
        b[k] = vb;
        k++;
      }
      i++;
      j++;
    }
  }
  return { dates: dates.slice(0, k), a: a.slice(0, k), b: b.slice(0, k) };
}
