/**
 * The crosshair readout, as TradingView shows it: above the chart, the date under the cursor, the
 * main series' O/H/L/C (or close) with its change from the bar before, and each other line's value
 * at that date. With no cursor on the chart it shows the last bar. Plain HTML, so it is readable,
 * selectable and announced; the legend keys (colour, dashed) double as the chart's legend.
 */
import type { IChartApi, MouseEventParams, Time } from 'lightweight-charts';
import { el } from '../element-builder.js';
import { formatPrice, formatSignedPercent } from '../number-format.js';
import type { LineDash } from '../palette.js';

export interface ReadoutBar {
  readonly open?: number | null;
  readonly high?: number | null;
  readonly low?: number | null;
  readonly close: number;
}

/**
 * A bar's "O 242.35 H 250.53 L 241.86 C 250.16" (or its close alone), each letter tied to its value by a
 * no-break space: on a phone the readout wraps, and a "C" at a line's end with "250.16" under it read apart.
 */
export function ohlcText(bar: ReadoutBar, fmt: (v: number) => string): string {
  if (bar.open == null || bar.high == null || bar.low == null) return fmt(bar.close);
  return `O\u00a0${fmt(bar.open)} H\u00a0${fmt(bar.high)} L\u00a0${fmt(bar.low)} C\u00a0${fmt(bar.close)}`;
}

export interface ReadoutLine {
  readonly label: string;
  readonly colour: string;
  readonly dashed?: boolean;
  /** The line's exact style (Compare's lines): the key is drawn with it, `dashed` is then ignored. */
  readonly dash?: LineDash;
  /** The series the key stands for, as `data-series` on the key. */
  readonly series?: string;
  /**
   * A key for marks rather than a line: 'vertical' a short upright dash (FOMC days across the pane),
   * 'square' and 'circle' the chart's marker shapes (a trendline's touches and anchors), 'fomc-cut',
   * 'fomc-hike' and 'fomc-hold' the shapes of an FOMC decision's tag (▼, ▲, ○; fomc-lines.ts), 'arrow-up' and
   * 'arrow-down' a breakout's arrow on the ratio chart.
   */
  readonly mark?: 'vertical' | 'square' | 'circle' | 'fomc-cut' | 'fomc-hike' | 'fomc-hold' | 'arrow-up' | 'arrow-down';
  /** Dates (sorted ISO) and values of the line. */
  readonly dates: readonly string[];
  readonly values: readonly (number | null)[];
  readonly format?: (v: number) => string;
  /** Extra words after the value (the raw ratio beside the rebased one). */
  readonly extra?: (index: number) => string;
  /**
   * Show the line's change from its own value before, as the main line does (Compare's lines: each line
   * carries its own day change, not only the first).
   */
  readonly change?: boolean;
}

export interface ReadoutMain {
  readonly label: string;
  readonly colour: string;
  /** As ReadoutLine's: the main line's exact style and series (default: a solid key). */
  readonly dash?: LineDash;
  readonly series?: string;
  readonly dates: readonly string[];
  readonly bars: readonly (ReadoutBar | null)[];
  readonly format?: (v: number) => string;
  /** The change from the bar before in words (default: percent; a yield's in basis points). */
  readonly change?: (now: number, before: number) => string;
  readonly extra?: (index: number) => string;
}

