/** Compare's line looks and default ratio pair (the screenshot review: MAG7 hidden under MAGS; a stale ^RUT ratio). */
import { describe, expect, it } from 'vitest';
import { defaultRatioPair, lineLook, payoutDays, staleSeriesWords } from './compare-lines.js';

describe('lineLook', () => {
  it('alternates a wide solid and a narrower dashed line, so neighbours that coincide both show', () => {
    const looks = [0, 1, 2, 3].map((i) => lineLook(i, false));
    expect(looks.map((l) => l.dash)).toEqual(['solid', 'dashed', 'solid', 'dashed']);
    expect(looks.map((l) => l.width)).toEqual([3, 2, 3, 2]);
    // The default list ^SP600, ^RUT, MAG7, MAGS: MAG7 (2) and MAGS (3) differ in dash and width.
    expect(lineLook(2, false)).not.toEqual(lineLook(3, false));
  });
  it('draws a stale series dotted and faded: finely dotted for an even series, sparsely for an odd one', () => {
    expect(lineLook(0, true)).toEqual({ dash: 'dotted', width: 2, faded: true });
    expect(lineLook(1, true)).toEqual({ dash: 'sparse', width: 2, faded: true });
  });
  it("follows the palette's style by the colour's number, so confusable colours never share a look", () => {
    // ^RUT (0, stale), IWM (1), SPSM (2), MAG7 (3): the style is the colour's, not counted among current series.
    expect([lineLook(0, true), lineLook(1, false), lineLook(2, false), lineLook(3, false)].map((l) => l.dash)).toEqual([
      'dotted',
      'dashed',
      'solid',
      'dashed',
    ]);
  });
});

describe('defaultRatioPair', () => {
  // The shared real data: ^RUT ends 2026-02-23, the ETFs and the MAG7 basket 2026-08-03.
  const last = new Map([
    ['^RUT', '2026-02-23'],
    ['IWM', '2026-08-03'],
    ['SPSM', '2026-08-03'],
    ['MAG7', '2026-08-03'],
    ['MAGS', '2026-08-03'],
  ]);
  it('leaves out a series that ends before the page day', () => {
    expect(defaultRatioPair(['^SP600', '^RUT', 'MAG7', 'MAGS'], last, '2026-08-03')).toEqual(['MAG7', 'MAGS']);
    expect(defaultRatioPair(['^RUT', 'IWM', 'SPSM', 'MAG7'], last, '2026-08-03')).toEqual(['IWM', 'MAG7']);
  });
  it('keeps ^RUT on a day it has a bar (as of 2025-12-11 every series is current)', () => {
    expect(defaultRatioPair(['^RUT', 'IWM', 'SPSM', 'MAG7'], last, '2025-12-11')).toEqual(['^RUT', 'MAG7']);
  });
  it('falls back to the first and last named when fewer than two are current', () => {
    expect(defaultRatioPair(['^RUT', 'MAG7'], new Map([['MAG7', '2026-08-03']]), '2026-08-03')).toEqual([
      '^RUT',
      'MAG7',
    ]);
    expect(defaultRatioPair([], last, '2026-08-03')).toEqual(['', '']);
  });
});

describe('payoutDays', () => {
  it("finds a fund's ex-distribution day from its two closes (the demo MAGS, 2025-12-19 to 2025-12-23)", () => {
    // /api/series/MAGS on the demo store: adjClose / close is 0.9960005286809 up to 2025-12-19, then 1.
    const dates = ['2025-12-18', '2025-12-19', '2025-12-22', '2025-12-23'];
    const close = [38.23, 37.83, 38.3, 38.38];
    const adj = [38.07710021147237, 37.6787, 38.3, 38.38];
    const out = payoutDays(dates, close, adj, '2025-12-01');
    expect(out.map((p) => p.date)).toEqual(['2025-12-22']);
    // 1 - 0.9960005286809 / 1 = 0.0039994713: 0.40% of the price paid out.
    expect(out[0]!.fraction).toBeCloseTo(0.0039994713, 9);
    // Only after the base day: a payout on the base day itself is already in the base price.
    expect(payoutDays(dates, close, adj, '2025-12-22')).toEqual([]);
  });

  it("leaves out a basket's drift, gaps and jumps too large for a payout", () => {
    // MAG7 on the demo store: the factor moves by about 0.0005% a day (1.0265940 -> 1.0265996).
    expect(payoutDays(['a', 'b'], [1275.42, 1292.3], [1309.341, 1326.683], '')).toEqual([]);
    // A missing close is skipped, the step measured across it; a 40% step is a data fault, not a payout.
    expect(payoutDays(['a', 'b', 'c'], [10, null, 10], [9.9, 5, 10], '').map((p) => p.date)).toEqual(['c']);
    expect(payoutDays(['a', 'b'], [10, 10], [6, 10], '')).toEqual([]);
  });
});

describe('staleSeriesWords', () => {
  it('agrees with the count: one series ends ... its last day; two series end ... their last days', () => {
    // The review of the real data's Compare page: "1 end before 2026-08-03 (... labelled with their last day)".
    expect(staleSeriesWords(1, '2026-08-03')).toBe(
      '1 series ends before 2026-08-03 (marked stale, dotted, labelled with its last day)',
    );
    expect(staleSeriesWords(2, '2026-08-03')).toBe(
      '2 series end before 2026-08-03 (marked stale, dotted, labelled with their last days)',
    );
  });
});
