/**
 * One call from a daily series to its trend picture as of a day: weekly closes, the dominant line,
 * its level and distance at the as-of date, and the breakout state with the date it began.
 * `breakoutHistory` replays the same analysis week by week (each week seeing only data up to it)
 * to list the earlier breaks, for base rates.
 */
import { type BreakoutPath, type BreakoutState, breakoutPath, breakoutStateName } from './breakout-state.js';
import type { TrendOptions } from './trend-options.js';
import { findDominantTrendline, lineLevel, type Trendline, type WeeklyPivots, weeklyPivots } from './trendline.js';
import { type WeeklyCloses, weeklyCloses } from './weekly-closes.js';

export interface TrendAnalysis {
  /** The as-of day used (the last bar on or before the requested date) and its value. */
  readonly asOfDay: number;
  readonly lastValue: number;
  readonly line: Trendline | null;
  /** The line's level at the as-of day, and lastValue / level - 1; null without a line. */
  readonly levelAtAsOf: number | null;
  readonly distance: number | null;
  /** The state, the day it began, and the state the week before that (null when the line began in it). */
  readonly breakout: {
    readonly state: BreakoutState;
    readonly sinceDay: number;
    readonly previousState: BreakoutState | null;
  } | null;
}

/**
 * Trend analysis of values[0, end) (end = as-of index + 1; default all bars).
 * @example analyseTrend(ratio.dates, ratio.close, trendOptions(), indexOnOrBefore(ratio.dates, asOf) + 1)
 */
export function analyseTrend(
  dates: Int32Array,
  values: Float64Array,
  options: TrendOptions,
  end: number = dates.length,
): TrendAnalysis | null {
  const weekly = weeklyCloses(dates, values, end);
  const last = weekly.values.length - 1;
  if (last < 0) return null;
  const asOfDay = weekly.dates[last]!;
  const lastValue = weekly.values[last]!;
  const line = findDominantTrendline(weekly, options, last);
  if (line === null) return { asOfDay, lastValue, line: null, levelAtAsOf: null, distance: null, breakout: null };
  const level = lineLevel(line, asOfDay);
  const path = pathAlongLine(weekly, line, line.anchors[0].week, last, options);
  const final = path.states.length - 1;
  const began = path.since[final]!;
  const state = path.states[final]!;
  const sinceWeek = line.anchors[0].week + began;
  const sinceDay =
    began > 0
      ? (firstDayOfStateInWeek(dates, values, weekly, line, sinceWeek, state, options) ?? weekly.dates[sinceWeek]!)
      : weekly.dates[sinceWeek]!;
  return {
    asOfDay,
    lastValue,
    line,
    levelAtAsOf: level,
    distance: lastValue / level - 1,
    breakout: {
      state: breakoutStateName(state),
      sinceDay,
      previousState: began > 0 ? breakoutStateName(path.states[began - 1]!) : null,
    },
  };
}

/**
 * The day a state began: the machine works on weekly closes, so a state begins in a week; within that
 * week it began on the first day from which, with that day's close standing in for the week's close,
 * the machine already gave the state (an as-of Tuesday reads "breaking since Monday" when Monday
 * closed above the line, and still does once the week is complete).
 */
function firstDayOfStateInWeek(
  dates: Int32Array,
  values: Float64Array,
  weekly: WeeklyCloses,
  line: Trendline,
  week: number,
  state: number,
  options: TrendOptions,
): number | null {
  const from = line.anchors[0].week;
  const beyond = new Float64Array(week - from + 1);
  for (let k = from; k <= week; k++) beyond[k - from] = beyondLine(line, weekly.dates[k]!, weekly.values[k]!);
  const weekStart = weekly.barIndex[week - 1]! + 1;
  let first: number | null = null;
  for (let d = weekly.barIndex[week]! - 1; d >= weekStart; d--) {
    if (!Number.isFinite(values[d]!)) continue;
    beyond[beyond.length - 1] = beyondLine(line, dates[d]!, values[d]!);
    const p = breakoutPath(beyond, options);
    if (p.states[p.states.length - 1] !== state) break;
    first = dates[d]!;
  }
  return first;
}

/** Distance beyond the line in the break direction for a weekly close. */
export function beyondLine(line: Trendline, day: number, value: number): number {
  const r = value / lineLevel(line, day) - 1;
  return line.kind === 'downtrend' ? r : -r;
}

/** The state machine over weeks [from, to] along a line (index 0 of the result is week `from`). */
export function pathAlongLine(
  weekly: WeeklyCloses,
  line: Trendline,
  from: number,
  to: number,
  options: TrendOptions,
): BreakoutPath {
  const beyond = new Float64Array(to - from + 1);
  for (let k = from; k <= to; k++) beyond[k - from] = beyondLine(line, weekly.dates[k]!, weekly.values[k]!);
  return breakoutPath(beyond, options);
}

export interface BreakOccurrence {
  /** The daily bar index and day of the weekly close that first went through the line. */
  readonly barIndex: number;
  readonly day: number;
  /** The line as it was known that week (no later data). */
  readonly line: Trendline;
}

/**
 * Every week in values[0, end) where, with only the data up to that week, the dominant line was
 * freshly broken: the state became `breaking` that week, and the week before was neither breaking
 * nor confirmed (so a line swap during one attempt is not counted twice). A break after a failure
 * counts as a new attempt. Weeks are whole ISO weeks (the last bar of each).
 */
export function breakoutHistory(
  dates: Int32Array,
  values: Float64Array,
  options: TrendOptions,
  end: number = dates.length,
): BreakOccurrence[] {
  const weekly = weeklyCloses(dates, values, end);
  const pivots: WeeklyPivots = weeklyPivots(weekly, options);
  const out: BreakOccurrence[] = [];
  let previousBroken = false;
  for (let a = 0; a < weekly.values.length; a++) {
    const line = findDominantTrendline(weekly, options, a, pivots);
    let broken = false;
    if (line !== null && line.breakWeek >= 0) {
      const path = pathAlongLine(weekly, line, line.breakWeek, a, options);
      const k = path.states.length - 1;
      const state = breakoutStateName(path.states[k]!);
      broken = state === 'breaking' || state === 'confirmed';
      if (state === 'breaking' && path.since[k] === k && !previousBroken) {
        out.push({ barIndex: weekly.barIndex[a]!, day: weekly.dates[a]!, line });
      }
    }
    previousBroken = broken;
  }
  return out;
}
