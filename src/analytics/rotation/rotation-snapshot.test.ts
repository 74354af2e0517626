import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekdays } from '../../../test/support/weekdays.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { rotationSnapshot } from './rotation-snapshot.js';

function walk(n: number, seed: number, drift: number): Float64Array {
  const out = new Float64Array(n);
  let x = 100;
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    x *= 1 + drift + (s / 2147483648 - 0.5) * 0.02;
    out[i] = x;
  }
  return out;
}

describe('rotationSnapshot', () => {
  const dates = weekdays(400, '2020-01-06');
  const bench = walk(400, 7, 0);
  const params = { ratioWindow: 10, momentumWindow: 10, rocPeriod: 1 };

  /** Member X against the benchmark as of the 400th day, daily. */
  const snapshotInput = (memberDates: Int32Array, closes: Float64Array, tail: number) => ({
    symbol: 'X',
    dates: memberDates,
    closes,
    benchmarkDates: dates,
    benchmarkCloses: bench,
    asOf: dates[399]!,
    tail,
    interval: 'daily' as const,
    params,
  });

  it('returns the last point, its quadrant, heading and a tail of N points ending at the as-of date', () => {
    const s = rotationSnapshot(snapshotInput(dates, walk(400, 3, 0.001), 8));
    expect(s.tail).toHaveLength(8);
    expect(s.tail[7]!.date).toBe(formatIsoDate(dates[399]!));
    expect(s.rsRatio).toBe(s.tail[7]!.rsRatio);
    expect(s.quadrant).not.toBeNull();
    expect(s.heading).toBeGreaterThanOrEqual(0);
    expect(s.heading).toBeLessThan(360);
  });

  it('reports null values and no tail when history is shorter than the windows', () => {
    const s = rotationSnapshot(snapshotInput(dates.slice(0, 12), bench.slice(0, 12), 8));
    expect(s).toEqual({ symbol: 'X', rsRatio: null, rsMomentum: null, quadrant: null, heading: null, tail: [] });
  });

  it('a member whose data stopped more than 7 days before the as-of day gets no position, only its tail', () => {
    const s = rotationSnapshot(snapshotInput(dates.slice(0, 300), walk(300, 3, 0), 4));
    expect([s.rsRatio, s.rsMomentum, s.quadrant, s.heading]).toEqual([null, null, null, null]);
    expect(s.tail.at(-1)!.date).toBe(formatIsoDate(dates[299]!));
    const fresh = rotationSnapshot(snapshotInput(dates.slice(0, 396), walk(396, 3, 0), 4));
    expect(fresh.quadrant).not.toBeNull(); // 3 trading days (5 calendar days) behind is still current
  });

  it('weekly: an as-of date ignores later bars, and completed weeks never move (property)', () => {
    const closes = walk(400, 11, 0.0005);
    fc.assert(
      fc.property(fc.integer({ min: 150, max: 399 }), (cut) => {
        const full = rotationSnapshot({
          symbol: 'X',
          dates,
          closes,
          benchmarkDates: dates,
          benchmarkCloses: bench,
          asOf: dates[399]!,
          tail: 80,
          interval: 'weekly',
          params,
        });
        const early = rotationSnapshot({
          symbol: 'X',
          dates,
          closes,
          benchmarkDates: dates,
          benchmarkCloses: bench,
          asOf: dates[cut]!,
          tail: 80,
          interval: 'weekly',
          params,
        });
        const byDate = new Map(full.tail.map((p) => [p.date, p]));
        // every point of the earlier tail but its last (the week may still be running) is in the later tail unchanged
        for (const p of early.tail.slice(0, -1)) expect(byDate.get(p.date)).toEqual(p);
        expect(early.tail.at(-1)!.date <= formatIsoDate(dates[cut]!)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
