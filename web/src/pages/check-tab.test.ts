import { describe, expect, it } from 'vitest';
import { spreadSides } from './check-tab.js';

describe('spreadSides', () => {
  it("reads both sides of a spread from the checker's reason (the real 2025-12-11 note's SPSM vs MAG7 claim)", () => {
    const reason =
      'percentage points, change of the SPSM/MAG7 ratio: SPSM 4.91% and MAG7 -0.66% on closes from 2025-11-11 to 2025-12-11; as of 2025-12-11: consistent with 5.60 points';
    expect(spreadSides({ symbol: 'SPSM', reason })).toEqual(['SPSM', 'MAG7']);
    // The other reading of the same claim names the ratio the other way round; the sides stay A then B.
    const fall = 'percentage points, fall of the QQQ/TSLA ratio: TSLA -10.20% and QQQ 1.80% on closes from ...';
    expect(spreadSides({ symbol: 'TSLA', reason: fall })).toEqual(['TSLA', 'QQQ']);
    expect(spreadSides({ symbol: 'TSLA', reason: 'no data' })).toEqual(['TSLA', undefined]);
  });
});
