/**
 * FOMC decision days on the symbol and ratio charts (src/config/fomc-meetings.ts): which bar each
 * meeting falls on, what was decided (a cut, a hike or a hold, with the move in bp) and which tags fit.
 * Drawn by fomc-lines.ts as a thin vertical line through the pane with a tag at its foot, as TradingView
 * marks events: each decision has its own shape (a cut a downward triangle, a hike an upward one, a hold
 * a hollow circle), kept when the tags crowd and the move's words give way, so a cut never looks like a
 * hold; never the squares of a trendline's touches nor the up or down colour (those mean the price's
 * moves). Pure: unit-tested without a browser.
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
  /** What was decided: the tag's shape (cut ▼, hike ▲, hold ○) and the legend's key. */
  readonly kind: FomcKind;
}

/** A rate cut, a hike or a hold. */
export type FomcKind = 'cut' | 'hike' | 'hold';

/** The kind of a decision of `bp` basis points. */
export function fomcKind(bp: number): FomcKind {
  return bp < 0 ? 'cut' : bp > 0 ? 'hike' : 'hold';
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
    out.push({
      time: day,
      date: m.date,
      bp: m.decisionBp,
      decision: fomcDecision(m.decisionBp),
      kind: fomcKind(m.decisionBp),
    });
  }
  return out;
}

/**
 * How much of a decision's tag is drawn: the whole tag (its shape and the move, "▼ -25"), its shape
 * alone (still a cut, a hike or a hold), its shape alone on a second row just above the foot (where the
 * foot's row is full), or the line alone.
 */
export type FomcLabelFit = 'full' | 'short' | 'raised' | 'none';

/**
 * Which tags fit along the foot of the chart without touching: the latest meeting first (it is the
 * one the reader asks about), then back in time; a tag is drawn whole when it clears every tag kept so
 * far on the foot's row by `gap` pixels, else as its shape alone when that fits there, else as its shape
 * alone on the row above (clear of that row's tags), else not at all (the line stays). Two rows keep the
 * kind of every decision of five years on a desktop chart, and of a year on a phone.
 * `xs` in ascending order, `fullWidths` and `shortWidth` in pixels (an infinite width: never whole).
 */
export function fitFomcLabels(
  xs: readonly number[],
  fullWidths: readonly number[],
  shortWidth: number,
  gap: number,
): FomcLabelFit[] {
  const rows: { left: number; right: number }[][] = [[], []];
  const clear = (row: number, left: number, right: number) =>
    rows[row]!.every((k) => right + gap <= k.left || k.right + gap <= left);
  const out: FomcLabelFit[] = xs.map(() => 'none');
  for (let i = xs.length - 1; i >= 0; i--) {
    const x = xs[i]!;
    const full = fullWidths[i] ?? 0;
    const half = shortWidth / 2;
    if (Number.isFinite(full) && clear(0, x - full / 2, x + full / 2)) {
      rows[0]!.push({ left: x - full / 2, right: x + full / 2 });
      out[i] = 'full';
    } else if (clear(0, x - half, x + half)) {
      rows[0]!.push({ left: x - half, right: x + half });
      out[i] = 'short';
    } else if (clear(1, x - half, x + half)) {
      rows[1]!.push({ left: x - half, right: x + half });
      out[i] = 'raised';
    }
  }
  return out;
}

/** A decision in words: "FOMC cut -25 bp", "FOMC hike +50 bp", "FOMC hold"; with the meeting's date when it is not the bar's. */
export function fomcWords(d: FomcDay): string {
  const what = d.kind === 'hold' ? 'FOMC hold' : `FOMC ${d.kind} ${d.decision} bp`;
  return d.date === d.time ? what : `${what} (meeting of ${d.date})`;
}

/** The words of the readout on a decision day: " · FOMC cut -25 bp" or " · FOMC hold", else "". */
export function fomcReadout(days: readonly FomcDay[]): (date: string) => string {
  const byDay = new Map(days.map((d) => [d.time, d]));
  return (date) => {
    const d = byDay.get(date);
    return d ? ` · ${fomcWords(d)}` : '';
  };
}

/** The kinds of decision among `days`, in the legend's order (cut, hike, hold). */
export function fomcKinds(days: readonly FomcDay[]): FomcKind[] {
  return (['cut', 'hike', 'hold'] as const).filter((k) => days.some((d) => d.kind === k));
}
