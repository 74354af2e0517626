import { describe, expect, it } from 'vitest';
import { changeBp } from './symbol-figures.js';

describe('changeBp', () => {
  it('turns a yield period return into basis points: 3.52 after -17.18% came from 4.25, -73 bp', () => {
    // By hand: 3.52 / (1 - 0.1718) = 4.2502; 3.52 - 4.2502 = -0.7302 points = -73 bp (the rates card's YTD
    // for DGS2 on 2025-12-11 on the real data).
    expect(changeBp(3.52, -0.1718)).toBe(-73);
    expect(changeBp(4.14, 0.0024)).toBe(1); // 4.14 / 1.0024 = 4.1301: +0.99 bp
    expect(changeBp(3.5, null)).toBeNull();
    expect(changeBp(3.5, -1)).toBeNull();
  });
});
