/**
 * The relative-rotation chart, read like StockCharts' RRG: RS-Ratio across, RS-Momentum up,
 * quadrants around (100, 100) (leading top-right, weakening bottom-right, lagging bottom-left,
 * improving top-left), each series a smoothed tail through its weekly readings (rrg-tail-curve.ts: no
 * corner, no loop) ending in an arrowhead that shows where it is heading. A series keeps its colour
 * in both themes (palette.ts). Hovering a point, or its row in the table, highlights that series and fades the others;
 * a toggle per series shows or hides it. Drawn on a canvas with a text caption; the table is the
 * accessible view of the same points.
 */
import { ensureDefined } from '../../../src/domain/ensure.js';
import type { PlacedRotationPoint } from '../api-client.js';
import { el } from '../element-builder.js';
import { fixed } from '../number-format.js';
import { seriesDash } from '../palette.js';
import { chartColours, lineColour } from '../theme.js';
import { clippedLength, placeRrgLabels } from './rrg-labels.js';
import { distinctPoints, headDirection, type Point, sampleCurve, tailCurve } from './rrg-tail-curve.js';

interface Options {
  readonly onPick?: (symbol: string) => void;
  /** The table of the same points: hovering a row highlights the series. */
  readonly table?: HTMLElement;
  readonly caption: string;
  /** Series shown without a head (unticked), from the URL. */
  readonly hidden?: readonly string[];
  /** Series with a tail, from the URL; null: the default (the ones that travelled furthest). */
  readonly tails?: readonly string[] | null;
  /** Called when the reader hides, shows or switches a tail, to keep the URL in step. */
  readonly onState?: (state: { hidden: string[]; tails: string[] }) => void;
}

