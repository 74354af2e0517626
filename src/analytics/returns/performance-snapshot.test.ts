// The per-symbol snapshot wires the figures together on the requested close column.
import { describe, expect, it } from 'vitest';
import { seriesOfLength } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { performanceSnapshot } from './performance-snapshot.js';

const rows: [string, number, number][] = [
  ['2024-12-31', 100, 90],
  ['2025-01-02', 104, 95],
  ['2025-01-03', 102, 99],
  ['2025-01-06', 103, 99],
];
const s = seriesOfLength('X', rows.length);
rows.forEach(([d, c, a], i) => {
  s.dates[i] = parseIsoDate(d);
  s.close[i] = c;
  s.adjClose[i] = a;
});

describe('performance snapshot', () => {
  it('reports the trading day used for a weekend as-of and reads close for price return', () => {
    const p = performanceSnapshot(s, 'close', parseIsoDate('2025-01-05'))!;
    expect(formatIsoDate(p.asOf)).toBe('2025-01-03');
    expect(p.close).toBe(102);
    expect(p.returns.ytd).toBeCloseTo(0.02, 12);
    expect(p.returns['1d']).toBeCloseTo(102 / 104 - 1, 14);
    expect(p.ath.value).toBe(104);
    expect(p.streak).toBe(-1);
    expect(formatIsoDate(p.highestSince!)).toBe('2025-01-02');
    expect(formatIsoDate(p.lowestSince!)).toBe('2024-12-31');
    expect(p.high52w).toBeNull();
  });

  it('reads adjClose for everything with total return', () => {
    const p = performanceSnapshot(s, 'adjClose', null)!;
    expect(formatIsoDate(p.asOf)).toBe('2025-01-06');
    expect(p.close).toBe(99);
    expect(p.returns.ytd).toBeCloseTo(0.1, 12);
    expect(p.streak).toBe(0);
    expect(p.ath.value).toBe(99);
    expect(formatIsoDate(p.ath.day)).toBe('2025-01-03');
    expect(p.highestSince).toBeNull();
  });

  it('is null when the series starts after the as-of day', () => {
    expect(performanceSnapshot(s, 'close', parseIsoDate('2024-01-01'))).toBeNull();
  });
});
