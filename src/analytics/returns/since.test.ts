// Highest/lowest close since: expected dates worked out by hand.
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { highestSince, lowestSince } from './since.js';

const dates = Int32Array.from(
  ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09'],
  (x) => parseIsoDate(x),
);
const iso = (day: number | null) => (day === null ? null : formatIsoDate(day));

describe('highest and lowest close since', () => {
  const closes = new Float64Array([5, 9, 7, 8, 6, 7.5]);

  it('finds the most recent earlier close strictly above / below the as-of close', () => {
    expect(iso(highestSince(dates, closes, 5))).toBe('2025-01-07'); // 8 > 7.5
    expect(iso(lowestSince(dates, closes, 5))).toBe('2025-01-08'); // 6 < 7.5
    expect(iso(highestSince(dates, closes, 4))).toBe('2025-01-07'); // 8 > 6
    expect(iso(lowestSince(dates, closes, 4))).toBe('2025-01-02'); // 5 < 6: lowest close since Jan 2
  });

  it('is null at an all-time high or low, and equal closes do not count', () => {
    expect(highestSince(dates, closes, 1)).toBeNull(); // 9 is a record
    expect(lowestSince(dates, closes, 0)).toBeNull();
    const flat = new Float64Array([3, 4, 4, 4, 2, 4]);
    expect(iso(highestSince(dates, flat, 5))).toBeNull();
    expect(iso(lowestSince(dates, flat, 5))).toBe('2025-01-08');
  });
});
