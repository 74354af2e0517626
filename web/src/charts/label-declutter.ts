/**
 * Chart labels that never print over each other. lightweight-charts places a marker's text on its
 * bar and lets neighbouring texts collide; these helpers decide, before the markers are set, which
 * texts to keep, which to move to the other side of the bars (stagger) and which to merge.
 * Pure functions on the library's marker shape, so they are unit-tested without a browser.
 */

/** The parts of a lightweight-charts series marker this module reads and writes. */
export interface LabelledMarker {
  time: unknown;
  position: 'aboveBar' | 'belowBar' | 'inBar' | string;
  text?: string | undefined;
}

const DAY_MS = 86_400_000;

function dayOf(m: LabelledMarker): number {
  return Date.parse(String(m.time)) / DAY_MS;
}

/**
 * How many calendar days a label of `labelPx` pixels covers on a chart `widthPx` wide showing
 * `spanDays` calendar days (at least one day).
 */
export function labelSpanDays(spanDays: number, widthPx: number, labelPx = 64): number {
  if (!(widthPx > 0) || !(spanDays > 0)) return 1;
  return Math.max(1, (spanDays * labelPx) / widthPx);
}

/**
 * Declutters marker texts in place (markers sorted by time). Along each side (above, below, in the
 * bar) a text closer than `minGapDays` to the previous kept text on that side is:
 * - merged into it when it says the same thing ("anchor" twice: the second mark keeps no text),
 * - else moved to the other side of the bars when that side is free there (above <-> below),
 * - else left without text (the mark stays; the caption and readout carry the words).
 * Returns the markers for chaining.
 */
export function declutterMarkers<M extends LabelledMarker>(markers: M[], minGapDays: number): M[] {
  const lastText = new Map<string, { day: number; text: string }>();
  const other = (p: string) => (p === 'aboveBar' ? 'belowBar' : p === 'belowBar' ? 'aboveBar' : null);
  const free = (side: string, day: number) => {
    const prev = lastText.get(side);
    return !prev || day - prev.day >= minGapDays;
  };
  for (const m of markers) {
    if (!m.text) continue;
    const day = dayOf(m);
    if (free(m.position, day)) {
      lastText.set(m.position, { day, text: m.text });
      continue;
    }
    const prev = lastText.get(m.position)!;
    const flip = other(m.position);
    if (prev.text === m.text) m.text = '';
    else if (flip && free(flip, day)) {
      m.position = flip;
      lastText.set(flip, { day, text: m.text });
    } else m.text = '';
  }
  return markers;
}

/**
 * Which of several axis labels to show when some would overlap: labels closer than `minGapPx` to a
 * label already kept are merged into it (their titles joined, "ATH · 52w high") and hidden. Input in
 * any order; `priority` higher first (the series' own last value is kept before any price line).
 */
export function mergeAxisLabels(
  labels: readonly { readonly id: string; readonly y: number; readonly title: string; readonly priority: number }[],
  minGapPx: number,
): { readonly shown: ReadonlyMap<string, string>; readonly hidden: ReadonlySet<string> } {
  const order = [...labels].sort((a, b) => b.priority - a.priority || a.y - b.y);
  const kept: { id: string; y: number; titles: string[] }[] = [];
  const hidden = new Set<string>();
  for (const l of order) {
    const near = kept.find((k) => Math.abs(k.y - l.y) < minGapPx);
    if (near) {
      if (l.title && !near.titles.includes(l.title)) near.titles.push(l.title);
      hidden.add(l.id);
    } else kept.push({ id: l.id, y: l.y, titles: l.title ? [l.title] : [] });
  }
  return { shown: new Map(kept.map((k) => [k.id, k.titles.join(' · ')])), hidden };
}

/**
 * One marker per bar and side (in place order kept, returns a new array): markers on the same day and
 * the same side of the bar are merged into the first of them, their texts joined ("new ATH · 4 days up"),
 * so two arrows never stack over the last price. The first marker keeps its shape and colour: put the
 * one that matters most first.
 */
export function mergeSameBar<M extends LabelledMarker>(markers: readonly M[]): M[] {
  const out: M[] = [];
  const at = new Map<string, M>();
  for (const m of markers) {
    const key = `${String(m.time)}|${m.position}`;
    const first = at.get(key);
    if (!first) {
      const copy = { ...m };
      at.set(key, copy);
      out.push(copy);
      continue;
    }
    const texts = (first.text ? first.text.split(' · ') : []).concat(m.text ? [m.text] : []);
    first.text = [...new Set(texts)].join(' · ');
  }
  return out;
}

