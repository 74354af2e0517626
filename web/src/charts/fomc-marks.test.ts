import { describe, expect, it } from 'vitest';
import { fitFomcLabels, fomcDays, fomcReadout } from './fomc-marks.js';

describe('fomcDays', () => {
  it('finds each decided meeting inside the dates, with its decision in bp or "hold" (FOMC_MEETINGS)', () => {
    // 2025-12-10: -25 bp (the cut the column is about); 2026-01-28: a hold.
    const dates = ['2025-12-09', '2025-12-10', '2025-12-11', '2026-01-27', '2026-01-28', '2026-01-29'];
    expect(fomcDays(dates).map((m) => [m.time, m.bp, m.decision])).toEqual([
      ['2025-12-10', -25, '-25'],
      ['2026-01-28', 0, 'hold'],
    ]);
    expect(fomcDays(dates, { movesOnly: true }).map((m) => m.time)).toEqual(['2025-12-10']);
  });

  it('puts a meeting on a day without a bar on the next bar, and skips undecided or outside meetings', () => {
    const meetings = [
      { date: '2020-03-15', decisionBp: -100, unscheduled: true }, // a Sunday
      { date: '2020-04-29', decisionBp: 0 },
      { date: '2027-01-27', decisionBp: null },
    ];
    const out = fomcDays(['2020-03-13', '2020-03-16', '2020-03-17'], {}, meetings);
    expect(out.map((m) => [m.time, m.date, m.decision])).toEqual([['2020-03-16', '2020-03-15', '-100']]);
    expect(fomcDays([], {}, meetings)).toEqual([]);
    expect(fomcDays(['2022-06-14', '2022-06-15'], {}, [{ date: '2022-06-15', decisionBp: 75 }])[0]!.decision).toBe(
      '+75',
    );
  });
});

describe('fitFomcLabels', () => {
  it('labels every decision when they are far apart', () => {
    expect(fitFomcLabels([10, 100, 200], [30, 30, 30], 10, 4)).toEqual(['full', 'full', 'full']);
  });

  it('keeps the latest label whole and shortens or drops the crowded earlier ones (a phone-width chart)', () => {
    // Tags 30 px wide, 4 px apart at least. The latest at x 200 spans 185..215. The one at x 180 (165..195)
    // collides, and its bare "F" (175..185) is 0 px from 185: too close, so nothing. The one at 160 (145..175)
    // clears 185 - 4 = 181: whole. The one at 150: whole collides with 145..175, its "F" (145..155) too: none.
    // The one at 120 (105..135) clears 145 - 4: whole.
    expect(fitFomcLabels([120, 150, 160, 180, 200], [30, 30, 30, 30, 30], 10, 4)).toEqual([
      'full',
      'none',
      'full',
      'none',
      'full',
    ]);
    // A short "F" fits where the whole label does not: x 172 whole (157..187) hits 185..215; "F" 167..177 clears.
    expect(fitFomcLabels([172, 200], [30, 30], 10, 4)).toEqual(['short', 'full']);
    // A tag that may not be whole (under the chart's logo) is a bare "F" even alone.
    expect(fitFomcLabels([60], [Number.POSITIVE_INFINITY], 10, 4)).toEqual(['short']);
  });

  it('never lets two drawn tags come closer than the gap', () => {
    const xs = Array.from({ length: 40 }, (_, i) => 5 + i * 9.5);
    const widths = xs.map((_, i) => (i % 3 === 0 ? 38 : 30));
    const fit = fitFomcLabels(xs, widths, 12, 4);
    const boxes = xs
      .map((x, i) =>
        fit[i] === 'full' ? [x - widths[i]! / 2, x + widths[i]! / 2] : fit[i] === 'short' ? [x - 6, x + 6] : null,
      )
      .filter((b): b is number[] => b !== null);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]! - boxes[i - 1]![1]!).toBeGreaterThanOrEqual(4);
    expect(fit.at(-1)).toBe('full');
  });
});

describe('fomcReadout', () => {
  it('names the decision on its bar and nothing on other days', () => {
    const words = fomcReadout(fomcDays(['2025-12-10', '2026-01-28']));
    expect(words('2025-12-10')).toBe(' · FOMC -25 bp');
    expect(words('2026-01-28')).toBe(' · FOMC hold');
    expect(words('2025-12-11')).toBe('');
  });
});
