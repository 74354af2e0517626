/**
 * The planted downtrend (planted-trend.fixture.ts) has known anchors 2019-06-07, 2021-03-12, 2023-01-13
 * on a line of -15%/yr in log terms; its tail walks through every breakout phase. Expected states and
 * `since` weeks are read off the tail by hand with the default thresholds (3%, 3 weeks and 2%, 3%).
 */
import { describe, expect, it } from 'vitest';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { LINE_SLOPE_PER_YEAR, phaseTail, plantedDowntrend } from './planted-trend.fixture.js';
import { analyseTrend, breakoutHistory } from './trend-analysis.js';
import { trendOptions } from './trend-options.js';

const opts = trendOptions();
const planted = plantedDowntrend(phaseTail());

function asOfWeek(weeksAfterLastTouch: number) {
  const day = planted.fridays[planted.weekAfterLastTouch(weeksAfterLastTouch)]!;
  const end = indexOnOrBefore(planted.dates, day) + 1;
  return { day, a: analyseTrend(planted.dates, planted.values, opts, end)! };
}

const fridayAfterLastTouch = (n: number) => formatIsoDate(planted.fridays[planted.weekAfterLastTouch(n)]!);
describe('analyseTrend on a planted multi-year downtrend', () => {
  it('finds the planted line: anchors, touches, slope, level at the as-of within 1%', () => {
    const { day, a } = asOfWeek(40);
    expect(a.line).not.toBeNull();
    const line = a.line!;
    expect(line.kind).toBe('downtrend');
    expect(line.anchors.map((x) => formatIsoDate(x.day))).toEqual(['2019-06-07', '2021-03-12']);
    expect(line.touches).toBe(3);
    // The planted touches: the two anchors and the third pivot on the line (g = 0 on 2023-01-13).
    expect(line.touchDays.map((d) => formatIsoDate(d))).toEqual(['2019-06-07', '2021-03-12', '2023-01-13']);
    expect(line.slopeLogPerYear).toBeCloseTo(LINE_SLOPE_PER_YEAR, 9);
    expect(Math.abs(a.levelAtAsOf! / planted.level(day) - 1)).toBeLessThan(0.01);
    // g = -0.20 there: distance = exp(-0.2) - 1 = -18.13%.
    expect(a.distance!).toBeCloseTo(Math.exp(-0.2) - 1, 9);
  });

  // [weeks after the last touch, state, week (after the last touch) the state began, its day in that
  // week as an offset from the Friday]. Days interpolate g by calendar day from the Friday before, so
  // Monday is 3/7 of the way and Tuesday 4/7; 3% under the line is g = ln(0.97) = -0.03046.
  const phases: [number, string, number, number][] = [
    [1, 'testing', 0, 0], // the last touch is on the line on its Friday (earlier that week g < -0.03046)
    [40, 'below', 2, -4], // week 2: Monday g = -0.025 - 0.025 * 3/7 = -0.0357
    [69, 'below', 2, -4], // g = -0.04: exp(-0.04) - 1 = -3.92%
    [71, 'testing', 70, -3], // week 70 (g -0.04 -> -0.02): Monday -0.0314 still below, Tuesday -0.0286
    [73, 'breaking', 73, -3], // week 73 (g -0.01 -> +0.01): Monday -0.0014, Tuesday +0.0014 above
    [74, 'breaking', 73, -3], // two closes above only
    [75, 'confirmed', 75, -4], // third close above, and Monday's +0.0271 is already >= 2%
    [78, 'confirmed', 75, -4], // back 2% under: not yet a failure
    [79, 'failed', 79, -4], // week 79 (g -0.02 -> -0.05): Monday -0.0329 < -0.03046
    [85, 'failed', 79, -4],
  ];
  for (const [week, state, since, offset] of phases) {
    it(`as of ${week} weeks after the last touch the state is ${state}, since week ${since}`, () => {
      const { a } = asOfWeek(week);
      expect(a.line!.anchors.map((x) => formatIsoDate(x.day))).toEqual(['2019-06-07', '2021-03-12']);
      expect(a.breakout!.state).toBe(state);
      expect(formatIsoDate(a.breakout!.sinceDay)).toBe(
        formatIsoDate(planted.fridays[planted.weekAfterLastTouch(since)]! + offset),
      );
    });
  }

  it('an as-of in mid-week uses that day as the week close (a partial week)', () => {
    // Wednesday of week 73: g interpolates -0.01 -> +0.01 over the week, 5/7 of the way: +0.0042857 above.
    const fri = planted.fridays[planted.weekAfterLastTouch(73)]!;
    const end = indexOnOrBefore(planted.dates, fri - 2) + 1;
    const a = analyseTrend(planted.dates, planted.values, opts, end)!;
    expect(formatIsoDate(a.asOfDay)).toBe(formatIsoDate(fri - 2));
    expect(a.distance!).toBeCloseTo(Math.exp(-0.01 + (0.02 * 5) / 7) - 1, 9);
    expect(a.breakout!.state).toBe('breaking');
    // g crosses 0 at 3.5/7 of the week: Tuesday (g = -0.01 + 0.02 * 4/7 > 0) is the first day above,
    // Monday (3/7: g = -0.0014) is not. The state began on Tuesday, the day before this Wednesday.
    expect(formatIsoDate(a.breakout!.sinceDay)).toBe(formatIsoDate(fri - 3));
    expect(a.breakout!.previousState).toBe('testing');
  });

  it('a line broken more than breakWindowWeeks (26) before the as-of is not the current trend', () => {
    const far = plantedDowntrend([...phaseTail(), ...new Array<number>(30).fill(0.1)]);
    const a = analyseTrend(far.dates, far.values, opts)!;
    const anchors = a.line === null ? [] : a.line.anchors.map((x) => formatIsoDate(x.day));
    expect(anchors).not.toEqual(['2019-06-07', '2021-03-12']);
  });
});

