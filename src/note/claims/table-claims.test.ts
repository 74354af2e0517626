// A table header names the periods of the rows after it; a post led by a cashtag is never one, even when it names a
// span of days: "$AMZN red 5 days straight" is a streak, and the post after it ("$VIX up 16.28% today") keeps its day.
import { describe, expect, it } from 'vitest';
import { tableHeader } from './table-claims.js';

describe('table headers', () => {
  it('reads the periods of a header line', () => {
    expect(tableHeader('Fund  YTD  1Y')).toEqual(['ytd', '1y']);
  });

  it('reads no header in a post led by a cashtag, or in a line with figures', () => {
    expect(tableHeader('$AMZN red 5 days straight, not catching this knife')).toBeNull();
    expect(tableHeader('SPY YTD +15.5%')).toBeNull();
  });
});
