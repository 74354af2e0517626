/**
 * The note's SVG charts at a phone's width. The note's HTML draws them 720 units wide for any screen;
 * shown 350 px wide every label shrinks to half (8 px ticks). Below 640 px the page redraws each one
 * from the note's JSON at the figure's own width (svg-charts.ts with `width`: one unit a CSS pixel,
 * 11 px ticks, the title wrapped), and puts the original back when the column grows again.
 */
import type { NoteJson } from '../../../../src/contracts/report-contract.js';
import { barChartSvg, ratioChartSvg } from '../../../../src/note/report/svg-charts.js';

/** Below this column width the charts are redrawn at their display size. */
export const FIT_BELOW_PX = 640;

type NoteChartJson = NoteJson['charts'][number];

function parseSvg(text: string): Element | null {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  return svg.nodeName === 'svg' ? document.importNode(svg, true) : null;
}

export function fitNoteCharts(container: HTMLElement, json: NoteJson | null): void {
  const charts = json?.charts ?? [];
  if (!charts.length) return;
  const shown = [...container.querySelectorAll('svg.chart')].flatMap((svg) => {
    const model = charts.find((c) => c.title === svg.getAttribute('aria-label'));
    return model && svg.parentElement ? [{ model, original: svg, current: svg, width: null as number | null }] : [];
  });
  if (!shown.length) return;
  const draw = (model: NoteChartJson, width: number) =>
    parseSvg(model.kind === 'ratio' ? ratioChartSvg(model, { width }) : barChartSvg(model, { width }));
  const redraw = () => {
    for (const f of shown) {
      const host = f.current.parentElement;
      if (!host) continue;
      const w = Math.floor(host.clientWidth);
      if (w <= 0) continue;
      const want = w < FIT_BELOW_PX ? w : null;
      if (want === f.width) continue;
      const next = want === null ? f.original : draw(f.model, want);
      if (!next) continue;
      f.current.replaceWith(next);
      f.current = next;
      f.width = want;
    }
  };
  redraw();
  new ResizeObserver(() => requestAnimationFrame(redraw)).observe(container);
}
