import { describe, expect, it } from 'vitest';
import { fomcMarkers } from './fomc-marks.js';

const colours = { text: '#111111', muted: '#888888' };

describe('fomcMarkers', () => {
  it('marks each decided meeting inside the dates, labelling moves and not holds (FOMC_MEETINGS)', () => {
    // 2025-12-10: -25 bp (the cut the column is about); 2026-01-28: a hold.
    const dates = ['2025-12-09', '2025-12-10', '2025-12-11', '2026-01-27', '2026-01-28', '2026-01-29'];
    const out = fomcMarkers(dates, colours);
    expect(out.map((m) => [m.time, m.text, m.color])).toEqual([
      ['2025-12-10', 'FOMC -25', '#111111'],
      ['2026-01-28', '', '#888888'],
    ]);
  });

  it('puts a meeting on a day without a bar on the next bar, and skips undecided or outside meetings', () => {
    const meetings = [
      { date: '2020-03-15', decisionBp: -100, unscheduled: true }, // a Sunday
      { date: '2020-04-29', decisionBp: 0 },
      { date: '2027-01-27', decisionBp: null },
    ];
    const out = fomcMarkers(['2020-03-13', '2020-03-16', '2020-03-17'], colours, meetings);
    expect(out.map((m) => [m.time, m.text])).toEqual([['2020-03-16', 'FOMC -100']]);
    expect(fomcMarkers([], colours, meetings)).toEqual([]);
  });
});
