/** Seasonality by hand on a made-up series of month-end and December closes. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../domain/errors.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { monthlySeasonality, parseCalendarWindow, windowSeasonality } from './seasonality.js';

const d = (iso: string) => parseIsoDate(iso);
// closes around three year ends
const rows: [string, number][] = [
  ['2022-12-13', 100],
  ['2022-12-14', 100], // base of the 2022 window (last close before 12-15)
  ['2022-12-20', 104],
  ['2023-01-05', 110], // end of the 2022 window: +10%
  ['2023-01-31', 120],
  ['2023-12-14', 200], // base 2023
  ['2023-12-29', 190],
  ['2024-01-04', 180], // last close on or before 01-05 (a Friday holiday here): -10%
  ['2024-12-13', 300], // base 2024 (12-14 is a Saturday)
  ['2024-12-20', 330], // as of here: this year so far +10%
];
const dates = Int32Array.from(rows, (r) => d(r[0]));
const closes = Float64Array.from(rows, (r) => r[1]);

describe('windowSeasonality', () => {
  it('12-15..01-05: each year from the last close before the start to the last on or before the end', () => {
    const w = windowSeasonality(dates, closes, parseCalendarWindow('12-15..01-05'), d('2024-12-20'));
    expect(w.years.map((y) => [y.year, y.from, y.to])).toEqual([
      [2022, '2022-12-14', '2023-01-05'],
      [2023, '2023-12-14', '2024-01-04'],
    ]);
    expect(w.years[0]!.change).toBeCloseTo(0.1, 12);
    expect(w.years[1]!.change).toBeCloseTo(-0.1, 12);
    expect(w.median).toBeCloseTo(0, 12);
    expect(w.shareUp).toBe(0.5);
    expect(w.current).toMatchObject({ year: 2024, from: '2024-12-13', to: '2024-12-20' });
    expect(w.current!.change).toBeCloseTo(0.1, 12);
  });

  it('refuses a malformed window in one line', () => {
    expect(() => parseCalendarWindow('12-15-01-05')).toThrow(UsageError);
    expect(() => parseCalendarWindow('02-30..03-01')).toThrow(/no day 30 in month 2/);
    // a month out of range is named as such (it said 'has no day 40 in month 13')
    expect(() => parseCalendarWindow('13-40..01-05')).toThrow(
      "--window: '13-40..01-05' has no month 13 (months are 01 to 12)",
    );
    expect(() => parseCalendarWindow('12-15..00-05')).toThrow('has no month 00');
  });
});

describe('monthlySeasonality', () => {
  it('complete months only, from the previous month-end close', () => {
    const m = monthlySeasonality(dates, closes, d('2024-12-20'));
    // Jan 2023: last December close 104 (12-20) -> 120; Jan 2024: 190 (12-29) -> 180 (01-04)
    expect(m[0]!.years).toBe(2); // Jan 2023 and Jan 2024
    expect(m[0]!.mean).toBeCloseTo((120 / 104 - 1 + (180 / 190 - 1)) / 2, 12);
    expect(m[11]!.years).toBe(1); // Dec 2023 only (Dec 2022 has no November close, Dec 2024 is incomplete)
    expect(m[11]!.mean).toBeCloseTo(190 / 120 - 1, 12);
  });
});
