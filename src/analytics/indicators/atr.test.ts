import { describe, expect, it } from 'vitest';
import { expectSeries } from '../../../test/support/expect-series.js';
import { AtrStream, atr } from './atr.js';
import { NonLeadingNaNError } from './nan-policy.js';

const NA = Number.NaN;
// Reference: R 4.2.2, TTR 0.24.3:
//   x <- c(NA,NA,1,2,3,5,4,6,7,8,7,9); h <- x + 1; l <- x - 1; l[6] <- 2.5; h[8] <- 9
//   ATR(cbind(h, l, x), 3)[, "tr"] and [, "atr"]
const C = Float64Array.of(NA, NA, 1, 2, 3, 5, 4, 6, 7, 8, 7, 9);
const H = C.map((v) => v + 1);
const L = C.map((v) => v - 1);
L[5] = 2.5;
H[7] = 9;
// biome-ignore format: reference values, several to a line as R prints them
const TTR_ATR_3 = [
  NA, NA, NA, NA, NA, 2.5, 2.33333333333333, 3.22222222222222, 2.81481481481481, 2.54320987654321,
  2.36213991769547, 2.57475994513032,
];

describe('atr', () => {
  it('matches TTR ATR(HLC, 3): the first bar has no true range, so the first ATR is n rows after it', () => {
    expectSeries(atr(H, L, C, 3), TTR_ATR_3, 1e-13);
  });

  it('takes the previous close into the range by hand: TTR tr = 2, 2, 3.5 -> seed 2.5', () => {
    // row 5: high 6, low 2.5, previous close 3 -> 6 - 2.5 = 3.5; rows 3 and 4: 2 each
    expect(atr(H, L, C, 3)[5]).toBeCloseTo((2 + 2 + 3.5) / 3, 14);
  });

  it('is 0 over zero-range bars that repeat the previous close', () => {
    const flat = new Float64Array(10).fill(15);
    expectSeries(atr(flat, flat, flat, 3), [NA, NA, NA, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('starts after leading gaps in high/low (a close-only start) and refuses a later gap', () => {
    const c = Float64Array.of(10, 11, 12, 13, 14, 15);
    const h = Float64Array.of(NA, NA, 13, 14, 15, 16);
    const l = Float64Array.of(NA, NA, 11, 11.5, 13, 14);
    const r = atr(h, l, c, 2);
    // first true ranges: row 2 max(13, 11) - min(11, 11) = 2; row 3 max(14, 12) - min(11.5, 12) = 2.5
    expect(r[2]).toBeNaN();
    expect(r[3]).toBeCloseTo(2.25, 14);
    h[4] = NA;
    expect(() => atr(h, l, c, 2)).toThrow(NonLeadingNaNError);
    expect(() => atr(h, l, c, 2)).toThrow(/atr: missing value at row 4/);
    h[4] = 15;
    l[5] = NA;
    expect(() => atr(h, l, c, 2)).toThrow(/atr: missing value at row 5/);
    l[5] = 14;
    c[4] = NA; // the previous close of row 5
    expect(() => atr(h, l, c, 2)).toThrow(/atr: missing value at row 5/);
  });

  it('refuses columns of different lengths', () => {
    expect(() => atr(H, L.subarray(1), C, 3)).toThrow(/same length/);
  });

  it('streams the same values', () => {
    const s = new AtrStream(3);
    const got = Array.from(C, (c, i) => s.add({ high: H[i]!, low: L[i]!, close: c }));
    expect(got[4]).toBeNull();
    expect(got[5]).toBeCloseTo(2.5, 14);
    expect(s.getResult()).toBeCloseTo(2.57475994513032, 13);
  });
});
