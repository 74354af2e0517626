/**
 * The bars a performance snapshot (performance-snapshot.ts) reads, so a store can hand over those
 * alone instead of a symbol's whole history: the as-of bar and the stretch before it back to the
 * 52-week window's base (the 1d/5d bases and the streak's run included), the base of every period
 * (mtd ... 10y, the first bar for max) and of a `from` window, the all-time high, and the last
 * closes above and below the as-of close. The snapshot of those bars, in order, equals the snapshot
 * of the whole series figure for figure (a property test checks it on random series):
 * - a base is "the last bar on or before a day"; with the true base among the bars, no picked bar lies
 *   between it and the day, so the search finds it again; 1d/5d count bars inside the stretch;
 * - the 52-week high and low scan the stretch, which holds the whole window and its base;
 * - the all-time high is the first bar holding the highest close: no earlier picked bar equals it;
 * - "highest since" is the last earlier bar above the as-of close: the picked bars between it and the
 *   as-of bar are real bars, none above it; likewise "lowest since";
 * - the streak compares neighbours inside the stretch, which reaches back past the streak's start.
 */
import type { LazyValues } from '../../domain/lazy-values.js';
import { PERIOD_KEYS } from '../../domain/period-keys.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import type { DayNumber } from '../../domain/trading-date.js';
import { resolveAsOf } from './as-of.js';
import { fiftyTwoWeekStart } from './highs-lows.js';
import { periodBaseIndex } from './period-returns.js';

/** Scratch for perfBars' single bars (it never waits, so one call at a time uses it). */
const BEFORE = new Int32Array(PERIOD_KEYS.length + 4);

/**
 * Ascending indices of the bars `performanceSnapshot(series, field, asOf)` and a `from` window's
 * return (perf-table.ts) read; empty when no bar is on or before `asOf`.
 */
export function perfBars(
  dates: Int32Array,
  values: LazyValues,
  asOf: DayNumber | null,
  windowFrom: DayNumber | null,
): Int32Array {
  const last = resolveAsOf(dates, asOf).index;
  if (last < 0) return new Int32Array(0);
  let start = Math.max(0, last - 5);
  const window52 = fiftyTwoWeekStart(dates, last);
  if (window52 > 0) start = Math.min(start, window52 - 1);
  start = Math.min(start, streakStart(values, last));
  // the single bars before the stretch (at most 17), kept sorted and distinct as they come
  const before = BEFORE;
  let count = 0;
  const pick = (i: number): void => {
    if (i < 0 || i >= start) return;
    let k = count;
    while (k > 0 && before[k - 1]! > i) k--;
    if (k > 0 && before[k - 1] === i) return;
    before.copyWithin(k + 1, k, count);
    before[k] = i;
    count++;
  };
  for (const key of PERIOD_KEYS) pick(periodBaseIndex(dates, last, key));
  if (windowFrom !== null && windowFrom <= dates[last]!) pick(indexOnOrBefore(dates, windowFrom));
  pick(values.highestUpTo(last));
  const close = values.at(last);
  pick(values.lastAbove(last, close));
  pick(values.lastBelow(last, close));
  const out = new Int32Array(count + last - start + 1);
  out.set(before.subarray(0, count));
  for (let i = start; i <= last; i++) out[count + i - start] = i;
  return out;
}

/** The first index the streak ending at `last` compares (as streak.ts walks it): its run and the bar before. */
function streakStart(values: LazyValues, last: number): number {
  if (last < 1) return last;
  const first = Math.sign(values.at(last) - values.at(last - 1));
  if (!(first === 1 || first === -1)) return last - 1;
  let i = last - 1;
  while (i >= 1 && Math.sign(values.at(i) - values.at(i - 1)) === first) i--;
  return Math.max(0, i - 1);
}
