/**
 * lightweight-charts set up the MarketDash way: theme colours, sizing to its box, dates as
 * `YYYY-MM-DD` business days, the library's enums (never bare numbers), removed when the page is left.
 */
import {
  type AutoscaleInfo,
  ColorType,
  CrosshairMode,
  createChart,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type LineData,
  LineStyle,
  type Logical,
  PriceScaleMode,
  type SeriesType,
  type TickMarkType,
  type Time,
  type WhitespaceData,
} from 'lightweight-charts';
import type { Column } from '../api-client.js';
import type { PageContext } from '../page-context.js';
import { chartColours } from '../theme.js';
import { cutAtPlotEdge, keepTickLabels, niceLogTicks, TIME_LABEL_CHARS, timeTickLabel } from './axis-ticks.js';

export { LineStyle };

export function themedChart(
  container: HTMLElement,
  ctx: PageContext,
  options: { logScale?: boolean; height?: number } = {},
): IChartApi {
  const c = chartColours();
  container.style.height = `${options.height ?? 380}px`;
  // Time labels that would be cut at the plot's edge are left blank (cutAtPlotEdge). The library keeps each
  // label by its time until the time scale's options change, so the labels checked are kept here, and when a
  // scroll or resize moves one across an edge the labels are made again (applyOptions with no change).
  const edgeChecked = new Map<string, { time: Time; label: string; cut: boolean }>();
  const cutAtEdge = (time: Time, label: string) =>
    cutAtPlotEdge(chart.timeScale().timeToCoordinate(time), label, chart.timeScale().width());
  const chart = createChart(container, {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: c.background },
      textColor: c.text,
      // The library's logo sat over the first bars of the pane; the licence's attribution (the NOTICE text
      // and a link to tradingview.com) is in the page footer instead (index.html #chart-attribution), which
      // the option's documentation allows ("if you already fulfill this requirement ... disable this logo").
      attributionLogo: false,
      panes: { separatorColor: c.grid, separatorHoverColor: c.muted, enableResize: true },
    },
    grid: { vertLines: { color: c.grid }, horzLines: { color: c.grid } },
    rightPriceScale: {
      borderColor: c.grid,
      mode: options.logScale ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal,
    },
    timeScale: {
      borderColor: c.grid,
      rightOffset: 4,
      minBarSpacing: 0.05,
      // Months and years over long ranges, "12 Nov" over short ones: never a bare day number; no month
      // where a year label had to be left out (a phone's 3 years); labels of at most "12 Dec".
      tickMarkMaxCharacterLength: TIME_LABEL_CHARS,
      tickMarkFormatter: (time: Time, type: TickMarkType) => {
        const range = chart.timeScale().getVisibleRange();
        const span = range ? (Date.parse(isoDay(range.to)) - Date.parse(isoDay(range.from))) / 86_400_000 : 0;
        const label = timeTickLabel(isoDay(time), type, span, chart.timeScale().width());
        const cut = cutAtEdge(time, label);
        edgeChecked.set(`${type}:${isoDay(time)}`, { time, label, cut });
        return cut ? '' : label;
      },
    },
    crosshair: { mode: CrosshairMode.Normal },
  });
  let edgeQueued = false;
  const recheckEdges = () => {
    if (edgeQueued) return;
    edgeQueued = true;
    requestAnimationFrame(() => {
      edgeQueued = false;
      if (removed.has(chart)) return;
      for (const e of edgeChecked.values())
        if (cutAtEdge(e.time, e.label) !== e.cut) {
          edgeChecked.clear();
          chart.timeScale().applyOptions({});
          return;
        }
    });
  };
  chart.timeScale().subscribeVisibleLogicalRangeChange(recheckEdges);
  chart.timeScale().subscribeSizeChange(recheckEdges);
  ctx.onDispose(() => removeChart(chart));
  return chart;
}

