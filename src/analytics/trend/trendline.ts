/**
 * The dominant multi-year trendline of a weekly series.
 *
 * Definition (downtrend; an uptrend's support line is the mirror image, on pivot lows):
 * - Work on weekly closes, in log space by default. Anchors are swing-pivot highs (see swing-pivots.ts).
 * - A candidate is the line through two pivot highs A (first anchor) and B with B lower than A, B at
 *   least `minAnchorGapWeeks` after A, and A between `minYears` and `maxYears` before the as-of week.
 * - It must hold: no weekly close from A up to the break rises above it. The break is the first weekly
 *   close above the line after B; it is allowed only inside the last `breakWindowWeeks` weeks up to the
 *   as-of week (a line broken earlier than that is history). Closes after the break are free: the
 *   breakout state machine reads them.
 * - Touches: pivot highs from A up to the break (or the as-of week) within `touchPct` of the line,
 *   the two anchors included.
 * - Not stale: the last touch is at most `staleYears` before the as-of week, unless the as-of close is
 *   back within `testingPct` of the line or beyond it (a line the price left years ago does not govern
 *   it any more; one it has come back to does).
 * - Dominant: most touches, then the longest span (the earliest first anchor: the line that has held
 *   longest up to the as-of date), then the earliest second anchor (the line drawn first; a later
 *   pivot that happens to fit a flatter line, such as the peak of a failed breakout, does not
 *   displace it).
 */
import { sameDateYearsEarlier } from '../../domain/trading-date.js';
import { swingPivots } from './swing-pivots.js';
import type { TrendOptions } from './trend-options.js';
import type { WeeklyCloses } from './weekly-closes.js';

export type TrendKind = 'downtrend' | 'uptrend';

export interface TrendAnchor {
  /** Weekly index of the anchor. */
  readonly week: number;
  readonly day: number;
  readonly value: number;
}

export interface Trendline {
  readonly kind: TrendKind;
  readonly logSpace: boolean;
  readonly anchors: readonly [TrendAnchor, TrendAnchor];
  readonly touches: number;
  /** The days of the touching pivots (weekly closes), oldest first: `touches` of them, both anchors included. */
  readonly touchDays: readonly number[];
  /** The day of the last touching pivot (the span the line has held is lastTouchDay - first anchor day). */
  readonly lastTouchDay: number;
  /** ln(B/A) per 365.25 days: the line's growth rate (negative for a downtrend). */
  readonly slopeLogPerYear: number;
  /** Weekly index of the first close beyond the line after the second anchor, or -1 when unbroken. */
  readonly breakWeek: number;
  /** Weekly index of the as-of week the line was found for. */
  readonly asOfWeek: number;
}

/** Pivots of both kinds for a weekly series, computed once and reused by scans over many as-of weeks. */
export interface WeeklyPivots {
  readonly highs: Int32Array;
  readonly lows: Int32Array;
}

export function weeklyPivots(weekly: WeeklyCloses, options: TrendOptions): WeeklyPivots {
  return {
    highs: swingPivots(weekly.values, 'high', options.pivotWindow),
    lows: swingPivots(weekly.values, 'low', options.pivotWindow),
  };
}

/** The line's value (in price units) on a given day. */
export function lineLevel(line: Trendline, day: number): number {
  const a = line.anchors[0];
  const b = line.anchors[1];
  const f = (day - a.day) / (b.day - a.day);
  if (line.logSpace) return Math.exp(Math.log(a.value) + f * (Math.log(b.value) - Math.log(a.value)));
  return a.value + f * (b.value - a.value);
}

interface Candidate {
  i: number;
  j: number;
  touches: number;
  lastTouch: number;
  breakWeek: number;
}

/**
 * The dominant line of one kind as of weekly index `asOfWeek` (default: the last week), using only
 * weeks [0, asOfWeek] and pivots confirmed by then. Null when no line qualifies.
 */
