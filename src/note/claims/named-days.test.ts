// Days before the note's and week periods, in a note dated Thursday 2025-12-11 (Monday Dec 8, Tuesday
// Dec 9, Wednesday Dec 10, the previous Friday Dec 5, the Sunday ending the previous week Dec 7): every
// expected date below is read off the calendar by hand.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';
import { dayOfClaim, namedDays, previousWeekday } from './named-days.js';

const NOTE = parseIsoDate('2025-12-11');
const days = (text: string, note: number | null = NOTE) => namedDays(text, note).map((d) => formatIsoDate(d.day));
const resolver = resolverFromConfig(defaultConfig());
/** metric, symbol, period (returns), value (returns), day of each claim. */
const read = (text: string) =>
  extractClaims(text, resolver, { noteDate: NOTE }).map((c) => [
    c.metric,
    c.symbol,
    c.metric === 'return' ? c.period : undefined,
    c.metric === 'return' ? c.value : undefined,
    c.day,
  ]);

describe('namedDays', () => {
  it('reads weekdays, yesterday, last Friday and a month-day against the note date', () => {
    expect(days('XLK fell on Monday')).toEqual(['2025-12-08']);
    expect(days("in Tuesday's session")).toEqual(['2025-12-09']);
    expect(days("Wednesday's close was firm")).toEqual(['2025-12-10']);
    expect(days('ended its streak yesterday')).toEqual(['2025-12-10']);
    expect(days('rose last Friday')).toEqual(['2025-12-05']);
    expect(days('rose last Thursday')).toEqual(['2025-12-04']);
    expect(days('closed at 16.93 on Dec. 9')).toEqual(['2025-12-09']);
    expect(days('on December 9, 2025')).toEqual(['2025-12-09']);
    expect(days('NVDA +1.72% Monday.')).toEqual(['2025-12-08']);
    expect(days('on Thursday')).toEqual(['2025-12-11']);
  });

  it('skips days that are not the claim’s own, and reads nothing without a note date', () => {
    expect(days('up 3% since Monday')).toEqual([]);
    expect(days("rebounded after Monday's slide")).toEqual([]);
    expect(days('before Friday’s jobs report')).toEqual([]);
    expect(days('the Fed meets next Wednesday')).toEqual([]);
    // A month-day without a year after the note's day is the year before's (as "since Dec. 12" is).
    expect(days('on Dec. 12')).toEqual(['2024-12-12']);
    expect(days('on Dec. 12, 2025')).toEqual([]);
    expect(days('fell on Monday', null)).toEqual([]);
  });

  it('yesterday of a Monday note is the Friday before', () => {
    expect(formatIsoDate(previousWeekday(parseIsoDate('2025-12-08')))).toBe('2025-12-05');
  });

  it('gives a claim the day of its own clause, not one past "after"', () => {
    const s = 'AMZN is up 4.96% year to date after a 0.65% decline on Monday.';
    const found = namedDays(s, NOTE);
    const ytd = s.indexOf('up 4.96%');
    const day = s.indexOf('0.65% decline');
    expect(dayOfClaim(s, found, ytd, ytd + 8)).toBeNull();
    expect(dayOfClaim(s, found, day, day + 13)).toMatchObject({ day: parseIsoDate('2025-12-08') });
  });
});

describe('claims of earlier sessions are checked at that close', () => {
  it('dates every claim type by the day its clause names', () => {
    expect(
      read('On Monday, the Utilities Select Sector SPDR Fund (XLU) closed at its lowest level since September.'),
    ).toEqual([['since', 'XLU', undefined, undefined, '2025-12-08']]);
    expect(read('Nvidia Corp. (NVDA) fell 0.64% on Wednesday, its second straight decline.')).toEqual([
      ['return', 'NVDA', '1d', -0.0064, '2025-12-10'],
      ['streak', 'NVDA', undefined, undefined, '2025-12-10'],
    ]);
    expect(read('$AAPL ended its 5 day losing streak yesterday')).toEqual([
      ['streak', 'AAPL', undefined, undefined, '2025-12-10'],
    ]);
    expect(read('The VIX closed at 16.93 on Tuesday.')).toEqual([
      ['level', '^VIX', undefined, undefined, '2025-12-09'],
    ]);
    expect(read('The SPDR S&P 500 ETF Trust closed at a record high on Tuesday.')).toEqual([
      ['ath', 'SPY', undefined, undefined, '2025-12-09'],
    ]);
  });

  it('dates day moves by yesterday, last Friday, a possessive or a bare weekday after the figure', () => {
    expect(read('NVDA +1.72% Monday.')).toEqual([['return', 'NVDA', '1d', 0.0172, '2025-12-08']]);
    expect(read('XLK rose 1.1% yesterday.')).toEqual([['return', 'XLK', '1d', 0.011, '2025-12-10']]);
    expect(read('XLK rose 1.1% last Friday.')).toEqual([['return', 'XLK', '1d', 0.011, '2025-12-05']]);
    expect(read("XLK added 1.1% in Tuesday's session.")).toEqual([['return', 'XLK', '1d', 0.011, '2025-12-09']]);
  });

  it('leaves a longer period at the note’s close unless the day opens the sentence', () => {
    expect(read('Amazon.com Inc. (AMZN) is up 4.96% year to date after a 0.65% decline on Monday.')).toEqual([
      ['return', 'AMZN', 'ytd', 0.0496, undefined],
      ['return', 'AMZN', '1d', -0.0065, '2025-12-08'],
    ]);
    expect(read('XLK is up 27.1% this year and fell 1% on Monday.')).toEqual([
      ['return', 'XLK', 'ytd', 0.271, undefined],
      ['return', 'XLK', '1d', -0.01, '2025-12-08'],
    ]);
    expect(read('On Monday, XLK was up 27.1% this year.')).toEqual([['return', 'XLK', 'ytd', 0.271, '2025-12-08']]);
    expect(read('IWM has gained 5% since Monday.')).toEqual([['return', 'IWM', null, 0.05, undefined]]);
  });
});

