/**
 * Percentile rank within a group on a 0..99 scale, as the SCTR prints it: the weakest member is 0,
 * the strongest 99, the others spaced evenly by position, round(99 * position / (n - 1)) with
 * position 0-based in ascending order; tied scores share the mean of their positions. A group of
 * one reads 99. Non-finite scores are left out and get null.
 */

/** @example percentileRanks([3, 1, 2]) // [99, 0, 50] */
export function percentileRanks(scores: readonly number[]): (number | null)[] {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (Number.isFinite(scores[i]!)) idx.push(i);
  idx.sort((a, b) => scores[a]! - scores[b]!);
  const out: (number | null)[] = scores.map(() => null);
  const n = idx.length;
  let p = 0;
  while (p < n) {
    let q = p;
    while (q + 1 < n && scores[idx[q + 1]!] === scores[idx[p]!]) q++;
    const position = (p + q) / 2;
    const pct = n === 1 ? 99 : Math.round((99 * position) / (n - 1));
    for (let r = p; r <= q; r++) out[idx[r]!] = pct;
    p = q + 1;
  }
  return out;
}
