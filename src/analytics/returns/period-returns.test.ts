// Period returns: every expected value below is worked out by hand from the closes in the test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PriceSeries, seriesOfLength } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { resolveAsOf } from './as-of.js';
import {
  periodBaseIndex,
  periodBoundary,
  periodReturn,
  periodReturns,
  simpleReturn,
  windowReturn,
} from './period-returns.js';

/** A series from [date, close, adjClose?] rows (adjClose defaults to close). */
function series(rows: readonly (readonly [string, number, number?])[]): PriceSeries {
  const s = seriesOfLength('T', rows.length);
  rows.forEach(([d, c, a], i) => {
    s.dates[i] = parseIsoDate(d);
    s.close[i] = c;
    s.adjClose[i] = a ?? c;
  });
  return s;
}

const at = (s: PriceSeries, iso: string) => resolveAsOf(s.dates, parseIsoDate(iso)).index;

describe('week to date (wtd): from the last close of the previous calendar week', () => {
  // 2025-12-05 is a Friday; 2025-12-08..11 Monday..Thursday. Closes made up, returns worked out by hand.
  const w = series([
    ['2025-11-28', 90],
    ['2025-12-01', 95],
    ['2025-12-04', 98],
    ['2025-12-05', 100],
    ['2025-12-08', 102],
    ['2025-12-11', 104],
    ['2025-12-12', 105],
  ]);

  it('on a Thursday the base is the previous Friday (104 / 100 - 1 = 4%)', () => {
    expect(periodBaseIndex(w.dates, at(w, '2025-12-11'), 'wtd')).toBe(3);
    expect(periodReturn(w.dates, w.close, at(w, '2025-12-11'), 'wtd')).toBeCloseTo(0.04, 12);
  });

  it('on a Monday wtd is the day move (102 / 100 - 1 = 2%)', () => {
    expect(periodReturn(w.dates, w.close, at(w, '2025-12-08'), 'wtd')).toBeCloseTo(0.02, 12);
  });

  it('on a Friday it is the whole week (105 / 100 - 1 = 5%); the Friday before that week is 2025-11-28 (100 / 90 - 1)', () => {
    expect(periodReturn(w.dates, w.close, at(w, '2025-12-12'), 'wtd')).toBeCloseTo(0.05, 12);
    // "Last week" in a note of Dec 11 is the week ended Friday Dec 5: wtd as of that Friday.
    expect(periodReturn(w.dates, w.close, at(w, '2025-12-05'), 'wtd')).toBeCloseTo(100 / 90 - 1, 12);
  });

  it('a holiday Friday (Good Friday, 2025-04-18) puts the base on the Thursday before', () => {
    const g = series([
      ['2025-04-17', 50],
      ['2025-04-21', 55],
    ]);
    expect(periodBaseIndex(g.dates, 1, 'wtd')).toBe(0);
    expect(periodReturn(g.dates, g.close, 1, 'wtd')).toBeCloseTo(0.1, 12);
  });

  it('the boundary is the Sunday ending the previous Monday-to-Sunday week', () => {
    const sunday = parseIsoDate('2025-12-07');
    for (const d of ['2025-12-08', '2025-12-11', '2025-12-13', '2025-12-14'])
      expect(periodBoundary(parseIsoDate(d), 'wtd'), d).toBe(sunday);
    expect(periodBoundary(parseIsoDate('2025-12-15'), 'wtd')).toBe(parseIsoDate('2025-12-14'));
  });

  it('is null when the series starts inside the week', () => {
    expect(periodReturn(w.dates, w.close, 0, 'wtd')).toBeNull();
  });
});

