/**
 * lightweight-charts set up the MarketDash way: theme colours, sizing to its box, dates as
 * `YYYY-MM-DD` business days, removed when the page is left.
 */
import {
  ColorType,
  createChart,
  type IChartApi,
  type LineData,
  type Time,
  type WhitespaceData,
} from 'lightweight-charts';
import type { Column } from '../api-client.js';
import type { PageContext } from '../page-context.js';
import { chartColours } from '../theme.js';

export function themedChart(
  container: HTMLElement,
  ctx: PageContext,
  options: { logScale?: boolean; height?: number } = {},
): IChartApi {
  const c = chartColours();
  container.style.height = `${options.height ?? 380}px`;
  const chart = createChart(container, {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: c.background },
      textColor: c.text,
      attributionLogo: true,
      panes: { separatorColor: c.grid, separatorHoverColor: c.muted, enableResize: true },
    },
    grid: { vertLines: { color: c.grid }, horzLines: { color: c.grid } },
    rightPriceScale: { borderColor: c.grid, mode: options.logScale ? 1 : 0 },
    timeScale: { borderColor: c.grid, rightOffset: 4, minBarSpacing: 0.05 },
    crosshair: { mode: 0 },
  });
  ctx.onDispose(() => removeChart(chart));
  return chart;
}

const removed = new WeakSet<IChartApi>();

/**
 * Fits all bars, then leaves a little room before the first one so the first date label (often
 * the year) is not cut off at the left edge, and after the last so its marker text shows.
 */
export function fitAll(chart: IChartApi): void {
  const ts = chart.timeScale();
  ts.fitContent();
  // Once more after layout, when the chart knows its width (autoSize measures asynchronously).
  requestAnimationFrame(() => {
    if (removed.has(chart)) return;
    ts.fitContent();
    const range = ts.getVisibleLogicalRange();
    // About 28 px of empty room on the left and 48 px on the right (for the last markers' text), whatever the bar spacing.
    const width = ts.width();
    if (range && width > 0) {
      const perPixel = (range.to - range.from) / width;
      ts.setVisibleLogicalRange({ from: range.from - 28 * perPixel, to: range.to + 48 * perPixel });
    }
  });
}

/** Removes a chart once; a second call (page left after a redraw) does nothing. */
export function removeChart(chart: IChartApi | null): void {
  if (!chart || removed.has(chart)) return;
  removed.add(chart);
  chart.remove();
}

/** Line points from parallel columns, skipping unknown values (warm-up, gaps). */
export function linePoints(dates: readonly string[], values: Column): (LineData<Time> | WhitespaceData<Time>)[] {
  const out: LineData<Time>[] = [];
  for (let i = 0; i < dates.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) out.push({ time: dates[i]! as Time, value: v });
  }
  return out;
}

/** One entry of a chart legend: what a line is called, its colour, and whether it is dashed. */
export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  readonly dashed?: boolean;
}

/** The legend drawn above a chart, in HTML so it stays readable and never covers the series. */
export function chartLegend(items: readonly LegendItem[]): HTMLElement {
  const box = document.createElement('ul');
  box.className = 'chart-legend';
  for (const item of items) {
    const li = document.createElement('li');
    const key = document.createElement('span');
    key.className = item.dashed ? 'legend-key dashed' : 'legend-key';
    key.style.borderColor = item.colour;
    li.append(key, item.label);
    box.append(li);
  }
  return box;
}

/** A price format for a ratio: four significant-ish decimals for small ratios, two for large ones. */
export function ratioFormat(typical: number): { type: 'price'; precision: number; minMove: number } {
  const a = Math.abs(typical);
  const precision = a >= 10 ? 2 : a >= 1 ? 3 : 4;
  return { type: 'price', precision, minMove: 10 ** -precision };
}