describe('stale lines (last touch more than staleYears = 2 before the as-of)', () => {
  // After the last touch: 8 weeks down to -0.20, then -0.20 until week 110, then back to -0.02 at week 112.
  const tail = [
    ...Array.from({ length: 8 }, (_, k) => (-0.2 * (k + 1)) / 8),
    ...new Array<number>(102).fill(-0.2),
    -0.1,
    -0.02,
  ];
  const s = plantedDowntrend(tail);
  const at = (week: number) => {
    const day = s.fridays[s.weekAfterLastTouch(week)]!;
    return analyseTrend(s.dates, s.values, opts, indexOnOrBefore(s.dates, day) + 1)!;
  };
  const anchors = (a: ReturnType<typeof at>) =>
    a.line === null ? null : a.line.anchors.map((x) => formatIsoDate(x.day));
  it('a line the price left more than 2 years ago is not the current trend', () => {
    expect(anchors(at(100))).toEqual(['2019-06-07', '2021-03-12']); // 100 weeks: under 2 years
    expect(anchors(at(110))).not.toEqual(['2019-06-07', '2021-03-12']); // 110 weeks, 18% under the line
  });
  it('but it is again once the price comes back within 3% of it', () => {
    const a = at(112);
    expect(anchors(a)).toEqual(['2019-06-07', '2021-03-12']);
    expect(a.breakout!.state).toBe('testing');
  });
});

describe('analyseTrend on the mirror image (uptrend support)', () => {
  const mirror = Float64Array.from(planted.values, (v) => 1 / v);
  it('finds the same anchors as a rising support line, and the same states', () => {
    for (const [week, state] of [
      [40, 'below'],
      [71, 'testing'],
      [73, 'breaking'],
      [75, 'confirmed'],
      [79, 'failed'],
    ] as const) {
      const day = planted.fridays[planted.weekAfterLastTouch(week)]!;
      const a = analyseTrend(planted.dates, mirror, opts, indexOnOrBefore(planted.dates, day) + 1)!;
      expect(a.line!.kind).toBe('uptrend');
      expect(a.line!.anchors.map((x) => formatIsoDate(x.day))).toEqual(['2019-06-07', '2021-03-12']);
      expect(a.line!.slopeLogPerYear).toBeCloseTo(-LINE_SLOPE_PER_YEAR, 9);
      expect(a.breakout!.state).toBe(state);
    }
  });
});

describe('analyseTrend without a line', () => {
  it('is null-lined on a smooth exponential rise (no pivots) and on less than two years of data', () => {
    const dates = Int32Array.from({ length: 2000 }, (_, i) => 16000 + i);
    const rising = Float64Array.from({ length: 2000 }, (_, i) => 100 * Math.exp(0.0003 * i));
    const a = analyseTrend(dates, rising, opts)!;
    expect(a.line).toBeNull();
    expect(a.breakout).toBeNull();
    expect(a.levelAtAsOf).toBeNull();
    const short = analyseTrend(planted.dates.subarray(0, 300), planted.values.subarray(0, 300), opts)!;
    expect(short.line).toBeNull();
  });
  it('is null for an empty series', () => {
    expect(analyseTrend(new Int32Array(0), new Float64Array(0), opts)).toBeNull();
  });
});

describe('breakoutHistory', () => {
  it('finds exactly the planted break (week 73), seen with data up to that week only', () => {
    const breaks = breakoutHistory(planted.dates, planted.values, opts);
    expect(breaks.map((b) => formatIsoDate(b.day))).toEqual([fridayAfterLastTouch(73)]);
    expect(breaks[0]!.line.anchors.map((x) => formatIsoDate(x.day))).toEqual(['2019-06-07', '2021-03-12']);
  });
});
