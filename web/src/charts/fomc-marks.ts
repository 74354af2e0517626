/**
 * FOMC decision days on the symbol and ratio charts (src/config/fomc-meetings.ts): which bar each
 * meeting falls on, its label ("F -25", "F +50", "F hold") and which labels fit. Drawn by
 * fomc-lines.ts as a thin dashed vertical line through the pane with the label at its foot, as
 * TradingView marks events: a mark of its own, never the squares of a trendline's touches nor the
 * up or down colour (those mean the price's moves). Pure: unit-tested without a browser.
 */
import { FOMC_MEETINGS, type FomcMeeting } from '../../../src/config/fomc-meetings.js';

export interface FomcDay {
  /** The bar the decision is drawn on (the day itself, or the next bar when the market was shut). */
  readonly time: string;
  /** The meeting's own date. */
  readonly date: string;
  /** The move in basis points, 0 for a hold. */
  readonly bp: number;
  /** The decision in words for the label: "-25", "+50", "hold". */
  readonly decision: string;
}

/** "-25", "+50" or "hold". */
export function fomcDecision(bp: number): string {
  return bp === 0 ? 'hold' : `${bp > 0 ? '+' : ''}${bp}`;
}

/**
 * The decided meetings inside the chart's dates, on the bar of the day or the next bar when the
 * market was shut; `movesOnly` leaves the holds out (the ratio chart marks only the cuts and hikes).
 */
export function fomcDays(
  dates: readonly string[],
  options: { readonly movesOnly?: boolean } = {},
  meetings: readonly FomcMeeting[] = FOMC_MEETINGS,
): FomcDay[] {
  const out: FomcDay[] = [];
  if (!dates.length) return out;
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  let k = 0;
  for (const m of meetings) {
    if (m.decisionBp === null || m.date < first || m.date > last) continue;
    if (options.movesOnly && m.decisionBp === 0) continue;
    while (k < dates.length && dates[k]! < m.date) k++;
    const day = dates[k];
    if (day === undefined) break;
    out.push({ time: day, date: m.date, bp: m.decisionBp, decision: fomcDecision(m.decisionBp) });
  }
  return out;
}

/** How much of a decision's label is drawn: the whole "F -25", the bare "F", or the line alone. */
export type FomcLabelFit = 'full' | 'short' | 'none';

/**
 * Which labels fit along the foot of the chart without touching: the latest meeting first (it is the
 * one the reader asks about), then back in time; a label is drawn whole when it clears every label
 * kept so far by `gap` pixels, else as a bare "F" when that fits, else not at all (the line stays).
 * `xs` in ascending order, `fullWidths` and `shortWidth` in pixels (an infinite width: never whole).
 */
export function fitFomcLabels(
  xs: readonly number[],
  fullWidths: readonly number[],
  shortWidth: number,
  gap: number,
): FomcLabelFit[] {
  const kept: { left: number; right: number }[] = [];
  const clear = (left: number, right: number) => kept.every((k) => right + gap <= k.left || k.right + gap <= left);
  const out: FomcLabelFit[] = xs.map(() => 'none');
  for (let i = xs.length - 1; i >= 0; i--) {
    const x = xs[i]!;
    const full = fullWidths[i] ?? 0;
    if (Number.isFinite(full) && clear(x - full / 2, x + full / 2)) {
      kept.push({ left: x - full / 2, right: x + full / 2 });
      out[i] = 'full';
    } else if (clear(x - shortWidth / 2, x + shortWidth / 2)) {
      kept.push({ left: x - shortWidth / 2, right: x + shortWidth / 2 });
      out[i] = 'short';
    }
  }
  return out;
}

/** The words of the readout on a decision day: " · FOMC -25 bp" or " · FOMC hold", else "". */
export function fomcReadout(days: readonly FomcDay[]): (date: string) => string {
  const byDay = new Map(days.map((d) => [d.time, d]));
  return (date) => {
    const d = byDay.get(date);
    if (!d) return '';
    return d.bp === 0 ? ' · FOMC hold' : ` · FOMC ${d.decision} bp`;
  };
}