describe('day labels heading a broker\'s line ("Tue: IWM +0.8%"): the latest such weekday on or before the note', () => {
  it('reads the label and its abbreviations, the day of every move after it', () => {
    // Note dated Thursday Dec 11: Mon Dec 8, Tue Dec 9, Wed Dec 10, Thu Dec 11, Fri the Friday before, Dec 5.
    expect(days('Tue: IWM +0.8%')).toEqual(['2025-12-09']);
    for (const [label, day] of [
      ['Mon:', '2025-12-08'],
      ['Monday:', '2025-12-08'],
      ['Tues:', '2025-12-09'],
      ['Weds:', '2025-12-10'],
      ['WED:', '2025-12-10'],
      ['Thurs:', '2025-12-11'],
      ['Thu:', '2025-12-11'],
      ['Fri:', '2025-12-05'],
      ['- Wed:', '2025-12-10'],
      ['**Tue:**', '2025-12-09'],
      ['Tuesday close:', '2025-12-09'],
      ["Wednesday's tape:", '2025-12-10'],
      ['Tue 12/9:', '2025-12-09'],
      ['Tue (12/9):', '2025-12-09'],
      ['Tue 9 Dec:', '2025-12-09'],
      ["Monday's move:", '2025-12-08'],
      ['Wed -', '2025-12-10'],
      ['Wed —', '2025-12-10'],
    ])
      expect(read(`${label} XLK +0.5%, SPY -0.2%`), label).toEqual([
        ['return', 'XLK', '1d', 0.005, day],
        ['return', 'SPY', '1d', -0.002, day],
      ]);
  });

  it('dates only what follows a label, across commas and semicolons, up to the next label', () => {
    for (const sep of [';', ',', '', ' |'])
      expect(read(`Mon: SPY -0.30%${sep} Tue: SPY -0.09%${sep} Wed: SPY +0.66%`), sep).toEqual([
        ['return', 'SPY', '1d', -0.003, '2025-12-08'],
        ['return', 'SPY', '1d', -0.0009, '2025-12-09'],
        ['return', 'SPY', '1d', 0.0066, '2025-12-10'],
      ]);
    // A figure before any label keeps the note's day; a longer period under a label is as of that day.
    expect(read('IWM +17.6% YTD; Tue: IWM +0.21%, YTD +14.67%')).toEqual([
      ['return', 'IWM', 'ytd', 0.176, undefined],
      ['return', 'IWM', '1d', 0.0021, '2025-12-09'],
      ['return', 'IWM', 'ytd', 0.1467, '2025-12-09'],
    ]);
  });

  it('dates every sentence of its line, every claim type, and the lines below a label that stands alone', () => {
    expect(read('Wed: XLK +0.48%. Energy fund XLE +1.05%.')).toEqual([
      ['return', 'XLK', '1d', 0.0048, '2025-12-10'],
      ['return', 'XLE', '1d', 0.0105, '2025-12-10'],
    ]);
    expect(read('Tue: the VIX closed at 16.93. XLK extended its winning streak to 12 sessions.')).toEqual([
      ['level', '^VIX', undefined, undefined, '2025-12-09'],
      ['streak', 'XLK', undefined, undefined, '2025-12-09'],
    ]);
    expect(read('Tuesday:\nIWM +0.21%\nSPY -0.09%\n\nXLK -0.51%')).toEqual([
      ['return', 'IWM', '1d', 0.0021, '2025-12-09'],
      ['return', 'SPY', '1d', -0.0009, '2025-12-09'],
      ['return', 'XLK', '1d', -0.0051, undefined],
    ]);
    // The next line without a label is the note's day again.
    expect(read('Tue: IWM +0.21%\nIWM +1.17%')).toEqual([
      ['return', 'IWM', '1d', 0.0021, '2025-12-09'],
      ['return', 'IWM', '1d', 0.0117, undefined],
    ]);
  });

  it('reads an abbreviated weekday after a figure, and is no label without its colon or dash', () => {
    expect(read('TSLA +1.27% Tue, +1.41% Wed')).toEqual([
      ['return', 'TSLA', '1d', 0.0127, '2025-12-09'],
      ['return', 'TSLA', '1d', 0.0141, '2025-12-10'],
    ]);
    expect(read('IWM +0.2% (Tue)')).toEqual([['return', 'IWM', '1d', 0.002, '2025-12-09']]);
    expect(read('NVDA +1.72% Monday - a strong start.')).toEqual([['return', 'NVDA', '1d', 0.0172, '2025-12-08']]);
    expect(days('The Fed meets Wednesday and Thursday')).toEqual([]);
    expect(days('Mon-Wed: IWM +1.6%')).toEqual([]);
  });
});