/**
 * Where each axis label is drawn when labels would stack: the anchor (the series' last value) stays on its
 * price, and each other label closer than `labelPx` to one already placed is pushed away from it, up when
 * its price sits above and down when below, by whole label heights (kept inside [half, height - half] by
 * pushing the other way when there is no room), so "70" beside an RSI of 68.06 reads just above it instead
 * of vanishing. This is what lightweight-charts' `alignLabels` (on by default) does with the price lines'
 * labels; computing it here lets the axis ticks keep clear of where the labels are drawn, not just their prices.
 * @example staggerAxisLabels(100, [95, 180], 18, 300) // [82, 180]
 */
export function staggerAxisLabels(anchorY: number, ys: readonly number[], labelPx: number, height: number): number[] {
  const half = labelPx / 2;
  const placed: number[] = [anchorY];
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => Math.abs(a.y - anchorY) - Math.abs(b.y - anchorY));
  const out = [...ys];
  for (const { y, i } of order) {
    const clash = (at: number) => placed.some((p) => Math.abs(p - at) < labelPx - 1e-9);
    let at = Math.min(Math.max(y, half), height - half);
    const dir = y < anchorY ? -1 : 1;
    for (let k = 0; k < placed.length + 1 && clash(at); k++) {
      const nearest = placed.reduce((b, p) => (Math.abs(p - at) < Math.abs(b - at) ? p : b));
      at = nearest + dir * labelPx;
    }
    // No room on its side (a level at the pane's edge): the other side of the anchor.
    if (at < half || at > height - half) {
      at = anchorY - dir * labelPx;
      while (clash(at)) at -= dir * labelPx;
    }
    out[i] = at;
    placed.push(at);
  }
  return out;
}

/** A bar's vertical extent on the pane, in pixels (top < bottom), at its x. */
export interface BarSpan {
  readonly x: number;
  readonly top: number;
  readonly bottom: number;
}

/** Pixels from a bar's end to its marker text's near edge (the arrow and the library's margins), and the text's height. */
const TEXT_OFFSET = 12;
const TEXT_HEIGHT = 16;

/**
 * Whether a marker's text on the bar at `at` would print over the data: its box (`width` wide, centred on
 * the bar, above its top or below its bottom) meets the span of any bar under it, its own included.
 */
export function textOverBars(
  at: BarSpan,
  width: number,
  side: 'aboveBar' | 'belowBar',
  bars: readonly BarSpan[],
): boolean {
  const top = side === 'aboveBar' ? at.top - TEXT_OFFSET - TEXT_HEIGHT : at.bottom + TEXT_OFFSET;
  const bottom = top + TEXT_HEIGHT;
  const left = at.x - width / 2;
  const right = at.x + width / 2;
  return bars.some((b) => b.x >= left && b.x <= right && b.top <= bottom && b.bottom >= top);
}

/**
 * Keeps marker texts off the data, in place (a text centred on its bar reaches over its neighbours: on a
 * phone MAG7's "4-day down streak ended" lay across the price line). A text over the bars goes to the other
 * side when that side is clear of the bars and of the texts kept there, else it is dropped (the arrow stays;
 * the readout names it on its day). `spanOf` gives a marker's bar and the bars near it (null: off the plot),
 * `widthOf` its text's width in pixels.
 */
export function keepTextsOffData<M extends LabelledMarker>(
  markers: M[],
  spanOf: (m: M) => { at: BarSpan; near: readonly BarSpan[] } | null,
  widthOf: (text: string) => number,
): M[] {
  const kept: { side: string; left: number; right: number }[] = [];
  const clearOfTexts = (side: string, left: number, right: number) =>
    kept.every((k) => k.side !== side || right + 4 <= k.left || k.right + 4 <= left);
  for (const m of markers) {
    if (!m.text || (m.position !== 'aboveBar' && m.position !== 'belowBar')) continue;
    const span = spanOf(m);
    if (!span) continue;
    const w = widthOf(m.text);
    const [left, right] = [span.at.x - w / 2, span.at.x + w / 2];
    if (!textOverBars(span.at, w, m.position, span.near)) {
      kept.push({ side: m.position, left, right });
      continue;
    }
    const flip = m.position === 'aboveBar' ? 'belowBar' : 'aboveBar';
    if (!textOverBars(span.at, w, flip, span.near) && clearOfTexts(flip, left, right)) {
      m.position = flip;
      kept.push({ side: flip, left, right });
    } else m.text = '';
  }
  return markers;
}
