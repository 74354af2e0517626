import { describe, expect, it } from 'vitest';
import {
  type BarSpan,
  declutterMarkers,
  keepTextsOffData,
  labelSpanDays,
  mergeAxisLabels,
  mergeSameBar,
  staggerAxisLabels,
  textOverBars,
} from './label-declutter.js';

describe('declutterMarkers', () => {
  const m = (time: string, position: string, text: string) => ({ time, position, text });

  it('merges a repeated word, moves a different one to the free side, drops what cannot fit', () => {
    // 10-day gap: 01-05 is 4 days after 01-01 (too close), 01-20 is 19 days after (free).
    const out = declutterMarkers(
      [
        m('2025-01-01', 'aboveBar', 'anchor'),
        m('2025-01-05', 'aboveBar', 'anchor'),
        m('2025-01-06', 'aboveBar', 'confirmed'),
        m('2025-01-08', 'aboveBar', 'ATH'),
        m('2025-01-20', 'aboveBar', 'anchor'),
      ],
      10,
    );
    expect(out.map((x) => [x.position, x.text])).toEqual([
      ['aboveBar', 'anchor'],
      ['aboveBar', ''], // the same word 4 days on: merged into the first
      ['belowBar', 'confirmed'], // another word: staggered under the bars, where nothing is written
      ['aboveBar', ''], // both sides taken within 10 days: the mark stays, its text goes
      ['aboveBar', 'anchor'], // 19 days after the first: room again
    ]);
  });

  it('leaves in-bar marks in place (no other side) and keeps markers without text untouched', () => {
    const out = declutterMarkers([m('2025-01-01', 'inBar', 'figure'), m('2025-01-02', 'inBar', 'ends')], 5);
    expect(out.map((x) => [x.position, x.text])).toEqual([
      ['inBar', 'figure'],
      ['inBar', ''],
    ]);
  });
});

describe('labelSpanDays', () => {
  it('is the days a label of N pixels covers: 64 px on 640 px showing 365 days is 36.5 days', () => {
    expect(labelSpanDays(365, 640, 64)).toBeCloseTo(36.5, 12);
    expect(labelSpanDays(10, 1000, 64)).toBe(1);
    expect(labelSpanDays(365, 0)).toBe(1);
  });
});

describe('mergeAxisLabels', () => {
  it('keeps the higher priority label and merges the titles of those within the gap', () => {
    const r = mergeAxisLabels(
      [
        { id: 'ath', y: 105, title: 'ATH', priority: 1 },
        { id: 'last', y: 100, title: '', priority: 2 },
        { id: 'high', y: 110, title: '52w high', priority: 1 },
        { id: 'base', y: 200, title: 'base', priority: 0 },
      ],
      18,
    );
    // ath (5 px) and high (10 px) fall under the last value's label; base is 100 px away.
    expect([...r.hidden].sort()).toEqual(['ath', 'high']);
    expect(r.shown.get('last')).toBe('ATH · 52w high');
    expect(r.shown.get('base')).toBe('base');
  });
});

describe('staggerAxisLabels', () => {
  it('moves a level label off the last value instead of hiding it: RSI 68.06 at y 100, the 70 level 5 px above', () => {
    // 18 px labels: 70 goes one label height above the last value (100 - 18 = 82); 30, far below, stays.
    expect(staggerAxisLabels(100, [95, 180], 18, 300)).toEqual([82, 180]);
    // A level just under the last value goes one label below it.
    expect(staggerAxisLabels(100, [110], 18, 300)).toEqual([118]);
    // Two levels on the same side stack outward, each a label height from the one before.
    expect(staggerAxisLabels(100, [97, 92], 18, 300)).toEqual([82, 64]);
    // No room above the pane's top (half a label, 9 px): the level goes below the last value instead.
    expect(staggerAxisLabels(12, [6], 18, 300)).toEqual([30]);
    // Labels already apart are left on their prices.
    expect(staggerAxisLabels(100, [40, 160], 18, 300)).toEqual([40, 160]);
  });
});

