/**
 * Equal weight against cap weight in the note's breadth section, on hand-made series: the members'
 * equal-weighted index and SPSM, flat at 100 with chosen jumps, so every period return is known by
 * hand; the sentence under the table follows the two rows (ahead/behind this year and over one year).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TREND_OPTIONS } from '../../analytics/trend/trend-options.js';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries, type PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate, weekday } from '../../domain/trading-date.js';
import { composeNote, type NoteBreadth } from './compose-note.js';
import { renderMarkdown } from './render-note.js';

const days: number[] = [];
for (let d = parseIsoDate('2024-06-03'); days.length < 400; d++) if (weekday(d) !== 0 && weekday(d) !== 6) days.push(d);
const asOf = days[days.length - 1]!;
// between the one-year base (the as-of day, 2025-12-12, a year back) and the YTD base (2024-12-31)
const step = parseIsoDate('2024-12-20');

/** 100 before 2024-12-20, `inYear` from then, `last` on the as-of day. */
const closes = (inYear: number, last: number) =>
  days.map((d, i) => (i === days.length - 1 ? last : d < step ? 100 : inYear));

function breadthSection(ew: PriceSeries, spsm: PriceSeries) {
  const share = { count: 3, of: 4, share: 0.75 };
  const breadth: NoteBreadth = {
    group: 'sp600',
    date: formatIsoDate(asOf),
    listed: 4,
    withData: 4,
    aboveSma50: share,
    aboveSma200: share,
    newHighs: 1,
    newLows: 0,
    withYear: 4,
    advances: 3,
    declines: 1,
    unchanged: 0,
    equalWeight: ew,
  };
  const note = composeNote({
    asOf,
    series: new Map([['SPSM', spsm]]),
    config: defaultConfig(),
    trend: DEFAULT_TREND_OPTIONS,
    fingerprint: 'f'.repeat(64),
    rows: 800,
    demo: false,
    breadth,
  });
  const value = (period: string, symbol: string) =>
    note.figures.find((f) => f.id === `return-${period}-${symbol}-table`)?.value as number;
  return { note, markdown: renderMarkdown(note), value };
}

describe('equal weight against cap weight in the breadth section', () => {
  it('the as-of day is 2025-12-12', () => expect(formatIsoDate(asOf)).toBe('2025-12-12'));

  it('every period by hand: the index 100 -> 112 on the last day, SPSM 100 -> 105', () => {
    const ew = closeOnlySeries('sp600:equalWeight', days, closes(100, 112));
    const spsm = closeOnlySeries('SPSM', days, closes(100, 105));
    const { note, markdown, value } = breadthSection(ew, spsm);
    const table = note.sections.find((s) => s.id === 'breadth')?.table ?? [];
    expect(table.map((r) => [r.symbol, r.label])).toEqual([
      ['sp600:equalWeight', 'S&P 600 members, equal-weighted'],
      ['SPSM', expect.stringContaining('(SPSM)')],
    ]);
    for (const period of ['1m', '3m', '6m', 'ytd', '1y']) {
      expect(value(period, 'sp600:equalWeight'), period).toBeCloseTo(0.12, 12);
      expect(value(period, 'SPSM'), period).toBeCloseTo(0.05, 12);
    }
    expect(markdown).toMatch(
      /^\| S&P 600 members, equal-weighted \| \+12\.00% \| \+12\.00% \| \+12\.00% \| \+12\.00% \| \+12\.00% \|$/m,
    );
    expect(markdown).toContain('The average member is ahead of SPSM both this year and over one year.');
  });

  it('the words follow the numbers: ahead this year (+10% vs +5%) but behind over one year (-1% vs +5%)', () => {
    // the index drops to 90 on 2024-12-20 and ends at 99: YTD 99/90 - 1 = +10%, 1Y 99/100 - 1 = -1%
    const ew = closeOnlySeries('sp600:equalWeight', days, closes(90, 99));
    const spsm = closeOnlySeries('SPSM', days, closes(100, 105));
    const { markdown, value } = breadthSection(ew, spsm);
    expect(value('ytd', 'sp600:equalWeight')).toBeCloseTo(0.1, 12);
    expect(value('1y', 'sp600:equalWeight')).toBeCloseTo(-0.01, 12);
    expect(markdown).toContain('The average member is ahead of SPSM this year but behind it over one year.');
  });

  it('no equal-weighted series or no cap-weighted fund: no table, the counts stay', () => {
    const spsm = closeOnlySeries('SPSM', days, closes(100, 105));
    const none = breadthSection(closeOnlySeries('sp600:equalWeight', [], []), spsm);
    const section = none.note.sections.find((s) => s.id === 'breadth');
    expect(section?.paragraphs.length).toBe(3);
    expect(section?.table).toBeUndefined();
  });
});
