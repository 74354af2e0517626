/** The trendline table fits 120 columns by wrapping its two long texts, and --wide keeps them on one line. */
import { afterEach, expect, it } from 'vitest';
import { setWideTables } from '../output-format.js';
import { trendTable } from './trend-table.js';

afterEach(() => setWideTables(false));

const trend = {
  kind: 'downtrend' as const,
  anchors: [
    { date: '2023-08-11', value: 0.01008861411086836 },
    { date: '2023-12-29', value: 0.009621727690932308 },
  ],
  touches: 3,
  touchDates: ['2023-08-11', '2023-12-29', '2024-04-12'],
  slopeLogPerYear: Math.log(1 - 0.11628485823384903),
  levelAtAsOf: 0.006980838065668681,
  distance: -0.08482534249420004,
};
const breakout = { state: 'testing', since: '2026-06-30' };

it('wraps Anchors, then leaves out the line level and the reading to fit 120 columns, and says so', () => {
  const t = trendTable('SPSM/MAG7', '2026-08-03', 0.006388686085851786, trend, breakout);
  const lines = t.trimEnd().split('\n');
  expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
  expect(lines.length).toBeGreaterThan(4); // header, rule, a row on more than one line, the footnote
  const words = t.split(/\s+/);
  for (const w of ['2023-08-11', '@', '0.0100886,', '0.00962173', 'testing', '-8.48%']) expect(words).toContain(w);
  expect(t).toContain('Left out to fit 120 columns: Line at as-of, Reads (--wide shows every column).');
  setWideTables(true);
  const wide = trendTable('SPSM/MAG7', '2026-08-03', 0.006388686085851786, trend, breakout).trimEnd().split('\n');
  expect(wide.length).toBe(4);
  expect(wide[2]).toContain('2023-08-11 @ 0.0100886, 2023-12-29 @ 0.00962173');
  expect(wide[2]).toContain('within 3% under resistance: attempting to break');
});
