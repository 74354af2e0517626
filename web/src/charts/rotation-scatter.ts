/**
 * The relative-rotation chart: RS-Ratio across, RS-Momentum up, quadrants around (100, 100)
 * (leading top-right, weakening bottom-right, lagging bottom-left, improving top-left), each series
 * with its tail ending in a dot. Drawn on a canvas; hovering or focusing a point names it.
 */
import type { PlacedRotationPoint } from '../api-client.js';
import { el } from '../element-builder.js';
import { fixed } from '../number-format.js';
import { chartColours } from '../theme.js';

export function rotationScatter(
  points: readonly PlacedRotationPoint[],
  onPick?: (symbol: string) => void,
): HTMLElement {
  const wrap = el('div', { class: 'rrg-wrap' });
  const canvas = el('canvas', { class: 'rrg', role: 'img', 'aria-label': 'Relative rotation chart' });
  const tip = el('div', { class: 'rrg-tip', hidden: true });
  wrap.append(canvas, tip);
  const c = chartColours();

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

  const draw = () => {
    const w = wrap.clientWidth || 600;
    const h = Math.min(520, Math.max(300, w * 0.75));
    const dpr = window.devicePixelRatio || 1;
    canvas.width = w * dpr;
    canvas.height = h * dpr;
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
    const g = canvas.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    // Plot box: room on the left for the momentum ticks and its title, below for the ratio ticks.
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
    for (const [name, x0, y0, x1, y1, fill] of quad) {
      g.fillStyle = fill;
      g.fillRect(x0, y0, x1 - x0, y1 - y0);
      g.fillStyle = c.muted;
      g.fillText(name, x0 + 6, y0 + 16);
    }
    g.strokeStyle = c.muted;
    g.beginPath();
    g.moveTo(X(100), Y(100 + ry));
    g.lineTo(X(100), Y(100 - ry));
    g.moveTo(X(100 - rx), Y(100));
    g.lineTo(X(100 + rx), Y(100));
    g.stroke();
    // Tick labels on both axes (100 is the benchmark), then the axis titles.
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
    points.forEach((p, i) => {
      const colour = c.line[i % c.line.length]!;
      const path = [...p.tail, p];
      g.strokeStyle = colour;
      g.fillStyle = colour;
      g.lineWidth = 1.5;
      g.beginPath();
      path.forEach((t, j) => {
        if (j === 0) g.moveTo(X(t.rsRatio), Y(t.rsMomentum));
        else g.lineTo(X(t.rsRatio), Y(t.rsMomentum));
      });
      g.stroke();
      for (const t of p.tail) {
        g.beginPath();
        g.arc(X(t.rsRatio), Y(t.rsMomentum), 2, 0, Math.PI * 2);
        g.fill();
      }
      const x = X(p.rsRatio);
      const y = Y(p.rsMomentum);
      g.beginPath();
      g.arc(x, y, 5, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = c.text;
      g.fillText(p.symbol, x + 7, y - 6);
      screen.push({ symbol: p.symbol, x, y, p });
    });
    // Where each point is drawn, in CSS pixels (for tests and tooling that need to point at one).
    canvas.dataset.points = JSON.stringify(screen.map((s) => [s.symbol, Math.round(s.x), Math.round(s.y)]));
  };

  const showTip = (hit: (typeof screen)[number] | undefined) => {
    if (!hit) {
      tip.hidden = true;
      return;
    }
    tip.hidden = false;
    tip.textContent = `${hit.symbol}: ${hit.p.quadrant}, RS-Ratio ${fixed(hit.p.rsRatio, 2)}, RS-Momentum ${fixed(hit.p.rsMomentum, 2)}`;
    tip.style.left = `${Math.min(hit.x + 12, (wrap.clientWidth || 600) - 220)}px`;
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
    if (hit && onPick) onPick(hit.symbol);
  });
  const ro = new ResizeObserver(() => draw());
  ro.observe(wrap);
  requestAnimationFrame(draw);
  return wrap;
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
