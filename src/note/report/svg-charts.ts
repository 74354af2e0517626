/**
 * The note's charts as SVG text, drawn from the note's own figures: the ratio with its trendline
 * (log scale, weekly closes) and the performance table as horizontal bars. No script, no library:
 * the HTML note is one self-contained file. The file's charts are 720 units wide and scale to the
 * column; the dashboard redraws them at a phone's own width (`width`, one unit a CSS pixel, 11 px ticks),
 * since a 720-unit drawing shown at 350 px halves every label.
 */
import { formatNumber, formatSignedPercent } from '../../domain/format/display-format.js';
import type { BarChart, RatioChart } from './note-model.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => x.toFixed(1);

/** Drawing options: `width` in CSS pixels for a chart drawn at its display size (the dashboard on a phone). */
export interface SvgChartOptions {
  readonly width?: number;
}

/** About how wide a character of the 11 px tick font is (capitals and digits), in units, at display size. */
const TICK_CHAR = 7.2;

/** The title in lines of at most `max` characters, split between words (a phone-width drawing). */
function titleLines(title: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function titleText(title: string, x: number, width: number, fit: boolean): string {
  if (!fit) return `<text x="${x}" y="18" class="chart-title">${esc(title)}</text>`;
  // 13 px semi-bold: up to about 8.5 px a character (capitals and digits).
  const lines = titleLines(title, Math.max(10, Math.floor((width - x) / 8.5)));
  return `<text x="${x}" y="16" class="chart-title">${lines.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : 16}">${esc(l)}</tspan>`).join('')}</text>`;
}

/**
 * The value axis's labels with one number of decimals, as a price axis prints them: enough for three
 * significant figures on the largest and two on the smallest, more while two labels would read the same.
 * `toPrecision(3)` gave each its own ("0.0177", "0.00960", "0.00520": four and five decimals, a trailing zero).
 * @example tickLabels([0.0052, 0.0096, 0.0177]) // ["0.0052", "0.0096", "0.0177"]
 */
export function tickLabels(values: readonly number[]): string[] {
  const abs = values.map(Math.abs).filter((v) => v > 0 && Number.isFinite(v));
  if (!abs.length) return values.map((v) => formatNumber(v, 0));
  // The decimals that give `sig` significant figures on `v`: 0.0177 has its first figure at 10^-2, so 3 figures need 4.
  const decimalsFor = (v: number, sig: number) => Math.max(0, sig - 1 - Math.floor(Math.log10(v)));
  let digits = Math.min(8, Math.max(decimalsFor(Math.max(...abs), 3), decimalsFor(Math.min(...abs), 2)));
  const at = (d: number) => values.map((v) => formatNumber(v, d));
  while (digits < 8 && new Set(at(digits)).size < new Set(values).size) digits++;
  return at(digits);
}

export function ratioChartSvg(c: RatioChart, options: SvgChartOptions = {}): string {
  const fit = options.width !== undefined;
  const W = options.width ?? 720;
  const titleRows = fit ? titleLines(c.title, Math.max(10, Math.floor((W - 4) / 8.5))).length : 1;
  const H = fit ? Math.round(Math.max(220, W * 0.7)) : 300;
  const R = fit ? 8 : 16;
  const T = fit ? 12 + 16 * titleRows : 28;
  const B = fit ? 28 : 36;
  const values = c.values;
  const all = c.line ? [...values, c.line.fromValue, c.line.toValue] : [...values];
  const lo = Math.log(Math.min(...all));
  const hi = Math.log(Math.max(...all));
  const span = hi - lo || 1;
  const ticks = [0, 0.5, 1].map((frac) => Math.exp(lo + frac * span));
  // The left margin fits the longest value label (about 10 units a character at the phone's font size in the
  // 720-unit drawing, TICK_CHAR in a drawing at display size).
  const labels = tickLabels(ticks);
  const chars = Math.max(...labels.map((l) => l.length));
  const L = fit ? Math.ceil(10 + TICK_CHAR * chars) : Math.max(56, 12 + 10 * chars);
  const x = (i: number) => L + (i / Math.max(1, values.length - 1)) * (W - L - R);
  const y = (v: number) => T + (1 - (Math.log(v) - lo) / span) * (H - T - B);
  const dateIndex = (iso: string) => {
    const i = c.dates.findIndex((d) => d >= iso);
    return i < 0 ? c.dates.length - 1 : i;
  };
  const pts = values.map((v, i) => `${n(x(i))},${n(y(v))}`).join(' ');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(c.title)}" class="chart${fit ? ' fit' : ''}">`,
    titleText(c.title, fit ? 1 : L, W, fit),
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" class="axis"/>`,
    `<polyline points="${pts}" class="series"/>`,
  ];
  ticks.forEach((v, i) => {
    parts.push(`<text x="${L - 6}" y="${n(y(v) + 4)}" class="tick" text-anchor="end">${labels[i]}</text>`);
  });
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

export function barChartSvg(c: BarChart, options: SvgChartOptions = {}): string {
  const fit = options.width !== undefined;
  const W = options.width ?? 720;
  const row = 22;
  const titleRows = fit ? titleLines(c.title, Math.max(10, Math.floor((W - 4) / 8.5))).length : 1;
  const T = fit ? 14 + 16 * titleRows : 30;
  // The names' column fits the longest name at display size; 90 units in the 720-unit drawing.
  const L = fit ? Math.ceil(14 + TICK_CHAR * Math.max(4, ...c.bars.map((b) => b.label.length))) : 90;
  // Room for a value label beyond each bar's end: on the right for gains, on the left for losses
  // (left of the zero line, so a loss's label never runs into the symbol names). "+123.45%" at display size.
  const valueRoom = fit ? Math.ceil(8 + TICK_CHAR * 8) : 80;
  const R = valueRoom;
  const H = T + row * c.bars.length + 10;
  const maxUp = Math.max(0, ...c.bars.map((b) => b.value));
  const maxDown = Math.max(0, ...c.bars.map((b) => -b.value));
  const padDown = maxDown > 0 ? valueRoom : 0;
  const scale = (W - L - R - padDown) / Math.max(maxUp + maxDown, 1e-9);
  const zero = L + padDown + maxDown * scale;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(c.title)}" class="chart${fit ? ' fit' : ''}">`,
    titleText(c.title, fit ? 1 : L, W, fit),
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
