/**
 * lightweight-charts set up the MarketDash way: theme colours, sizing to its box, dates as
 * `YYYY-MM-DD` business days, removed when the page is left.
 */
import { ColorType, createChart, type IChartApi, type LineData, type Time, type WhitespaceData } from 'lightweight-charts';
import type { Column } from '../api-client.js';
import type { PageContext } from '../page-context.js';
import { chartColours } from '../theme.js';

export function themedChart(container: HTMLElement, ctx: PageContext, options: { logScale?: boolean; height?: number } = {}): IChartApi {
  const c = chartColours();
  container.style.height = `${options.height ?? 380}px`;
  const chart = createChart(container, {
    autoSize: true,
    layout: { background: { type: ColorType.Solid, color: c.background }, textColor: c.text, attributionLogo: true },
    grid: { vertLines: { color: c.grid }, horzLines: { color: c.grid } },
    rightPriceScale: { borderColor: c.grid, mode: options.logScale ? 1 : 0 },
    timeScale: { borderColor: c.grid },
    crosshair: { mode: 0 },
  });
  ctx.onDispose(() => removeChart(chart));
  return chart;
}

const removed = new WeakSet<IChartApi>();

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
