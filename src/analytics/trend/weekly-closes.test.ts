import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatIsoDate } from '../../domain/trading-date.js';
import { isoWeekMonday, weeklyCloses } from './weekly-closes.js';

const d = (iso: string) => {
  const [y, m, dd] = iso.split('-').map(Number);
  return daysFromCivil(y!, m!, dd!);
};

describe('weeklyCloses', () => {
  it('isoWeekMonday maps every day of a week to its Monday (2025-12-08 was a Monday)', () => {
    for (let k = 0; k < 7; k++) expect(formatIsoDate(isoWeekMonday(d('2025-12-08') + k))).toBe('2025-12-08');
    expect(formatIsoDate(isoWeekMonday(d('2025-12-07')))).toBe('2025-12-01');
    expect(formatIsoDate(isoWeekMonday(d('1970-01-01')))).toBe('1969-12-29');
  });

  it('takes the last close of each ISO week, dated at that bar, and keeps a partial last week', () => {
    // Thu 2025-12-04, Fri 12-05 (week 1); Mon 12-08, Tue 12-09 (Fri 12-12 holiday-like gap), then Wed 12-17 (partial).
    const days = ['2025-12-04', '2025-12-05', '2025-12-08', '2025-12-09', '2025-12-15', '2025-12-17'].map(d);
    const closes = Float64Array.of(10, 11, 12, 13, 14, 15);
    const w = weeklyCloses(Int32Array.from(days), closes);
    expect(Array.from(w.dates, formatIsoDate)).toEqual(['2025-12-05', '2025-12-09', '2025-12-17']);
    expect(Array.from(w.values)).toEqual([11, 13, 15]);
    expect(Array.from(w.barIndex)).toEqual([1, 3, 5]);
    // Cut at an as-of (end = index + 1): the second week is then represented by Monday's close.
    const cut = weeklyCloses(Int32Array.from(days), closes, 3);
    expect(Array.from(cut.values)).toEqual([11, 12]);
  });

  it('skips a missing close so a week keeps its last known close', () => {
    const days = Int32Array.from(['2025-12-01', '2025-12-02', '2025-12-05'].map(d));
    const w = weeklyCloses(days, Float64Array.of(1, 2, Number.NaN));
    expect(Array.from(w.values)).toEqual([2]);
    expect(formatIsoDate(w.dates[0]!)).toBe('2025-12-02');
  });
});