/** Index of the last date <= `date` in sorted ISO dates, or -1. */
export function indexAtOrBefore(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The change of `values[k]` from the line's value before it (the last non-null one), or null when either is
 * missing: the day change of a line whose days are its own (a stale series' last change is its last day's).
 */
export function changeFromBefore(values: readonly (number | null)[], k: number): number | null {
  const now = values[k];
  if (now === null || now === undefined) return null;
  for (let j = k - 1; j >= 0; j--) {
    const before = values[j];
    if (before !== null && before !== undefined) return before === 0 ? null : now / before - 1;
  }
  return null;
}

/** The class of a value coloured by its change: up, down or flat. */
function moveClass(change: number | null): string {
  return `readout-value ${change === null || change === 0 ? 'flat' : change > 0 ? 'up' : 'down'}`;
}

/** Keys drawn as a filled shape in the line's colour. */
const FILLED_KEYS = new Set(['square', 'circle', 'fomc-cut', 'fomc-hike', 'arrow-up', 'arrow-down']);

export function chartReadout(chart: IChartApi, main: ReadoutMain, lines: readonly ReadoutLine[]): HTMLElement {
  const box = el('div', { class: 'readout', 'aria-live': 'off' });
  const date = el('span', { class: 'readout-date' });
  const mainValue = el('span', { class: 'readout-value' });
  const items = lines.map((l) => {
    const value = el('span', { class: 'readout-value' });
    return {
      line: l,
      value,
      node: el(
        'li',
        {},
        el('span', {
          class: `legend-key${l.dash ? ` line-${l.dash}` : l.dashed ? ' dashed' : ''}${l.mark ? ` ${l.mark}` : ''}`,
          style: `border-color:${l.colour};--line-colour:${l.colour}${l.mark && FILLED_KEYS.has(l.mark) ? `;background:${l.colour}` : ''}`,
          ...(l.series ? { 'data-series': l.series } : {}),
        }),
        `${l.label} `,
        value,
      ),
    };
  });
  box.append(
    el(
      'ul',
      { class: 'chart-legend' },
      el(
        'li',
        { class: 'readout-main' },
        date,
        el('span', {
          class: `legend-key${main.dash ? ` line-${main.dash}` : ''}`,
          style: `border-color:${main.colour};--line-colour:${main.colour}`,
          ...(main.series ? { 'data-series': main.series } : {}),
        }),
        el('b', {}, main.label),
        ' ',
        mainValue,
      ),
      items.map((i) => i.node),
    ),
  );
  const fmt = main.format ?? formatPrice;
  const show = (at: string | null) => {
    const last = main.dates.length - 1;
    const i = at === null ? last : indexAtOrBefore(main.dates, at);
    if (i < 0) return;
    const day = main.dates[i]!;
    date.textContent = day;
    const bar = main.bars[i];
    let prev: ReadoutBar | null | undefined = null;
    for (let j = i - 1; j >= 0 && !prev; j--) prev = main.bars[j];
    if (!bar) mainValue.textContent = 'n/a';
    else {
      const change = prev ? bar.close / prev.close - 1 : null;
      const ohlc = ohlcText(bar, fmt);
      const changeText = !prev ? '' : main.change ? main.change(bar.close, prev.close) : formatSignedPercent(change);
      mainValue.textContent = `${ohlc}${changeText ? ` ${changeText}` : ''}${main.extra ? main.extra(i) : ''}`;
      mainValue.className = moveClass(change);
    }
    for (const it of items) {
      if (!it.line.dates.length) continue; // a level (the ATH line): its value is in its label
      const k = indexAtOrBefore(it.line.dates, day);
      const v = k >= 0 && it.line.dates[k] === day ? it.line.values[k] : null;
      const change = it.line.change && v !== null && v !== undefined ? changeFromBefore(it.line.values, k) : null;
      it.value.textContent =
        v === null || v === undefined
          ? '–'
          : `${(it.line.format ?? fmt)(v)}${change === null ? '' : ` ${formatSignedPercent(change)}`}${it.line.extra ? it.line.extra(k) : ''}`;
      if (it.line.change) it.value.className = moveClass(change);
    }
  };
  show(null);
  chart.subscribeCrosshairMove((param: MouseEventParams<Time>) => {
    show(param.time === undefined ? null : String(param.time));
  });
  return box;
}

/** A key for an arrow drawn on the chart without its words: the arrow's shape and colour, and the words. */
export interface MarkKey {
  readonly label: string;
  readonly colour: string;
  readonly mark: 'arrow-up' | 'arrow-down';
}

/** A marker as the chart draws it (lightweight-charts' SeriesMarker, the fields read here). */
export interface DrawnMarker {
  readonly time: unknown;
  readonly shape: string;
  readonly color: string;
  readonly text?: string | undefined;
}

/**
 * The keys of the arrows drawn bare: a marker whose words were dropped (crowded, or over the bars on a phone)
 * is keyed in the legend with them, as the Rotation chart keys its bare "breaking" arrow; one key per
 * shape, colour and words. `words` gives each day's marker words before any was dropped.
 */
export function bareMarkKeys(drawn: readonly DrawnMarker[], words: ReadonlyMap<string, string>): MarkKey[] {
  const out = new Map<string, MarkKey>();
  for (const m of drawn) {
    if (m.text || (m.shape !== 'arrowUp' && m.shape !== 'arrowDown')) continue;
    const label = words.get(String(m.time));
    if (!label) continue;
    const mark = m.shape === 'arrowUp' ? ('arrow-up' as const) : ('arrow-down' as const);
    out.set(`${mark}|${m.color}|${label}`, { label, colour: m.color, mark });
  }
  return [...out.values()];
}

/** Puts `keys` at the end of the readout's legend in `slot` (replacing the ones put there before). */
export function showMarkKeys(slot: HTMLElement, keys: readonly MarkKey[]): void {
  const legend = slot.querySelector<HTMLElement>('.chart-legend');
  if (!legend) return;
  const json = JSON.stringify(keys);
  if (legend.dataset.markKeys === json) return;
  legend.dataset.markKeys = json;
  for (const old of legend.querySelectorAll('li.mark-key')) old.remove();
  for (const k of keys)
    legend.append(
      el(
        'li',
        { class: 'mark-key' },
        el('span', {
          class: `legend-key ${k.mark}`,
          style: `border-color:${k.colour};--line-colour:${k.colour};background:${k.colour}`,
        }),
        k.label,
      ),
    );
}