describe('calendar periods', () => {
  const s = series([
    ['2024-09-30', 80],
    ['2024-12-30', 100],
    ['2024-12-31', 110],
    ['2025-01-02', 121],
    ['2025-01-03', 133.1],
  ]);

  it('ytd uses the last close of the previous year (2024-12-31 = 110)', () => {
    expect(periodReturn(s.dates, s.close, at(s, '2025-01-03'), 'ytd')).toBeCloseTo(133.1 / 110 - 1, 14);
    expect(periodReturn(s.dates, s.close, at(s, '2025-01-03'), 'ytd')).toBeCloseTo(0.21, 12);
  });

  it('mtd and qtd in January use the same December 31 base; 1d uses the previous bar', () => {
    const r = periodReturns(s.dates, s.close, at(s, '2025-01-03'));
    expect(r.mtd).toBeCloseTo(0.21, 12);
    expect(r.qtd).toBeCloseTo(0.21, 12);
    expect(r['1d']).toBeCloseTo(0.1, 12);
  });

  it('on December 31 the ytd base is the year before, which this series does not reach: null', () => {
    const r = periodReturns(s.dates, s.close, at(s, '2024-12-31'));
    expect(r.ytd).toBeNull();
    expect(r['1d']).toBeCloseTo(0.1, 12);
    // qtd as of 2024-12-31: base 2024-09-30 = 80
    expect(r.qtd).toBeCloseTo(110 / 80 - 1, 14);
    // mtd as of 2024-12-31: base on or before 2024-11-30 is 2024-09-30 (no November bars)
    expect(r.mtd).toBeCloseTo(110 / 80 - 1, 14);
  });

  it('a year end on a weekend takes the last trading day before it (2022-12-31 was a Saturday)', () => {
    const w = series([
      ['2022-12-29', 50],
      ['2022-12-30', 40],
      ['2023-01-03', 44],
    ]);
    expect(periodReturn(w.dates, w.close, 2, 'ytd')).toBeCloseTo(0.1, 12);
    expect(periodBaseIndex(w.dates, 2, 'ytd')).toBe(1);
  });

  it('1y from Feb 29 uses Feb 28 of the year before', () => {
    const f = series([
      ['2023-02-27', 10],
      ['2023-02-28', 20],
      ['2023-03-01', 30],
      ['2024-02-28', 25],
      ['2024-02-29', 40],
    ]);
    expect(periodReturn(f.dates, f.close, at(f, '2024-02-29'), '1y')).toBeCloseTo(1, 12);
    // As of 2024-02-28 the base is 2023-02-28 too (same calendar date): 25 / 20 - 1
    expect(periodReturn(f.dates, f.close, at(f, '2024-02-28'), '1y')).toBeCloseTo(0.25, 12);
  });

  it('1y from Feb 29 when Feb 28 of the earlier year had no bar falls back to the close before', () => {
    const f = series([
      ['2023-02-27', 10],
      ['2023-03-01', 30],
      ['2024-02-29', 40],
    ]);
    expect(periodReturn(f.dates, f.close, 2, '1y')).toBeCloseTo(3, 12);
  });

  it('3y and 5y use the same calendar date N years back', () => {
    const f = series([
      ['2020-06-15', 50],
      ['2020-06-16', 55],
      ['2022-06-14', 80],
      ['2022-06-16', 88],
      ['2025-06-16', 110],
    ]);
    // 3y as of 2025-06-16: boundary 2022-06-16 -> 88; 5y: 2020-06-16 -> 55
    expect(periodReturn(f.dates, f.close, 4, '3y')).toBeCloseTo(110 / 88 - 1, 14);
    expect(periodReturn(f.dates, f.close, 4, '5y')).toBeCloseTo(1, 12);
  });

  it('a holiday as-of means the last trading day before it', () => {
    const h = series([
      ['2025-12-23', 100],
      ['2025-12-24', 102],
      ['2025-12-26', 103],
    ]);
    const r = resolveAsOf(h.dates, parseIsoDate('2025-12-25'));
    expect(r.index).toBe(1);
    expect(r.day).toBe(parseIsoDate('2025-12-24'));
    expect(r.exact).toBe(false);
    expect(periodReturn(h.dates, h.close, r.index, '1d')).toBeCloseTo(0.02, 12);
    expect(resolveAsOf(h.dates, parseIsoDate('2025-12-22')).index).toBe(-1);
    expect(resolveAsOf(h.dates, null)).toEqual({ index: 2, day: parseIsoDate('2025-12-26'), exact: true });
  });
});

describe('not enough history gives null', () => {
  // A fund listed on 2025-03-10.
  const m = series([
    ['2025-03-10', 20],
    ['2025-03-31', 25],
    ['2025-06-27', 30],
    ['2025-06-30', 31],
  ]);

  it('a symbol whose history starts mid-year has null ytd, 1y, 3y, 5y but a qtd from its first full quarter', () => {
    const r = periodReturns(m.dates, m.close, 3);
    expect(r.ytd).toBeNull();
    expect(r['1y']).toBeNull();
    expect(r['3y']).toBeNull();
    expect(r['5y']).toBeNull();
    expect(r.qtd).toBeCloseTo(31 / 25 - 1, 14);
    expect(r.mtd).toBeCloseTo(31 / 25 - 1, 14);
    expect(r['1d']).toBeCloseTo(31 / 30 - 1, 14);
    expect(r['5d']).toBeNull();
  });

  it('a first bar exactly on the boundary is a valid base', () => {
    const e = series([
      ['2024-12-31', 50],
      ['2025-01-02', 60],
    ]);
    expect(periodReturn(e.dates, e.close, 1, 'ytd')).toBeCloseTo(0.2, 12);
  });

  it('5d needs five earlier bars', () => {
    const d = series([
      ['2025-01-02', 100],
      ['2025-01-03', 101],
      ['2025-01-06', 102],
      ['2025-01-07', 103],
      ['2025-01-08', 104],
      ['2025-01-09', 120],
    ]);
    expect(periodReturn(d.dates, d.close, 5, '5d')).toBeCloseTo(0.2, 12);
    expect(periodReturn(d.dates, d.close, 4, '5d')).toBeNull();
    expect(periodReturn(d.dates, d.close, 0, '1d')).toBeNull();
  });

  it('a zero or NaN base is null, not Infinity or NaN', () => {
    expect(simpleReturn(new Float64Array([0, 5]), 0, 1)).toBeNull();
    expect(simpleReturn(new Float64Array([Number.NaN, 5]), 0, 1)).toBeNull();
  });
});

