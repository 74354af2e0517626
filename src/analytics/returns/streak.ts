/**
 * Up/down streak: the signed count of consecutive closes above (+) or below (-) the previous close,
 * ending at the as-of bar. +3 = three up closes in a row; -2 = two down closes; 0 when the as-of close
 * equals the previous one or there is no previous bar. An unchanged close ends a streak.
 */

export function streak(values: Float64Array, asOfIndex: number): number {
  if (asOfIndex < 1) return 0;
  const first = Math.sign(values[asOfIndex]! - values[asOfIndex - 1]!);
  if (!(first === 1 || first === -1)) return 0;
  let count = 0;
  for (let i = asOfIndex; i >= 1; i--) {
    if (Math.sign(values[i]! - values[i - 1]!) !== first) break;
    count++;
  }
  return first * count;
}