describe('a day name without "on" ("ended Wednesday at 15.77", "Tuesday, Nvidia slid 0.31%")', () => {
  it('reads a weekday after a verb or opening the sentence, for every claim of its clause', () => {
    expect(read('The VIX ended Wednesday at 15.77.')).toEqual([['level', '^VIX', undefined, undefined, '2025-12-10']]);
    expect(read('Oracle closed Tuesday at 219.41, up 0.45%.')).toEqual([
      ['level', 'ORCL', undefined, undefined, '2025-12-09'],
      ['return', 'ORCL', '1d', 0.0045, '2025-12-09'],
    ]);
    expect(read('IWM finished Friday up 0.4%.')).toEqual([['return', 'IWM', '1d', 0.004, '2025-12-05']]);
    expect(read('Nvidia slipped Tuesday, losing 0.31%.')).toEqual([['return', 'NVDA', '1d', -0.0031, '2025-12-09']]);
    expect(read('Tuesday, Nvidia slid 0.31%.')).toEqual([['return', 'NVDA', '1d', -0.0031, '2025-12-09']]);
    expect(read('Late Wednesday, Microsoft was down 2.74%.')).toEqual([
      ['return', 'MSFT', '1d', -0.0274, '2025-12-10'],
    ]);
  });

  it('does not date a figure of another clause, a longer period, or anything after "since"', () => {
    expect(read('The Fed cut rates Wednesday; IWM rose 1.17%.')).toEqual([['return', 'IWM', '1d', 0.0117, undefined]]);
    expect(read('Microsoft rose Thursday and is up 15.55% YTD.')).toEqual([
      ['return', 'MSFT', 'ytd', 0.1555, undefined],
    ]);
    expect(days('IWM has climbed since Tuesday')).toEqual([]);
    expect(days('Wednesday’s Fed decision')).toEqual([]);
  });
});

describe('week periods', () => {
  it('reads this week, for the week, week to date and WTD as the week to date', () => {
    for (const p of ['this week', 'for the week', 'week to date', 'week-to-date', 'WTD', 'so far this week'])
      expect(read(`IWM gained 2.80% ${p}.`), p).toEqual([['return', 'IWM', 'wtd', 0.028, undefined]]);
    expect(read('Energy (XLE) finished the week up 0.9%.')).toEqual([['return', 'XLE', 'wtd', 0.009, undefined]]);
    expect(read('Small-cap tape: IWM +2.80% WTD, IJR +3.15% WTD.')).toEqual([
      ['return', 'IWM', 'wtd', 0.028, undefined],
      ['return', 'IJR', 'wtd', 0.0315, undefined],
    ]);
  });

  it('reads last week as the previous calendar week: the week to date as of its Sunday', () => {
    expect(read('SPY rose 0.34% last week.')).toEqual([['return', 'SPY', 'wtd', 0.0034, '2025-12-07']]);
    expect(read('The previous week, XLK fell 1.2%.')).toEqual([['return', 'XLK', 'wtd', -0.012, '2025-12-07']]);
  });

  it('reads w/w and week over week as five sessions; a rolling "past two weeks" stays unverifiable', () => {
    expect(read('XLK -0.8% w/w')).toEqual([['return', 'XLK', '5d', -0.008, undefined]]);
    expect(read('XLK fell 0.8% week over week.')).toEqual([['return', 'XLK', '5d', -0.008, undefined]]);
    expect(read('XLK fell 0.8% over the past two weeks.')).toEqual([['return', 'XLK', null, -0.008, undefined]]);
  });

  it('reads a WTD and a W/W column; a "Wk %" column (rolling or calendar?) stays unverifiable', () => {
    expect(read('| Ticker | WTD | W/W | Wk % |\n|---|---:|---:|---:|\n| IWM | 2.80% | 1.2% | 0.5% |')).toEqual([
      ['return', 'IWM', 'wtd', 0.028, undefined],
      ['return', 'IWM', '5d', 0.012, undefined],
      ['return', 'IWM', null, 0.005, undefined],
    ]);
  });
});