/** A chart time as `YYYY-MM-DD` (the pages give dates as strings; the library may hand back a BusinessDay). */
export function isoDay(t: Time): string {
  if (typeof t === 'string') return t;
  if (typeof t === 'number') return new Date(t * 1000).toISOString().slice(0, 10);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** Switches the right price scale between log and linear. */
export function setLogScale(chart: IChartApi, log: boolean): void {
  chart.priceScale('right').applyOptions({ mode: log ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal });
  for (const f of scaleListeners.get(chart) ?? []) f();
}

/** An autoscale that never shows a price below zero for a positive series (linear scale margins could). */
export function nonNegativeAutoscale(original: () => AutoscaleInfo | null): AutoscaleInfo | null {
  const info = original();
  if (info?.priceRange && info.priceRange.minValue < 0)
    return { ...info, priceRange: { ...info.priceRange, minValue: 0 } };
  return info;
}

const removed = new WeakSet<IChartApi>();

/**
 * Shows `from`..`to` (or all bars), leaving a little room before the first one so the first date
 * label is not cut off and after the last so its marker text shows; then sets `data-ready` on the
 * chart box to `ready` (what tests and tools wait for: the chart has drawn this data).
 */
export function fitAll(
  chart: IChartApi,
  box?: HTMLElement,
  ready = '1',
  from?: string,
  to?: string,
  /** Room before the first bar in pixels: enough for a marker text near the first bar (edge-room.ts leftRoom). */
  padLeft = 28,
  /** Room after the last bar in pixels: at least half the widest marker text on it ("new ATH · 4 days up"). */
  padRight = 48,
): void {
  const ts = chart.timeScale();
  let userMoved = false;
  const apply = () => {
    if (removed.has(chart) || ts.width() <= 0) return;
    // The whole series: its bars 0 .. n-1 set straight into the plot's width less the two pads, worked out
    // from the width now (fitContent then padding the range it settled on a frame later read a range the
    // library had not applied yet at phone width: "new ATH · 4 days up" lost its last letters at 390 px).
    // The last bar's index on the time scale (the union of every series' days; a stale series ends earlier).
    let lastTime: Time | null = null;
    for (const pane of chart.panes())
      for (const series of pane.getSeries()) {
        const data = series.data();
        const t = data[data.length - 1]?.time;
        if (t !== undefined && (lastTime === null || String(t) > String(lastTime))) lastTime = t;
      }
    const lastIndex = lastTime === null ? null : ts.timeToIndex(lastTime, true);
    if (!(from && to) && lastIndex !== null && lastIndex > 0 && ts.width() > padLeft + padRight + 20) {
      const perPixel = lastIndex / (ts.width() - padLeft - padRight);
      ts.setVisibleLogicalRange({ from: -padLeft * perPixel, to: lastIndex + padRight * perPixel });
      // The room left after the last bar, in pixels, as drawn (the browser tests hold it to padRight).
      requestAnimationFrame(() => {
        const x = removed.has(chart) ? null : ts.logicalToCoordinate(lastIndex as unknown as Logical);
        if (box && x !== null) box.dataset.roomRight = String(Math.round(ts.width() - x));
        const x0 = removed.has(chart) ? null : ts.logicalToCoordinate(0 as Logical);
        if (box && x0 !== null) box.dataset.roomLeft = String(Math.round(x0));
      });
      return;
    }
    if (from && to) {
      try {
        ts.setVisibleRange({ from: from as Time, to: to as Time });
      } catch {
        ts.fitContent();
      }
    } else ts.fitContent();
    // The library applies the range on its next frame: pad it then, from the range it settled on.
    requestAnimationFrame(() => {
      const range = ts.getVisibleLogicalRange();
      const width = ts.width();
      if (removed.has(chart) || !range || width <= 0) return;
      const perPixel = (range.to - range.from) / width;
      ts.setVisibleLogicalRange({ from: range.from - padLeft * perPixel, to: range.to + padRight * perPixel });
    });
  };
  apply();
  // autoSize measures asynchronously: set the window again whenever the width changes, until the
  // reader zooms or scrolls the chart themselves.
  ts.subscribeSizeChange(() => {
    if (!userMoved) apply();
  });
  box?.addEventListener('wheel', () => (userMoved = true), { passive: true });
  box?.addEventListener('pointerdown', () => (userMoved = true));
  requestAnimationFrame(() => {
    if (removed.has(chart)) return;
    apply();
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (box && !removed.has(chart)) box.dataset.ready = ready;
      }),
    );
  });
}

