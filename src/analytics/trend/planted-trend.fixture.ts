/**
 * A generated daily series with a planted multi-year downtrend line whose anchors are known, shared by
 * the trend tests (and the events / base-rate tests that need a breakout). Weekdays only; the value on
 * each Friday is exp(line(Friday) + g[week]) with g chosen per week, days in between interpolate g
 * linearly, so every weekly close is exactly where the test puts it.
 */
import { daysFromCivil, weekday } from '../../domain/trading-date.js';

export const LINE_START_VALUE = 100;
/** ln growth per year of the planted resistance: -15%/yr in log terms. */
export const LINE_SLOPE_PER_YEAR = -0.15;

export interface PlantedSeries {
  readonly dates: Int32Array;
  readonly values: Float64Array;
  /** Friday day numbers, week by week, and the g (log offset from the line) of each. */
  readonly fridays: Int32Array;
  readonly g: Float64Array;
  /** The first anchor's day (line level LINE_START_VALUE there). */
  readonly anchorDay: number;
  /** Week numbers (indices into fridays) of the planted touches, first anchor first. */
  readonly touchWeeks: readonly number[];
  /** Planted line level (price units) at a day. */
  level(day: number): number;
  /** Week index of a given number of weeks after the last touch. */
  weekAfterLastTouch(weeks: number): number;
}

/** The Friday on or after a calendar date. */
export function fridayOnOrAfter(y: number, m: number, d: number): number {
  const day = daysFromCivil(y, m, d);
  return day + ((5 - weekday(day) + 7) % 7);
}

/**
 * Weeks from 2015-01-02: a smooth rise to the first anchor (2019-06-07), touches of the line at
 * about 2021-03 and 2023-01 with the series 20-25% under it in between, then `tail` (g per week
 * after the last touch, starting with the week after it).
 */
export function plantedDowntrend(tail: readonly number[]): PlantedSeries {
  const start = fridayOnOrAfter(2015, 1, 1);
  const anchorDay = fridayOnOrAfter(2019, 6, 7);
  const touchDays = [anchorDay, fridayOnOrAfter(2021, 3, 12), fridayOnOrAfter(2023, 1, 13)];
  const anchorWeek = (anchorDay - start) / 7;
  const touchWeeks = touchDays.map((d) => (d - start) / 7);
  const lastTouch = touchWeeks[touchWeeks.length - 1]!;
  const weeks = lastTouch + 1 + tail.length;
  const fridays = new Int32Array(weeks);
  const g = new Float64Array(weeks);
  for (let w = 0; w < weeks; w++) {
    fridays[w] = start + 7 * w;
    if (w < anchorWeek) g[w] = -0.1 - (1.4 * (anchorWeek - 1 - w)) / anchorWeek;
    else if (touchWeeks.includes(w)) g[w] = 0;
    else if (w < lastTouch) g[w] = -(0.22 + 0.03 * Math.sin((2 * Math.PI * w) / 13));
    else g[w] = tail[w - lastTouch - 1]!;
  }
  const level = (day: number) => LINE_START_VALUE * Math.exp((LINE_SLOPE_PER_YEAR * (day - anchorDay)) / 365.25);
  const dates: number[] = [];
  const values: number[] = [];
  for (let w = 0; w < weeks; w++) {
    const fri = fridays[w]!;
    for (let d = w === 0 ? fri : fri - 4; d <= fri; d++) {
      const gPrev = w === 0 ? g[0]! : g[w - 1]!;
      const f = w === 0 ? 1 : (d - (fri - 7)) / 7;
      const gd = gPrev + f * (g[w]! - gPrev);
      dates.push(d);
      values.push(level(d) * Math.exp(gd));
    }
  }
  return {
    dates: Int32Array.from(dates),
    values: Float64Array.from(values),
    fridays,
    g,
    anchorDay,
    touchWeeks,
    level,
    weekAfterLastTouch: (n: number) => lastTouch + n,
  };
}

/**
 * The tail used by the phase tests (weeks after the last touch, 1-based in the comments):
 * 1: -0.025 (testing, within 3%); 2-8: falling to -0.20; 9-60: -0.20 (below);
 * 61-69: rising to -0.04; 70-72: -0.02, -0.015, -0.01 (testing from week 70);
 * 73: +0.01 (breaking); 74: +0.025; 75: +0.03 (confirmed: 3 closes above, >= 2%); 76: +0.035;
 * 77: +0.01; 78: -0.02 (still confirmed); 79: -0.05 (failed: more than 3% back under); 80-90: -0.06.
 */
export function phaseTail(): number[] {
  const tail: number[] = [-0.025];
  for (let w = 2; w <= 8; w++) tail.push(-0.025 - ((0.2 - 0.025) * (w - 1)) / 7);
  for (let w = 9; w <= 60; w++) tail.push(-0.2);
  for (let w = 61; w <= 69; w++) tail.push(-0.2 + ((0.2 - 0.04) * (w - 60)) / 9);
  tail.push(-0.02, -0.015, -0.01, 0.01, 0.025, 0.03, 0.035, 0.01, -0.02, -0.05);
  for (let w = 80; w <= 90; w++) tail.push(-0.06);
  return tail;
}
