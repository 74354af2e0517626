import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../domain/trading-date.js';
import { rateChange } from './rate-change.js';
import { trailingPercentile, volatilityRegime } from './volatility-regime.js';

/** One bar a day from 2019-01-01. */
function daily(values: number[]): { dates: Int32Array; closes: Float64Array } {
  const start = parseIsoDate('2019-01-01');
  return { dates: Int32Array.from(values, (_, i) => start + i), closes: Float64Array.from(values) };
}

describe('volatilityRegime', () => {
  // 400 days: a hump from 20 up to 30 and back, then a slide to 12 on the last day
  const values = Array.from({ length: 400 }, (_, i) => 20 + 10 * Math.sin((Math.PI * i) / 399));
  values[399] = 12;
  values[100] = 11; // an earlier, lower close
  const { dates, closes } = daily(values);

  it('reads the lowest close of the window as percentile 0 and names the last lower close', () => {
    const r = volatilityRegime(dates, closes, parseIsoDate('2020-02-04'))!;
    expect(r.date).toBe('2020-02-04'); // day 399
    expect(r.level).toBe(12);
    // window: bars after 2019-02-04 (day 34) through day 398 -> 364 others; only day 100 (11) is below 12
    expect(r.percentile1y).toBeCloseTo((100 * 1) / 364, 12);
    expect(r.percentile5y).toBeNull(); // not five years of history
    expect(r.lowestSince).toBe('2019-04-11'); // day 100
    expect(r.highestSince).toBe('2020-02-03');
  });

  it('counts only the other closes of the window strictly below, by hand', () => {
    const d = daily([5, 1, 9, 3, 7, 4]);
    // as of day 5 (4) over "1 year" needs a boundary bar: use a 0-year window to test the counting
    expect(trailingPercentile(d.dates, d.closes, 5, 0)).toBeNull(); // boundary is the day itself: no others
    const long = daily([...Array(366).fill(50), 1, 9, 3, 7, 4]);
    // window after day 370-365... : boundary = same date a year before day 370 = day 5; others = days 6..369
    const p = trailingPercentile(long.dates, long.closes, 370, 1)!;
    expect(p).toBeCloseTo((100 * 2) / 364, 12); // 1 and 3 are below 4; 360 x 50, 9, 7 are not
  });

  it('null before the first bar', () => {
    expect(volatilityRegime(dates, closes, parseIsoDate('2018-01-01'))).toBeNull();
  });
});

describe('rateChange', () => {
  it('changes since a date in points and basis points, on the last values on or before each date', () => {
    const dates = Int32Array.from(['2025-12-29', '2025-12-31', '2026-01-02', '2026-03-02'].map((s) => parseIsoDate(s)));
    const values = Float64Array.of(4.2, 4.17, 4.19, 3.95);
    expect(rateChange(dates, values, parseIsoDate('2026-03-06'), parseIsoDate('2025-12-31'))).toEqual({
      date: '2026-03-02',
      level: 3.95,
      sinceDate: '2025-12-31',
      sinceLevel: 4.17,
      change: -0.22,
      changeBp: -22,
    });
    expect(rateChange(dates, values, parseIsoDate('2026-03-06'), parseIsoDate('2025-01-01'))!.change).toBeNull();
  });
});
