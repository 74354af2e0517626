import { describe, expect, it, test } from 'vitest';
import { declutterMarkers, labelSpanDays, mergeAxisLabels, yieldMinorTexts } from './label-declutter.js';

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

describe('yieldMinorTexts', () => {
  test("an FOMC text near a 52w low's text is dropped, its mark kept; one far from every other text stays", () => {
    // DGS2 on a phone (1Y in about 300 px, a label about 73 days wide): the cuts of 2025-09-17 and 2025-10-29
    // are 23 and 19 days from the 52-week low of 2025-10-10; the cut of 2025-12-10 is 61 days away.
    const markers = [
      { time: '2025-09-17', position: 'belowBar', text: 'FOMC -25', fomc: true },
      { time: '2025-10-10', position: 'belowBar', text: '52w low', fomc: false },
      { time: '2025-10-29', position: 'belowBar', text: 'FOMC -25', fomc: true },
      { time: '2025-12-10', position: 'belowBar', text: 'FOMC -25', fomc: true },
    ];
    yieldMinorTexts(markers, (m) => m.fomc, 30);
    expect(markers.map((m) => m.text)).toEqual(['', '52w low', '', 'FOMC -25']);
    expect(markers).toHaveLength(4);
  });
});
