/**
 * Axis labels that stay readable. Expected values worked by hand: pixel distances on a made-up pane,
 * the 1-2-5 (and 1-2-3-5) log ticks of each decade inside the range, and the labels of time ticks.
 */
import { describe, expect, test } from 'vitest';
import {
  cutAtPlotEdge,
  keepTickLabels,
  niceLinearTicks,
  niceLogTicks,
  TICK_DAY,
  TICK_MONTH,
  TICK_YEAR,
  TIME_LABEL_MIN_PX,
  timeTickLabel,
} from './axis-ticks.js';

describe('keepTickLabels', () => {
  // A 200 px pane, labels 18 px high, the last value's label at y = 100.
  const keep = (ys: (number | null)[]) => keepTickLabels(ys, { height: 200, labelYs: [100], labelPx: 18 });

  test('a tick within a label height of the last value is blank, the last value itself is not', () => {
    expect(keep([100, 90, 83, 81.9, 118.1, 117])).toEqual([true, false, false, true, true, false]);
  });

  test("ticks closer than half a label to the pane's top or bottom edge are blank (they would stack on the next pane's)", () => {
    // The junction defect: a 180.00 at the price pane's bottom edge over an RSI 80.00 at the top of the pane below.
    expect(keep([5, 9, 40, 191, 195, null])).toEqual([false, true, true, true, false, true]);
  });

  test('with no last value only the edges are checked', () => {
    expect(keepTickLabels([100, 2, 199], { height: 200, labelYs: [null], labelPx: 18 })).toEqual([true, false, false]);
  });

  test("a price line's label (the ATH's at y 40) clears the ticks next to it too (1700.00 under ATH 1685.45)", () => {
    expect(keepTickLabels([30, 52, 100, 130], { height: 200, labelYs: [120, 40], labelPx: 18 })).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });
});

describe('niceLogTicks', () => {
  test('a ratio from 27 to 210 reads 30, 50, 100, 200 (not 29, 35, 53, 65)', () => {
    expect(niceLogTicks(27, 210, 8)).toEqual([30, 50, 100, 200]);
  });
  test('the VIX from 14 to 60: 15, 20, 30, 40, 50, 60', () => {
    expect(niceLogTicks(14, 60, 8)).toEqual([15, 20, 30, 40, 50, 60]);
  });
  test('over four decades only the 1-2-5 values fit in 8 labels: 1, 10, 100, 1000, 10000', () => {
    expect(niceLogTicks(0.9, 12_000, 8)).toEqual([1, 10, 100, 1000, 10_000]);
  });
  test('a range too narrow for log steps falls back to round linear steps', () => {
    expect(niceLogTicks(100, 104, 8)).toEqual([100, 101, 102, 103, 104]);
  });
  test('no ticks for a non-positive or empty range', () => {
    expect(niceLogTicks(0, 10, 8)).toEqual([]);
    expect(niceLogTicks(5, 5, 8)).toEqual([]);
  });
});

describe('niceLinearTicks', () => {
  test('steps of 1, 2, 2.5 or 5 times a power of ten, at most maxCount values', () => {
    expect(niceLinearTicks(3.41, 4.42, 6)).toEqual([3.5, 3.75, 4, 4.25]);
    expect(niceLinearTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('timeTickLabel', () => {
  test('years and months by name', () => {
    expect(timeTickLabel('2025-01-02', TICK_YEAR, 365)).toBe('2025');
    expect(timeTickLabel('2025-02-03', TICK_MONTH, 365)).toBe('Feb');
  });
  test('over a long range a day-of-month tick is blank (no stray "12" between month names)', () => {
    expect(timeTickLabel('2025-12-12', TICK_DAY, 365)).toBe('');
  });
  test("over a long range a day tick in a month's first week names the month (DGS2's '2' for 2 Dec 2025 reads 'Dec')", () => {
    expect(timeTickLabel('2025-12-02', TICK_DAY, 365)).toBe('Dec');
    expect(timeTickLabel('2026-01-05', TICK_DAY, 365)).toBe('2026');
    expect(timeTickLabel('2025-12-08', TICK_DAY, 365)).toBe('');
  });
  test('over a short range a day reads with its month, never a bare number', () => {
    expect(timeTickLabel('2025-12-12', TICK_DAY, 30)).toBe('12 Dec');
  });
  test('the least room between two time labels is 50 px: (12 px font + 4) * 5 px per 8 characters, 5 characters', () => {
    expect(TIME_LABEL_MIN_PX).toBe(50);
  });
  // The Rotation page's ratio chart at 390 px: a 285 px plot. Shown 2020-12-11 .. 2026-12-04 (the demo, 2,184
  // days): 285 * 365.25 / 2184 = 47.7 px a year, under 1.2 * 50 = 60, so the library skips every other year
  // label and a month after a skipped year read as the year before ("2021 2024 Apr", April being 2026's).
  test('no month is named where a year is narrower than the room two labels need (a skipped year would misdate it)', () => {
    expect(timeTickLabel('2026-04-01', TICK_MONTH, 2184, 285)).toBe('');
    expect(timeTickLabel('2026-04-06', TICK_DAY, 2184, 285)).toBe('');
    expect(timeTickLabel('2026-01-05', TICK_DAY, 2184, 285)).toBe('2026');
    expect(timeTickLabel('2026-01-02', TICK_YEAR, 2184, 285)).toBe('2026');
  });
  test('months are named where every year has room (2022-10-06 .. 2025-12-11, 1,162 days, in 285 px: 89.6 px a year)', () => {
    expect(timeTickLabel('2025-04-01', TICK_MONTH, 1162, 285)).toBe('Apr');
    expect(timeTickLabel('2025-04-03', TICK_DAY, 1162, 285)).toBe('Apr');
    // The edge: 60 px a year names months, 59 does not.
    expect(timeTickLabel('2025-04-01', TICK_MONTH, 365.25, 60)).toBe('Apr');
    expect(timeTickLabel('2025-04-01', TICK_MONTH, 365.25, 59)).toBe('');
  });
});

describe('cutAtPlotEdge', () => {
  test("a label centred closer to an edge than half its width (9 px a character) is cut: 'Sep' at 4 px is", () => {
    // 'Sep': 3 x 9 / 2 = 13.5 px either side of its tick.
    expect(cutAtPlotEdge(4, 'Sep', 800)).toBe(true);
    expect(cutAtPlotEdge(13, 'Sep', 800)).toBe(true);
    expect(cutAtPlotEdge(14, 'Sep', 800)).toBe(false);
    // '2023': 18 px either side; on an 800 px plot the right edge cuts from 782 px.
    expect(cutAtPlotEdge(17.9, '2023', 800)).toBe(true);
    expect(cutAtPlotEdge(18, '2023', 800)).toBe(false);
    expect(cutAtPlotEdge(782, '2023', 800)).toBe(false);
    expect(cutAtPlotEdge(782.1, '2023', 800)).toBe(true);
  });
  test('a blank label or a tick off the plot is never cut', () => {
    expect(cutAtPlotEdge(2, '', 800)).toBe(false);
    expect(cutAtPlotEdge(null, 'Sep', 800)).toBe(false);
  });
});
