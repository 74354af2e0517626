/**
 * Weekly resampling for trendlines: the last close of each ISO week (Monday to Sunday), dated at
 * the bar it came from. A week still in progress at the end of the input is represented by its
 * latest bar, so an as-of on a Wednesday uses that Wednesday's close as the week's close.
 */
import type { DayNumber } from '../../domain/trading-date.js';

export interface WeeklyCloses {
  /** The date of the bar that closed each week (ascending). */
  readonly dates: Int32Array;
  readonly values: Float64Array;
  /** Index into the daily input of the bar each week was taken from. */
  readonly barIndex: Int32Array;
}

/** The Monday (as a day number) of the ISO week containing `day`. 1970-01-01 was a Thursday. */
export function isoWeekMonday(day: DayNumber): DayNumber {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/**
 * Last close of each ISO week among the bars [0, end) (end defaults to all bars). Non-finite values
 * (a missing close) are skipped, so a week's close is its last known close.
 * @example weeklyCloses(dates, closes, indexOnOrBefore(dates, asOf) + 1)
 */
export function weeklyCloses(dates: Int32Array, values: Float64Array, end: number = dates.length): WeeklyCloses {
  const n = Math.min(end, dates.length, values.length);
  const outDates = new Int32Array(n);
  const outValues = new Float64Array(n);
  const outIndex = new Int32Array(n);
  let count = 0;
  let currentWeek = Number.NaN;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const week = isoWeekMonday(dates[i]!);
    if (week !== currentWeek) {
      currentWeek = week;
      count++;
    }
    outDates[count - 1] = dates[i]!;
    outValues[count - 1] = v;
    outIndex[count - 1] = i;
  }
  return { dates: outDates.slice(0, count), values: outValues.slice(0, count), barIndex: outIndex.slice(0, count) };
}