export function findTrendline(
  weekly: WeeklyCloses,
  kind: TrendKind,
  options: TrendOptions,
  asOfWeek: number = weekly.values.length - 1,
  pivots?: WeeklyPivots,
): Trendline | null {
  const end = asOfWeek + 1;
  if (end < 2) return null;
  const allPivots =
    kind === 'downtrend'
      ? (pivots ?? weeklyPivots(weekly, options)).highs
      : (pivots ?? weeklyPivots(weekly, options)).lows;
  // Pivots confirmed by the as-of week: the right-hand window must be complete.
  let pivotCount = 0;
  while (pivotCount < allPivots.length && allPivots[pivotCount]! + options.pivotWindow < end) pivotCount++;
  if (pivotCount < 2) return null;

  const sign = kind === 'downtrend' ? 1 : -1;
  const t = weekly.dates;
  const y = new Float64Array(end);
  for (let k = 0; k < end; k++) y[k] = sign * (options.logSpace ? Math.log(weekly.values[k]!) : weekly.values[k]!);

  const asOfDay = t[asOfWeek]!;
  const firstAllowed = sameDateYearsEarlier(asOfDay, options.maxYears);
  const lastAllowed = sameDateYearsEarlier(asOfDay, options.minYears);
  const minGapDays = options.minAnchorGapWeeks * 7;
  const breakFrom = end - options.breakWindowWeeks;
  const staleDays = options.staleYears * 365.25;

  let best: Candidate | null = null;
  for (let pi = 0; pi < pivotCount; pi++) {
    const i = allPivots[pi]!;
    const ti = t[i]!;
    if (ti < firstAllowed) continue;
    if (ti > lastAllowed) break;
    const yi = y[i]!;
    const tol = 1e-9 * (1 + Math.abs(yi));
    // needed[k]: the least slope a line from i must have to stay at or above y[k] (within tol);
    // a line through i and j holds on (i, j) iff its slope is at least the running maximum of it.
    let runningMax = Number.NEGATIVE_INFINITY;
    let k = i + 1;
    for (let pj = pi + 1; pj < pivotCount; pj++) {
      const j = allPivots[pj]!;
      for (; k < j; k++) {
        const needed = (y[k]! - yi - tol) / (t[k]! - ti);
        if (needed > runningMax) runningMax = needed;
      }
      if (t[j]! - ti < minGapDays || !(y[j]! < yi)) continue;
      const slope = (y[j]! - yi) / (t[j]! - ti);
      if (slope < runningMax) continue;
      // Holds up to j; find the break after j.
      let breakWeek = -1;
      for (let m = j + 1; m < end; m++) {
        if (y[m]! - (yi + slope * (t[m]! - ti)) > tol) {
          breakWeek = m;
          break;
        }
      }
      if (breakWeek >= 0 && breakWeek < breakFrom) continue;
      const touchEnd = breakWeek >= 0 ? breakWeek : end;
      let touches = 0;
      let lastTouch = i;
      for (let pk = pi; pk < pivotCount; pk++) {
        const p = allPivots[pk]!;
        if (p >= touchEnd) break;
        const lineY = yi + slope * (t[p]! - ti);
        if (isTouch(y[p]!, lineY, sign, options)) {
          touches++;
          lastTouch = p;
        }
      }
      if (asOfDay - t[lastTouch]! > staleDays) {
        // Distance beyond the line in the break direction, as the state machine measures it.
        const lineY = yi + slope * (asOfDay - ti);
        const x = y[asOfWeek]! - lineY;
        const beyond = options.logSpace ? (sign > 0 ? Math.expm1(x) : -Math.expm1(-x)) : x / Math.abs(lineY);
        if (beyond < -options.testingPct) continue;
      }
      const cand: Candidate = { i, j, touches, lastTouch, breakWeek };
      // Pivots come in ascending order, so on equal touches the first candidate has the earliest
      // first anchor (the longest span) and then the earliest second anchor: only more touches win.
      if (best === null || cand.touches > best.touches) best = cand;
    }
  }
  if (best === null) return null;
  const a: TrendAnchor = { week: best.i, day: t[best.i]!, value: weekly.values[best.i]! };
  const b: TrendAnchor = { week: best.j, day: t[best.j]!, value: weekly.values[best.j]! };
  // The touching pivots of the chosen line (the scan above only counted them).
  const touchDays: number[] = [];
  const bestSlope = (y[best.j]! - y[best.i]!) / (t[best.j]! - t[best.i]!);
  const touchEnd = best.breakWeek >= 0 ? best.breakWeek : end;
  for (let pk = 0; pk < pivotCount; pk++) {
    const p = allPivots[pk]!;
    if (p < best.i) continue;
    if (p >= touchEnd) break;
    if (isTouch(y[p]!, y[best.i]! + bestSlope * (t[p]! - t[best.i]!), sign, options)) touchDays.push(t[p]!);
  }
  return {
    kind,
    logSpace: options.logSpace,
    anchors: [a, b],
    touches: best.touches,
    touchDays,
    lastTouchDay: t[best.lastTouch]!,
    slopeLogPerYear: (Math.log(b.value / a.value) / (b.day - a.day)) * 365.25,
    breakWeek: best.breakWeek,
    asOfWeek,
  };
}

/** A pivot is a touch when its price is within touchPct of the line's price. */
function isTouch(pivotY: number, lineY: number, sign: number, options: TrendOptions): boolean {
  const toPrice = (v: number) => (options.logSpace ? Math.exp(sign * v) : sign * v);
  return Math.abs(toPrice(pivotY) / toPrice(lineY) - 1) <= options.touchPct;
}

/**
 * The dominant line of either kind: the downtrend resistance or the uptrend support with more touches,
 * then the earlier first anchor; a tie goes to the downtrend.
 */
export function findDominantTrendline(
  weekly: WeeklyCloses,
  options: TrendOptions,
  asOfWeek: number = weekly.values.length - 1,
  pivots?: WeeklyPivots,
): Trendline | null {
  const p = pivots ?? weeklyPivots(weekly, options);
  const down = findTrendline(weekly, 'downtrend', options, asOfWeek, p);
  const up = findTrendline(weekly, 'uptrend', options, asOfWeek, p);
  if (down === null || up === null) return down ?? up;
  return up.touches > down.touches || (up.touches === down.touches && up.anchors[0].day < down.anchors[0].day)
    ? up
    : down;
}
