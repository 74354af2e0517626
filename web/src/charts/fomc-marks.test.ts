import { describe, expect, it } from 'vitest';
import { fitFomcLabels, fomcDays, fomcKind, fomcKinds, fomcReadout } from './fomc-marks.js';

describe('fomcDays', () => {
  it('finds each decided meeting inside the dates, with its decision in bp or "hold" (FOMC_MEETINGS)', () => {
    // 2025-12-10: -25 bp (the cut the column is about); 2026-01-28: a hold.
    const dates = ['2025-12-09', '2025-12-10', '2025-12-11', '2026-01-27', '2026-01-28', '2026-01-29'];
    expect(fomcDays(dates).map((m) => [m.time, m.bp, m.decision, m.kind])).toEqual([
      ['2025-12-10', -25, '-25', 'cut'],
      ['2026-01-28', 0, 'hold', 'hold'],
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

  it('keeps the latest label whole, shortens crowded earlier ones to their shape, then raises them a row (a phone-width chart)', () => {
    // Tags 30 px wide, shapes 10 px, 4 px apart at least on a row. The latest at x 200 spans 185..215. The one
    // at x 180 (165..195) collides, its shape (175..185) is 0 px from 185: too close on the foot's row, so it
    // goes up a row (175..185 there). The one at 160 (145..175) clears 185 - 4 = 181: whole. The one at 150:
    // whole collides with 145..175, its shape (145..155) too; on the row above 155 + 4 <= 175: raised. The one
    // at 120 (105..135) clears 145 - 4: whole.
    expect(fitFomcLabels([120, 150, 160, 180, 200], [30, 30, 30, 30, 30], 10, 4)).toEqual([
      'full',
      'raised',
      'full',
      'raised',
      'full',
    ]);
    // A shape fits where the whole label does not: x 172 whole (157..187) hits 185..215; shape 167..177 clears.
    expect(fitFomcLabels([172, 200], [30, 30], 10, 4)).toEqual(['short', 'full']);
    // A tag that may not be whole (an infinite width) is its shape alone even when nothing is near.
    expect(fitFomcLabels([60], [Number.POSITIVE_INFINITY], 10, 4)).toEqual(['short']);
    // Both rows full: the line alone. Shapes at 100, 104, 108 (10 px wide): 108 on the foot, 104 raised,
    // 100 collides on both rows.
    expect(fitFomcLabels([100, 104, 108], [30, 30, 30], 10, 4)).toEqual(['none', 'raised', 'full']);
  });

  it('never lets two drawn tags of a row come closer than the gap', () => {
    const xs = Array.from({ length: 40 }, (_, i) => 5 + i * 9.5);
    const widths = xs.map((_, i) => (i % 3 === 0 ? 38 : 30));
    const fit = fitFomcLabels(xs, widths, 12, 4);
    for (const row of [0, 1]) {
      const boxes = xs
        .map((x, i) => {
          const f = fit[i];
          if (row === 0 && f === 'full') return [x - widths[i]! / 2, x + widths[i]! / 2];
          if ((row === 0 && f === 'short') || (row === 1 && f === 'raised')) return [x - 6, x + 6];
          return null;
        })
        .filter((b): b is number[] => b !== null);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]! - boxes[i - 1]![1]!).toBeGreaterThanOrEqual(4);
    }
    expect(fit.at(-1)).toBe('full');
    // Two rows of 12 px shapes 4 px apart hold about two decisions every 16 px: few are left bare.
    expect(fit.filter((f) => f === 'none').length).toBeLessThan(xs.length / 4);
  });
});

describe('fomcReadout', () => {
  it('names the decision in full on its bar (cut, hike or hold, and the move) and nothing on other days', () => {
    const words = fomcReadout(fomcDays(['2025-12-10', '2026-01-28']));
    expect(words('2025-12-10')).toBe(' · FOMC cut -25 bp');
    expect(words('2026-01-28')).toBe(' · FOMC hold');
    expect(words('2025-12-11')).toBe('');
    // 2022-06-15: +75 bp (FOMC_MEETINGS); 2020-03-15, a Sunday, drawn on the Monday's bar and dated in words.
    expect(fomcReadout(fomcDays(['2022-06-15']))('2022-06-15')).toBe(' · FOMC hike +75 bp');
    const sunday = fomcDays(['2020-03-13', '2020-03-16'], {}, [{ date: '2020-03-15', decisionBp: -100 }]);
    expect(fomcReadout(sunday)('2020-03-16')).toBe(' · FOMC cut -100 bp (meeting of 2020-03-15)');
  });
});

describe('fomcKind and fomcKinds', () => {
  it('tells a cut, a hike and a hold apart by the sign of the move, and lists the kinds present in legend order', () => {
    expect([fomcKind(-25), fomcKind(50), fomcKind(0)]).toEqual(['cut', 'hike', 'hold']);
    // 2024-12-18 -25, then holds from 2025-01-29 (FOMC_MEETINGS): a cut and holds, no hike.
    expect(fomcKinds(fomcDays(['2024-12-18', '2025-01-29', '2025-03-19']))).toEqual(['cut', 'hold']);
    expect(fomcKinds([])).toEqual([]);
  });
});
