/** Verb thresholds: the word follows the size of the move (no "surged" for +0.3%). */
import { describe, expect, it } from 'vitest';
import { listOf, longDate, moveVerb } from './wording.js';

describe('moveVerb', () => {
  it('grades moves by size, both ways', () => {
    expect(moveVerb(0.003)).toBe('edged up');
    expect(moveVerb(0.012)).toBe('rose');
    expect(moveVerb(0.035)).toBe('climbed');
    expect(moveVerb(0.07)).toBe('rallied');
    expect(moveVerb(0.15)).toBe('surged');
    expect(moveVerb(-0.003)).toBe('edged down');
    expect(moveVerb(-0.012)).toBe('fell');
    expect(moveVerb(-0.035)).toBe('slid');
    expect(moveVerb(-0.07)).toBe('tumbled');
    expect(moveVerb(-0.15)).toBe('plunged');
  });

  it('puts a boundary value in the larger band (0.5% is no longer "edged")', () => {
    expect(moveVerb(0.005)).toBe('rose');
    expect(moveVerb(-0.02)).toBe('slid');
  });
});

describe('dates and lists', () => {
  it('prints the year only when it differs from the as-of year', () => {
    expect(longDate('2025-09-12', '2025-12-11')).toBe('September 12');
    expect(longDate('2021-08-18', '2025-12-11')).toBe('August 18, 2021');
  });
  it('joins names', () => {
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
