import type { ISeriesApi } from 'lightweight-charts';
import { describe, expect, it } from 'vitest';
import { ticksClearOfLastValue } from './themed-chart.js';

describe('ticksClearOfLastValue', () => {
  it('blanks a tick within a label height (18 px) of the last value, never the last value itself', () => {
    // A made-up axis: 10 px per unit, y grows downwards.
    const series = { priceToCoordinate: (v: number) => 500 - v * 10 } as unknown as ISeriesApi<'Line'>;
    const t = ticksClearOfLastValue(43.73, (v) => v.toFixed(2));
    const f = t.priceFormat.formatter;
    expect(f(45)).toBe('45.00'); // before the series is attached nothing is hidden
    t.attach(series);
    expect(f(45)).toBe(''); // 12.7 px from 43.73: under its label
    expect(f(42)).toBe(''); // 17.3 px
    expect(f(41.9)).toBe('41.90'); // 18.3 px: clear
    expect(f(50)).toBe('50.00');
    expect(f(43.73)).toBe('43.73'); // the last value's own label
  });
});
