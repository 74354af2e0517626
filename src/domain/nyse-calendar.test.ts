/**
 * The NYSE calendar against hand lists copied from the exchange's published holiday and early-close
 * calendars (nyse.com/markets/hours-calendars) for 2024-2026, plus special closures and year counts.
 */
import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  isEarlyClose,
  isTradingDay,
  nextTradingDay,
  nyseEarlyCloses,
  nyseHolidayOn,
  nyseHolidays,
  previousTradingDay,
  tradingDaysBetween,
} from './nyse-calendar.js';
import { formatIsoDate, parseIsoDate } from './trading-date.js';

const d = (iso: string) => parseIsoDate(iso);
const isoList = (days: readonly { day: number }[]) => days.map((h) => formatIsoDate(h.day));

describe('NYSE holidays (hand list from nyse.com)', () => {
  it('2024', () => {
    expect(isoList(nyseHolidays(2024))).toEqual([
      '2024-01-01',
      '2024-01-15',
      '2024-02-19',
      '2024-03-29',
      '2024-05-27',
      '2024-06-19',
      '2024-07-04',
      '2024-09-02',
      '2024-11-28',
      '2024-12-25',
    ]);
    expect(isoList(nyseEarlyCloses(2024))).toEqual(['2024-07-03', '2024-11-29', '2024-12-24']);
  });
  it('2025, with the National Day of Mourning for President Carter', () => {
    expect(isoList(nyseHolidays(2025))).toEqual([
      '2025-01-01',
      '2025-01-09',
      '2025-01-20',
      '2025-02-17',
      '2025-04-18',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-11-27',
      '2025-12-25',
    ]);
    expect(isoList(nyseEarlyCloses(2025))).toEqual(['2025-07-03', '2025-11-28', '2025-12-24']);
  });
  it('2026: Independence Day on a Saturday is observed Friday July 3, with no early close before it', () => {
    expect(isoList(nyseHolidays(2026))).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-04-03',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-11-26',
      '2026-12-25',
    ]);
    expect(isoList(nyseEarlyCloses(2026))).toEqual(['2026-11-27', '2026-12-24']);
  });
  it('a Saturday New Year is not observed on the Friday before (2021-12-31 traded)', () => {
    expect(isTradingDay(d('2021-12-31'))).toBe(true);
    expect(nyseHolidays(2022).map((h) => formatIsoDate(h.day))[0]).toBe('2022-01-17');
  });
  it('Sunday holidays move to Monday: Juneteenth 2022-06-20, New Year 2023-01-02, Christmas 2022-12-26', () => {
    expect(nyseHolidayOn(d('2022-06-20'))?.name).toBe('Juneteenth National Independence Day');
    expect(isTradingDay(d('2023-01-02'))).toBe(false);
    expect(isTradingDay(d('2022-12-26'))).toBe(false);
  });
  it('Juneteenth is a trading day before 2022; MLK day closes only from 1998', () => {
    expect(isTradingDay(d('2021-06-18'))).toBe(true);
    expect(isTradingDay(d('1997-01-20'))).toBe(true);
    expect(isTradingDay(d('1998-01-19'))).toBe(false);
  });
  it('special closures', () => {
    for (const iso of [
      '2001-09-11',
      '2001-09-12',
      '2001-09-13',
      '2001-09-14',
      '2004-06-11',
      '2007-01-02',
      '2012-10-29',
      '2012-10-30',
      '2018-12-05',
      '1994-04-27',
    ]) {
      expect(isTradingDay(d(iso)), iso).toBe(false);
    }
    expect(isTradingDay(d('2001-09-17'))).toBe(true);
  });
});

describe('Easter computus', () => {
  it('matches known Easter Sundays', () => {
    // Known dates (US Naval Observatory Easter table).
    const known = {
      1990: '1990-04-15',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2035: '2035-03-25',
    };
    for (const [y, iso] of Object.entries(known)) expect(formatIsoDate(easterSunday(Number(y)))).toBe(iso);
  });
});

describe('trading-day arithmetic', () => {
  it('counts trading days per year as the exchange did (252, 250, 250, 251, 252)', () => {
    // Counts of NYSE sessions: 2024 252, 2023 250, 2025 250, 2022 251, 2021 252.
    expect(tradingDaysBetween(d('2024-01-01'), d('2024-12-31')).length).toBe(252);
    expect(tradingDaysBetween(d('2023-01-01'), d('2023-12-31')).length).toBe(250);
    expect(tradingDaysBetween(d('2025-01-01'), d('2025-12-31')).length).toBe(250);
    expect(tradingDaysBetween(d('2022-01-01'), d('2022-12-31')).length).toBe(251);
    expect(tradingDaysBetween(d('2021-01-01'), d('2021-12-31')).length).toBe(252);
  });
  it('is inclusive at both ends and empty when reversed', () => {
    const days = tradingDaysBetween(d('2025-11-26'), d('2025-12-01'));
    expect(Array.from(days, formatIsoDate)).toEqual(['2025-11-26', '2025-11-28', '2025-12-01']);
    expect(tradingDaysBetween(d('2025-12-02'), d('2025-12-01')).length).toBe(0);
  });
  it('steps over weekends and holidays', () => {
    expect(formatIsoDate(previousTradingDay(d('2026-11-27')))).toBe('2026-11-25');
    expect(formatIsoDate(nextTradingDay(d('2025-12-24')))).toBe('2025-12-26');
    expect(formatIsoDate(previousTradingDay(d('2025-01-10')))).toBe('2025-01-08');
    expect(formatIsoDate(nextTradingDay(d('2026-04-02')))).toBe('2026-04-06');
  });
  it('flags early closes', () => {
    expect(isEarlyClose(d('2025-11-28'))).toBe(true);
    expect(isEarlyClose(d('2025-11-26'))).toBe(false);
  });
});
