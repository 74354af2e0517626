/** The wide-table helpers, by hand on column edges measured at 412 px (the Lighthouse phone). */
import { expect, test } from 'vitest';
import { alignedScroll, columnsPastRight, scrollCue } from './table-scroll.js';

// The Overview's performance table at 412 px without the name: Symbol 0-70, Close 70-150, 1D 150-220,
// MTD 220-290, YTD 290-370, 1Y 370-440, From ATH 440-530 …; the scroller is 330 px wide.
const LEFTS = [0, 70, 150, 220, 290, 370, 440];

test('the sorted column is brought in with a column boundary at the sticky edge, never half under it', () => {
  // YTD ends at 370 > 330: scrolling 40 px would leave Close half under Symbol (the Lighthouse target-size
  // failure); the smallest aligned scroll is 80 (Close's left 70 + 80 - 70 = wholly under the sticky 70 px).
  expect(alignedScroll(LEFTS, 70, 330, 370)).toBe(80);
  // 1Y (right 440): 80 leaves 440 - 80 = 360 > 330, so the next boundary, 150 (1D under Symbol).
  expect(alignedScroll(LEFTS, 70, 330, 440)).toBe(150);
  // Already in view: no scroll.
  expect(alignedScroll(LEFTS, 70, 330, 290)).toBe(0);
  // Wider than any boundary allows: scrolled just enough.
  expect(alignedScroll([0, 70], 70, 100, 400)).toBe(300);
});

test('the cue counts the columns past the right edge, or those scrolled past', () => {
  expect(columnsPastRight([150, 220, 290, 370, 440, 530], 330)).toBe(3);
  expect(columnsPastRight([150, 220, 330.5], 330)).toBe(0);
  expect(scrollCue(3, 0)).toBe('3 more columns →');
  expect(scrollCue(1, 0)).toBe('1 more column →');
  expect(scrollCue(4, 1)).toBe('← 1 · 4 more columns →');
  expect(scrollCue(0, 2)).toBe('← 2 columns scrolled past');
  expect(scrollCue(0, 0)).toBeNull();
});
