/**
 * FOMC decision days on the symbol and ratio charts (src/config/fomc-meetings.ts): which bar each
 * meeting falls on, what was decided (a cut, a hike or a hold, with the move in bp) and which tags fit.
 * Drawn by fomc-lines.ts as a thin vertical line through the pane with a tag at its foot, as TradingView
 * marks events: each decision has its own shape (a cut a downward triangle, a hike an upward one, a hold
 * a hollow circle), kept when the tags crowd, so a cut never looks like a hold, and the move's size kept
 * too (a second row, or one tag for a crowded run: "▲ +75 +50 +25"); never the squares of a trendline's touches nor the up or down colour (those mean the price's
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

/** A tag at the chart's foot: one decision's, or a run of crowded decisions of one kind told together. */
export interface FomcTag {
  /** Indices (into the days) of the decisions the tag tells, in date order. */
  readonly days: readonly number[];
  readonly kind: FomcKind;
  /** The words after the shape: "-25", a run's moves in date order "-50 -25 -25", "hold", "3 holds"; '' for the shape alone. */
  readonly words: string;
  readonly left: number;
  readonly right: number;
  /** 0 on the foot's row, 1 on the row just above it. */
  readonly row: 0 | 1;
  /** False when no room was found: the decisions keep their lines alone. */
  readonly drawn: boolean;
}

/** The tag's sizes: the width of the shape alone (with its padding), the space between shape and words, the gap kept between two tags. */
export interface FomcTagSizes {
  readonly shape: number;
  readonly glyphGap: number;
  readonly gap: number;
}

/**
 * Which tags go along the foot of a chart `width` wide, so that no two on a row come closer than `gap` and no
 * move loses its size. First each decision its own tag (its shape and the move, "▼ -25"), the moves before
 * the holds and the latest first (the one the reader asks about), on the foot's row or the row above; a hold that fits neither keeps its
 * shape alone, or its line alone. When a move still finds no room (a phone-width chart of the 2022-23 hikes),
 * crowded decisions of one kind are told by one tag over their run, its moves in date order ("▲ +75 +50 +25"),
 * so every size stays on the chart. `xs` ascending (the bars' x), `measure` the width of the words.
 */
export function layoutFomcTags(
  days: readonly FomcDay[],
  xs: readonly number[],
  width: number,
  measure: (words: string) => number,
  sizes: FomcTagSizes,
): FomcTag[] {
  const full = (words: string) => sizes.shape + sizes.glyphGap + measure(words);
  const single = days.map((d, i) => ({ days: [i], kind: d.kind, words: d.decision, x: xs[i]! }));
  const one = place(single, width, full, sizes);
  if (one.every((t) => t.kind === 'hold' || t.drawn)) return one;
  // Runs of crowded decisions of one kind: neighbours whose own whole tags would touch.
  const runOf = (r: readonly number[]) => {
    const kind = days[r[0]!]!.kind;
    const words =
      kind === 'hold' ? (r.length === 1 ? 'hold' : `${r.length} holds`) : r.map((i) => days[i]!.decision).join(' ');
    return { days: r, kind, words, x: (xs[r[0]!]! + xs[r[r.length - 1]!]!) / 2 };
  };
  let runs: ReturnType<typeof runOf>[] = [];
  let run: number[] = [];
  days.forEach((d, i) => {
    const prev = run[run.length - 1];
    const crowded =
      prev !== undefined &&
      days[prev]!.kind === d.kind &&
      xs[i]! - xs[prev]! < (full(days[prev]!.decision) + full(d.decision)) / 2 + sizes.gap;
    if (!crowded && run.length) {
      runs.push(runOf(run));
      run = [];
    }
    run.push(i);
  });
  if (run.length) runs.push(runOf(run));
  // A run of moves that finds no room is told in two halves, and so on (a long run wider than the chart).
  for (;;) {
    const placed = place(runs, width, full, sizes);
    const split = new Set(placed.filter((t) => !t.drawn && t.kind !== 'hold' && t.days.length > 1).map((t) => t.days));
    if (!split.size) return placed;
    runs = runs.flatMap((r) => {
      if (!split.has(r.days)) return [r];
      const half = Math.ceil(r.days.length / 2);
      return [runOf(r.days.slice(0, half)), runOf(r.days.slice(half))];
    });
  }
}

/**
 * Places tags whole on the foot's row, else whole on the row above, else (a hold) its shape alone: the moves
 * first, then the holds, each the latest first.
 */
function place(
  tags: readonly { days: readonly number[]; kind: FomcKind; words: string; x: number }[],
  width: number,
  full: (words: string) => number,
  sizes: FomcTagSizes,
): FomcTag[] {
  const rows: { left: number; right: number }[][] = [[], []];
  const span = (x: number, w: number) => {
    const left = Math.min(Math.max(0, x - w / 2), Math.max(0, width - w));
    return { left, right: left + w };
  };
  const clear = (row: 0 | 1, s: { left: number; right: number }) =>
    s.right <= width + 0.5 && rows[row]!.every((k) => s.right + sizes.gap <= k.left || k.right + sizes.gap <= s.left);
  const out: FomcTag[] = new Array(tags.length);
  // The moves first (their sizes must stay), then the holds; each the latest first.
  const order = tags.map((_, i) => i).reverse();
  order.sort((a, b) => Number(tags[a]!.kind === 'hold') - Number(tags[b]!.kind === 'hold'));
  for (const i of order) {
    const t = tags[i]!;
    const tries: [string, 0 | 1][] = [
      [t.words, 0],
      [t.words, 1],
    ];
    if (t.kind === 'hold') tries.push(['', 0], ['', 1]);
    const at = tries.find(([words, row]) => clear(row, span(t.x, words ? full(words) : sizes.shape)));
    if (at) {
      const [words, row] = at;
      const s = span(t.x, words ? full(words) : sizes.shape);
      rows[row]!.push(s);
      out[i] = { days: t.days, kind: t.kind, words, left: s.left, right: s.right, row, drawn: true };
    } else out[i] = { days: t.days, kind: t.kind, words: '', left: 0, right: 0, row: 0, drawn: false };
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
