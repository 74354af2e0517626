/**
 * New 52-week closing highs and lows for every bar of one series, in one pass (monotonic deques).
 * Same convention as returns/highs-lows.ts: the window is the bars dated strictly after the same
 * calendar date a year earlier through the bar itself, and it needs a bar on or before that
 * boundary (less than a year of history gives neither a high nor a low). A bar is a new high when
 * its close is strictly above every other close in the window (an equal close matches the record,
 * it does not set it); a new low likewise, strictly below.
 */
import { sameDateYearsEarlier } from '../../domain/trading-date.js';

/**
 * Deque storage reused across calls (breadth calls this once per member): it never escapes a call,
 * and calls are synchronous, so sharing it is safe.
 */
let scratch = new Int32Array(0);

/**
 * Per bar: 1 = new 52-week high, -1 = new 52-week low, 0 = neither or not enough history.
 * `boundaries` (optional, per bar: the same calendar date a year earlier) saves the calendar
 * arithmetic when many series share dates (breadth computes it once per day of the group).
 */
export function newHighLowFlags(dates: Int32Array, closes: Float64Array, boundaries?: Int32Array): Int8Array {
  const n = dates.length;
  const flags = new Int8Array(n);
  // Deques of indices over the bars before i still inside the window: decreasing closes (max at
  // the head) and increasing closes (min at the head).
  if (scratch.length < 2 * n) scratch = new Int32Array(2 * n);
  const maxQ = scratch.subarray(0, n);
  const minQ = scratch.subarray(n, 2 * n);
  let maxH = 0;
  let maxT = 0;
  let minH = 0;
  let minT = 0;
  let start = 0; // first bar inside the window of bar i
  for (let i = 0; i < n; i++) {
    const boundary = boundaries ? boundaries[i]! : sameDateYearsEarlier(dates[i]!, 1);
    while (start < i && dates[start]! <= boundary) start++;
    const enough = start > 0 && dates[start - 1]! <= boundary;
    while (maxH < maxT && maxQ[maxH]! < start) maxH++;
    while (minH < minT && minQ[minH]! < start) minH++;
    const v = closes[i]!;
    if (enough && Number.isFinite(v)) {
      if (maxH === maxT || v > closes[maxQ[maxH]!]!) flags[i] = 1;
      else if (minH === minT || v < closes[minQ[minH]!]!) flags[i] = -1;
    }
    if (Number.isFinite(v)) {
      while (maxH < maxT && closes[maxQ[maxT - 1]!]! <= v) maxT--;
      maxQ[maxT++] = i;
      while (minH < minT && closes[minQ[minT - 1]!]! >= v) minT--;
      minQ[minT++] = i;
    }
  }
  return flags;
}
