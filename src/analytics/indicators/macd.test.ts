import { describe, expect, it } from 'vitest';
import { expectSeries } from '../../../test/support/expect-series.js';
import { MacdStream, macd } from './macd.js';
import { NonLeadingNaNError } from './nan-policy.js';

const NA = Number.NaN;
// Reference: R 4.2.2, TTR 0.24.3: x <- c(NA,NA,1,2,3,5,4,6,7,8,7,9); MACD(x, 2, 4, 3, percent = FALSE)
const X = Float64Array.of(NA, NA, 1, 2, 3, 5, 4, 6, 7, 8, 7, 9);
// biome-ignore format: reference values, several to a line as R prints them
const TTR_MACD = [
  NA, NA, NA, NA, NA, 1.41666666666667, 0.805555555555555, 1.00185185185185, 1.04061728395062,
  1.03753909465021, 0.493579698216735, 0.786499899405579,
];
// biome-ignore format: reference values, several to a line as R prints them
const TTR_SIGNAL = [
  NA, NA, NA, NA, NA, NA, NA, 1.07469135802469, 1.05765432098765, 1.04759670781893, 0.770588203017832,
  0.778544051211705,
];

describe('macd', () => {
  it('matches TTR MACD(x, 2, 4, 3, percent = FALSE): line, signal, and histogram = line - signal', () => {
    const m = macd(X, { fast: 2, slow: 4, signal: 3 });
    expectSeries(m.macd, TTR_MACD, 1e-13);
    expectSeries(m.signal, TTR_SIGNAL, 1e-13);
    expectSeries(
      m.histogram,
      TTR_MACD.map((v, i) => v - TTR_SIGNAL[i]!),
      1e-13,
    );
  });

  it('starts the line at row slow - 1 and the signal at row slow + signal - 2 (12/26/9: 25 and 33)', () => {
    const closes = Float64Array.from({ length: 60 }, (_, i) => 100 + Math.sin(i / 3) * 5);
    const m = macd(closes, { fast: 12, slow: 26, signal: 9 });
    expect(m.macd[24]).toBeNaN();
    expect(m.macd[25]).not.toBeNaN();
    expect(m.signal[32]).toBeNaN();
    expect(m.signal[33]).not.toBeNaN();
  });

  it('refuses a NaN after the first value under its own name', () => {
    expect(() => macd(Float64Array.of(1, 2, NA, 4, 5, 6), { fast: 1, slow: 2, signal: 1 })).toThrow(/^macd: /);
    expect(() => new MacdStream({ fast: 1, slow: 2, signal: 1 }).add(1) && undefined).not.toThrow();
  });

  it('streams the line before the signal is ready, then all three', () => {
    const s = new MacdStream({ fast: 2, slow: 4, signal: 3 });
    const got = Array.from(X, (v) => s.add(v));
    expect(got[4]).toBeNull();
    expect(got[5]!.macd).toBeCloseTo(1.41666666666667, 13);
    expect(got[5]!.signal).toBeNull();
    expect(got[7]!.histogram).toBeCloseTo(1.00185185185185 - 1.07469135802469, 13);
    expect(s.isStable).toBe(true);
    expect(() => s.add(NA)).toThrow(NonLeadingNaNError);
  });
});
