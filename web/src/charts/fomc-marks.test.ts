import { describe, expect, it } from 'vitest';
import { fomcDays, fomcDecision, fomcKind, fomcKinds, fomcReadout, layoutFomcTags } from './fomc-marks.js';

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

describe('layoutFomcTags', () => {
  // Words 6 px a character; a shape with its padding 14 px, 3 px to the words, 4 px between tags: a tag
  // "▼ -25" is 14 + 3 + 18 = 35 px wide, "○ hold" 41 px.
  const sizes = { shape: 14, glyphGap: 3, gap: 4 };
  const measure = (w: string) => 6 * w.length;
  const cut = (time: string, bp = -25) => ({ time, date: time, bp, decision: fomcDecision(bp), kind: fomcKind(bp) });
  const hold = (time: string) => ({ time, date: time, bp: 0, decision: 'hold', kind: 'hold' as const });
  const brief = (tags: ReturnType<typeof layoutFomcTags>) =>
    tags.map((t) => [t.days, t.words, t.left, t.right, t.row, t.drawn]);

  it('tags every decision whole on the foot when they are far apart', () => {
    const days = [cut('2025-09-17'), hold('2025-10-29'), cut('2025-12-10')];
    expect(brief(layoutFomcTags(days, [50, 150, 250], 400, measure, sizes))).toEqual([
      [[0], '-25', 32.5, 67.5, 0, true],
      [[1], 'hold', 129.5, 170.5, 0, true],
      [[2], '-25', 232.5, 267.5, 0, true],
    ]);
  });

  it('puts a crowded tag whole on the row above, the latest keeping the foot (the ratio chart at 1440 px)', () => {
    // The latest at 120 spans 102.5..137.5; the one at 100 (82.5..117.5) would come within 4 px of it on the
    // foot, so it goes up a row, whole: no move drawn as a bare shape.
    expect(brief(layoutFomcTags([cut('a'), cut('b')], [100, 120], 400, measure, sizes))).toEqual([
      [[0], '-25', 82.5, 117.5, 1, true],
      [[1], '-25', 102.5, 137.5, 0, true],
    ]);
    // A tag is slid inside the chart at its edges.
    expect(brief(layoutFomcTags([cut('a')], [5], 400, measure, sizes))).toEqual([[[0], '-25', 0, 35, 0, true]]);
  });

  it('joins a move that finds no room to the nearest tag of its kind, their sizes in date order (the 2022-23 hikes on a phone)', () => {
    // At 100, 110, 120: 120 on the foot (102.5..137.5), 110 up a row (92.5..127.5), 100 finds no room on either:
    // it joins 110, the nearest cut, as one tag "-50 -25" (14 + 3 + 42 = 59 px) centred on the pair's middle, 105:
    // 75.5..134.5, which fits up a row once 110 has left it.
    const days = [cut('a', -50), cut('b'), cut('c')];
    expect(brief(layoutFomcTags(days, [100, 110, 120], 400, measure, sizes))).toEqual([
      [[0, 1], '-50 -25', 75.5, 134.5, 1, true],
      [[2], '-25', 102.5, 137.5, 0, true],
    ]);
    // A hike beside them keeps its own tag and shape; the cuts join as far as they must: 130 on the foot
    // (112.5..147.5), 120 up a row; 110 and 100 find no room, 100 joins 110 ("-50 -25", 75.5..134.5: no room on
    // either row), then the pair joins 120: "-50 -25 -25" (83 px) at 110, 68.5..151.5, up a row.
    const mixed = [cut('a', -50), cut('b'), cut('c'), cut('d', 75)];
    expect(brief(layoutFomcTags(mixed, [100, 110, 120, 130], 400, measure, sizes))).toEqual([
      [[0, 1, 2], '-50 -25 -25', 68.5, 151.5, 1, true],
      [[3], '+75', 112.5, 147.5, 0, true],
    ]);
    // A hold between two crowded cuts is passed over: the cuts join each other, the hold keeps its shape or line.
    const withHold = [cut('a'), hold('b'), cut('c'), cut('d')];
    const tags = layoutFomcTags(withHold, [100, 105, 110, 120], 400, measure, sizes);
    expect(tags.filter((t) => t.kind === 'cut').every((t) => t.drawn)).toBe(true);
    expect(tags.flatMap((t) => t.days).sort()).toEqual([0, 1, 2, 3]);
  });

  it('keeps joining while a run is wider than there is room (a chart 90 px wide)', () => {
    // Alone: 84 on the foot (slid in: 55..90), 76 up a row (55..90), 68 and 60 nowhere. 68, the later, joins 60
    // (as near as 76; the earlier side is taken): "-25 -25" (59 px) at 64, slid in to 31..90, finds no room
    // either, so it joins 76: "-25 -25 -25" (83 px) at 68, slid in to 7..90, up a row.
    const days = [cut('a'), cut('b'), cut('c'), cut('d')];
    expect(brief(layoutFomcTags(days, [60, 68, 76, 84], 90, measure, sizes))).toEqual([
      [[0, 1, 2], '-25 -25 -25', 7, 90, 1, true],
      [[3], '-25', 55, 90, 0, true],
    ]);
  });

  it('lets a crowded hold keep its shape alone or its line alone: a hold has no size to lose', () => {
    // 108 whole on the foot (87.5..128.5), 104 whole up a row, 100: no room whole or as a shape (93..107).
    const tags = layoutFomcTags([hold('a'), hold('b'), hold('c')], [100, 104, 108], 400, measure, sizes);
    expect(tags.map((t) => [t.days, t.words, t.row, t.drawn])).toEqual([
      [[0], '', 0, false],
      [[1], 'hold', 1, true],
      [[2], 'hold', 0, true],
    ]);
  });

  it("never lets two drawn tags of a row come closer than the gap, and keeps every move's size", () => {
    // A year of decisions 9.5 px apart on a 400 px chart, a cut every third, holds between.
    const xs = Array.from({ length: 40 }, (_, i) => 5 + i * 9.5);
    const days = xs.map((_, i) => (i % 3 === 0 ? cut(`d${i}`) : hold(`d${i}`)));
    const tags = layoutFomcTags(days, xs, 400, measure, sizes);
    for (const row of [0, 1]) {
      const boxes = tags.filter((t) => t.drawn && t.row === row).sort((a, b) => a.left - b.left);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left - boxes[i - 1]!.right).toBeGreaterThanOrEqual(4);
    }
    expect(tags.flatMap((t) => t.days).sort((a, b) => a - b)).toEqual(xs.map((_, i) => i));
    for (const t of tags)
      if (t.kind !== 'hold') expect(t.drawn && t.words.split(' ').length === t.days.length).toBe(true);
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
