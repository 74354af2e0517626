/**
 * Hand-built series with known answers for every series event type. Dates are consecutive weekdays
 * from Monday 2024-01-01; a year of history (the 52-week window's boundary bar) exists from bar 262
 * (2025-01-01 is bar 262: 52 weeks * 5 + 2).
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../domain/trading-date.js';
import { DEFAULT_EVENT_PARAMS, type MarketEvent } from './market-event.js';
import { detectSeriesEvents, maCross } from './series-events.js';
import { weekdays } from './weekday-dates.fixture.js';

const types = (evs: MarketEvent[]) => evs.map((e) => e.type).sort();
const detect = (values: number[], i = values.length - 1) => {
  const dates = weekdays(values.length);
  return { dates, events: detectSeriesEvents('X', dates, Float64Array.from(values), i, DEFAULT_EVENT_PARAMS) };
};

describe('detectSeriesEvents', () => {
  it('a steady rise: new_ath and an up streak, nothing else (no 52-week high on an ATH day)', () => {
    const { dates, events } = detect(Array.from({ length: 300 }, (_, i) => 100 + i));
    expect(types(events)).toEqual(['new_ath', 'streak']);
    expect(events.find((e) => e.type === 'new_ath')).toEqual({
      type: 'new_ath',
      symbol: 'X',
      date: formatIsoDate(dates[299]!),
      close: 399,
      previousHigh: { close: 398, date: formatIsoDate(dates[298]!) },
    });
    expect(events.find((e) => e.type === 'streak')).toMatchObject({
      direction: 'up',
      length: 299,
      change: 399 / 100 - 1,
    });
  });

  it('a 4-day dip under a record: down streak and near_ath; the next up day ends the streak', () => {
    const v = [...Array.from({ length: 281 }, (_, i) => 20 + i), 299, 298, 297, 296, 297]; // ATH 300 at bar 280
    const dip = detect(v, 284);
    expect(types(dip.events)).toEqual(['near_ath', 'streak']);
    expect(dip.events.find((e) => e.type === 'near_ath')).toMatchObject({
      close: 296,
      ath: { close: 300, date: formatIsoDate(dip.dates[280]!) },
      distance: 296 / 300 - 1,
    });
    expect(dip.events.find((e) => e.type === 'streak')).toMatchObject({
      direction: 'down',
      length: 4,
      change: 296 / 300 - 1,
    });
    const end = detect(v, 285);
    expect(types(end.events)).toEqual(['near_ath', 'streak_end']);
    expect(end.events.find((e) => e.type === 'streak_end')).toMatchObject({
      direction: 'down',
      length: 4,
      streakChange: 296 / 300 - 1,
      change: 297 / 296 - 1,
    });
  });

  it('an unchanged close also ends a streak; 3 days is not a streak', () => {
    const v = [10, 11, 12, 13, 14, 14];
    expect(types(detect(v, 4).events)).toEqual(['streak']);
    expect(detect(v, 5).events.find((e) => e.type === 'streak_end')).toMatchObject({
      direction: 'up',
      length: 4,
      change: 0,
    });
    expect(types(detect([10, 11, 12, 13], 3).events)).toEqual([]);
  });

  it('highest close since a date more than a month back; no ATH events with less than a year of history', () => {
    const v = [...new Array(10).fill(10), 20, ...new Array(49).fill(15), 18];
    const { dates, events } = detect(v);
    expect(events).toEqual([
      {
        type: 'highest_since',
        symbol: 'X',
        date: formatIsoDate(dates[60]!),
        close: 18,
        since: formatIsoDate(dates[10]!),
        sinceClose: 20,
      },
    ]);
    // 21 is above everything but there is no year of history: no new_ath, and no since date.
    expect(detect([...v.slice(0, 60), 21]).events).toEqual([]);
  });

  it('a since date less than a month back is not an event', () => {
    // bar 40 (20) is 20 weekdays = 28 days before bar 60: not on or before the same date a month earlier.
    const v = [...new Array(40).fill(10), 20, ...new Array(19).fill(15), 18];
    expect(detect(v).events).toEqual([]);
  });

  it('new 52-week low and lowest close since (the 52-week window starts after the same date a year back)', () => {
    const v = [...new Array(10).fill(100), 50, ...new Array(288).fill(100), 60];
    const { dates, events } = detect(v);
    // The drop from 100 to 60 also takes SMA(50) (99.2) under SMA(200) (99.8): a death cross.
    expect(types(events)).toEqual(['lowest_since', 'ma_cross', 'new_52w_low']);
    // as-of bar 299 = 2025-02-21; window from the first bar after 2024-02-21, i.e. bar 38 (2024-02-22),
    // whose 100 is the earliest of the equal previous lows.
    expect(formatIsoDate(dates[299]!)).toBe('2025-02-21');
    expect(events.find((e) => e.type === 'new_52w_low')).toMatchObject({
      close: 60,
      previous: { close: 100, date: '2024-02-22' },
    });
    expect(events.find((e) => e.type === 'lowest_since')).toMatchObject({
      since: formatIsoDate(dates[10]!),
      sinceClose: 50,
    });
  });

  it('golden and death crosses of SMA(50) and SMA(200), by hand', () => {
    const flat = new Array(280).fill(100);
    const up = detect([...flat, 101]);
    expect(types(up.events)).toEqual(['ma_cross', 'new_ath']);
    // SMA50 = (49 * 100 + 101) / 50 = 100.02; SMA200 = (199 * 100 + 101) / 200 = 100.005
    const g = up.events.find((e) => e.type === 'ma_cross')!;
    expect(g).toMatchObject({ cross: 'golden', fastPeriod: 50, slowPeriod: 200 });
    if (g.type === 'ma_cross') {
      expect(g.fast).toBeCloseTo(100.02, 12);
      expect(g.slow).toBeCloseTo(100.005, 12);
    }
    const down = detect([...flat, 99]);
    // 99 is 1% under the ATH of 100: near_ath too.
    expect(types(down.events)).toEqual(['ma_cross', 'near_ath', 'new_52w_low']);
    expect(down.events.find((e) => e.type === 'ma_cross')).toMatchObject({ cross: 'death' });
    expect(maCross(Number.NaN, Number.NaN, 1, 0)).toBeNull();
  });
});
