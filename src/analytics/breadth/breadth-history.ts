/**
 * Market breadth of a group, day by day: how many members are above their 50- and 200-day simple
 * averages, how many made new 52-week closing highs and lows, advances and declines with the
 * cumulative advance/decline line, and how many beat the group's benchmark over a window.
 *
 * Conventions:
 * - The date axis is the union of the members' dates. A member counts on a day only if it has a
 *   bar that day (no carried-forward closes: a member that did not trade is not "above" anything).
 * - Above an average: close strictly above the SMA (indicators/sma.ts, TTR's SMA); the denominator
 *   is the members whose average exists that day (at least n bars of history).
 * - Advance / decline: close above / below the member's own previous bar; the A/D line is the
 *   running sum of (advances - declines) from the first axis day, starting at 0.
 * - Equal weight: an index of the members held in equal amounts, rebalanced every day (as CRSP's
 *   equal-weighted index): 100 on the first axis day, then each day times 1 + the mean of the
 *   day's returns of the members with a bar that day and an earlier one (close over the member's
 *   own previous bar, the advance/decline basis); a day with no such member leaves it unchanged.
 *   Its return over a period is the group's equal-weighted return, to set against a cap-weighted
 *   fund (SPSM, IJR) over the same dates.
 * - Beating the benchmark: the member's return over its last `beatWindow` bars against the
 *   benchmark's return between the same two dates (the benchmark's last close on or before each);
 *   strictly greater beats. Members with fewer bars, or days before the benchmark starts, are out.
 * Inputs are the members' closes (non-finite closes are dropped first).
 */
import { ensureDefined } from '../../domain/ensure.js';
import { sameDateYearsEarlier } from '../../domain/trading-date.js';
import { sma } from '../indicators/sma.js';
import { newHighLowFlags } from './new-highs-lows.js';

export interface MemberCloses {
  readonly symbol: string;
  readonly dates: Int32Array;
  readonly closes: Float64Array;
}

export interface BreadthOptions {
  /** Short average (bars), default 50. */
  readonly shortWindow?: number;
  /** Long average (bars), default 200. */
  readonly longWindow?: number;
  /** Bars of the benchmark comparison, default 63 (about three months). */
  readonly beatWindow?: number;
}

/** Counts per axis day; `with*` are the denominators. */
export interface BreadthHistory {
  readonly dates: Int32Array;
  readonly members: Int32Array;
  readonly aboveShort: Int32Array;
  readonly withShort: Int32Array;
  readonly aboveLong: Int32Array;
  readonly withLong: Int32Array;
  readonly newHighs: Int32Array;
  readonly newLows: Int32Array;
  /** Members with a year of history that day (the new high/low denominator). */
  readonly withYear: Int32Array;
  readonly advances: Int32Array;
  readonly declines: Int32Array;
  readonly unchanged: Int32Array;
  readonly adLine: Float64Array;
  /** The equal-weighted index level (100 on the first axis day; see the conventions above). */
  readonly equalWeight: Float64Array;
  readonly beating: Int32Array;
  readonly withBeat: Int32Array;
  readonly shortWindow: number;
  readonly longWindow: number;
  readonly beatWindow: number;
}

function finiteOnly(m: MemberCloses): MemberCloses {
  let k = 0;
  for (let i = 0; i < m.closes.length; i++) if (m.closes[i]! > 0 && Number.isFinite(m.closes[i]!)) k++;
  if (k === m.closes.length) return m;
  const dates = new Int32Array(k);
  const closes = new Float64Array(k);
  k = 0;
  for (let i = 0; i < m.closes.length; i++) {
    const v = m.closes[i]!;
    if (v > 0 && Number.isFinite(v)) {
      dates[k] = m.dates[i]!;
      closes[k++] = v;
    }
  }
  return { symbol: m.symbol, dates, closes };
}

/**
 * Breadth for every day of the members' union of dates.
 * @example breadthHistory(members, spy).aboveLong[t] / withLong[t] // share above the 200-day SMA
 */
