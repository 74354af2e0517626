import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../domain/trading-date.js';
import { fiftyTwoWeekHigh, fiftyTwoWeekLow } from '../returns/highs-lows.js';
import { newHighLowFlags } from './new-highs-lows.js';

describe('newHighLowFlags', () => {
  it('flags nothing in the first year, then a record close as +1 and a trough as -1', () => {
    // one bar a week for two years: flat at 10; 15 in the first year; 12, 8, then 12 again and 13
    const start = parseIsoDate('2020-01-06');
    const n = 110;
    const dates = new Int32Array(n);
    const closes = new Float64Array(n).fill(10);
    for (let i = 0; i < n; i++) dates[i] = start + 7 * i;
    closes[60] = 12;
    closes[70] = 8;
    closes[80] = 12;
    closes[90] = 13;
    closes[20] = 15; // in the first year: no flag, but it is the record until it leaves the window
    const f = newHighLowFlags(dates, closes);
    expect(f[20]).toBe(0);
    expect(f[60]).toBe(0); // 15 at bar 20 is still within 52 weeks
    expect(f[70]).toBe(-1);
    expect(f[80]).toBe(0); // bar 20 has left the window, but 12 only ties bar 60's record
    expect(f[90]).toBe(1);
    expect(Array.from(f).filter((x) => x !== 0)).toHaveLength(2);
  });

  it('flags a longer series right after a shorter one (the two deques share one scratch buffer)', () => {
    // 2,000 weekly bars, then 3,000: the first call leaves a buffer of 2 x 2,000 = 4,000 (more than any
    // earlier test here needs), longer than 3,000 but shorter than the 2 x 3,000 the two deques need.
    // The longer series rises for 2,900 weeks (the lows' deque keeps every bar of the window), then
    // falls below everything before it.
    const start = parseIsoDate('1960-01-04');
    const series = (n: number) => {
      const dates = new Int32Array(n);
      const closes = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        dates[i] = start + 7 * i;
        closes[i] = i < 2900 ? 10_000 + i : 5_000 - i;
      }
      return { dates, closes };
    };
    const short = series(2000);
    newHighLowFlags(short.dates, short.closes);
    const long = series(3000);
    const flags = Array.from(newHighLowFlags(long.dates, long.closes));
    // by hand: bar 52 is 1961-01-02, whose date a year earlier (1960-01-02) precedes the first bar;
    // bar 53 (1961-01-09, a year earlier 1960-01-09) is the first with a year of history. From there
    // each rising bar is a new 52-week high, and each bar of the fall (2,100 and lower) a new low.
    expect(flags.slice(0, 53).every((f) => f === 0)).toBe(true);
    expect(flags.slice(53, 2900).filter((f) => f !== 1)).toEqual([]);
    expect(flags.slice(2900).filter((f) => f !== -1)).toEqual([]);
  });

  it('agrees with fiftyTwoWeekHigh / fiftyTwoWeekLow bar by bar on random series (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 200, maxLength: 400 }),
        fc.array(fc.integer({ min: 90, max: 110 }), { minLength: 400, maxLength: 400 }),
        (gaps, levels) => {
          const n = gaps.length;
          const dates = new Int32Array(n);
          const closes = new Float64Array(n);
          let d = parseIsoDate('2019-03-01');
          for (let i = 0; i < n; i++) {
            d += gaps[i]!;
            dates[i] = d;
            closes[i] = levels[i]!;
          }
          const f = newHighLowFlags(dates, closes);
          for (let i = 0; i < n; i++) {
            const hi = fiftyTwoWeekHigh(dates, closes, i);
            const lo = fiftyTwoWeekLow(dates, closes, i);
            const isHigh = hi !== null && hi.index === i && hi.index !== lo?.index;
            const isLow = lo !== null && lo.index === i && !isHigh && hi?.index !== i;
            expect(f[i] === 1).toBe(isHigh);
            expect(f[i] === -1).toBe(isLow);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
