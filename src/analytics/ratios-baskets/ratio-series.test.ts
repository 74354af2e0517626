// Ratio series: inner join on date, expected values by hand; A/A = 1 as a property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeOnlySeries } from '../../domain/price-series.js';
import { ratioSeries } from './ratio-series.js';

describe('ratio series', () => {
  it('divides A by B on the dates both have and leaves the others out', () => {
    const a = closeOnlySeries('A', [1, 2, 4, 5], [10, 20, 40, 50]);
    const b = closeOnlySeries('B', [2, 3, 4, 6], [4, 7, 5, 9]);
    const r = ratioSeries(a, b);
    expect(r.symbol).toBe('A/B');
    expect(Array.from(r.dates)).toEqual([2, 4]);
    expect(Array.from(r.close)).toEqual([5, 8]);
    expect(Array.from(r.adjClose)).toEqual([5, 8]);
    expect(Number.isNaN(r.open[0]!)).toBe(true);
  });

  it('keeps close and adjClose ratios apart', () => {
    const a = closeOnlySeries('A', [1], [10]);
    a.adjClose[0] = 9;
    const b = closeOnlySeries('B', [1], [4]);
    b.adjClose[0] = 3;
    const r = ratioSeries(a, b);
    expect(r.close[0]).toBe(2.5);
    expect(r.adjClose[0]).toBe(3);
  });

  it('A/A is 1 on every date', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (closes) => {
          const a = closeOnlySeries(
            'A',
            Array.from(closes, (_, i) => i * 3),
            closes,
          );
          const r = ratioSeries(a, a);
          expect(r.dates.length).toBe(closes.length);
          for (const v of r.close) expect(v).toBe(1);
        },
      ),
    );
  });
});
