import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../domain/trading-date.js';
import { descendingRanks, leadershipRanks } from './leadership-ranks.js';
import { checkWindowLabel, previousWindow, windowEnding } from './return-window.js';
import { weightSpread } from './weight-spread.js';

const d = (s: string) => parseIsoDate(s);

describe('return windows', () => {
  it('3m ends on the as-of day and starts on the same date three months earlier; the window before ends where it starts', () => {
    const w = windowEnding('3m', d('2025-12-11'));
    expect(w).toEqual({ label: '3m', from: d('2025-09-11'), to: d('2025-12-11') });
    expect(previousWindow(w)).toEqual({ label: 'prior 3m', from: d('2025-06-11'), to: d('2025-09-11') });
    expect(windowEnding('2w', d('2025-12-11')).from).toBe(d('2025-11-27'));
    expect(windowEnding('1y', d('2024-02-29')).from).toBe(d('2023-02-28'));
  });

  it('ytd starts at the previous year end; the window before it is the previous calendar year', () => {
    const w = windowEnding('YTD', d('2025-12-11'));
    expect(w.from).toBe(d('2024-12-31'));
    expect(previousWindow(w)).toEqual({ label: 'prior year', from: d('2023-12-31'), to: d('2024-12-31') });
  });

  it('rejects a malformed window naming the option', () => {
    expect(() => checkWindowLabel('3q')).toThrow(/--window: '3q'/);
    expect(() => checkWindowLabel('0m')).toThrow(/--window/);
  });
});

describe('leadershipRanks', () => {
  it('ranks by window return and reports the change in rank against the window before (by hand)', () => {
    const dates = Int32Array.from(['2025-06-11', '2025-09-11', '2025-12-11'].map(d));
    // A: +10% then +0%; B: +0% then +20%; C: +20% then -10%; D listed after the window start
    const members = [
      { symbol: 'A', dates, closes: Float64Array.of(100, 110, 110) },
      { symbol: 'B', dates, closes: Float64Array.of(100, 100, 120) },
      { symbol: 'C', dates, closes: Float64Array.of(100, 120, 108) },
      { symbol: 'D', dates: dates.slice(2), closes: Float64Array.of(5) },
    ];
    const w = windowEnding('3m', d('2025-12-11'));
    const rows = leadershipRanks(members, w, previousWindow(w));
    expect(rows.map((r) => [r.symbol, r.rank, r.previousRank, r.rankChange])).toEqual([
      ['B', 1, 3, 2],
      ['A', 2, 2, 0],
      ['C', 3, 1, -2],
      ['D', null, null, null],
    ]);
    expect(rows[0]!.return).toBeCloseTo(0.2, 12);
    expect(rows[2]!.return).toBeCloseTo(-0.1, 12);
  });

  it('a member whose bars stop more than 7 days before the window end is not ranked', () => {
    const dates = Int32Array.from(['2025-06-11', '2025-09-11', '2025-11-28', '2025-12-11'].map(d));
    const members = [
      { symbol: 'LIVE', dates, closes: Float64Array.of(100, 100, 100, 101) },
      { symbol: 'GONE', dates: dates.slice(0, 3), closes: Float64Array.of(100, 100, 150) },
    ];
    const w = windowEnding('3m', d('2025-12-11'));
    const rows = leadershipRanks(members, w, previousWindow(w));
    expect(rows.map((r) => [r.symbol, r.rank, r.previousRank])).toEqual([
      ['LIVE', 1, 1],
      ['GONE', null, 1],
    ]);
  });

  it('competition ranking shares ties', () => {
    expect(descendingRanks([0.1, 0.3, 0.1, null, -0.2])).toEqual([2, 1, 2, null, 4]);
  });
});

describe('weightSpread', () => {
  it('equal minus cap over each period, on the last day both legs share (by hand)', () => {
    const dates = Int32Array.from(['2024-12-31', '2025-11-28', '2025-12-10', '2025-12-11'].map(d));
    const equal = { dates, closes: Float64Array.of(100, 104, 105, 106) };
    const cap = { dates: dates.slice(0, 3), closes: Float64Array.of(200, 220, 230) }; // no bar on 12-11
    const s = weightSpread(equal, cap, d('2025-12-11'))!;
    expect(s.day).toBe(d('2025-12-10'));
    expect(s.periods.ytd.equal).toBeCloseTo(0.05, 12);
    expect(s.periods.ytd.cap).toBeCloseTo(0.15, 12);
    expect(s.periods.ytd.spread).toBeCloseTo(-0.1, 12);
    expect(s.periods['1y']).toEqual({ equal: null, cap: null, spread: null });
    expect(
      weightSpread(equal, { dates: Int32Array.of(d('2030-01-01')), closes: Float64Array.of(1) }, d('2025-12-11')),
    ).toBeNull();
  });
});
