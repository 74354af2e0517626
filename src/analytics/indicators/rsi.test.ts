import { describe, expect, it } from 'vitest';
import { expectSeries } from '../../../test/support/expect-series.js';
import { NonLeadingNaNError } from './nan-policy.js';
import { RsiStream, rsi } from './rsi.js';

const NA = Number.NaN;
// Reference: R 4.2.2, TTR 0.24.3: x <- c(NA,NA,1,2,3,5,4,6,7,8,7,9); RSI(x, 3)
const X = Float64Array.of(NA, NA, 1, 2, 3, 5, 4, 6, 7, 8, 7, 9);
// biome-ignore format: reference values, several to a line as R prints them
const TTR_RSI_3 = [
  NA, NA, NA, NA, NA, 100, 72.7272727272727, 85, 88.785046728972, 91.864406779661, 65.0660264105642,
  81.3700384122919,
];

describe('rsi', () => {
  it('matches TTR RSI(x, 3): first value n rows after the first close, Wilder smoothing', () => {
    expectSeries(rsi(X, 3), TTR_RSI_3, 1e-11);
  });

  it('follows Wilder by hand: gains 1,1,2 and no loss give 100 (to the last bit of 100 * avgUp); then a loss of 1 gives 72.73', () => {
    // avgUp = 4/3, avgDown = 0 -> 100; next change -1: avgUp = 4/3*2/3 = 8/9, avgDown = 1/3
    // RSI = 100 * (8/9) / (8/9 + 3/9) = 800/11 = 72.7272...
    const r = rsi(Float64Array.of(1, 2, 3, 5, 4), 3);
    expect(r[3]).toBeCloseTo(100, 12);
    expect(r[4]).toBeCloseTo(800 / 11, 12);
  });

  it('is 0/0 = NaN over a flat start, as in TTR, and 0 when every change is a loss', () => {
    // TTR: RSI(rep(5, 10), 3) -> NA NA NA NaN ...; RSI(10:1, 3) -> NA NA NA 0 ...
    expectSeries(rsi(new Float64Array(10).fill(5), 3), new Array(10).fill(NA));
    expectSeries(rsi(Float64Array.of(10, 9, 8, 7, 6), 3), [NA, NA, NA, 0, 0]);
  });

  it('refuses a NaN after the first value', () => {
    expect(() => rsi(Float64Array.of(1, 2, NA, 3, 4), 2)).toThrow(NonLeadingNaNError);
  });

  it('streams the same values; the 0/0 of a flat start is null but stable', () => {
    const s = new RsiStream(3);
    for (let i = 0; i < 4; i++) s.add(5);
    expect(s.isStable).toBe(true);
    expect(s.getResult()).toBeNull();
    expect(s.add(6)).toBeCloseTo(100, 12);
  });
});
