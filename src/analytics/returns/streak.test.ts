// Up/down streaks: expected counts by hand.
import { describe, expect, it } from 'vitest';
import { streak } from './streak.js';

const f = (xs: number[]) => new Float64Array(xs);

describe('streak', () => {
  it('counts consecutive up closes as positive and down closes as negative', () => {
    expect(streak(f([3, 2, 3, 4, 5]), 4)).toBe(3);
    expect(streak(f([5, 6, 4, 3, 2]), 4)).toBe(-3);
    expect(streak(f([5, 6, 4, 3, 2]), 2)).toBe(-1);
    expect(streak(f([1, 2, 3, 3, 4, 5]), 5)).toBe(2);
  });

  it('is 0 on an unchanged close or without a previous bar', () => {
    expect(streak(f([1, 2, 2]), 2)).toBe(0);
    expect(streak(f([1]), 0)).toBe(0);
  });
});
