/**
 * A named point on a lightweight-charts pane that keeps its words inside the plot: a dot on the point
 * and a label above it (below when there is no room above), centred on the point but slid in from an
 * edge rather than cut by it. The library's own marker text is always centred on its bar, so "^RUT ends
 * 2026-02-23" on a series ending near the left edge of a phone-width chart lost its first letters.
 * The placement is pure (`placePointLabel`, unit-tested); `attachPointLabel` draws it as a series
 * primitive and writes what it drew to the chart box's data-point-labels for the browser tests.
 */
import type { IChartApi, ISeriesApi, ISeriesPrimitive, SeriesType, Time } from 'lightweight-charts';

export interface PlacedLabel {
  readonly left: number;
  readonly top: number;
}

/**
 * Where a label `width` x `height` goes for a point at (x, y) on a pane `paneWidth` x `paneHeight`:
 * centred `gap` px above the point, below it when the top would be cut, and slid inside the
 * [inset, paneWidth - inset] band when it would cross a side.
 */
export function placePointLabel(
  x: number,
  y: number,
  width: number,
  height: number,
  pane: { readonly width: number; readonly height: number },
  gap = 8,
  inset = 2,
): PlacedLabel {
  const left = Math.max(inset, Math.min(x - width / 2, pane.width - inset - width));
  const above = y - gap - height;
  const top = above >= inset ? above : Math.min(y + gap, pane.height - inset - height);
  return { left, top };
}

/** The part of the library's drawing target (fancy-canvas) a primitive uses: CSS-pixel coordinates. */
export interface MediaTarget {
  useMediaCoordinateSpace<T>(
    f: (scope: { context: CanvasRenderingContext2D; mediaSize: { width: number; height: number } }) => T,
  ): T;
}

const FONT = '11px system-ui, sans-serif';
/** What each box's point labels last drew, by text: [text, left, right, pane width]. */
const drawnByBox = new WeakMap<HTMLElement, Map<string, [string, number, number, number]>>();
const TEXT_H = 12;

export function attachPointLabel(
  chart: IChartApi,
  series: ISeriesApi<SeriesType>,
  box: HTMLElement,
  point: { readonly time: string; readonly value: number; readonly text: string; readonly colour: string },
  background: string,
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
          const at = placePointLabel(x, y, w, TEXT_H, mediaSize);
          // A box of the background, nearly opaque, keeps the words readable where lines run under them.
          g.globalAlpha = 0.92;
          g.fillStyle = background;
          g.fillRect(at.left - 2, at.top - 1, w + 4, TEXT_H + 2);
          g.globalAlpha = 1;
          g.fillStyle = point.colour;
          g.textBaseline = 'top';
          g.fillText(point.text, at.left, at.top);
          g.restore();
          const drawn = drawnByBox.get(box) ?? new Map<string, [string, number, number, number]>();
          drawnByBox.set(box, drawn);
          drawn.set(point.text, [
            point.text,
            Math.round(at.left),
            Math.round(at.left + w),
            Math.round(mediaSize.width),
          ]);
          const json = JSON.stringify([...drawn.values()]);
          if (box.dataset.pointLabels !== json) box.dataset.pointLabels = json;
        });
      },
    }),
  };
  const primitive: ISeriesPrimitive<Time> = { paneViews: () => [view] };
  series.attachPrimitive(primitive);
}
