/** A sparkline: the closes of the last few weeks as a small SVG line, green when up over the span, red when down. */
import type { Column } from '../api-client.js';
import { svg } from '../element-builder.js';

export function sparkline(values: Column, width = 96, height = 28, label = ''): SVGSVGElement {
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'sparkline', role: 'img' });
  const pts = values
    .map((v, i) => [i, v] as const)
    .filter((p): p is readonly [number, number] => p[1] !== null && Number.isFinite(p[1]));
  if (pts.length < 2) {
    root.setAttribute('aria-label', `${label ? `${label}: ` : ''}too few closes to draw`);
    return root;
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const [, v] of pts) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const span = hi - lo || 1;
  const n = values.length - 1 || 1;
  const d = pts
    .map(
      ([i, v]) =>
        `${((i / n) * (width - 2) + 1).toFixed(1)},${(height - 1 - ((v - lo) / span) * (height - 2)).toFixed(1)}`,
    )
    .join(' ');
  const first = pts[0]![1];
  const last = pts[pts.length - 1]![1];
  root.setAttribute(
    'aria-label',
    `${label ? `${label}: ` : ''}${pts.length} closes, from ${first.toFixed(2)} to ${last.toFixed(2)}`,
  );
  root.appendChild(
    svg('polyline', { points: d, fill: 'none', class: last >= first ? 'spark-up' : 'spark-down', 'stroke-width': 1.5 }),
  );
  return root;
}