describe('mergeSameBar', () => {
  it("merges IWM's new ATH and its 4-day streak on 2025-12-11 (the API's events of the day) into one marker", () => {
    const out = mergeSameBar([
      { time: '2025-04-08', position: 'belowBar', text: '52w low', color: 'red' },
      { time: '2025-12-11', position: 'aboveBar', text: 'new ATH', color: 'orange' },
      { time: '2025-12-11', position: 'aboveBar', text: '4 days up', color: 'orange' },
      { time: '2025-12-11', position: 'aboveBar', text: 'new ATH', color: 'orange' },
      { time: '2025-12-11', position: 'belowBar', text: 'FOMC', color: 'grey' },
    ]);
    expect(out.map((m) => [m.time, m.position, m.text])).toEqual([
      ['2025-04-08', 'belowBar', '52w low'],
      ['2025-12-11', 'aboveBar', 'new ATH · 4 days up'],
      ['2025-12-11', 'belowBar', 'FOMC'],
    ]);
  });
});

describe('keepTextsOffData', () => {
  // Bars 10 px apart at x 0..100; a text 60 px wide centred on its bar reaches 30 px (three bars) each way.
  // A text sits 12 px past its bar's end and is 16 px tall (above: top - 28 .. top - 12).
  const bars = (tops: number[]): BarSpan[] => tops.map((t, i) => ({ x: i * 10, top: t, bottom: t + 4 }));

  it('keeps a text whose box no bar reaches, moves one over the bars to the clear side, else drops it', () => {
    // A peak at bar 5 (top 50): above it the text spans y 22..38, and its neighbours (tops 100) lie below.
    const peak = bars([100, 100, 100, 100, 100, 50, 100, 100, 100, 100, 100]);
    expect(textOverBars(peak[5]!, 60, 'aboveBar', peak)).toBe(false);
    // Below the peak (y 66..82) the neighbours' 100..104 stay clear too; a dip's below-text would not.
    expect(textOverBars(peak[5]!, 60, 'belowBar', peak)).toBe(false);
    // A rising line: the text below bar 8 (top 20, bottom 24: y 36..52) lies across bars 5-7 (tops 50, 40, 30).
    const rise = bars([100, 90, 80, 70, 60, 50, 40, 30, 20, 20, 20]);
    expect(textOverBars(rise[8]!, 60, 'belowBar', rise)).toBe(true);
    expect(textOverBars(rise[8]!, 60, 'aboveBar', rise)).toBe(false);
    const markers = [{ time: 't8', position: 'belowBar', text: '4-day down streak ended' }];
    const spanOf = () => ({ at: rise[8]!, near: rise });
    expect(keepTextsOffData(markers, spanOf, () => 60)[0]).toMatchObject({ position: 'aboveBar' });
    // Both sides over the data (a zigzag around the bar): no words on the plot, the arrow stays.
    const zig = bars([40, 80, 40, 80, 40, 60, 40, 80, 40, 80, 40]);
    const m2 = [{ time: 't5', position: 'aboveBar', text: 'streak ended' }];
    expect(
      keepTextsOffData(
        m2,
        () => ({ at: zig[5]!, near: zig }),
        () => 60,
      )[0],
    ).toMatchObject({ text: '' });
  });

  it('does not move a text onto another text kept on that side', () => {
    const rise = bars([100, 90, 80, 70, 60, 50, 40, 30, 20, 20, 20]);
    const flat = bars([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).map((b) => ({ ...b, top: 200, bottom: 204 }));
    // The first text, above bar 7 of a flat line far below, is kept; the second would flip onto it: dropped.
    const markers = [
      { time: 'a', position: 'aboveBar', text: 'new ATH' },
      { time: 'b', position: 'belowBar', text: 'streak ended' },
    ];
    const spans = [
      { at: { ...flat[7]!, top: 60, bottom: 64 }, near: flat },
      { at: rise[8]!, near: rise },
    ];
    let k = 0;
    const out = keepTextsOffData(
      markers,
      () => spans[k++]!,
      () => 60,
    );
    expect(out.map((m) => [m.position, m.text])).toEqual([
      ['aboveBar', 'new ATH'],
      ['belowBar', ''],
    ]);
  });
});
