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
 * Round axis values between `lo` and `hi` (both included), on the finest 1-2-5 step (1, 2 or 5 times a power
 * of ten) that gives at most `maxCount` of them, as a chart's price axis places its ticks.
 * @example niceTicks(0.0052, 0.0177, 6) // [0.006, 0.008, 0.01, 0.012, 0.014, 0.016]
 */
export function niceTicks(lo: number, hi: number, maxCount: number): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  const first = Math.floor(Math.log10(hi - lo)) - 3;
  for (let e = first; e <= first + 6; e++) {
    for (const m of [1, 2, 5]) {
      const step = m * 10 ** e;
      // A small tolerance, so 0.9 / 0.05 = 18.000000000000004 still counts 0.9 as a tick.
      const k0 = Math.ceil(lo / step - 1e-9);
      const k1 = Math.floor(hi / step + 1e-9);
      if (k1 - k0 + 1 > maxCount) continue;
      const out: number[] = [];
      for (let k = k0; k <= k1; k++) out.push(Number((k * step).toPrecision(12)));
      return out;
    }
  }
  return [lo];
}

/**
 * The value axis's ticks of a log-scale chart `height` units tall showing `lo` to `hi`: the most round values
 * (niceTicks, up to 6) whose labels stay `minGap` units apart on the log scale (its top ticks crowd first).
 */
export function logAxisTicks(lo: number, hi: number, height: number, minGap: number): number[] {
  const span = Math.log(hi) - Math.log(lo);
  if (!(span > 0)) return niceTicks(lo, hi, 1);
  let ticks: number[] = [];
  for (let count = 6; count >= 2; count--) {
    ticks = niceTicks(lo, hi, count);
    let gap = Number.POSITIVE_INFINITY;
    for (let i = 1; i < ticks.length; i++) gap = Math.min(gap, (Math.log(ticks[i]! / ticks[i - 1]!) / span) * height);
    if (gap >= minGap) return ticks;
  }
  return ticks;
}

/**
 * Labels of round ticks: the decimals of the finest tick (0.006 and 0.010 print "0.006" and "0.010"), at most 8.
 * @example roundTickLabels([0.006, 0.01, 0.015]) // ["0.006", "0.010", "0.015"]
 */
export function roundTickLabels(values: readonly number[]): string[] {
  let digits = 0;
  for (const v of values)
    while (digits < 8 && Math.abs(Number(v.toFixed(digits)) - v) > 1e-12 * Math.max(1, Math.abs(v))) digits++;
  return values.map((v) => formatNumber(v, digits));
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
  // Round values on the 1-2-5 steps a chart axis uses (the data's low, middle and high were labelled before:
  // 0.0052 / 0.0096 / 0.0177), at least 16 units apart (11 px labels).
  const ticks = logAxisTicks(Math.exp(lo), Math.exp(hi), H - T - B, 16);
  // The left margin fits the longest value label (about 10 units a character at the phone's font size in the
  // 720-unit drawing, TICK_CHAR in a drawing at display size).
  const labels = roundTickLabels(ticks);
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
