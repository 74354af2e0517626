import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../domain/trading-date.js';
import { rankGroup } from './group-rank.js';

describe('rankGroup', () => {
  it('ranks members built with steadily stronger trends from 0 to 99, strongest first', () => {
    const n = 300;
    const dates = new Int32Array(n);
    for (let i = 0; i < n; i++) dates[i] = parseIsoDate('2020-01-01') + i;
    const members = [0, 1, 2, 3, 4].map((j) => {
      const closes = new Float64Array(n);
      // drift grows with j; the same wobble for all, so every component orders the same way
      for (let i = 0; i < n; i++) closes[i] = 50 * Math.exp((0.0005 + 0.001 * j) * i + 0.01 * Math.sin(i / 5));
      return { symbol: `S${j}`, dates, closes };
    });
    members.push({ symbol: 'NEW', dates: dates.slice(250), closes: new Float64Array(50).fill(10) });
    // a strong member whose bars stopped 10 days before the as-of day: not ranked
    members.push({
      symbol: 'GONE',
      dates: dates.slice(0, n - 10),
      closes: members[4]!.closes.map((c) => c * 2).slice(0, n - 10),
    });
    const rows = rankGroup(members, dates[n - 1]!);
    expect(rows.map((r) => [r.symbol, r.rank])).toEqual([
      ['S4', 99],
      ['S3', 74],
      ['S2', 50],
      ['S1', 25],
      ['S0', 0],
      ['GONE', null],
      ['NEW', null],
    ]);
    expect(rows[0]!.date).toBe('2020-10-26');
  });
});
