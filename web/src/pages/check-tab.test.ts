// The Check tab says which day a note was checked as of and why (issue 11: "the Check tab checks a pasted
// note as of the chosen day"): the note's own date wins, an undated note takes the header's day, and no
// warning shown in the page names a command-line option.
import { describe, expect, it, test } from 'vitest';
import type { CheckResponse } from '../api-client.js';
import { checkedAsOfReason, checkWarningText, claimValue, spreadSides } from './check-tab.js';

const response = (source: CheckResponse['asOfSource']): CheckResponse => ({
  asOf: source.date,
  asOfSource: source,
  claims: [],
  text: '',
  warnings: [],
});

describe('the Check tab’s as-of line', () => {
  test('an undated note with the header’s day set: that day', () => {
    const src = { date: '2025-12-11', source: 'option', why: 'the note states no date: the day asked for' } as const;
    expect(checkedAsOfReason(src, { headerDay: '2025-12-11', forced: false })).toBe(
      "the header's day (the note states no date)",
    );
    expect(checkedAsOfReason(src, { headerDay: '2025-12-11', forced: true })).toBe(
      "the header's day, as chosen above (over the note's own date)",
    );
    // a header day past the data: checked as of the last close (the service moves the date back)
    expect(checkedAsOfReason({ ...src, date: '2026-08-03' }, { headerDay: '2026-09-01', forced: false })).toBe(
      "the last market close, as the header's day, 2026-09-01, is past the data",
    );
  });
  test('a dated note: its own date, and that it wins over another header day', () => {
    const src = {
      date: '2025-12-10',
      source: 'note',
      why: "the note says 'As of the close of December 10, 2025'",
    } as const;
    expect(checkedAsOfReason(src, { headerDay: '2025-12-11', forced: false })).toBe(
      "the note says 'As of the close of December 10, 2025'; the note's own date wins over the header's day, 2025-12-11",
    );
    expect(checkedAsOfReason(src, { headerDay: '2025-12-10', forced: false })).toBe(src.why);
    expect(checkedAsOfReason(src, { headerDay: null, forced: false })).toBe(src.why);
  });
  test('no header day and no date in the note: the last market close', () => {
    const src = { date: '2026-08-03', source: 'latest', why: '' } as const;
    expect(checkedAsOfReason(src, { headerDay: null, forced: false })).toBe(
      'the note states no date and no day is set in the header: the last market close',
    );
  });
});

describe('the Check tab’s warnings name no command-line option', () => {
  test('the undated-note warning is said by the as-of line, not twice', () => {
    const res = response({ date: '2026-08-03', source: 'latest', why: '' });
    const w =
      'the note states no date: checked as of the latest stored close, 2026-08-03; give --as-of to check another day';
    expect(checkWarningText(w, res)).toBeNull();
  });
  test('"--as-of" becomes the header’s day; other warnings pass as sentences', () => {
    const res = response({ date: '2025-12-11', source: 'option', why: '' });
    expect(checkWarningText('the note states 2025-12-10 (a dateline); checked as of --as-of 2025-12-11', res)).toBe(
      "the note states 2025-12-10 (a dateline); checked as of the header's day 2025-12-11.",
    );
    expect(checkWarningText('data ends 2026-08-03; figures are as of that day (asked for 2026-09-01)', res)).toBe(
      'data ends 2026-08-03; figures are as of that day (asked for 2026-09-01).',
    );
  });
});

describe('spreadSides', () => {
  it("reads both sides of a spread from the checker's reason (the real 2025-12-11 note's SPSM vs MAG7 claim)", () => {
    const reason =
      'percentage points, change of the SPSM/MAG7 ratio: SPSM 4.91% and MAG7 -0.66% on closes from 2025-11-11 to 2025-12-11; as of 2025-12-11: consistent with 5.60 points';
    expect(spreadSides({ symbol: 'SPSM', reason })).toEqual(['SPSM', 'MAG7']);
    // The other reading of the same claim names the ratio the other way round; the sides stay A then B.
    const fall = 'percentage points, fall of the QQQ/TSLA ratio: TSLA -10.20% and QQQ 1.80% on closes from ...';
    expect(spreadSides({ symbol: 'TSLA', reason: fall })).toEqual(['TSLA', 'QQQ']);
    expect(spreadSides({ symbol: 'TSLA', reason: 'no data' })).toEqual(['TSLA', undefined]);
  });
});

describe('the Check tab’s Claimed and Actual cells for a record claim (review: "Claimed -1.50% / Actual 0.00%")', () => {
  const ath = { metric: 'ath', symbol: 'IWM', reason: '' } as const;
  test('a new record: the words and the day of the record close, no percentage', () => {
    expect([claimValue(ath, 'record'), claimValue(ath, '2025-12-11')]).toEqual(['record', '2025-12-11']);
  });
  test('near the record: the bound claimed against the distance in words (0 is at the record)', () => {
    // (the bound's words kept on one line, as a figure is)
    expect([claimValue(ath, 'within 1.50%'), claimValue(ath, 0)]).toEqual(['within\u00a01.50%', 'at the record']);
    // 2.12% below: -0.0212 on both sides
    expect(claimValue(ath, -0.0212)).toBe('2.12% below the record');
  });
});
