/** The API's data warnings in plain words (the screenshot review: "not computed ^SP600/MAG7 ..." said nothing a reader could act on). */
import { describe, expect, it } from 'vitest';
import { parseStaleWarning, plainWarning, staleBanner } from './data-notice.js';

describe('plainWarning', () => {
  it('says why a configured pair is not computed and how to get it, without naming a command', () => {
    // The events answer on the shared real data (no ^SP600, no RSP stored).
    const text = plainWarning(
      'not computed: ^SP600/MAG7 (no bars stored for ^SP600); RSP/SPY (no bars stored for RSP)',
    );
    expect(text).toBe(
      'Not computed: ^SP600/MAG7, because no prices are stored for ^SP600; RSP/SPY, because no prices are stored for RSP.',
    );
    expect(text).not.toMatch(/marketdash|--|`/);
  });
  it('explains that MAG7 is a basket built from its members', () => {
    expect(plainWarning('not computed: SPSM/MAG7 (no bars stored for MAG7)')).toBe(
      "Not computed: SPSM/MAG7, because no prices are stored for MAG7. MAG7 is a basket: it appears once its seven members' prices are stored.",
    );
  });
  it('a member of a group without bars (the rotation answer), and two series without a common day', () => {
    expect(plainWarning('not computed: XLC (no stored bars)')).toBe(
      'Not computed: XLC, because no prices are stored for it.',
    );
    expect(plainWarning('not computed: IWM/SPY (no common bar within 7 days of 2026-08-03)')).toBe(
      'Not computed: IWM/SPY, because its two series have no day in common within 7 days of 2026-08-03. It is drawn once both sides have prices for the same recent days.',
    );
  });
  it('leaves the other warnings as they are, as a note', () => {
    expect(plainWarning('data ends 2026-08-03; figures are as of that day (asked for 2030-01-02)')).toBe(
      'Note: data ends 2026-08-03; figures are as of that day (asked for 2030-01-02).',
    );
  });
});

describe('the stale-series notice', () => {
  it("reads the API's stale-rows warnings back (the perf answer on the shared real data)", () => {
    expect(
      parseStaleWarning(
        'rows with data ending before 2026-08-03 (marked stale, each as of its own last bar): ^RUT, ^VIX',
      ),
    ).toEqual({ symbols: ['^RUT', '^VIX'], more: 0 });
    expect(parseStaleWarning('series ending before 2026-08-03 (marked stale): A, B, C, D, E, F and 3 more')).toEqual({
      symbols: ['A', 'B', 'C', 'D', 'E', 'F'],
      more: 3,
    });
    expect(parseStaleWarning('not computed: XLC (no stored bars)')).toBeNull();
  });
  it('names every stale series with its own last day: the indexes of February and the yields of July', () => {
    const series = new Map<string, string | null>([
      ['DGS2', '2026-07-27'],
      ['^RUT', '2026-02-23'],
      ['^VIX', '2026-02-23'],
      ['DGS10', '2026-07-27'],
      ['XLC', null],
    ]);
    expect(staleBanner('2026-08-03', series)).toBe(
      'Series ending before 2026-08-03, each marked stale and shown as of its own last day: ^RUT and ^VIX (2026-02-23); DGS2 and DGS10 (2026-07-27); XLC.',
    );
    expect(staleBanner('2026-08-03', new Map([['A', '2026-01-02']]), 2)).toBe(
      'Series ending before 2026-08-03, each marked stale and shown as of its own last day: A (2026-01-02) and 2 more.',
    );
  });
});
