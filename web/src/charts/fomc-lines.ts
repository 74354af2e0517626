/**
 * FOMC decision days drawn on a lightweight-charts pane (a series primitive): a thin vertical line on each
 * decision's bar, under the series, and at its foot a small tag over the series: the decision's shape (a
 * cut ▼, a hike ▲, a hold ○) and the move ("▼ -25", "○ hold"). Tags never touch (fomc-marks.ts
 * layoutFomcTags): a crowded one goes on a second row just above the foot; a move that still finds no room
 * joins the nearest tag of its kind, told together with their moves in date order ("▲ +75 +50 +25"), so no
 * move loses its size; a crowded hold may keep its shape alone. The readout names each decision in full
 * on its day. Moves are drawn in the text colour on a dashed line, holds fainter on a dotted one. What is
 * drawn is written to the chart box's data-fomc-labels ([bar, kind, the tag's words, left, right, row, the
 * bar's x, its own move as drawn]) for the browser tests.
 */
import type { IChartApi, ISeriesApi, ISeriesPrimitive, SeriesType, Time } from 'lightweight-charts';
import type { ReadoutLine } from './chart-readout.js';
import { type FomcDay, type FomcKind, type FomcTag, fomcKinds, layoutFomcTags } from './fomc-marks.js';
import type { MediaTarget } from './point-label.js';

const FONT = '10px system-ui, sans-serif';
/** Padding inside a tag, the space kept between two tags, the tag's height and its distance from the foot. */
const PAD = 3;
const GAP = 4;
const TAG_H = 14;
const FOOT = 4;
/** The shape's width, and the space between it and the words. */
const GLYPH = 8;
const GLYPH_GAP = 3;
/** How far up the second row of tags sits (fomc-marks.ts 'raised'). */
const ROW_STEP = TAG_H + 3;

/** A decision's shape centred on (x, y): a filled triangle down for a cut, up for a hike, a ring for a hold. */
export function drawFomcGlyph(g: CanvasRenderingContext2D, kind: FomcKind, x: number, y: number, colour: string): void {
  const r = GLYPH / 2;
  g.beginPath();
  if (kind === 'hold') {
    g.arc(x, y, r - 0.75, 0, Math.PI * 2);
    g.strokeStyle = colour;
    g.lineWidth = 1.5;
    g.setLineDash([]);
    g.stroke();
    return;
  }
  const tip = kind === 'cut' ? 1 : -1;
  g.moveTo(x - r, y - tip * 3.5);
  g.lineTo(x + r, y - tip * 3.5);
  g.lineTo(x, y + tip * 3.5);
  g.closePath();
  g.fillStyle = colour;
  g.fill();
}

