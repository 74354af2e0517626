/**
 * A named point on a lightweight-charts pane that keeps its words inside the plot and off every line: a
 * dot on the point and a label beside it, centred above it when that spot is free, else the nearest free
 * spot around it (below, to a side, a little further up or down), slid in from an edge rather than cut by
 * it. A spot is free when no drawn line runs under the label (its box plus a pixel of margin) and no other
 * label of the chart is there; when no spot within reach is free the label is not drawn at all (the dot
 * stays, and the readout above the chart names the series with its last day), so "^RUT ends 2026-02-23"
 * never covers IWM's line on a phone. The placement is pure (`placePointLabel`, unit-tested);
 * `attachPointLabel` draws it as a series primitive and writes what it drew to the chart box's
 * data-point-labels for the browser tests, with the length of line under it (0 by construction).
 */
import type { IChartApi, ISeriesApi, ISeriesPrimitive, SeriesType, Time } from 'lightweight-charts';
import { clippedLength } from './rrg-labels.js';

export interface PlacedLabel {
  readonly left: number;
  readonly top: number;
}

interface Pt {
  readonly x: number;
  readonly y: number;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The length of the polylines `lines` inside `box` (pixels). */
export function lineLengthUnder(lines: readonly (readonly Pt[])[], box: Box): number {
  let under = 0;
  for (const line of lines)
    for (let k = 1; k < line.length; k++) {
      const a = line[k - 1]!;
      const b = line[k]!;
      if (Math.max(a.x, b.x) < box.left || Math.min(a.x, b.x) > box.right) continue;
      under += clippedLength(a, b, box);
    }
  return under;
}

/**
 * Where a label `width` x `height` goes for a point at (x, y) on a pane `paneWidth` x `paneHeight`.
 * Candidates, nearest first: centred `gap` px above the point, centred below it, to its right and left,
 * the four diagonals, then the same further up and down in steps of a label's height (up to `reach` px);
 * each slid inside the [inset, paneWidth - inset] band when it would cross a side. The first whose box (with
 * a pixel of margin) no line of `lines` runs through and no box of `taken` overlaps is chosen; null when
 * none is free. Without lines and labels it is the first candidate: centred above (below when the top is cut).
 */
export function placePointLabel(
  x: number,
  y: number,
  width: number,
  height: number,
  pane: { readonly width: number; readonly height: number },
  options: {
    readonly lines?: readonly (readonly Pt[])[];
    readonly taken?: readonly Box[];
    readonly gap?: number;
    readonly inset?: number;
    readonly reach?: number;
  } = {},
): PlacedLabel | null {
  const { lines = [], taken = [], gap = 8, inset = 2, reach = 4 * height } = options;
  const spots: [number, number][] = [];
  for (let extra = 0; extra <= reach; extra += height) {
    spots.push(
      [x - width / 2, y - gap - height - extra],
      [x - width / 2, y + gap + extra],
      [x + gap, y - height / 2 - extra],
      [x - gap - width, y - height / 2 - extra],
      [x + gap, y - height / 2 + extra],
      [x - gap - width, y - height / 2 + extra],
      [x + gap * 0.7, y - gap * 0.7 - height - extra],
      [x - gap * 0.7 - width, y - gap * 0.7 - height - extra],
      [x + gap * 0.7, y + gap * 0.7 + extra],
      [x - gap * 0.7 - width, y + gap * 0.7 + extra],
    );
  }
  for (const [left0, top] of spots) {
    if (top < inset || top + height > pane.height - inset) continue;
    const left = Math.max(inset, Math.min(left0, pane.width - inset - width));
    const box = { left: left - 1, top: top - 1, right: left + width + 1, bottom: top + height + 1 };
    // The point's own dot (3.5 px) is never covered either.
    if (x > box.left - 4 && x < box.right + 4 && y > box.top - 4 && y < box.bottom + 4) continue;
    if (taken.some((t) => t.left < box.right && box.left < t.right && t.top < box.bottom && box.top < t.bottom))
      continue;
    if (lineLengthUnder(lines, box) > 0) continue;
    return { left, top };
  }
  return null;
}

/** The part of the library's drawing target (fancy-canvas) a primitive uses: CSS-pixel coordinates. */
export interface MediaTarget {
  useMediaCoordinateSpace<T>(
    f: (scope: { context: CanvasRenderingContext2D; mediaSize: { width: number; height: number } }) => T,
  ): T;
}

const FONT = '11px system-ui, sans-serif';
/** What each box's point labels last drew, by text: [text, left, right, pane width, top, px of line under it]. */
type Drawn = [string, number, number, number, number, number];
const drawnByBox = new WeakMap<HTMLElement, Map<string, Drawn>>();
const TEXT_H = 12;

/**
 * Draws `point`'s dot and label on `series`. `lines` gives the chart's visible lines as data (each a list of
 * time and value on its series), read at each draw so a hidden or highlighted line is seen as it is now.
 */
export function attachPointLabel(
  chart: IChartApi,
  series: ISeriesApi<SeriesType>,
  box: HTMLElement,
  point: { readonly time: string; readonly value: number; readonly text: string; readonly colour: string },
  background: string,
  lines: () => readonly ISeriesApi<SeriesType>[] = () => [],
): void {
  const view = {
    zOrder: () => 'top' as const,
    renderer: () => ({
      draw(target: MediaTarget) {
        target.useMediaCoordinateSpace(({ context: g, mediaSize }) => {
          const x = chart.timeScale().timeToCoordinate(point.time as Time);
          const y = series.priceToCoordinate(point.value);
          if (x === null || y === null) return;
          g.save();
          g.fillStyle = point.colour;
          g.beginPath();
          g.arc(x, y, 3.5, 0, Math.PI * 2);
          g.fill();
          g.font = FONT;
          const w = g.measureText(point.text).width;
          const drawn = drawnByBox.get(box) ?? new Map<string, Drawn>();
          drawnByBox.set(box, drawn);
          const taken = [...drawn.values()]
            .filter((d) => d[0] !== point.text && d[1] >= 0)
            .map((d) => ({ left: d[1] - 2, top: d[4] - 1, right: d[2] + 2, bottom: d[4] + TEXT_H + 1 }));
          const polylines = pixelLines(chart, lines());
          const at = placePointLabel(x, y, w, TEXT_H, mediaSize, { lines: polylines, taken });
          if (at) {
            // A label that had to go further than the nearest spots is joined to its point by a thin line.
            const nx = Math.min(Math.max(x, at.left), at.left + w);
            const ny = Math.min(Math.max(y, at.top), at.top + TEXT_H);
            const d = Math.hypot(nx - x, ny - y);
            if (d > 12) {
              g.strokeStyle = point.colour;
              g.lineWidth = 1;
              g.beginPath();
              g.moveTo(x + ((nx - x) / d) * 5, y + ((ny - y) / d) * 5);
              g.lineTo(nx, ny);
              g.stroke();
            }
            // A box of the background under the words (no line runs there; it hides the grid).
            g.globalAlpha = 0.92;
            g.fillStyle = background;
            g.fillRect(at.left - 2, at.top - 1, w + 4, TEXT_H + 2);
            g.globalAlpha = 1;
            g.fillStyle = point.colour;
            g.textBaseline = 'top';
            g.fillText(point.text, at.left, at.top);
          }
          g.restore();
          const under = at
            ? lineLengthUnder(polylines, { left: at.left, top: at.top, right: at.left + w, bottom: at.top + TEXT_H })
            : 0;
          drawn.set(
            point.text,
            at
              ? [
                  point.text,
                  Math.round(at.left),
                  Math.round(at.left + w),
                  Math.round(mediaSize.width),
                  Math.round(at.top),
                  Math.round(under),
                ]
              : [point.text, -1, -1, Math.round(mediaSize.width), -1, 0],
          );
          const json = JSON.stringify([...drawn.values()]);
          if (box.dataset.pointLabels !== json) box.dataset.pointLabels = json;
        });
      },
    }),
  };
  const primitive: ISeriesPrimitive<Time> = { paneViews: () => [view] };
  series.attachPrimitive(primitive);
}

/** The visible lines of `series` in pixels (points off the time scale's visible range are left out). */
function pixelLines(chart: IChartApi, series: readonly ISeriesApi<SeriesType>[]): Pt[][] {
  const out: Pt[][] = [];
  for (const s of series) {
    if (!s.options().visible) continue;
    const line: Pt[] = [];
    for (const d of s.data()) {
      if (!('value' in d)) continue;
      const px = chart.timeScale().timeToCoordinate(d.time);
      const py = s.priceToCoordinate(d.value);
      if (px === null || py === null) continue;
      line.push({ x: px, y: py });
    }
    if (line.length > 1) out.push(line);
  }
  return out;
}
