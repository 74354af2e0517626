// Suggestions for mistyped names: distances worked out by hand (APPL -> AAPL one substitution,
// MSTF -> MSFT one swap of neighbours, SECTROS -> sectors one swap).
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearestNames } from './nearest-names.js';

describe('nearest names', () => {
  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('APPL', 'AAPL')).toBe(1);
    expect(editDistance('MSTF', 'MSFT')).toBe(1);
    expect(editDistance('KITTEN', 'SITTING')).toBe(3);
    expect(editDistance('', 'ABC')).toBe(3);
  });
  it('offers only close names, nearest first, case-insensitive', () => {
    const stored = ['AAPL', 'AMZN', 'MSFT', 'NVDA', 'SPY', 'QQQ', 'AAL'];
    expect(nearestNames('APPL', stored)).toEqual(['AAPL']);
    expect(nearestNames('msft', stored)).toEqual([]); // the same name is not a suggestion
    expect(nearestNames('MSTF', stored)).toEqual(['MSFT']);
    expect(nearestNames('ZZZZ', stored)).toEqual([]);
    expect(nearestNames('sectros', ['mag7', 'sectors', 'smallcaps'])).toEqual(['sectors']);
    expect(didYouMean('APPL', stored)).toBe('; did you mean AAPL?');
    expect(didYouMean('AAP', stored)).toBe('; did you mean AAPL or AAL?');
    expect(didYouMean('XYZXYZ', stored)).toBe('');
  });
});
