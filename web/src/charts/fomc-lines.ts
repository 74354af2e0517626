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
  const lines = {
    zOrder: () => 'bottom' as const,
    renderer: () => ({
      draw(target: MediaTarget) {
        target.useMediaCoordinateSpace(({ context: g, mediaSize }) => {
          g.save();
          g.lineWidth = 1;
          g.setLineDash([3, 3]);
          for (const { d, x } of at()) {
            g.strokeStyle = d.bp === 0 ? colours.muted : colours.text;
            g.globalAlpha = d.bp === 0 ? 0.45 : 0.6;
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
          g.font = FONT;
          const shown = at().filter((p) => p.x >= LOGO_RIGHT + 6 && p.x <= mediaSize.width);
          const full = shown.map((p) => g.measureText(`F ${p.d.decision}`).width + 2 * PAD);
          const short = g.measureText('F').width + 2 * PAD;
          // A whole tag that would reach under the logo is offered as a bare "F" only (an infinite width never fits).
          const fit = fitFomcLabels(
            shown.map((p) => p.x),
            full.map((w, i) => (shown[i]!.x - w / 2 < LOGO_RIGHT ? Number.POSITIVE_INFINITY : w)),
            short,
            GAP,
          );
          const drawn: [string, string, number, number][] = [];
          shown.forEach(({ d, x }, i) => {
            const how = fit[i];
            if (how === 'none' || how === undefined) return;
            const text = how === 'full' ? `F ${d.decision}` : 'F';
            const w = how === 'full' ? full[i]! : short;
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
          });
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
