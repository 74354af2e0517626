/**
 * FOMC decision days drawn on a lightweight-charts pane (a series primitive): a thin dashed vertical
 * line on each decision's bar, under the series, and at its foot a small tag "F -25" / "F hold" over
 * the series, labels thinned by fomc-marks.ts so they never touch (the latest first; crowded ones
 * keep a bare "F", then the line alone). Moves are drawn in the text colour, holds fainter. What is
 * drawn is written to the chart box's data-fomc-labels for the browser tests.
 */
import type { IChartApi, ISeriesApi, ISeriesPrimitive, SeriesType, Time } from 'lightweight-charts';
import { type FomcDay, fitFomcLabels } from './fomc-marks.js';
import type { MediaTarget } from './point-label.js';

const FONT = '10px system-ui, sans-serif';
/** Padding inside a tag, the space kept between two tags, the tag's height and its distance from the foot. */
const PAD = 3;
const GAP = 4;
const TAG_H = 14;
const FOOT = 4;
/** The library's attribution logo sits in the pane's bottom-left corner: no tag starts left of this. */
const LOGO_RIGHT = 46;

export function attachFomcLines(
  chart: IChartApi,
  series: ISeriesApi<SeriesType>,
  box: HTMLElement,
  days: readonly FomcDay[],
  colours: { readonly text: string; readonly muted: string; readonly background: string },
): void {
  if (!days.length) return;
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
    const short = g.measureText('F').width + 2 * PAD;
    const shown = at()
      .filter((p) => p.x >= 0 && p.x <= width)
      .map((p) => ({ ...p, full: g.measureText(`F ${p.d.decision}`).width + 2 * PAD, short }));
    // Left of the library's logo no tag is drawn; a whole tag that would reach under it is offered as a bare
    // "F" only (an infinite width never fits whole).
    const taggable = shown.filter((p) => p.x - short / 2 >= LOGO_RIGHT);
    const fit = fitFomcLabels(
      taggable.map((p) => p.x),
      taggable.map((p) => (p.x - p.full / 2 < LOGO_RIGHT ? Number.POSITIVE_INFINITY : p.full)),
      short,
      GAP,
    );
    const fitOf = new Map(taggable.map((p, i) => [p, fit[i]!]));
    return shown.map((p) => ({ ...p, fit: fitOf.get(p) ?? ('none' as const) }));
  };
  const lines = {
    zOrder: () => 'bottom' as const,
    renderer: () => ({
      draw(target: MediaTarget) {
        target.useMediaCoordinateSpace(({ context: g, mediaSize }) => {
          g.save();
          g.lineWidth = 1;
          g.setLineDash([3, 3]);
          // A line with a tag reads firmer than one whose tag gave way (a phone-width chart keeps them quiet).
          for (const { d, x, fit } of layout(g, mediaSize.width)) {
            g.strokeStyle = d.bp === 0 ? colours.muted : colours.text;
            g.globalAlpha = (d.bp === 0 ? 0.45 : 0.6) * (fit === 'full' ? 1 : 0.5);
            const px = Math.round(x) + 0.5;
            g.beginPath();
            g.moveTo(px, 0);
            g.lineTo(px, mediaSize.height - FOOT - TAG_H);
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
          const drawn: [string, string, number, number][] = [];
          for (const { d, x, fit, full, short } of layout(g, mediaSize.width)) {
            if (fit === 'none') continue;
            const text = fit === 'full' ? `F ${d.decision}` : 'F';
            const w = fit === 'full' ? full : short;
            const left = Math.min(Math.max(0, x - w / 2), mediaSize.width - w);
            const top = mediaSize.height - FOOT - TAG_H;
            g.globalAlpha = 1;
            g.fillStyle = colours.background;
            g.strokeStyle = d.bp === 0 ? colours.muted : colours.text;
            g.setLineDash([]);
            g.lineWidth = 1;
            g.beginPath();
            g.rect(Math.round(left) + 0.5, Math.round(top) + 0.5, Math.round(w), TAG_H);
            g.fill();
            g.stroke();
            g.fillStyle = d.bp === 0 ? colours.muted : colours.text;
            g.textAlign = 'center';
            g.textBaseline = 'middle';
            g.fillText(text, left + w / 2, top + TAG_H / 2 + 0.5);
            drawn.push([d.time, text, Math.round(left), Math.round(left + w)]);
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
