/**
 * FOMC decision days drawn on a lightweight-charts pane (a series primitive): a thin vertical line on each
 * decision's bar, under the series, and at its foot a small tag over the series: the decision's shape (a
 * cut ▼, a hike ▲, a hold ○) and the move ("▼ -25", "○ hold"). Tags are thinned by fomc-marks.ts so they
 * never touch (the latest first): a crowded one keeps its shape and drops the words, so a cut and a hold
 * never look alike; the readout names the decision in full on its day. Moves are drawn in the text colour
 * on a dashed line, holds fainter on a dotted one. What is drawn is written to the chart box's
 * data-fomc-labels ([bar, kind, words shown, left, right, row, the bar's x]) for the browser tests. Where the foot's row
 * is full a shape goes on a second row just above it.
 */
import type { IChartApi, ISeriesApi, ISeriesPrimitive, SeriesType, Time } from 'lightweight-charts';
import type { ReadoutLine } from './chart-readout.js';
import { type FomcDay, type FomcKind, fitFomcLabels, fomcKinds } from './fomc-marks.js';
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
  /** Where each decision is on the pane and how much of its tag fits (the same for both views of a frame). */
  const layout = (g: CanvasRenderingContext2D, width: number) => {
    g.font = FONT;
    const short = GLYPH + 2 * PAD;
    const shown = at()
      .filter((p) => p.x >= 0 && p.x <= width)
      .map((p) => ({ ...p, full: short + GLYPH_GAP + g.measureText(p.d.decision).width, short }));
    const fit = fitFomcLabels(
      shown.map((p) => p.x),
      shown.map((p) => p.full),
      short,
      GAP,
    );
    return shown.map((p, i) => ({ ...p, fit: fit[i] ?? ('none' as const) }));
  };
  const lines = {
    zOrder: () => 'bottom' as const,
    renderer: () => ({
      draw(target: MediaTarget) {
        target.useMediaCoordinateSpace(({ context: g, mediaSize }) => {
          g.save();
          g.lineWidth = 1;
          // A line with a tag reads firmer than one whose tag gave way (a phone-width chart keeps them quiet).
          for (const { d, x, fit } of layout(g, mediaSize.width)) {
            g.setLineDash(d.kind === 'hold' ? [1, 3] : [3, 3]);
            g.strokeStyle = colourOf(d);
            g.globalAlpha = (d.kind === 'hold' ? 0.55 : 0.6) * (fit === 'none' ? 0.5 : 1);
            const px = Math.round(x) + 0.5;
            g.beginPath();
            g.moveTo(px, 0);
            g.lineTo(px, mediaSize.height - FOOT - TAG_H - (fit === 'raised' ? ROW_STEP : 0));
            g.stroke();
          }
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
          const drawn: [string, FomcKind, string, number, number, number, number][] = [];
          for (const { d, x, fit, full, short } of layout(g, mediaSize.width)) {
            if (fit === 'none') continue;
            const w = fit === 'full' ? full : short;
            const left = Math.min(Math.max(0, x - w / 2), mediaSize.width - w);
            const row = fit === 'raised' ? 1 : 0;
            const top = mediaSize.height - FOOT - TAG_H - row * ROW_STEP;
            const colour = colourOf(d);
            g.globalAlpha = 1;
            g.fillStyle = colours.background;
            g.strokeStyle = colour;
            g.setLineDash([]);
            g.lineWidth = 1;
            g.beginPath();
            g.rect(Math.round(left) + 0.5, Math.round(top) + 0.5, Math.round(w), TAG_H);
            g.fill();
            g.stroke();
            drawFomcGlyph(g, d.kind, left + PAD + GLYPH / 2 + 0.5, top + TAG_H / 2 + 0.5, colour);
            if (fit === 'full') {
              g.fillStyle = colour;
              g.textAlign = 'left';
              g.textBaseline = 'middle';
              g.fillText(d.decision, left + PAD + GLYPH + GLYPH_GAP, top + TAG_H / 2 + 0.5);
            }
            drawn.push([
              d.time,
              d.kind,
              fit === 'full' ? d.decision : '',
              Math.round(left),
              Math.round(left + w),
              row,
              Math.round(x),
            ]);
          }
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
