import { describe, expect, it } from 'vitest';
import { swingPivots } from './swing-pivots.js';

describe('swingPivots', () => {
  const v = Float64Array.of(1, 3, 2, 1, 2, 5, 5, 4, 0, 1);
  it('finds highs above the window before and not below the window after (first of equal peaks)', () => {
    // window 1, by hand: 3 at 1 (1 < 3 >= 2); 5 at 5 (2 < 5 >= 5); 5 at 6 is not (5 is not > 5).
    expect(Array.from(swingPivots(v, 'high', 1))).toEqual([1, 5]);
    // window 2: 3 at 1 is not (only one bar before it); 5 at 5 (1, 2 before; 5, 4 after).
    expect(Array.from(swingPivots(v, 'high', 2))).toEqual([5]);
  });
  it('finds lows, and needs the whole right-hand window (no look-ahead)', () => {
    // window 1: 1 at 3; 0 at 8 (bar 0 has no bar before it). A scan ending at bar 8 (end = 9) cannot know 8 yet.
    expect(Array.from(swingPivots(v, 'low', 1))).toEqual([3, 8]);
    expect(Array.from(swingPivots(v, 'low', 1, 9))).toEqual([3]);
  });
  it('rejects a bad window', () => {
    expect(() => swingPivots(v, 'high', 0)).toThrow(/window/);
  });
});
