/** Suspected unadjusted splits: ratios matched within tolerance, bounces rejected. Cases by hand. */
import { describe, expect, it } from 'vitest';
import { detectSuspectedSplits } from './split-detection.js';

const days = (n: number) => Array.from({ length: n }, (_, i) => 20000 + i);

describe('detectSuspectedSplits', () => {
  it('finds the 2:1 split of the messy XLK file (288.15 -> 141.61 on 2025-11-17)', () => {
    // closes around the split, from ../shared/data/messy/XLK-split-not-back-adjusted.csv
    const closes = [293.92, 286.59, 288.15, 141.605224609375, 139.3037109375, 140.27223205566406];
    const found = detectSuspectedSplits(days(6), closes);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ index: 3, date: 20003, ratio: 2, label: '2:1', previousClose: 288.15 });
    expect(found[0]!.move).toBeCloseTo(141.605224609375 / 288.15, 12);
  });

  it('finds 3:1, 4:1 and a 1:10 reverse split', () => {
    expect(detectSuspectedSplits(days(4), [90, 30.5, 30.2, 30.9])[0]).toMatchObject({ ratio: 3, label: '3:1' });
    expect(detectSuspectedSplits(days(4), [400, 101, 100, 99])[0]).toMatchObject({ ratio: 4, label: '4:1' });
    const reverse = detectSuspectedSplits(days(4), [1.2, 12.1, 12.3, 11.9]);
    expect(reverse).toHaveLength(1);
    expect(reverse[0]!.label).toBe('1:10');
    expect(reverse[0]!.ratio).toBeCloseTo(0.1, 15);
  });

  it('ignores ordinary moves and moves between split ratios', () => {
    expect(detectSuspectedSplits(days(5), [100, 104, 97, 101, 99])).toEqual([]);
    // x0.6 and x0.4 match no ratio within 3%
    expect(detectSuspectedSplits(days(3), [100, 60, 61])).toEqual([]);
    expect(detectSuspectedSplits(days(3), [100, 40, 41])).toEqual([]);
    // x0.53: ln(0.53 x 2) = 0.058 > 0.03
    expect(detectSuspectedSplits(days(3), [100, 53, 53])).toEqual([]);
  });

  it('a tolerance option widens the match', () => {
    expect(detectSuspectedSplits(days(3), [100, 53, 53], { tolerance: 0.07 })).toHaveLength(1);
  });

  it('a one-day spike that reverses is a bad print, not a split', () => {
    expect(detectSuspectedSplits(days(5), [100, 50, 99, 100, 101])).toEqual([]);
    // reverses on the 5th day after: still within the confirmation window
    expect(detectSuspectedSplits(days(8), [100, 50, 51, 50, 52, 98, 99, 100])).toEqual([]);
    // with a shorter window that bounce is not seen
    expect(detectSuspectedSplits(days(8), [100, 50, 51, 50, 52, 98, 99, 100], { confirmDays: 3 })).toHaveLength(1);
  });

  it('skips unknown (NaN) closes, comparing with the last known one', () => {
    expect(detectSuspectedSplits(days(5), [100, Number.NaN, 50, 50.5, 49.8])).toMatchObject([
      { index: 2, previousClose: 100 },
    ]);
  });

  it('refuses columns of different lengths', () => {
    expect(() => detectSuspectedSplits(days(2), [1])).toThrow(RangeError);
  });
});
