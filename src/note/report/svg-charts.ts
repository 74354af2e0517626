/**
 * The note's charts as SVG text, drawn from the note's own figures: the ratio with its trendline
 * (log scale, weekly closes) and the performance table as horizontal bars. No script, no library:
 * the HTML note is one self-contained file.
 */
import { formatSignedPercent } from '../../domain/format/display-format.js';
import type { BarChart, RatioChart } from './note-model.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => x.toFixed(1);

export function ratioChartSvg(c: RatioChart): string {
  const W = 720;
  const H = 300;
  const R = 16;
  const T = 28;
  const B = 36;
  const values = c.values;
  const all = c.line ? [...values, c.line.fromValue, c.line.toValue] : [...values];
  const lo = Math.log(Math.min(...all));
  const hi = Math.log(Math.max(...all));
  const span = hi - lo || 1;
  const ticks = [0, 0.5, 1].map((frac) => Math.exp(lo + frac * span));
  // The left margin fits the longest value label (about 10 units a character at the phone's font size).
  const L = Math.max(56, 12 + 10 * Math.max(...ticks.map((v) => v.toPrecision(3).length)));
  const x = (i: number) => L + (i / Math.max(1, values.length - 1)) * (W - L - R);
  const y = (v: number) => T + (1 - (Math.log(v) - lo) / span) * (H - T - B);
  const dateIndex = (iso: string) => {
    const i = c.dates.findIndex((d) => d >= iso);
    return i < 0 ? c.dates.length - 1 : i;
  };
  const pts = values.map((v, i) => `${n(x(i))},${n(y(v))}`).join(' ');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(c.title)}" class="chart">`,
    `<text x="${L}" y="18" class="chart-title">${esc(c.title)}</text>`,
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" class="axis"/>`,
    `<polyline points="${pts}" class="series"/>`,
  ];
  for (const v of ticks) {
    parts.push(`<text x="${L - 6}" y="${n(y(v) + 4)}" class="tick" text-anchor="end">${v.toPrecision(3)}</text>`);
  }
  // The first and last dates align to the axis ends, so neither runs past the drawing's edge.
  const last = values.length - 1;
  for (const i of [0, Math.floor(last / 2), last]) {
    const anchor = i === 0 ? 'start' : i === last ? 'end' : 'middle';
    parts.push(
      `<text x="${n(x(i))}" y="${H - B + 16}" class="tick" text-anchor="${anchor}">${esc(c.dates[i] ?? '')}</text>`,
    );
  }
  if (c.line) {
    const i0 = dateIndex(c.line.from);
    const i1 = values.length - 1;
    parts.push(
      `<line x1="${n(x(i0))}" y1="${n(y(c.line.fromValue))}" x2="${n(x(i1))}" y2="${n(y(c.line.toValue))}" class="trendline"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

export function barChartSvg(c: BarChart): string {
  const W = 720;
  const row = 22;
  const T = 30;
  const L = 90;
  // Room for a value label beyond each bar's end: on the right for gains, on the left for losses
  // (left of the zero line, so a loss's label never runs into the symbol names).
  const R = 80;
  const H = T + row * c.bars.length + 10;
  const maxUp = Math.max(0, ...c.bars.map((b) => b.value));
  const maxDown = Math.max(0, ...c.bars.map((b) => -b.value));
  const padDown = maxDown > 0 ? 80 : 0;
  const scale = (W - L - R - padDown) / Math.max(maxUp + maxDown, 1e-9);
  const zero = L + padDown + maxDown * scale;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(c.title)}" class="chart">`,
    `<text x="${L}" y="18" class="chart-title">${esc(c.title)}</text>`,
  ];
  c.bars.forEach((b, i) => {
    const y = T + i * row;
    const w = Math.abs(b.value) * scale;
    const x0 = b.value >= 0 ? zero : zero - w;
    parts.push(`<text x="${L - 6}" y="${y + 14}" class="tick" text-anchor="end">${esc(b.label)}</text>`);
    parts.push(
      `<rect x="${n(x0)}" y="${y + 3}" width="${n(w)}" height="${row - 6}" class="${b.value >= 0 ? 'bar-up' : 'bar-down'}"/>`,
    );
    parts.push(
      `<text x="${n(b.value >= 0 ? x0 + w + 4 : x0 - 4)}" y="${y + 14}" class="tick" text-anchor="${b.value >= 0 ? 'start' : 'end'}">${formatSignedPercent(b.value)}</text>`,
    );
  });
  parts.push(`<line x1="${n(zero)}" y1="${T}" x2="${n(zero)}" y2="${H - 10}" class="axis"/>`);
  parts.push('</svg>');
  return parts.join('');
}
