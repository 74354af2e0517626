/**
 * Which axis labels a chart prints, decided in pixels and values so the axes stay readable: price
 * ticks that would sit under the last-value label or across a pane's edge (where they stack on the
 * next pane's top tick) are left blank; a log axis gets round 1-2-5 values; a long time axis names
 * months and years, never a stray day of the month. Pure functions: unit-tested without a browser.
 */

/**
 * Which tick labels to keep on a price axis. `ys` are the ticks' pixel positions in their pane (null
 * when off screen), `height` the pane's height, `labelYs` where the axis already has labels of its own
 * (the last value's, a price line's such as the ATH). A tick is blank when its label would overlap one
 * of those (closer than `labelPx`, a label's own value excepted) or would cross the pane's top or bottom
 * edge (closer than half a label), where it would stack on the label of the pane above or below.
 */
export function keepTickLabels(
  ys: readonly (number | null)[],
  options: { readonly height: number; readonly labelYs: readonly (number | null)[]; readonly labelPx: number },
): boolean[] {
  const { height, labelYs, labelPx } = options;
  const half = labelPx / 2;
  return ys.map((y) => {
    if (y === null) return true;
    for (const ly of labelYs) if (ly !== null && Math.abs(y - ly) >= 0.5 && Math.abs(y - ly) < labelPx) return false;
    return !(height > 0 && (y < half || y > height - half));
  });
}

/**
 * Round values for a log axis between `lo` and `hi` (both > 0): each decade's 1, 2 and 5 (and, when the
 * range is short, 1 ... 9 and then halves), thinned to at most `maxCount`, as a chartist reads them
 * (20, 50, 100, 200, not 29, 35, 53, 65).
 */
export function niceLogTicks(lo: number, hi: number, maxCount: number): number[] {
  if (!(lo > 0) || !(hi > lo) || maxCount < 2) return [];
  const steps: readonly (readonly number[])[] = [
    [1],
    [1, 2, 5],
    [1, 2, 3, 5],
    [1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9],
  ];
  let best: number[] = [];
  for (const mantissas of steps) {
    const values: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
      for (const m of mantissas) {
        const v = Number((m * 10 ** e).toPrecision(6));
        if (v >= lo && v <= hi) values.push(v);
      }
    if (values.length > maxCount) break;
    best = values;
    if (values.length >= Math.max(3, maxCount / 2)) break;
  }
  // A range so narrow that even the finest step has fewer than two values: fall back to a linear step.
  if (best.length < 2) return niceLinearTicks(lo, hi, maxCount);
  return best;
}

/** Round linear values inside [lo, hi]: steps of 1, 2, 2.5 or 5 times a power of ten, at most `maxCount`. */
export function niceLinearTicks(lo: number, hi: number, maxCount: number): number[] {
  if (!(hi > lo) || maxCount < 2) return [];
  const raw = (hi - lo) / maxCount;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => (hi - lo) / s + 1 <= maxCount) ?? 10 * pow;
  const out: number[] = [];
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** lightweight-charts' TickMarkType, by value (Year 0, Month 1, DayOfMonth 2, Time 3, TimeWithSeconds 4). */
export const TICK_YEAR = 0;
export const TICK_MONTH = 1;
export const TICK_DAY = 2;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The time axis' `tickMarkMaxCharacterLength`: our labels are at most "12 Dec" (6 narrow characters, about
 * 40 px at the library's 12 px font), so 5 of the library's characters, 50 px, is room enough between two.
 */
export const TIME_LABEL_CHARS = 5;
/** The least distance the library keeps between two time labels: (fontSize + 4) * 5 px per 8 characters. */
export const TIME_LABEL_MIN_PX = ((12 + 4) * 5 * TIME_LABEL_CHARS) / 8;

/** A little more than a time label character at the library's 12 px font (bold year digits are about 8.4 px wide). */
export const TIME_LABEL_CHAR_PX = 9;

/**
 * Whether a time label centred on `x` (px from the plot's left edge, null when off the plot) would be cut at
 * the plot's left or right edge on a plot `plotPx` wide. The library centres each label on its tick and clips
 * it at the pane's edge ("ep" for a Sep tick 4 px in, "023" for 2023) unless the chart fixes its left edge,
 * which the pages cannot (they leave room before the first bar); such a label is left blank instead.
 */
export function cutAtPlotEdge(x: number | null, label: string, plotPx: number): boolean {
  if (x === null || label === '') return false;
  const half = (label.length * TIME_LABEL_CHAR_PX) / 2;
  return x < half || x > plotPx - half;
}

/**
 * The label of a time-axis tick at `isoDate` of the library's tick type, on a plot `plotPx` wide showing
 * `spanDays` calendar days. Over a range longer than about three months a day-of-month tick (the library's
 * "12" between "Nov" and "Dec") is left blank, or names its month when it falls in the month's first week:
 * the axis then names months and years only; over a shorter range a day reads "12 Nov" so it is never a bare
 * number. A month is named only where every year gets its label: the library places the years first, each
 * at least TIME_LABEL_MIN_PX from the last, then fits months into the gaps, so when a year is narrower than
 * that (with a fifth to spare: a year has 250 to 253 sessions) a year label is skipped and a month after it
 * read as the wrong year ("2024 ... Apr" for April 2025 on the ratio chart at 390 px); the months stay blank.
 */
export function timeTickLabel(
  isoDate: string,
  type: number,
  spanDays: number,
  plotPx = Number.POSITIVE_INFINITY,
): string {
  const year = isoDate.slice(0, 4);
  const month = MONTHS[Number(isoDate.slice(5, 7)) - 1] ?? '';
  const day = String(Number(isoDate.slice(8, 10)));
  const monthsFit = spanDays <= 0 || (plotPx * 365.25) / spanDays >= 1.2 * TIME_LABEL_MIN_PX;
  if (type === TICK_YEAR) return year;
  if (type === TICK_MONTH) return monthsFit ? month : '';
  if (type === TICK_DAY) {
    if (spanDays <= 95) return `${day} ${month}`;
    // The library marks a month whose first trading days it skipped with a day tick ("2" for 2 Dec):
    // in a month's first week that tick names the month (the year in January); later ones stay blank.
    if (Number(day) <= 7) return month === 'Jan' ? year : monthsFit ? month : '';
    return '';
  }
  return isoDate;
}
