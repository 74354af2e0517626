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
 * move loses its size. Each decision has its own tag (its shape and the move, "▼ -25"), placed the moves
 * before the holds and the latest first (the one the reader asks about), on the foot's row or the row above;
 * a hold that fits neither keeps its shape alone, or its line alone. A move that still finds no room joins
 * the nearest tag of its kind, the two told as one run with their moves in date order ("▲ +25 +50"), and all
 * are placed again, until every move is drawn or has no tag of its kind to join. `xs` ascending (the bars'
 * x), `measure` the width of the words.
 */
export function layoutFomcTags(
  days: readonly FomcDay[],
  xs: readonly number[],
  width: number,
  measure: (words: string) => number,
  sizes: FomcTagSizes,
): FomcTag[] {
  const full = (words: string) => sizes.shape + sizes.glyphGap + measure(words);
  const runOf = (r: readonly number[]) => ({
    days: r,
    kind: days[r[0]!]!.kind,
    words: r.map((i) => days[i]!.decision).join(' '),
    x: (xs[r[0]!]! + xs[r[r.length - 1]!]!) / 2,
  });
  let runs = days.map((_, i) => runOf([i]));
  // A move that finds no room joins the nearest tag of its kind (holds between are passed over), and the
  // whole is placed again: a run only where one is needed, each step one tag fewer.
  for (;;) {
    const placed = place(runs, width, full, sizes);
    const merges = placed.flatMap((t, i) => {
      if (t.drawn || t.kind === 'hold') return [];
      const near = [-1, 1]
        .map((step) => {
          let j = i + step;
          while (runs[j] && runs[j]!.kind === 'hold') j += step;
          return runs[j]?.kind === t.kind ? j : -1;
        })
        .filter((j) => j >= 0)
        .sort((p, q) => Math.abs(runs[p]!.x - runs[i]!.x) - Math.abs(runs[q]!.x - runs[i]!.x));
      return near.length ? [[i, near[0]!] as const] : [];
    });
    if (!merges.length) return placed;
    // The latest failing move first (the one the reader asks about), one merge a round.
    const [i, j] = merges[merges.length - 1]!;
    const [lo, hi] = i < j ? [i, j] : [j, i];
    const joined = runOf([...runs[lo]!.days, ...runs[hi]!.days]);
    runs = [...runs.slice(0, lo), joined, ...runs.slice(lo + 1, hi), ...runs.slice(hi + 1)];
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
