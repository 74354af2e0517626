/**
 * How Compare draws its lines so that two series of the same shape (the MAG7 basket and the MAGS fund
 * that tracks it) never hide each other, and which pair its ratio opens on. Pure: no DOM, no chart.
 */

import { type LineDash, seriesDash } from '../../palette.js';

export type { LineDash };

export interface LineLook {
  readonly dash: LineDash;
  /** Pixels; a solid line is drawn wider than the dashed one after it, so it shows through the dashes. */
  readonly width: 2 | 3;
  /** A stale series (ending before the page's day) is faded as well as dotted. */
  readonly faded: boolean;
}

/**
 * The look of series number `i` (its colour's number, palette.ts): the palette's style, solid for even
 * series and dashed for odd ones, so neighbours in the list (the likeliest to overlap: MAG7 then MAGS)
 * alternate and two series whose colours a colour-blind reader may confuse never share a style. The solid
 * ones are wider, so where two lines coincide the dashed one lies on top of the wider solid one and both
 * stay visible. A stale series is faded and dotted, finely for an even series and sparsely for an odd one
 * (the same split, so two stale series of confusable colours still differ).
 * @example lineLook(2, false) // { dash: 'solid', width: 3, faded: false }
 */
export function lineLook(i: number, stale: boolean): LineLook {
  const even = seriesDash(i) === 'solid';
  if (stale) return { dash: even ? 'dotted' : 'sparse', width: 2, faded: true };
  return even ? { dash: 'solid', width: 3, faded: false } : { dash: 'dashed', width: 2, faded: false };
}

/**
 * The ratio Compare opens on when the URL names none: the first and the last of the named series whose
 * data runs to the page's day (a stale series, such as ^RUT ending in February beside ETFs running to
 * August, would put the ratio on February's day); when fewer than two are current, the first and last named.
 * `lastDates` maps a ticker to its last stored bar (missing: not stored).
 * @example defaultRatioPair(['^RUT', 'MAG7', 'MAGS'], new Map([['^RUT', '2026-02-23'], ['MAG7', '2026-08-03'],
 *   ['MAGS', '2026-08-03']]), '2026-08-03') // ['MAG7', 'MAGS']
 */
export function defaultRatioPair(
  symbols: readonly string[],
  lastDates: ReadonlyMap<string, string>,
  day: string,
): [string, string] {
  const current = symbols.filter((s) => {
    const end = lastDates.get(s);
    return end !== undefined && end >= day;
  });
  const from = current.length >= 2 ? current : symbols;
  return [from[0] ?? '', from[from.length - 1] ?? ''];
}

/** A day on which a series' price fell by a payout: its ex-dividend (a fund's ex-distribution) day. */
export interface Payout {
  readonly date: string;
  /** The part of the price paid out, as a fraction (0.004 = 0.40%). */
  readonly fraction: number;
}

/**
 * The ex-dividend days of a series, read from its two closes: the adjusted close is the close times a
 * factor that steps up on each ex-date (earlier closes are scaled down by the payout), so a payout of p on
 * day t shows as factor(t - 1) / factor(t) = 1 - p. Days after `after` only; steps below `min` (a basket's
 * index of adjusted closes drifts from its price index by hundredths of a percent) and above 25% (not a
 * payout: a data fault) are left out. The price line of such a series steps down by p on that day and a
 * total-return line does not: Compare marks and names the days so a step is never unexplained (the demo
 * MAGS fund's yearly distribution of 2025-12-22 stepped MAG7/MAGS up by 0.40%).
 * @example payoutDays(['a', 'b', 'c'], [10, 10, 9.96], [9.96, 9.96, 9.96], 'a') // [{ date: 'c', fraction: 0.004 }]
 */
export function payoutDays(
  dates: readonly string[],
  close: readonly (number | null)[],
  adjClose: readonly (number | null)[],
  after: string,
  min = 0.001,
): Payout[] {
  const out: Payout[] = [];
  let before: number | null = null;
  for (let i = 0; i < dates.length; i++) {
    const c = close[i];
    const a = adjClose[i];
    if (c == null || a == null || !(c > 0) || !(a > 0)) continue;
    const factor = a / c;
    if (before !== null && dates[i]! > after) {
      const fraction = 1 - before / factor;
      if (fraction >= min && fraction <= 0.25) out.push({ date: dates[i]!, fraction });
    }
    before = factor;
  }
  return out;
}

/**
 * The caption's words for the series that end before the page's day, the verb and pronoun agreeing with
 * the count (the caption read "1 end before ... labelled with their last day").
 * @example staleSeriesWords(1, '2026-08-03') // "1 series ends before 2026-08-03 (marked stale, dotted, labelled with its last day)"
 */
export function staleSeriesWords(count: number, day: string): string {
  return count === 1
    ? `1 series ends before ${day} (marked stale, dotted, labelled with its last day)`
    : `${count} series end before ${day} (marked stale, dotted, labelled with their last days)`;
}