describe('total return vs price return', () => {
  // A 2.00 dividend goes ex on 2025-03-03: close falls 100 -> 98, the adjusted close of the day
  // before is 100 x (1 - 2/100) = 98, so the holder's total return is 0 while the price fell 2%.
  const d = series([
    ['2025-02-28', 100, 98],
    ['2025-03-03', 98, 98],
    ['2025-03-04', 107.8, 107.8],
  ]);
  it('price return reads close, total return reads adjClose', () => {
    expect(periodReturn(d.dates, d.close, 1, '1d')).toBeCloseTo(-0.02, 12);
    expect(periodReturn(d.dates, d.adjClose, 1, '1d')).toBe(0);
    expect(periodReturn(d.dates, d.close, 2, 'mtd')).toBeCloseTo(0.078, 12);
    expect(periodReturn(d.dates, d.adjClose, 2, 'mtd')).toBeCloseTo(0.1, 12);
  });
});

describe('windows', () => {
  const s = series([
    ['2025-01-02', 100],
    ['2025-01-03', 110],
    ['2025-01-06', 99],
    ['2025-01-07', 121],
  ]);
  it('a window runs from the last close on or before from to the last close on or before to', () => {
    const w = windowReturn(s.dates, s.close, parseIsoDate('2025-01-04'), parseIsoDate('2025-01-07'));
    expect(w).toEqual({ value: 121 / 110 - 1, fromIndex: 1, toIndex: 3 });
    expect(windowReturn(s.dates, s.close, parseIsoDate('2025-01-01'), parseIsoDate('2025-01-07'))).toBeNull();
    expect(windowReturn(s.dates, s.close, parseIsoDate('2025-01-07'), parseIsoDate('2025-01-03'))).toBeNull();
  });

  it('returns compose: (1 + r(a,b)) (1 + r(b,c)) = 1 + r(a,c)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 3, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (closes, x, y, z) => {
          const n = closes.length;
          const [a, b, c] = [x % n, y % n, z % n].sort((p, q) => p - q) as [number, number, number];
          const dates = Int32Array.from(closes, (_, i) => 20000 + i * 2);
          const values = Float64Array.from(closes);
          const ab = windowReturn(dates, values, dates[a]!, dates[b]!)!.value;
          const bc = windowReturn(dates, values, dates[b]!, dates[c]!)!.value;
          const ac = windowReturn(dates, values, dates[a]!, dates[c]!)!.value;
          expect(Math.abs((1 + ab) * (1 + bc) - (1 + ac)) / (1 + ac)).toBeLessThan(1e-12);
        },
      ),
    );
  });
});

describe('boundaries kept per as-of day', () => {
  it('asking other days in turn gives each its own boundary (dates worked by hand)', () => {
    const days = ['2024-02-29', '2025-03-31', '2024-02-29', '2025-05-31'].map((d) => parseIsoDate(d));
    const expected = [
      { ytd: '2023-12-31', '1m': '2024-01-29', '1y': '2023-02-28', '10y': '2014-02-28' },
      { ytd: '2024-12-31', '1m': '2025-02-28', '1y': '2024-03-31', '10y': '2015-03-31' },
      { ytd: '2023-12-31', '1m': '2024-01-29', '1y': '2023-02-28', '10y': '2014-02-28' },
      { ytd: '2024-12-31', '1m': '2025-04-30', '1y': '2024-05-31', '10y': '2015-05-31' },
    ];
    days.forEach((day, i) => {
      for (const [period, iso] of Object.entries(expected[i]!))
        expect(periodBoundary(day, period as '1y')).toBe(parseIsoDate(iso));
    });
    expect(periodBoundary(days[0]!, '1d')).toBeNull();
  });

  it('the base is the last bar on or before the boundary among the bars up to the as-of bar', () => {
    // the base of ytd as of 2025-01-02 is the last bar on or before 2024-12-31 among the bars up to it
    const s = series([
      ['2024-12-30', 100],
      ['2024-12-31', 101],
      ['2025-01-02', 102],
    ]);
    expect(periodBaseIndex(s.dates, 2, 'ytd')).toBe(1);
    expect(periodBaseIndex(s.dates, 0, 'ytd')).toBe(-1);
  });
});