export function breadthHistory(
  members: readonly MemberCloses[],
  benchmark: MemberCloses | null,
  options: BreadthOptions = {},
): BreadthHistory {
  const shortWindow = options.shortWindow ?? 50;
  const longWindow = options.longWindow ?? 200;
  const beatWindow = options.beatWindow ?? 63;
  const clean = members.map(finiteOnly);

  // The union axis through a day-indexed bitmap: O(total bars + days spanned), no sort.
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (const m of clean) {
    if (m.dates.length === 0) continue;
    minDay = Math.min(minDay, ensureDefined(m.dates[0], `first day of breadth member ${m.symbol}`));
    maxDay = Math.max(maxDay, m.dates[m.dates.length - 1]!);
  }
  if (!Number.isFinite(minDay)) return emptyHistory(shortWindow, longWindow, beatWindow);
  const span = maxDay - minDay + 1;
  const axisOf = new Int32Array(span).fill(-1);
  for (const m of clean) for (let i = 0; i < m.dates.length; i++) axisOf[m.dates[i]! - minDay] = 0;
  let t = 0;
  for (let d = 0; d < span; d++) if (axisOf[d] === 0) axisOf[d] = t++;
  const T = t;
  const dates = new Int32Array(T);
  for (let d = 0; d < span; d++) if (axisOf[d]! >= 0) dates[axisOf[d]!] = minDay + d;

  // The 52-week window boundary of each axis day, computed once for all members.
  const axisBoundary = new Int32Array(T);
  for (let k = 0; k < T; k++) axisBoundary[k] = sameDateYearsEarlier(dates[k]!, 1);

  // Benchmark close on or before each axis day (NaN before it starts).
  const bench = new Float64Array(T).fill(Number.NaN);
  if (benchmark) {
    const b = finiteOnly(benchmark);
    let j = -1;
    for (let k = 0; k < T; k++) {
      while (j + 1 < b.dates.length && b.dates[j + 1]! <= dates[k]!) j++;
      if (j >= 0) bench[k] = b.closes[j]!;
    }
  }

  // Counters as locals: the inner loop touches them millions of times.
  const count = () => new Int32Array(T);
  const onDay = count();
  const aboveShort = count();
  const withShort = count();
  const aboveLong = count();
  const withLong = count();
  const newHighs = count();
  const newLows = count();
  const withYear = count();
  const advances = count();
  const declines = count();
  const unchanged = count();
  const beating = count();
  const withBeat = count();
  const dayReturnSum = new Float64Array(T);
  // Scratch per member, sized once for the longest member.
  const longest = clean.reduce((x, m) => Math.max(x, m.dates.length), 0);
  const posBuf = new Int32Array(longest);
  const boundaryBuf = new Int32Array(longest);

  for (const m of clean) {
    const n = m.dates.length;
    if (n === 0) continue;
    const c = m.closes;
    const pos = posBuf.subarray(0, n);
    const boundaries = boundaryBuf.subarray(0, n);
    for (let i = 0; i < n; i++) {
      const k = axisOf[m.dates[i]! - minDay]!;
      pos[i] = k;
      boundaries[i] = axisBoundary[k]!;
    }
    const sShort = sma(c, shortWindow);
    const sLong = sma(c, longWindow);
    const flags = newHighLowFlags(m.dates, c, boundaries);
    // The first bar with a full 52-week window: its first bar is on or before the date a year back.
    let yearFrom = 0;
    while (yearFrom < n && boundaries[yearFrom]! < m.dates[0]!) yearFrom++;
    for (let i = 0; i < n; i++) {
      const k = pos[i]!;
      onDay[k]!++;
      const v = c[i]!;
      const s1 = sShort[i]!;
      if (!Number.isNaN(s1)) {
        withShort[k]!++;
        if (v > s1) aboveShort[k]!++;
      }
      const s2 = sLong[i]!;
      if (!Number.isNaN(s2)) {
        withLong[k]!++;
        if (v > s2) aboveLong[k]!++;
      }
      const f = flags[i]!;
      if (f === 1) newHighs[k]!++;
      else if (f === -1) newLows[k]!++;
      if (i > 0) {
        const p = c[i - 1]!;
        if (v > p) advances[k]!++;
        else if (v < p) declines[k]!++;
        else unchanged[k]!++;
        dayReturnSum[k]! += v / p - 1;
      }
      if (i >= beatWindow) {
        const b0 = bench[pos[i - beatWindow]!]!;
        const b1 = bench[k]!;
        if (!Number.isNaN(b0) && !Number.isNaN(b1)) {
          withBeat[k]!++;
          if (v / c[i - beatWindow]! > b1 / b0) beating[k]!++;
        }
      }
    }
    for (let i = yearFrom; i < n; i++) withYear[pos[i]!]!++;
  }
  const adLine = new Float64Array(T);
  let ad = 0;
  for (let k = 0; k < T; k++) {
    ad += advances[k]! - declines[k]!;
    adLine[k] = ad;
  }
  const equalWeight = new Float64Array(T);
  let level = 100;
  for (let k = 0; k < T; k++) {
    // the members with a return that day are exactly those counted as advancing, declining or unchanged
    const n = advances[k]! + declines[k]! + unchanged[k]!;
    if (n > 0) level *= 1 + dayReturnSum[k]! / n;
    equalWeight[k] = level;
  }
  return {
    dates,
    members: onDay,
    aboveShort,
    withShort,
    aboveLong,
    withLong,
    newHighs,
    newLows,
    withYear,
    advances,
    declines,
    unchanged,
    adLine,
    equalWeight,
    beating,
    withBeat,
    shortWindow,
    longWindow,
    beatWindow,
  };
}

function emptyHistory(shortWindow: number, longWindow: number, beatWindow: number): BreadthHistory {
  const z = () => new Int32Array(0);
  return {
    dates: z(),
    members: z(),
    aboveShort: z(),
    withShort: z(),
    aboveLong: z(),
    withLong: z(),
    newHighs: z(),
    newLows: z(),
    withYear: z(),
    advances: z(),
    declines: z(),
    unchanged: z(),
    adLine: new Float64Array(0),
    equalWeight: new Float64Array(0),
    beating: z(),
    withBeat: z(),
    shortWindow,
    longWindow,
    beatWindow,
  };
}