/** True once the chart was removed: a callback queued before (a frame, a scale change) must not touch it. */
export function chartRemoved(chart: IChartApi): boolean {
  return removed.has(chart);
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
    const d = dates[i];
    if (d !== undefined && v !== null && v !== undefined && Number.isFinite(v)) out.push({ time: d as Time, value: v });
  }
  return out;
}

/**
 * The width a chart box will have, for layout sums made before it is on screen (pages are built off
 * screen, where a box measures 0): its own width when it has one, else the window's less the margins.
 */
export function plotWidth(box: HTMLElement): number {
  return box.clientWidth || Math.max(280, document.documentElement.clientWidth - 90);
}

/** The height of a price-axis label in pixels: two closer than this overlap. */
export const AXIS_LABEL_PX = 18;

/**
 * A series' price axis that stays readable. Its tick labels are left blank where they would print under
 * the last-value label (45.00 half behind a 43.73 label: that label says the value) or across the pane's
 * edge, where they would stack on the top label of the pane below (a 180.00 over an RSI 80.00). The
 * crosshair's and the last value's labels are never blanked: they use the full format. On a log scale the
 * library's ticks fall on odd values (29, 35, 53, 65); there the axis shows round 1-2-5 values instead
 * (20, 50, 100, 200), drawn as grid-coloured price lines with a plain axis label, recomputed whenever
 * the scale moves. Call `attach` once the series is made.
 */
export function priceAxis(
  last: number | null,
  format: (v: number) => string,
  minMove = 0.01,
  /** Other prices with a label on the axis (a price line such as the ATH), read when the ticks are drawn. */
  labelled: () => readonly number[] = () => [],
): {
  readonly priceFormat: {
    type: 'custom';
    minMove: number;
    formatter: (v: number) => string;
    tickmarksFormatter: (vs: readonly number[]) => string[];
  };
  attach(series: ISeriesApi<SeriesType>, chart: IChartApi): void;
} {
  let series: ISeriesApi<SeriesType> | undefined;
  let box: HTMLElement | null = null;
  const labelYs = (s: ISeriesApi<SeriesType>) =>
    [...(last === null ? [] : [last]), ...labelled()].map((v) => s.priceToCoordinate(v));
  const isLog = () => series?.priceScale().options().mode === PriceScaleMode.Logarithmic;
  const tickmarksFormatter = (vs: readonly number[]): string[] => {
    if (!series) return vs.map(format);
    // On a log scale the round ticks are price lines (logTicks): the library's own labels stay blank.
    if (isLog()) return vs.map(() => '');
    const s = series;
    const keep = keepTickLabels(
      vs.map((v) => s.priceToCoordinate(v)),
      {
        height: s.getPane().getHeight(),
        labelYs: labelYs(s),
        labelPx: AXIS_LABEL_PX,
      },
    );
    const labels = vs.map((v, i) => (keep[i] ? format(v) : ''));
    // The tick labels drawn on the price pane's axis, for tests (the axis itself is canvas).
    if (box && s.getPane().paneIndex() === 0) {
      const json = JSON.stringify(labels.filter((l) => l !== ''));
      if (box.dataset.axisTicks !== json) box.dataset.axisTicks = json;
    }
    return labels;
  };
  return {
    priceFormat: { type: 'custom', minMove, formatter: format, tickmarksFormatter },
    attach(s, chart) {
      series = s;
      box = chart.chartElement().parentElement;
      logTicks(chart, s, () => labelYs(s));
    },
  };
}