export function rotationScatter(points: readonly PlacedRotationPoint[], options: Options): HTMLElement {
  const c = chartColours();
  const colourOf = new Map(points.map((p, i) => [p.symbol, lineColour(c, i)]));
  // The second cue beside the colour (palette.ts): odd series have a dashed tail, square dots and a hollow
  // arrowhead, so two series a colour-blind reader may confuse never look the same.
  const dashOf = new Map(points.map((p, i) => [p.symbol, seriesDash(i)]));
  const known = new Set(points.map((p) => p.symbol));
  const hidden = new Set((options.hidden ?? []).filter((s) => known.has(s)));
  // Eleven tails tangle: by default only the few that moved furthest have one (every head and arrow
  // shows); a series' name in the legend switches its tail, hovering it highlights the series.
  const tails = new Set(
    options.tails ? options.tails.filter((s) => known.has(s)) : defaultTails(points, DEFAULT_TAILS),
  );
  const tellState = () => options.onState?.({ hidden: [...hidden], tails: [...tails] });
  let highlight: string | null = null;
  const canvas = el('canvas', { class: 'rrg', role: 'img', 'aria-label': options.caption });
  const tip = el('div', { class: 'rrg-tip', hidden: true, role: 'status' });
  const toggles = el(
    'div',
    { class: 'rrg-toggles', role: 'group', 'aria-label': 'Show or hide series' },
    points.map((p) => {
      const box = el('input', {
        type: 'checkbox',
        checked: !hidden.has(p.symbol),
        'data-series': p.symbol,
        'aria-label': `Show ${p.symbol}`,
        title: `Show or hide ${p.symbol}`,
      });
      box.addEventListener('change', () => {
        if (box.checked) hidden.delete(p.symbol);
        else hidden.add(p.symbol);
        tellState();
        draw();
      });
      const tailButton = el(
        'button',
        {
          type: 'button',
          class: 'rrg-tail-toggle',
          'data-tail': p.symbol,
          'aria-pressed': String(tails.has(p.symbol)),
          title: `Show or hide the tail of ${p.symbol}`,
        },
        // A dashed series' key is hollow, like its arrowhead on the chart.
        el('span', {
          class: `swatch swatch-${dashOf.get(p.symbol)}`,
          style:
            dashOf.get(p.symbol) === 'dashed'
              ? `border-color:${colourOf.get(p.symbol)}`
              : `background:${colourOf.get(p.symbol)}`,
        }),
        p.symbol,
      );
      tailButton.addEventListener('click', () => {
        if (tails.has(p.symbol)) tails.delete(p.symbol);
        else tails.add(p.symbol);
        tailButton.setAttribute('aria-pressed', String(tails.has(p.symbol)));
        tellState();
        draw();
      });
      tailButton.addEventListener('mouseenter', () => setHighlight(p.symbol));
      tailButton.addEventListener('mouseleave', () => setHighlight(null));
      tailButton.addEventListener('focus', () => setHighlight(p.symbol));
      tailButton.addEventListener('blur', () => setHighlight(null));
      return el('span', { class: 'rrg-toggle' }, box, tailButton);
    }),
  );
  const setAllTails = (on: boolean) => {
    tails.clear();
    if (on) for (const p of points) tails.add(p.symbol);
    for (const b of toggles.querySelectorAll<HTMLElement>('[data-tail]'))
      b.setAttribute('aria-pressed', String(tails.has(b.dataset.tail ?? '')));
    tellState();
    draw();
  };
  const tailHelp = el(
    'div',
    { class: 'rrg-tail-help muted' },
    'Tails: click a name to show or hide its tail; hover to highlight. ',
    el('button', { type: 'button', id: 'rrg-tails-all', onclick: () => setAllTails(true) }, 'All tails'),
    ' ',
    el('button', { type: 'button', id: 'rrg-tails-none', onclick: () => setAllTails(false) }, 'No tails'),
  );
  const plot = el('div', { class: 'rrg-plot' }, canvas, tip);
  const wrap = el(
    'figure',
    { class: 'rrg-wrap' },
    toggles,
    tailHelp,
    plot,
    el('figcaption', { class: 'chart-caption' }, options.caption),
  );

  let lo = { x: 100, y: 100 };
  let hi = { x: 100, y: 100 };
  for (const p of points) {
    for (const t of [...p.tail, p]) {
      lo = { x: Math.min(lo.x, t.rsRatio), y: Math.min(lo.y, t.rsMomentum) };
      hi = { x: Math.max(hi.x, t.rsRatio), y: Math.max(hi.y, t.rsMomentum) };
    }
  }
  // Symmetric around 100 so the quadrants are equal.
  const rx = Math.max(Math.abs(hi.x - 100), Math.abs(lo.x - 100), 0.5) * 1.15;
  const ry = Math.max(Math.abs(hi.y - 100), Math.abs(lo.y - 100), 0.5) * 1.15;
  let screen: { symbol: string; x: number; y: number; p: PlacedRotationPoint }[] = [];

  function draw(): void {
    const w = plot.clientWidth || 600;
    const h = Math.min(540, Math.max(300, w * 0.72));
    const dpr = window.devicePixelRatio || 1;
    canvas.width = w * dpr;
    canvas.height = h * dpr;
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
    const g = canvas.getContext('2d');
    if (!g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const left = 58;
    const right = 12;
    const top = 10;
    const bottom = 40;
    const X = (v: number) => ((v - (100 - rx)) / (2 * rx)) * (w - left - right) + left;
    const Y = (v: number) => h - bottom - ((v - (100 - ry)) / (2 * ry)) * (h - top - bottom);
    g.fillStyle = c.background;
    g.fillRect(0, 0, w, h);
    const quad: [string, number, number, number, number, string][] = [
      ['Leading', X(100), Y(100 + ry), X(100 + rx), Y(100), 'rgba(26,138,85,0.10)'],
      ['Weakening', X(100), Y(100), X(100 + rx), Y(100 - ry), 'rgba(184,110,0,0.10)'],
      ['Lagging', X(100 - rx), Y(100), X(100), Y(100 - ry), 'rgba(201,55,44,0.10)'],
      ['Improving', X(100 - rx), Y(100 + ry), X(100), Y(100), 'rgba(31,111,235,0.10)'],
    ];
    g.font = '12px system-ui, sans-serif';
    // The quadrants' names as boxes: the series' names keep off them (rrg-labels.ts keepClear).
    const quadrantNames: { left: number; top: number; right: number; bottom: number }[] = [];
    for (const [name, x0, y0, x1, y1, fill] of quad) {
      g.fillStyle = fill;
      g.fillRect(x0, y0, x1 - x0, y1 - y0);
      // Each quadrant's name in its outer corner, away from the centre where the series crowd.
      const right = name === 'Leading' || name === 'Weakening';
      const lower = name === 'Weakening' || name === 'Lagging';
      g.fillStyle = c.muted;
      g.textAlign = right ? 'right' : 'left';
      const tx = right ? x1 - 6 : x0 + 6;
      const ty = lower ? y1 - 7 : y0 + 16;
      g.fillText(name, tx, ty);
      const tw = g.measureText(name).width;
      quadrantNames.push({ left: right ? tx - tw : tx, top: ty - 11, right: right ? tx : tx + tw, bottom: ty + 3 });
    }
    canvas.dataset.quadrantLabels = JSON.stringify(
      quadrantNames.map((q) => [Math.round(q.left), Math.round(q.top), Math.round(q.right), Math.round(q.bottom)]),
    );
    g.textAlign = 'left';
    g.strokeStyle = c.muted;
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(X(100), Y(100 + ry));
    g.lineTo(X(100), Y(100 - ry));
    g.moveTo(X(100 - rx), Y(100));
    g.lineTo(X(100 + rx), Y(100));
    g.stroke();
    g.fillStyle = c.muted;
    g.font = '11px system-ui, sans-serif';
    g.textAlign = 'center';
    const tx = ticks(100 - rx, 100 + rx);
    for (const v of tx.values) {
      g.fillRect(X(v), Y(100 - ry), 1, 4);
      g.fillText(fixed(v, tx.digits), X(v), Y(100 - ry) + 15);
    }
    g.textAlign = 'right';
    const ty = ticks(100 - ry, 100 + ry);
    for (const v of ty.values) {
      g.fillRect(X(100 - rx) - 4, Y(v), 4, 1);
      g.fillText(fixed(v, ty.digits), X(100 - rx) - 6, Y(v) + 4);
    }
    g.fillStyle = c.text;
    g.font = '12px system-ui, sans-serif';
    g.textAlign = 'center';
    g.fillText('RS-Ratio (relative strength vs benchmark) →', (X(100 - rx) + X(100 + rx)) / 2, h - 6);
    g.save();
    g.translate(13, (Y(100 + ry) + Y(100 - ry)) / 2);
    g.rotate(-Math.PI / 2);
    g.fillText('RS-Momentum →', 0, 0);
    g.restore();
    g.textAlign = 'left';
    screen = [];
    const order = [...points].sort((a, b) => Number(a.symbol === highlight) - Number(b.symbol === highlight));
    const heads: { symbol: string; x: number; y: number }[] = [];
    const drawnTails: Point[][] = [];
    for (const p of order) {
      if (hidden.has(p.symbol)) continue;
      const colour = ensureDefined(colourOf.get(p.symbol), `colour of ${p.symbol}`);
      const faded = highlight !== null && highlight !== p.symbol;
      g.globalAlpha = faded ? 0.22 : 1;
      // The API's tail ends with the head's own week: drawn once.
      const path = distinctPoints([...p.tail, p].map((t) => ({ x: X(t.rsRatio), y: Y(t.rsMomentum) })));
      g.strokeStyle = colour;
      g.fillStyle = colour;
      g.lineWidth = highlight === p.symbol ? 3 : 1.8;
      const dashed = dashOf.get(p.symbol) === 'dashed';
      if ((tails.has(p.symbol) || highlight === p.symbol) && path.length > 1) {
        const pieces = tailCurve(path);
        g.setLineDash(dashed ? [5, 3] : []);
        g.beginPath();
        g.moveTo(path[0]!.x, path[0]!.y);
        for (const b of pieces) g.bezierCurveTo(b.c1.x, b.c1.y, b.c2.x, b.c2.y, b.to.x, b.to.y);
        g.stroke();
        g.setLineDash([]);
        drawnTails.push(sampleCurve(path[0]!, pieces));
        // A dot on each weekly reading (the curve passes through them): round, or square for a dashed series.
        for (const t of path.slice(0, -1)) {
          g.beginPath();
          if (dashed) g.rect(t.x - 2.2, t.y - 2.2, 4.4, 4.4);
          else g.arc(t.x, t.y, 2.2, 0, Math.PI * 2);
          g.fill();
        }
      }
      const head = { x: X(p.rsRatio), y: Y(p.rsMomentum) };
      const dir = headDirection(path) ?? { x: 1, y: 0 };
      arrowHead(
        g,
        { x: head.x - dir.x, y: head.y - dir.y },
        head,
        highlight === p.symbol ? 11 : 9,
        dashed ? c.background : null,
      );
      heads.push({ symbol: p.symbol, ...head });
      screen.push({ symbol: p.symbol, x: head.x, y: head.y, p });
    }
    // The names after every arrow, each beside its own head and off the others (rrg-labels.ts).
    const fontOf = (s: string) => (highlight === s ? 'bold 12px system-ui, sans-serif' : '12px system-ui, sans-serif');
    const widths = heads.map((hd) => {
      g.font = fontOf(hd.symbol);
      return g.measureText(hd.symbol).width;
    });
    const boxes = placeRrgLabels(heads, widths, {
      height: 12,
      // The arrowhead reaches 9 px back from its point: names keep that far off.
      gap: 9,
      bounds: { left: X(100 - rx), top: Y(100 + ry), right: X(100 + rx), bottom: Y(100 - ry) },
      tails: drawnTails,
      keepClear: quadrantNames,
    });
    heads.forEach((hd, i) => {
      const box = boxes[i]!;
      g.globalAlpha = highlight !== null && highlight !== hd.symbol ? 0.35 : 1;
      g.font = fontOf(hd.symbol);
      // A name pushed past the first ring (every nearer spot covered a tail, a head or a name) is joined to
      // its head by a thin line in the series' colour.
      if (box.leader) {
        const d = Math.hypot(box.leader.x - hd.x, box.leader.y - hd.y);
        g.strokeStyle = ensureDefined(colourOf.get(hd.symbol), `colour of ${hd.symbol}`);
        g.lineWidth = 1;
        g.beginPath();
        g.moveTo(hd.x + ((box.leader.x - hd.x) / d) * 6, hd.y + ((box.leader.y - hd.y) / d) * 6);
        g.lineTo(box.leader.x, box.leader.y);
        g.stroke();
      }
      // A halo of the background under each name keeps it readable where a tail crosses it.
      g.strokeStyle = c.background;
      g.lineWidth = 3;
      g.lineJoin = 'round';
      g.strokeText(hd.symbol, box.x, box.y);
      g.fillStyle = c.text;
      g.fillText(hd.symbol, box.x, box.y);
    });
    g.globalAlpha = 1;
    canvas.dataset.labels = JSON.stringify(
      heads.map((hd, i) => [
        hd.symbol,
        Math.round(boxes[i]!.x),
        Math.round(boxes[i]!.y - 10),
        Math.round(boxes[i]!.width),
        boxes[i]!.leader ? 1 : 0,
      ]),
    );
    // How many pixels of drawn tail run under the names (the browser test holds it near zero).
    let under = 0;
    for (const b of boxes)
      for (const line of drawnTails)
        for (let k = 1; k < line.length; k++)
          under += clippedLength(line[k - 1]!, line[k]!, {
            left: b.x,
            top: b.y + 2 - b.height,
            right: b.x + b.width,
            bottom: b.y + 2,
          });
    canvas.dataset.tailUnderLabels = String(Math.round(under));
    canvas.dataset.points = JSON.stringify(screen.map((s) => [s.symbol, Math.round(s.x), Math.round(s.y)]));
    canvas.dataset.tails = [...tails].filter((t) => !hidden.has(t)).join(',');
  }

  const setHighlight = (symbol: string | null) => {
    if (symbol === highlight) return;
    highlight = symbol;
    for (const row of options.table?.querySelectorAll<HTMLElement>('tr[data-symbol]') ?? [])
      row.classList.toggle('highlight', row.dataset.symbol === symbol);
    draw();
  };
  const showTip = (hit: (typeof screen)[number] | undefined) => {
    setHighlight(hit?.symbol ?? null);
    if (!hit) {
      tip.hidden = true;
      return;
    }
    tip.hidden = false;
    tip.textContent = `${hit.symbol}: ${hit.p.quadrant}, RS-Ratio ${fixed(hit.p.rsRatio, 2)}, RS-Momentum ${fixed(hit.p.rsMomentum, 2)}`;
    tip.style.left = `${Math.max(0, Math.min(hit.x + 12, (plot.clientWidth || 600) - 230))}px`;
    tip.style.top = `${hit.y + 12}px`;
  };
  const nearest = (ev: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    const mx = ev.clientX - r.left;
    const my = ev.clientY - r.top;
    let best: (typeof screen)[number] | undefined;
    let bestD = 14 * 14;
    for (const s of screen) {
      const d = (s.x - mx) ** 2 + (s.y - my) ** 2;
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    return best;
  };
  canvas.addEventListener('mousemove', (ev) => showTip(nearest(ev)));
  canvas.addEventListener('mouseleave', () => showTip(undefined));
  canvas.addEventListener('click', (ev) => {
    const hit = nearest(ev);
    if (hit && options.onPick) options.onPick(hit.symbol);
  });
  options.table?.addEventListener('mouseover', (ev) => {
    const row = (ev.target as HTMLElement).closest<HTMLElement>('tr[data-symbol]');
    setHighlight(row?.dataset.symbol ?? null);
  });
  options.table?.addEventListener('mouseleave', () => setHighlight(null));
  options.table?.addEventListener('focusin', (ev) => {
    const row = (ev.target as HTMLElement).closest<HTMLElement>('tr[data-symbol]');
    setHighlight(row?.dataset.symbol ?? null);
  });
  const ro = new ResizeObserver(() => draw());
  ro.observe(plot);
  requestAnimationFrame(draw);
  return wrap;
}

/** How many series have a tail by default (all of them when there are no more than this). */
export const DEFAULT_TAILS = 5;

/**
 * The series whose tails are drawn by default: the `count` that travelled furthest over their tail
 * (sum of the weekly steps in RS-Ratio/RS-Momentum units), in the points' order; all when few.
 */
export function defaultTails(
  points: readonly {
    readonly symbol: string;
    readonly rsRatio: number;
    readonly rsMomentum: number;
    readonly tail: readonly { readonly rsRatio: number; readonly rsMomentum: number }[];
  }[],
  count: number,
): string[] {
  if (points.length <= count) return points.map((p) => p.symbol);
  const travelled = points.map((p) => {
    const path = [...p.tail, p];
    let d = 0;
    for (let i = 1; i < path.length; i++)
      d += Math.hypot(path[i]!.rsRatio - path[i - 1]!.rsRatio, path[i]!.rsMomentum - path[i - 1]!.rsMomentum);
    return { symbol: p.symbol, d };
  });
  const keep = new Set(
    [...travelled]
      .sort((a, b) => b.d - a.d)
      .slice(0, count)
      .map((t) => t.symbol),
  );
  return points.filter((p) => keep.has(p.symbol)).map((p) => p.symbol);
}

function arrowHead(
  g: CanvasRenderingContext2D,
  from: { x: number; y: number },
  to: { x: number; y: number },
  size: number,
  /** A hollow head (the dashed series'): filled with this colour inside a 2 px outline; null: solid. */
  hollow: string | null,
): void {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  g.beginPath();
  g.moveTo(to.x + Math.cos(angle) * size * 0.5, to.y + Math.sin(angle) * size * 0.5);
  g.lineTo(to.x + Math.cos(angle + 2.5) * size, to.y + Math.sin(angle + 2.5) * size);
  g.lineTo(to.x + Math.cos(angle - 2.5) * size, to.y + Math.sin(angle - 2.5) * size);
  g.closePath();
  if (hollow === null) {
    g.fill();
    return;
  }
  const fill = g.fillStyle;
  g.fillStyle = hollow;
  g.fill();
  g.fillStyle = fill;
  g.lineWidth = 2;
  g.lineJoin = 'miter';
  g.stroke();
}

/** Round tick values inside [lo, hi]: steps of 1, 2 or 5 times a power of ten, about six of them. */
function ticks(lo: number, hi: number): { values: number[]; digits: number } {
  const raw = (hi - lo) / 6;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const values: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) values.push(Math.round(v / step) * step);
  return { values, digits: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) };
}