export function attachFomcLines(
  chart: IChartApi,
  series: ISeriesApi<SeriesType>,
  box: HTMLElement,
  days: readonly FomcDay[],
  colours: { readonly text: string; readonly muted: string; readonly background: string },
): void {
  if (!days.length) return;
  const colourOf = (d: FomcDay) => (d.kind === 'hold' ? colours.muted : colours.text);
  const at = (): { d: FomcDay; x: number }[] => {
    const out: { d: FomcDay; x: number }[] = [];
    for (const d of days) {
      const x = chart.timeScale().timeToCoordinate(d.time as Time);
      if (x !== null) out.push({ d, x });
    }
    return out;
  };
  /** Where each decision is on the pane and which tag tells it (the same for both views of a frame). */
  // The last layout, kept while the width and the bars' places are the same (every crosshair move redraws).
  let cached: { key: string; value: ReturnType<typeof compute> } | null = null;
  const layout = (g: CanvasRenderingContext2D, width: number) => {
    const shown = at().filter((p) => p.x >= 0 && p.x <= width);
    const key = `${width}|${shown.map((p) => p.x.toFixed(2)).join(',')}`;
    if (cached?.key !== key) cached = { key, value: compute(g, width, shown) };
    return cached.value;
  };
  const compute = (g: CanvasRenderingContext2D, width: number, shown: { d: FomcDay; x: number }[]) => {
    g.font = FONT;
    const tags = layoutFomcTags(
      shown.map((p) => p.d),
      shown.map((p) => p.x),
      width,
      (words) => g.measureText(words).width,
      { shape: GLYPH + 2 * PAD, glyphGap: GLYPH_GAP, gap: GAP },
    );
    const tagOf = new Map<number, FomcTag>();
    for (const t of tags) for (const i of t.days) tagOf.set(i, t);
    return { shown, tags, tagOf };
  };
  /** The top of a tag's row: the foot's row, or the one just above it. */
  const rowTop = (height: number, row: number) => height - FOOT - TAG_H - row * ROW_STEP;
  const lines = {
    zOrder: () => 'bottom' as const,
    renderer: () => ({
      draw(target: MediaTarget) {
        target.useMediaCoordinateSpace(({ context: g, mediaSize }) => {
          g.save();
          g.lineWidth = 1;
          // A line with a tag reads firmer than one whose tag gave way (a phone-width chart keeps them quiet).
          const { shown, tagOf } = layout(g, mediaSize.width);
          shown.forEach(({ d, x }, i) => {
            const tag = tagOf.get(i);
            g.setLineDash(d.kind === 'hold' ? [1, 3] : [3, 3]);
            g.strokeStyle = colourOf(d);
            g.globalAlpha = (d.kind === 'hold' ? 0.55 : 0.6) * (tag?.drawn ? 1 : 0.5);
            const px = Math.round(x) + 0.5;
            g.beginPath();
            g.moveTo(px, 0);
            g.lineTo(px, rowTop(mediaSize.height, tag?.drawn ? tag.row : 0));
            g.stroke();
          });
          g.restore();
        });
      },
    }),
  };
  const tags = {
    zOrder: () => 'top' as const,
    renderer: () => ({
      draw(target: MediaTarget) {
        target.useMediaCoordinateSpace(({ context: g, mediaSize }) => {
          g.save();
          const { shown, tags: laid } = layout(g, mediaSize.width);
          g.font = FONT;
          // Per decision: [bar, kind, the tag's words, left, right, row, the bar's x, its own move as drawn].
          const drawn: [string, FomcKind, string, number, number, number, number, string][] = [];
          for (const t of laid) {
            if (!t.drawn) continue;
            const top = rowTop(mediaSize.height, t.row);
            const colour = t.kind === 'hold' ? colours.muted : colours.text;
            g.globalAlpha = 1;
            g.fillStyle = colours.background;
            g.strokeStyle = colour;
            g.setLineDash([]);
            g.lineWidth = 1;
            g.beginPath();
            g.rect(Math.round(t.left) + 0.5, Math.round(top) + 0.5, Math.round(t.right - t.left), TAG_H);
            g.fill();
            g.stroke();
            drawFomcGlyph(g, t.kind, t.left + PAD + GLYPH / 2 + 0.5, top + TAG_H / 2 + 0.5, colour);
            if (t.words) {
              g.fillStyle = colour;
              g.textAlign = 'left';
              g.textBaseline = 'middle';
              g.fillText(t.words, t.left + PAD + GLYPH + GLYPH_GAP, top + TAG_H / 2 + 0.5);
            }
            for (const i of t.days) {
              const { d, x } = shown[i]!;
              drawn.push([
                d.time,
                d.kind,
                t.words,
                Math.round(t.left),
                Math.round(t.right),
                t.row,
                Math.round(x),
                t.kind === 'hold' || !t.words ? '' : d.decision,
              ]);
            }
          }
          drawn.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
          g.restore();
          const json = JSON.stringify(drawn);
          if (box.dataset.fomcLabels !== json) box.dataset.fomcLabels = json;
        });
      },
    }),
  };
  const primitive: ISeriesPrimitive<Time> = { paneViews: () => [lines, tags] };
  series.attachPrimitive(primitive);
}

/** The legend's keys for the decisions on the chart: one per kind present, its shape and colour as on the tags. */
export function fomcLegend(
  days: readonly FomcDay[],
  colours: { readonly text: string; readonly muted: string },
): ReadoutLine[] {
  const words: Record<FomcKind, string> = { cut: 'FOMC cut', hike: 'FOMC hike', hold: 'FOMC hold' };
  return fomcKinds(days).map((k) => ({
    label: words[k],
    colour: k === 'hold' ? colours.muted : colours.text,
    mark: `fomc-${k}` as const,
    dates: [],
    values: [],
  }));
}