const scaleListeners = new WeakMap<IChartApi, (() => void)[]>();

/** Round 1-2-5 ticks on a log scale (see `priceAxis`), kept in step with zoom, scroll, size and mode. */
function logTicks(chart: IChartApi, series: ISeriesApi<SeriesType>, labelYs: () => (number | null)[]): void {
  const c = chartColours();
  let lines: IPriceLine[] = [];
  let queued = false;
  let shown = '';
  const refresh = () => {
    queued = false;
    if (removed.has(chart)) return;
    const log = series.priceScale().options().mode === PriceScaleMode.Logarithmic;
    // The library's grid lines sit on its odd log ticks: off while the price pane is on a log scale.
    // (Options are set only when they change: setting them redraws, and a redraw must not queue another.)
    if (series.getPane().paneIndex() === 0 && chart.options().grid.horzLines.visible === log)
      chart.applyOptions({ grid: { horzLines: { visible: !log } } });
    const height = series.getPane().getHeight();
    const top = series.coordinateToPrice(0);
    const bottom = series.coordinateToPrice(height);
    const values =
      log && top !== null && bottom !== null && height > 0
        ? niceLogTicks(Math.min(top, bottom), Math.max(top, bottom), Math.max(2, Math.floor(height / 44)))
        : [];
    const keep = keepTickLabels(
      values.map((v) => series.priceToCoordinate(v)),
      { height, labelYs: labelYs(), labelPx: AXIS_LABEL_PX },
    );
    const key = values.map((v, i) => `${v}:${keep[i]}`).join(',');
    if (key === shown) return;
    shown = key;
    for (const l of lines) series.removePriceLine(l);
    lines = values.map((price, i) =>
      series.createPriceLine({
        price,
        color: c.grid,
        lineWidth: 1,
        lineStyle: LineStyle.Solid,
        axisLabelVisible: keep[i] ?? false,
        axisLabelColor: c.background,
        axisLabelTextColor: c.text,
        title: '',
      }),
    );
  };
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(refresh);
  };
  chart.timeScale().subscribeVisibleLogicalRangeChange(queue);
  chart.timeScale().subscribeSizeChange(queue);
  scaleListeners.set(chart, [...(scaleListeners.get(chart) ?? []), queue]);
  queue();
}

/** A price format for a ratio: four significant-ish decimals for small ratios, two for large ones. */
export function ratioFormat(typical: number): { type: 'price'; precision: number; minMove: number } {
  const a = Math.abs(typical);
  const precision = a >= 10 ? 2 : a >= 1 ? 3 : 4;
  return { type: 'price', precision, minMove: 10 ** -precision };
}

/**
 * Titles over each pane after the first (RSI 14, MACD 12, 26, 9 ...), placed at the top-left of the
 * pane and kept there when the chart is resized or a pane separator is dragged.
 */
export function paneTitles(chart: IChartApi, box: HTMLElement, titles: readonly string[]): void {
  if (!titles.length) return;
  box.style.position = 'relative';
  const labels = titles.map((t) => {
    const label = document.createElement('span');
    label.className = 'pane-title';
    label.textContent = t;
    box.append(label);
    return label;
  });
  const place = () => {
    if (removed.has(chart)) return;
    const panes = chart.panes();
    let top = 0;
    panes.forEach((pane, i) => {
      if (i > 0) {
        const label = labels[i - 1];
        if (label) label.style.top = `${top + 4}px`;
      }
      top += pane.getHeight() + 1;
    });
  };
  requestAnimationFrame(place);
  const ro = new ResizeObserver(() => requestAnimationFrame(place));
  ro.observe(box);
  box.addEventListener('pointerup', () => requestAnimationFrame(place));
}
