import { describe, expect, it } from 'vitest';
import { weekdays } from '../../../test/support/weekdays.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { breadthHistory, type MemberCloses } from './breadth-history.js';
import { breadthSeries } from './breadth-series.js';
import { breadthAt } from './breadth-snapshot.js';

describe('breadthHistory', () => {
  const n = 300;
  const dates = weekdays(n, '2020-01-06');
  // nine members rise steadily (above every trailing average, making new highs), one falls
  const members: MemberCloses[] = [];
  for (let j = 0; j < 10; j++) {
    const closes = new Float64Array(n);
    for (let i = 0; i < n; i++) closes[i] = j < 9 ? 50 + j + 0.1 * i : 100 - 0.1 * i;
    members.push({ symbol: `M${j}`, dates, closes });
  }
  const flat = { symbol: 'BENCH', dates, closes: new Float64Array(n).fill(100) };

  it('9 of 10 members above their 200-day average reads 90%', () => {
    const s = breadthAt(breadthHistory(members, flat), dates[n - 1]!)!;
    expect(s.aboveLong).toEqual({ count: 9, of: 10, share: 0.9 });
    expect(s.aboveShort).toEqual({ count: 9, of: 10, share: 0.9 });
    expect(s.members).toBe(10);
  });

  it('counts new 52-week highs and lows once a year of history exists', () => {
    const h = breadthHistory(members, flat);
    const last = breadthAt(h, dates[n - 1]!)!;
    expect(last.withYear).toBe(10);
    expect([last.newHighs, last.newLows, last.netNewHighs]).toEqual([9, 1, 8]);
    // 2020-01-06 + 1 year: the first bar with a full window is 2021-01-06
    const k = h.dates.indexOf(parseIsoDate('2021-01-05'));
    expect(h.withYear[k]).toBe(0);
    expect(h.withYear[k + 1]).toBe(10);
  });

  it('has no average until 200 bars exist', () => {
    const h = breadthHistory(members, flat);
    expect(h.withLong[198]).toBe(0);
    expect(h.withLong[199]).toBe(10);
    expect(h.withShort[49]).toBe(10);
  });

  it('beating the benchmark: a flat benchmark is beaten by the 9 risers over 63 bars', () => {
    const s = breadthAt(breadthHistory(members, flat), dates[n - 1]!)!;
    expect(s.beating).toEqual({ count: 9, of: 10, share: 0.9 });
    const early = breadthAt(breadthHistory(members, flat), dates[62]!)!;
    expect(early.beating.of).toBe(0); // fewer than 63 bars before it
  });

  it('advance/decline line by hand, with a member that skips a day', () => {
    const d = weekdays(4, '2020-01-06');
    const a = { symbol: 'A', dates: d, closes: Float64Array.of(10, 11, 11, 12) }; // -, up, flat, up
    const b = { symbol: 'B', dates: d, closes: Float64Array.of(20, 19, 18, 19) }; // -, down, down, up
    const c = { symbol: 'C', dates: Int32Array.of(d[0]!, d[1]!, d[3]!), closes: Float64Array.of(5, 4, 6) }; // -, down, (no bar), up vs its last bar
    const h = breadthHistory([a, b, c], null, { shortWindow: 2, longWindow: 3, beatWindow: 1 });
    expect(Array.from(h.members)).toEqual([3, 3, 2, 3]);
    expect(Array.from(h.advances)).toEqual([0, 1, 0, 3]);
    expect(Array.from(h.declines)).toEqual([0, 2, 1, 0]);
    expect(Array.from(h.unchanged)).toEqual([0, 0, 1, 0]);
    expect(Array.from(h.adLine)).toEqual([0, -1, -2, 1]);
    const s = breadthAt(h, d[3]!)!;
    expect(s.adLine).toEqual({ value: 1, from: '2020-01-06', change: 3, changeFrom: '2020-01-08' });
    expect(s.beating).toEqual({ count: 0, of: 0, share: null }); // no benchmark given
    // SMA(2) on day 4: A 11.5 (12 above), B 18.5 (19 above), C (4+6)/2 = 5 (6 above)
    expect(s.aboveShort).toEqual({ count: 3, of: 3, share: 1 });
  });

  it('equal-weight index by hand: daily mean of the members’ own returns, chained from 100', () => {
    const d = weekdays(4, '2020-01-06');
    const a = { symbol: 'A', dates: d, closes: Float64Array.of(10, 11, 11, 12) };
    const b = { symbol: 'B', dates: d, closes: Float64Array.of(20, 19, 18, 19) };
    const c = { symbol: 'C', dates: Int32Array.of(d[0]!, d[1]!, d[3]!), closes: Float64Array.of(5, 4, 6) };
    const h = breadthHistory([a, b, c], null, { shortWindow: 2, longWindow: 3, beatWindow: 1 });
    // day 1: (+10% - 5% - 20%) / 3 = -5% -> 95; day 2: (0 - 1/19) / 2 (C has no bar) -> 95 x 37/38 = 92.5;
    // day 3: (1/11 + 1/18 + 1/2) / 3 = 64/297 (C against its own last bar, day 1) -> 92.5 x 361/297
    const want = [100, 95, 92.5, (92.5 * 361) / 297];
    for (const [i, v] of h.equalWeight.entries()) expect(v, `day ${i}`).toBeCloseTo(want[i]!, 12);
    // the equal-weighted return from day 1 to day 3, 112.4327 / 95 - 1 = 18.350%
    expect(h.equalWeight[3]! / h.equalWeight[1]! - 1).toBeCloseTo(0.18350168, 8);
  });

  it('breadthSeries lists the last N days as shares, oldest first (the hand-made A/D case)', () => {
    const d = weekdays(4, '2020-01-06');
    const a = { symbol: 'A', dates: d, closes: Float64Array.of(10, 11, 11, 12) };
    const b = { symbol: 'B', dates: d, closes: Float64Array.of(20, 19, 18, 19) };
    const h = breadthHistory([a, b], null, { shortWindow: 2, longWindow: 3, beatWindow: 1 });
    expect(breadthSeries(h, d[3]! + 10, 2)).toEqual([
      // day 3: SMA2 A 11 (11 not above), B 18.5 (18 not above); SMA3 A 10.67 (above), B 19 (below)
      // A/D: day 2 A up B down (0), day 3 A flat B down (-1), day 4 both up (+1)
      { date: '2020-01-08', aboveSma50: 0, aboveSma200: 0.5, netNewHighs: 0, adLine: -1, beating: null },
      { date: '2020-01-09', aboveSma50: 1, aboveSma200: 1, netNewHighs: 0, adLine: 1, beating: null },
    ]);
    expect(breadthSeries(h, d[1]!, 10).map((p) => p.date)).toEqual(['2020-01-06', '2020-01-07']);
  });

  it('drops non-finite closes before computing', () => {
    const d = weekdays(3, '2020-01-06');
    const h = breadthHistory([{ symbol: 'A', dates: d, closes: Float64Array.of(1, Number.NaN, 2) }], null, {
      shortWindow: 2,
    });
    expect(Array.from(h.members)).toEqual([1, 1]);
    expect(h.aboveShort[1]).toBe(1);
  });

  it('an as-of before every bar gives null; an empty group gives an empty history', () => {
    expect(breadthAt(breadthHistory(members, null), parseIsoDate('2019-01-01'))).toBeNull();
    expect(breadthHistory([], null).dates.length).toBe(0);
  });
});
