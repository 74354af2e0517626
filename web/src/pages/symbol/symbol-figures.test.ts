import { describe, expect, it } from 'vitest';
import { bpChange, changeBp } from './symbol-figures.js';

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

describe('bpChange', () => {
  it("a yield's daily move in basis points, not percent of itself (DGS2 3.54 -> 3.52 on 2025-12-11: -2 bp)", () => {
    // FRED DGS2: 3.54 on 2025-12-10, 3.52 on 2025-12-11; the percent change would read -0.56%.
    expect(bpChange(3.52, 3.54)).toBe('-2\u00a0bp');
    expect(bpChange(3.64, 3.89)).toBe('-25\u00a0bp'); // DFF after the cut of 2025-12-10
    expect(bpChange(4.14, 4.1)).toBe('+4\u00a0bp'); // DGS10
    expect(bpChange(4.1, 4.1)).toBe('0\u00a0bp');
  });
});
