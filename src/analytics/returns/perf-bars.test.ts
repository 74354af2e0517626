/**
 * The perf table's figures from the bars `perfBars` picks equal the figures from the whole series:
 * every period return and CAGR, the all-time and 52-week highs and lows with their days, highest and
 * lowest since, the streak and a `from` window's return (property over random series: gaps, ties,
 * long runs, NaN, as-of days inside, before and after the data). And it picks few bars: a 20-year
 * series as of its last day needs its last year and a handful of older bars.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayValues } from '../../domain/lazy-values.js';
import { type PriceSeries, seriesOfLength } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { perfRow } from '../../services/perf/perf-row.js';
import { perfBars } from './perf-bars.js';
import { performanceSnapshot } from './performance-snapshot.js';
import { windowReturn } from './period-returns.js';

function series(days: readonly number[], closes: readonly number[]): PriceSeries {
  const s = seriesOfLength('X', days.length);
  s.dates.set(days);
  s.close.set(closes);
  return s;
}

function picked(s: PriceSeries, bars: Int32Array): PriceSeries {
  const out = seriesOfLength('X', bars.length);
  bars.forEach((b, i) => {
    out.dates[i] = s.dates[b]!;
    out.close[i] = s.close[b]!;
  });
  return out;
}

/** What perf-table.ts prints for one series: the row and the window's return and base day. */
function figures(s: PriceSeries, asOf: number | null, from: number | null): unknown {
  const snap = performanceSnapshot(s, 'close', asOf);
  if (snap === null) return null;
  const w = from !== null && from <= snap.asOf ? windowReturn(s.dates, s.close, from, snap.asOf) : null;
  return { row: perfRow(snap), window: w === null ? null : [w.value, formatIsoDate(s.dates[w.fromIndex]!)] };
}

const FIRST = parseIsoDate('2004-01-02');

describe('perfBars', () => {
  it('gives the same perf figures as the whole series', () => {
    const close = fc.oneof(
      fc.integer({ min: 1, max: 40 }).map((x) => x / 4), // few distinct values: ties, long flat runs
      fc.double({ min: 0.01, max: 1e4, noNaN: true }),
      fc.constant(Number.NaN),
    );
    // runs of rises, falls or flat days (in cents): streaks longer than a year, records years back,
    // a close at a 52-week high far below the all-time one
    const runs = fc
      .array(
        fc.record({
          dir: fc.constantFrom(-1, 0, 1),
          len: fc.integer({ min: 1, max: 400 }),
          step: fc.integer({ min: 1, max: 9 }),
        }),
        { minLength: 1, maxLength: 30, size: 'medium' },
      )
      .map((rs) => {
        let x = 50_000;
        const out: number[] = [];
        for (const r of rs) for (let k = 0; k < r.len; k++) out.push((x = Math.max(1, x + r.dir * r.step)) / 100);
        return out;
      });
    const arb = fc.record({
      // mostly weekday gaps (1 to 3 days), now and then a long hole; lengths up to the maximum (size 'max')
      gaps: fc.array(
        fc.oneof(
          { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 30 },
          { arbitrary: fc.integer({ min: 1, max: 400 }), weight: 1 },
        ),
        { minLength: 1, maxLength: 3000, size: 'max' },
      ),
      closes: fc.oneof(fc.array(close, { minLength: 1, maxLength: 3000, size: 'max' }), runs),
      asOf: fc.option(fc.integer({ min: -30, max: 30_000 })),
      from: fc.option(fc.integer({ min: -30, max: 30_000 })),
    });
    fc.assert(
      fc.property(arb, ({ gaps, closes, asOf, from }) => {
        const n = Math.min(gaps.length, closes.length);
        const days: number[] = [];
        for (let i = 0, d = FIRST; i < n; i++) days.push((d += gaps[i]!));
        const s = series(days, closes.slice(0, n));
        const asOfDay = asOf === null ? null : FIRST + asOf;
        const fromDay = from === null ? null : FIRST + from;
        const bars = perfBars(s.dates, arrayValues(s.close), asOfDay, fromDay);
        for (let i = 1; i < bars.length; i++) expect(bars[i]!).toBeGreaterThan(bars[i - 1]!);
        expect(figures(picked(s, bars), asOfDay, fromDay)).toEqual(figures(s, asOfDay, fromDay));
      }),
      { numRuns: 400 },
    );
  });

  it('reaches back for a streak longer than a year and for the last close above a 52-week high', () => {
    // weekdays from 2010-01-04; closes in tenths: 100.0 rising 0.1 a day to 149.9 (bar 499), falling to
    // 89.9 (bar 1099), rising again to 119.9 (bar 1399, the last): a streak of +300, the last close
    // above 119.9 is bar 798 (120.0), the last below it bar 1398, the all-time high bar 499
    const days: number[] = [];
    for (let d = parseIsoDate('2010-01-04'); days.length < 1400; d++) {
      const wd = (d + 4) % 7;
      if (wd >= 1 && wd <= 5) days.push(d);
    }
    const tenths = days.map((_, i) => (i < 500 ? 1000 + i : i < 1100 ? 1499 - (i - 499) : 899 + (i - 1099)));
    const s = series(
      days,
      tenths.map((k) => k / 10),
    );
    const bars = [...perfBars(s.dates, arrayValues(s.close), null, null)];
    expect(bars).toContain(0);
    expect(bars).toContain(499);
    expect(bars).toContain(798);
    // the stretch: from the bar before the streak (1098) to the end
    expect(bars.filter((i) => i >= 1098)).toEqual(Array.from({ length: 302 }, (_, k) => 1098 + k));
    const row = figures(picked(s, new Int32Array(bars)), null, null) as { row: Record<string, unknown> };
    expect(row.row).toMatchObject({
      close: 119.9,
      streak: 300,
      highestSince: formatIsoDate(days[798]!),
      lowestSince: formatIsoDate(days[1398]!),
      ath: { close: 149.9, date: formatIsoDate(days[499]!) },
    });
    expect(row).toEqual(figures(s, null, null));
  });

  it('picks the last year and a few older bars of a 20-year series', () => {
    // weekdays from 2006-01-02 to 2025-12-31, a close rising 0.01 a day, every other day 0.015 above
    // that line: up, down, up ... so the streak is 1 long and every record (and the last close above
    // or below the last one) lies within the last few bars
    const days: number[] = [];
    for (let d = parseIsoDate('2006-01-02'); d <= parseIsoDate('2025-12-31'); d++) {
      const wd = (d + 4) % 7; // 0 = Sunday (day 0, 1970-01-01, was a Thursday)
      if (wd >= 1 && wd <= 5) days.push(d);
    }
    const closes = days.map((_, i) => 100 + i * 0.01 + (i % 2 === 1 ? 0.015 : 0));
    const s = series(days, closes);
    const bars = perfBars(s.dates, arrayValues(s.close), null, null);
    const last = days.length - 1;
    // 1 year back: 2024-12-31 is the 1y base (a Tuesday); the stretch runs from it to the end
    const base1y = days.indexOf(parseIsoDate('2024-12-31'));
    const older = [...bars].filter((i) => i < base1y);
    // older bars: the first (max), the 10y, 5y and 3y bases (2022-12-31 was a Saturday); nothing else
    expect(older.map((i) => formatIsoDate(days[i]!))).toEqual(['2006-01-02', '2015-12-31', '2020-12-31', '2022-12-30']);
    expect(bars.length).toBe(older.length + last - base1y + 1);
    expect(figures(picked(s, bars), null, null)).toEqual(figures(s, null, null));
  });
});
