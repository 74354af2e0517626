/** The header's data-age warning, by hand on the NYSE calendar (holidays from nyse-calendar.ts). */
import { expect, test } from 'vitest';
import { ageWords, dataAgeNotice } from './data-age.js';

test('the shared real data (ETFs end 2026-08-03) read on 2026-12-06: four months old', () => {
  // Aug 3 -> Dec 6: Dec 6 is past the 3rd of the month, so 4 whole months (not 3, not 5).
  expect(dataAgeNotice('2026-08-03', '2026-12-06')).toBe('data ends 2026-08-03, 4 months ago');
  // One day short of Dec 3 is still 3 months.
  expect(ageWords('2026-08-03', '2026-12-02')).toBe('3 months ago');
});

test("Friday's data on Monday, and over a holiday weekend, is current", () => {
  // 2026-12-04 is a Friday, 2026-12-07 a Monday: no session between them.
  expect(dataAgeNotice('2026-12-04', '2026-12-07')).toBeNull();
  // Thanksgiving 2026-11-26 (closed): Wed 11-25 data read on Tue 12-01 misses Fri 11-27 and Mon 11-30 (2 sessions).
  expect(dataAgeNotice('2026-11-25', '2026-12-01')).toBeNull();
  expect(dataAgeNotice('2026-12-06', '2026-12-06')).toBeNull();
  expect(dataAgeNotice(null, '2026-12-06')).toBeNull();
});

test('four missed sessions are enough to say so', () => {
  // Mon 2026-11-30 read on Mon 2026-12-07: Dec 1, 2, 3, 4 missed (4 sessions > 3).
  expect(dataAgeNotice('2026-11-30', '2026-12-07')).toBe('data ends 2026-11-30, 7 days ago');
  // Tue 12-01 read on Mon 12-07: Dec 2, 3, 4 missed (3 sessions): still current.
  expect(dataAgeNotice('2026-12-01', '2026-12-07')).toBeNull();
});

test('days, weeks, months and years', () => {
  expect(ageWords('2026-12-05', '2026-12-06')).toBe('1 day ago');
  expect(ageWords('2026-11-01', '2026-11-15')).toBe('2 weeks ago');
  expect(ageWords('2026-10-01', '2026-11-30')).toBe('8 weeks ago');
  expect(ageWords('2026-10-01', '2026-12-01')).toBe('2 months ago');
  expect(ageWords('2024-12-07', '2026-12-06')).toBe('23 months ago');
  expect(ageWords('2024-12-06', '2026-12-06')).toBe('2 years ago');
});
