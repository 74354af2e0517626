/**
 * "since <day>" and "since the start/end of <month>": the day whose close is the base of the return
 * (`sinceDayOf`), and the period it is when that close is the base of the note's month, quarter or year
 * (`otherPeriod`). Days by hand from the calendar: 2025-09-01 was Labor Day, so "the start of September"
 * is the day before it, Aug 31 (a Sunday: the base close is Friday Aug 29's, the last on or before it).
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { otherPeriod, sinceDayOf } from './return-claims.js';

const OCT17 = parseIsoDate('2025-10-17');
const day = (text: string, note = OCT17) => {
  const d = sinceDayOf(text, note);
  return d === null ? null : formatIsoDate(d);
};

/** [text, the day read as of the note of 2025-10-17]. */
const DAYS: readonly (readonly [string, string | null])[] = [
  // A named day, with or without the words around it; without a year, the latest on or before the note.
  ['since Sept. 2', '2025-09-02'],
  ['since 9/2', '2025-09-02'],
  ['since the close of Sept. 2', '2025-09-02'],
  ['since the Oct. 2 close', '2025-10-02'],
  ['since June 30', '2025-06-30'],
  ['since Nov. 20', '2024-11-20'],
  // A month's edge: the end of the month, or the day before its start.
  ['since the end of April', '2025-04-30'],
  ['since the start of August', '2025-07-31'],
  ['since the beginning of September', '2025-08-31'],
  ['since the start of March 2024', '2024-02-29'],
  // The note's own month: its start is the last month's end; its end has not come, so last year's.
  ['since the start of October', '2025-09-30'],
  ['since the end of October', '2024-10-31'],
  ['since the start of November', '2024-10-31'],
  // Nothing else.
  ['since the start of the rally', null],
  ['since its October peak', null],
];

describe('sinceDayOf', () => {
  it.each(DAYS)('%s -> %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it('reads nothing without the note date', () => {
    expect(sinceDayOf('since Sept. 2', null)).toBeNull();
  });
});

describe('otherPeriod', () => {
  it("is the note's month, quarter or year when the since-day is its base, else null (a since-day return)", () => {
    expect(otherPeriod('since the end of September', OCT17)).toBe('qtd');
    expect(otherPeriod('since the start of October', OCT17)).toBe('qtd');
    expect(otherPeriod('since the start of December', parseIsoDate('2025-12-11'))).toBe('mtd');
    expect(otherPeriod('since Dec. 31, 2024', OCT17)).toBe('ytd');
    expect(otherPeriod('since the end of 2024', OCT17)).toBe('ytd');
    expect(otherPeriod('since the start of August', OCT17)).toBeNull();
    expect(otherPeriod('since the end of April', OCT17)).toBeNull();
    expect(otherPeriod('since Sept. 2', OCT17)).toBeNull();
  });
});
