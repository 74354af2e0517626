// All-time and 52-week highs and lows: expected values worked out by hand from the closes below.
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { allTimeHigh, fiftyTwoWeekHigh, fiftyTwoWeekLow, fiftyTwoWeekStart } from './highs-lows.js';

const d = (isos: string[]) => Int32Array.from(isos, (x) => parseIsoDate(x));

describe('all-time high', () => {
  const dates = d(['2020-01-02', '2021-01-04', '2022-01-03', '2023-01-03', '2024-01-02']);
  const closes = new Float64Array([50, 80, 80, 60, 72]);

  it('is the highest close up to the as-of bar, earliest on ties, with distance close/ATH - 1', () => {
    const ath = allTimeHigh(dates, closes, 4)!;
    expect(ath.value).toBe(80);
    expect(formatIsoDate(ath.day)).toBe('2021-01-04');
    expect(ath.distance).toBeCloseTo(72 / 80 - 1, 15);
    expect(ath.distance).toBeCloseTo(-0.1, 12);
  });

  it('ignores bars after the as-of bar, and is 0 away at a record', () => {
    const ath = allTimeHigh(dates, closes, 0)!;
    expect(ath.value).toBe(50);
    expect(ath.distance).toBe(0);
    expect(allTimeHigh(dates, closes, -1)).toBeNull();
  });
});

describe('52-week high and low', () => {
  // As of 2025-12-11 the window is 2024-12-12 .. 2025-12-11: 2024-12-11 is out, 2024-12-12 is in.
  const dates = d(['2024-12-10', '2024-12-11', '2024-12-12', '2025-06-02', '2025-12-10', '2025-12-11']);
  const closes = new Float64Array([5, 200, 150, 90, 95, 100]);

  it('covers the bars strictly after the same date a year earlier', () => {
    expect(fiftyTwoWeekStart(dates, 5)).toBe(2);
    const hi = fiftyTwoWeekHigh(dates, closes, 5)!;
    expect(hi.value).toBe(150);
    expect(formatIsoDate(hi.day)).toBe('2024-12-12');
    const lo = fiftyTwoWeekLow(dates, closes, 5)!;
    expect(lo.value).toBe(90);
    expect(formatIsoDate(lo.day)).toBe('2025-06-02');
  });

  it('is null with less than a year of history (no bar on or before the boundary)', () => {
    const short = d(['2025-01-02', '2025-12-11']);
    expect(fiftyTwoWeekHigh(short, new Float64Array([1, 2]), 1)).toBeNull();
    expect(fiftyTwoWeekLow(short, new Float64Array([1, 2]), 1)).toBeNull();
  });

  it('from Feb 29 looks back to after Feb 28 of the previous year', () => {
    const leap = d(['2023-02-28', '2023-03-01', '2024-02-29']);
    expect(fiftyTwoWeekStart(leap, 2)).toBe(1);
    expect(fiftyTwoWeekLow(leap, new Float64Array([1, 7, 9]), 2)!.value).toBe(7);
  });
});
