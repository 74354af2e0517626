/**
 * The symbol chart: candles (or the close line for close-only data) with volume, averages and bands
 * over the price, oscillators (RSI, MACD, ATR, ROC) each in a titled pane with its own scale, the
 * all-time-high line, highs, lows and events as markers, and the crosshair readout above it.
 */
import {
  CandlestickSeries,
  createSeriesMarkers,
  HistogramSeries,
  type IChartApi,
  LineSeries,
  PriceScaleMode,
  type SeriesMarker,
  type Time,
} from 'lightweight-charts';
import { ensureDefined } from '../../../../src/domain/ensure.js';
import type { MarketEvent, PerfRow, SeriesResponse } from '../../api-client.js';
import { bareMarkKeys, chartReadout, type ReadoutLine, showMarkKeys } from '../../charts/chart-readout.js';
import { leftRoom } from '../../charts/edge-room.js';
import { attachFomcLines, fomcLegend } from '../../charts/fomc-lines.js';
import { fomcDays, fomcReadout } from '../../charts/fomc-marks.js';
import {
  type BarSpan,
  declutterMarkers,
  keepTextsOffData,
  labelSpanDays,
  mergeAxisLabels,
  mergeSameBar,
  staggerAxisLabels,
} from '../../charts/label-declutter.js';
import {
  AXIS_LABEL_PX,
  chartRemoved,
  fitAll,
  LineStyle,
  linePoints,
  nonNegativeAutoscale,
  paneTitles,
  plotWidth,
  priceAxis,
  themedChart,
} from '../../charts/themed-chart.js';
import { append, el } from '../../element-builder.js';
import { type HighWords, highWords } from '../../high-words.js';
import { formatNumber, formatPrice } from '../../number-format.js';
import type { PageContext } from '../../page-context.js';
import { chartColours, lineColour } from '../../theme.js';
import { eventBelow, eventLabel } from './symbol-events.js';
import { bpChange } from './symbol-figures.js';

const DEFAULT_HIGH = highWords(false, null);

/** The height of the volume pane under the price, in pixels. */
const VOLUME_PANE_PX = 90;

/** Oscillators get a pane of their own; averages and bands are drawn over the price. */
const OSCILLATORS = new Set(['rsi', 'macd', 'atr', 'roc']);

/**
 * Oscillators bounded by definition, with their bounds: their pane always shows the whole range (RSI 0-100)
 * with a small margin, so the 30/70 levels sit inside the pane and no low or high is cut at its edge.
 */
const BOUNDED: Readonly<Record<string, readonly [number, number]>> = { rsi: [0, 100] };

/** Pane heights in pixels: a bounded oscillator's full range needs more room than an unbounded one's. */
const OSCILLATOR_PANE_PX = 140;
const BOUNDED_PANE_PX = 190;
const paneHeight = (kind: string) => (BOUNDED[kind] ? BOUNDED_PANE_PX : OSCILLATOR_PANE_PX);

export function hasOhlcColumns(s: SeriesResponse): boolean {
  return s.open.some((v) => v !== null) && s.high.some((v) => v !== null);
}

/** `sma_50` -> "SMA 50", `macd_signal_12_26_9` -> "MACD signal". */
export function columnLabel(col: string, kind: string): string {
  const parts = col.split('_');
  const numbers = parts.filter((p) => /^[\d.]+$/.test(p));
  const words = parts.filter((p) => !/^[\d.]+$/.test(p));
  const name =
    kind === 'bbands'
      ? `Bollinger ${words.slice(1).join(' ') || 'band'}`
      : [(words[0] ?? '').toUpperCase(), ...words.slice(1)].join(' ');
  if (kind === 'macd' && words.length === 1) return `MACD ${numbers.join(', ')}`;
  if (kind === 'macd') return name;
  return `${name} ${numbers.join(', ')}`.trim();
}

export function drawSymbolChart(
  slot: HTMLElement,
  ctx: PageContext,
  s: SeriesResponse,
  row: PerfRow,
  events: readonly MarketEvent[],
  options: {
    log: boolean;
    ready: string;
    marks?: readonly string[];
    fomc?: boolean;
    rate?: boolean;
    /** What the highest stored close is called ("ATH", or a rate's "High since 2009-07-01"). */
    high?: HighWords;
  },
): IChartApi {
  const c = chartColours();
  const box = el('div', { class: 'chart', id: 'symbol-chart', role: 'figure' });
  const hasOhlc = hasOhlcColumns(s);
  const hasVolume = s.volume.some((v) => v !== null && v > 0);
  const readoutSlot = el('div', { class: 'readout-slot' });
  const oscillatorSpecs = s.indicatorSpecs.filter((i) => OSCILLATORS.has(i.kind));
  const lastIndex = s.dates.length - 1;
  const lastClose = s.close[lastIndex];
  const caption = el('p', { class: 'chart-caption', id: 'symbol-caption' });
  slot.append(readoutSlot, box, caption);
  const chart = themedChart(box, ctx, {
    height: 420 + (hasVolume ? VOLUME_PANE_PX : 0) + oscillatorSpecs.reduce((h, i) => h + paneHeight(i.kind), 0),
    logScale: options.log,
  });
  const times = s.dates as unknown as Time[];
  // A yield is a level in percent (3.52%) and moves in basis points, never in percent of itself.
  // Axis, crosshair and readout group thousands as the page's figures do ("1,609.94", never "1609.94").
  const fmt = options.rate ? (v: number) => `${formatNumber(v, 2)}%` : (v: number) => formatNumber(v, 2);
  // The ATH line's axis label (when shown) keeps the ticks off it as the last value's label does.
  let athLabel: number | null = null;
  const ticks = priceAxis(lastClose ?? null, fmt, 0.01, () => (athLabel === null ? [] : [athLabel]));
  const main = hasOhlc
    ? chart.addSeries(CandlestickSeries, {
        upColor: c.up,
        downColor: c.down,
        wickUpColor: c.up,
        wickDownColor: c.down,
        borderVisible: false,
        priceFormat: ticks.priceFormat,
        autoscaleInfoProvider: nonNegativeAutoscale,
      })
    : chart.addSeries(LineSeries, {
        color: lineColour(c, 0),
        lineWidth: 2,
        priceFormat: ticks.priceFormat,
        autoscaleInfoProvider: nonNegativeAutoscale,
      });
  ticks.attach(main, chart);
  // FOMC decision days: vertical lines tagged with the decision's shape and move ("▼ -25", "○ hold") at the
  // pane's foot (fomc-lines.ts), with room kept under the price for the tags.
  const fomc = options.fomc ? fomcDays(s.dates) : [];
  if (fomc.length) {
    main.priceScale().applyOptions({ scaleMargins: { top: 0.1, bottom: 0.12 } });
    attachFomcLines(chart, main, box, fomc, c);
  }
  if (hasOhlc) {
    const bars = [];
    for (let i = 0; i < times.length; i++) {
      const [o, h, l, cl] = [s.open[i], s.high[i], s.low[i], s.close[i]];
      if (o != null && h != null && l != null && cl != null)
        bars.push({ time: times[i]!, open: o, high: h, low: l, close: cl });
    }
    main.setData(bars);
  } else main.setData(linePoints(s.dates, s.close));
  const titles: string[] = [];
  let pane = 1;
  if (hasVolume) {
    // Volume in a pane of its own with its own scale: never drawn inside the price's scale band.
    const vol = chart.addSeries(
      HistogramSeries,
      { priceFormat: { type: 'volume' }, color: c.muted, lastValueVisible: false, priceLineVisible: false },
      pane++,
    );
    vol.priceScale().applyOptions({ scaleMargins: { top: 0.2, bottom: 0 } });
    titles.push('Volume');
    const bars = [];
    for (let i = 0; i < times.length; i++) {
      const v = s.volume[i];
      if (v != null)
        bars.push({
          time: times[i]!,
          value: v,
          color: (s.close[i] ?? 0) >= (s.open[i] ?? 0) ? `${c.up}88` : `${c.down}88`,
        });
    }
    vol.setData(bars);
  }
  // The ATH line's axis label would sit on the last price's label when the close is near the high:
  // then the two merge (the axis shows the close alone, the readout carries the ATH). Measured in
  // pixels, again whenever the scale moves (zoom, scroll, log/linear).
  const athLine = row.ath
    ? main.createPriceLine({
        price: row.ath.close,
        color: c.accent,
        lineStyle: LineStyle.Dashed,
        lineWidth: 1,
        axisLabelVisible: lastClose == null || Math.abs(lastClose / row.ath.close - 1) > 0.03,
        title: (options.high ?? DEFAULT_HIGH).axis,
      })
    : null;
  if (athLine?.options().axisLabelVisible) athLabel = athLine.options().price;
  if (athLine && row.ath && lastClose != null) {
    const ath = row.ath.close;
    const place = () => {
      // Queued for the next frame: the chart may have been removed since (a redraw, the page left), and a
      // removed series throws "Object is disposed".
      if (chartRemoved(chart)) return;
      const yLast = main.priceToCoordinate(lastClose);
      const yAth = main.priceToCoordinate(ath);
      if (yLast === null || yAth === null) return;
      const { hidden } = mergeAxisLabels(
        [
          { id: 'last', y: yLast, title: '', priority: 2 },
          { id: 'ath', y: yAth, title: (options.high ?? DEFAULT_HIGH).axis, priority: 1 },
        ],
        AXIS_LABEL_PX,
      );
      athLabel = hidden.has('ath') ? null : ath;
      if (athLine.options().axisLabelVisible !== !hidden.has('ath'))
        athLine.applyOptions({ axisLabelVisible: !hidden.has('ath') });
    };
    chart.timeScale().subscribeVisibleLogicalRangeChange(() => requestAnimationFrame(place));
  }

  const lines: ReadoutLine[] = [];
  lines.push(...fomcLegend(fomc, c));
  if (row.ath)
    lines.push({
      label: `${(options.high ?? DEFAULT_HIGH).phrase} ${options.rate ? fmt(row.ath.close) : formatPrice(row.ath.close)} (${row.ath.date})`,
      colour: c.accent,
      dashed: true,
      series: 'ath',
      dates: [],
      values: [],
    });
  let colour = 1;
  const paneKinds: string[] = [];
  for (const ind of s.indicatorSpecs) {
    if (OSCILLATORS.has(ind.kind)) paneKinds.push(ind.kind);
    const bounds = BOUNDED[ind.kind];
    const paneIndex = OSCILLATORS.has(ind.kind) ? pane++ : 0;
    if (paneIndex > 0)
      titles.push(
        `${columnLabel(ind.columns[0] ?? ind.spec, ind.kind)}${ind.kind === 'rsi' ? ' · 70 / 30 dashed' : ''}`,
      );
    ind.columns.forEach((col, j) => {
      const values = s.indicators[col];
      if (!values) return;
      const hist = col.startsWith('macd_hist');
      const seriesColour = hist ? c.muted : lineColour(c, colour + j);
      // An oscillator's own scale, its ticks clear of its last-value label and of the panes' edges.
      let lastValue: number | null = null;
      for (let k = values.length - 1; k >= 0 && lastValue === null; k--) lastValue = values[k] ?? null;
      // Averages and bands share the price's axis format (the scale may take its tick labels from any of them).
      // RSI's overbought and oversold levels carry labels on its axis; the ticks keep clear of them.
      const levels = ind.kind === 'rsi' ? [30, 70] : [];
      let labelledLevels = levels;
      const axis =
        paneIndex > 0
          ? priceAxis(
              lastValue,
              (v) => formatNumber(v, 2),
              0.01,
              () => labelledLevels,
            )
          : ticks;
      const series = hist
        ? chart.addSeries(
            HistogramSeries,
            { color: c.muted, priceLineVisible: false, lastValueVisible: false, priceFormat: axis.priceFormat },
            paneIndex,
          )
        : chart.addSeries(
            LineSeries,
            {
              color: seriesColour,
              lineWidth: 1,
              priceLineVisible: false,
              // Averages on the price pane leave the axis to the price (their values are in the readout).
              lastValueVisible: paneIndex > 0,
              crosshairMarkerVisible: false,
              priceFormat: axis.priceFormat,
              // A bounded oscillator's scale is its whole range, whatever the data in view.
              ...(bounds && paneIndex > 0
                ? { autoscaleInfoProvider: () => ({ priceRange: { minValue: bounds[0], maxValue: bounds[1] } }) }
                : {}),
            },
            paneIndex,
          );
      if (paneIndex > 0) {
        // An oscillator's scale stays linear when the price is on a log scale (RSI 30/70 are levels, not ratios).
        series.priceScale().applyOptions({
          mode: PriceScaleMode.Normal,
          // A small margin round a bounded range (the library's default keeps 20% free at the top).
          ...(bounds ? { scaleMargins: { top: 0.06, bottom: 0.06 } } : {}),
        });
        axis.attach(series, chart);
      }
      series.setData(linePoints(s.dates, values));
      lines.push({
        label: `${columnLabel(col, ind.kind)}${paneIndex > 0 ? ' (pane below)' : ''}`,
        colour: seriesColour,
        dates: s.dates,
        values,
        format: paneIndex > 0 ? (v) => formatNumber(v, 2) : fmt,
      });
      if (levels.length) {
        for (const level of levels)
          series.createPriceLine({
            price: level,
            color: c.muted,
            lineStyle: LineStyle.Dashed,
            lineWidth: 1,
            axisLabelVisible: true,
            axisLabelColor: c.muted,
            axisLabelTextColor: c.background,
            title: '',
          });
        // A level's label beside the last value's (RSI at 68.06 beside 70) is staggered, never hidden: the
        // library's alignLabels draws it a label height off the last value, and the ticks keep clear of both
        // its price and where it is drawn (staggerAxisLabels), measured in pixels whenever the scale moves.
        const place = () => {
          if (chartRemoved(chart) || lastValue === null) return;
          const yLast = series.priceToCoordinate(lastValue);
          const ys = levels.map((level) => series.priceToCoordinate(level));
          if (yLast === null || ys.some((y) => y === null)) return;
          const drawn = staggerAxisLabels(yLast, ys as number[], AXIS_LABEL_PX, series.getPane().getHeight());
          const moved = drawn
            .map((y, k) => (Math.abs(y - (ys[k] as number)) >= 0.5 ? series.coordinateToPrice(y) : null))
            .filter((v) => v !== null)
            .map(Number);
          labelledLevels = [...levels, ...moved];
          const json = JSON.stringify([
            ['last', Math.round(yLast)],
            ...levels.map((level, k) => [String(level), Math.round(drawn[k]!)]),
          ]);
          if (box.dataset.levelLabels !== json) box.dataset.levelLabels = json;
          // The prices at the pane's bottom and top edges, and the lowest and highest value drawn (tests).
          const shown = values.filter((v): v is number => v !== null);
          const range = JSON.stringify([
            series.coordinateToPrice(series.getPane().getHeight()),
            series.coordinateToPrice(0),
            Math.min(...shown),
            Math.max(...shown),
          ]);
          if (box.dataset.paneRange !== range) box.dataset.paneRange = range;
        };
        chart.timeScale().subscribeVisibleLogicalRangeChange(() => requestAnimationFrame(place));
      }
    });
    colour += ind.columns.length;
  }
  // The panes share the box in proportion to the heights asked for (the box is sized as their sum).
  const firstOscillatorPane = hasVolume ? 2 : 1;
  chart.panes().forEach((p, i) => {
    p.setStretchFactor(
      i === 0 ? 420 : i < firstOscillatorPane ? VOLUME_PANE_PX : paneHeight(paneKinds[i - firstOscillatorPane] ?? ''),
    );
  });
  paneTitles(chart, box, titles);

  const first = ensureDefined(s.dates[0], `the first date of ${s.symbol}`);
  const last = ensureDefined(s.dates[lastIndex], `the last date of ${s.symbol}`);
  const markers: SeriesMarker<Time>[] = [];
  const mark = (date: string | null | undefined, text: string, position: 'aboveBar' | 'belowBar', color: string) => {
    if (date && date >= first && date <= last)
      markers.push({
        time: date as Time,
        position,
        color,
        shape: position === 'aboveBar' ? 'arrowDown' : 'arrowUp',
        text,
      });
  };
  // One marker per day and side: an event on the ATH day says it instead of a second "ATH" label.
  const eventDays = new Set(events.map((e) => `${e.date}:${eventBelow(e) ? 'below' : 'above'}`));
  if (row.ath && !eventDays.has(`${row.ath.date}:above`))
    mark(row.ath.date, (options.high ?? DEFAULT_HIGH).axis, 'aboveBar', c.accent);
  if (row.high52w && row.high52w.date !== row.ath?.date && !eventDays.has(`${row.high52w.date}:above`))
    mark(row.high52w.date, '52w high', 'aboveBar', c.up);
  if (row.low52w && !eventDays.has(`${row.low52w.date}:below`)) mark(row.low52w.date, '52w low', 'belowBar', c.down);
  for (const e of events) mark(e.date, eventLabel(e), eventBelow(e) ? 'belowBar' : 'aboveBar', c.accent);
  for (const d of options.marks ?? [])
    if (d >= first && d <= last)
      markers.push({ time: d as Time, position: 'inBar', color: c.accent, shape: 'square', text: 'figure', size: 1.4 });
  markers.sort((a, b) => String(a.time).localeCompare(String(b.time)));
  // The day's events on one bar (IWM on 2025-12-11: a new ATH and 4 days up) are one arrow with both words.
  const merged = mergeSameBar(markers);
  const spanDays = (Date.parse(s.dates[lastIndex]!) - Date.parse(first)) / 86_400_000;
  // A marker's text is about 6.5 px a character at the chart's font: the longest one sets the gap.
  const labelPx = 8 + 6.5 * Math.max(0, ...merged.map((m) => m.text?.length ?? 0));
  const gapDays = labelSpanDays(spanDays, plotWidth(box), labelPx);
  box.dataset.markers = JSON.stringify(merged.map((m) => [String(m.time), m.position, m.text ?? '']));
  // Every marker's words by day, before any is dropped: the readout says them on their day.
  const markerWords = new Map<string, string>();
  for (const m of merged) if (m.text) markerWords.set(String(m.time), m.text);
  const decluttered = declutterMarkers(merged, gapDays);
  const markerPlugin = createSeriesMarkers(main, decluttered);
  // Once laid out (and whenever the range moves), a text that would print over the bars goes to the other
  // side or is dropped (keepTextsOffData); what is drawn is written to data-marker-texts for the browser tests.
  const barSpan = (i: number): BarSpan | null => {
    const x = chart.timeScale().timeToCoordinate(times[i]!);
    const hi = hasOhlc ? s.high[i] : s.close[i];
    const lo = hasOhlc ? s.low[i] : s.close[i];
    if (x === null || hi == null || lo == null) return null;
    const top = main.priceToCoordinate(hi);
    const bottom = main.priceToCoordinate(lo);
    return top === null || bottom === null ? null : { x, top: Math.min(top, bottom), bottom: Math.max(top, bottom) };
  };
  const textWidth = (text: string) => 8 + 6.5 * text.length;
  const indexOf = new Map(s.dates.map((d, i) => [d, i]));
  const placeTexts = () => {
    if (ctx.disposed()) return;
    const drawn = decluttered.map((m) => ({ ...m }));
    keepTextsOffData(
      drawn,
      (m) => {
        const k = indexOf.get(String(m.time));
        const at = k === undefined ? null : barSpan(k);
        if (k === undefined || !at) return null;
        const half = textWidth(m.text ?? '') / 2;
        const near: BarSpan[] = [];
        for (let j = k; j >= 0; j--) {
          const b = barSpan(j);
          if (!b || b.x < at.x - half) break;
          near.push(b);
        }
        for (let j = k + 1; j < s.dates.length; j++) {
          const b = barSpan(j);
          if (!b || b.x > at.x + half) break;
          near.push(b);
        }
        // An FOMC day's dashed line runs the pane's height: a text across it is crossed out on either side
        // (DGS2's "52w low" at 390 px), so it is dropped and the readout names it on its day.
        for (const f of fomc) {
          const x = chart.timeScale().timeToCoordinate(f.time as Time);
          if (x !== null && Math.abs(x - at.x) <= half) near.push({ x, top: -1e6, bottom: 1e6 });
        }
        return { at, near };
      },
      textWidth,
    );
    markerPlugin.setMarkers(drawn);
    // An arrow left without its words gets a key in the legend (DGS2's green and red 52-week arrows on a phone
    // had none).
    showMarkKeys(readoutSlot, bareMarkKeys(drawn, markerWords));
    const json = JSON.stringify(drawn.filter((m) => m.text).map((m) => [String(m.time), m.position, m.text]));
    if (box.dataset.markerTexts !== json) box.dataset.markerTexts = json;
  };
  chart.timeScale().subscribeVisibleLogicalRangeChange(() => requestAnimationFrame(placeTexts));

  // A high line above the shown range is not drawn: its legend entry says so (DGS2's "highest since
  // 2009-07-01 5.19%" was listed over a 1Y chart whose scale ended near 4.40%). Again whenever the scale moves.
  if (row.ath) {
    const ath = row.ath.close;
    const markOffScale = () => {
      if (chartRemoved(chart)) return;
      const y = main.priceToCoordinate(ath);
      const height = chart.paneSize(0).height;
      const where = y === null || height <= 0 ? '' : y < 0 ? 'above' : y > height ? 'below' : '';
      const key = readoutSlot.querySelector<HTMLElement>('.legend-key[data-series="ath"]');
      const item = key?.parentElement;
      // The words go inside the label's own box (the item is a flex row: a box of their own was a column).
      const label = item ? [...item.children].find((n) => !n.matches('.legend-key, .readout-value')) : undefined;
      if (!item || !label || item.dataset.offScale === where) return;
      item.dataset.offScale = where;
      label.querySelector('.off-scale')?.remove();
      if (where) label.append(el('span', { class: 'off-scale' }, `(off the scale, ${where})`));
    };
    chart.timeScale().subscribeVisibleLogicalRangeChange(() => requestAnimationFrame(markOffScale));
    requestAnimationFrame(markOffScale);
  }

  const fomcWords = fomcReadout(fomc);
  readoutSlot.replaceChildren(
    chartReadout(
      chart,
      {
        label: `${s.symbol} ${hasOhlc ? 'daily' : 'close'}`,
        colour: hasOhlc ? c.up : lineColour(c, 0),
        format: options.rate ? fmt : undefined,
        change: options.rate ? (now, before) => bpChange(now, before) : undefined,
        // The day's decision and the day's marker words (a text dropped off the plot is read here).
        extra: (i) =>
          `${fomcWords(s.dates[i] ?? '')}${markerWords.has(s.dates[i] ?? '') ? ` · ${markerWords.get(s.dates[i] ?? '')}` : ''}`,
        dates: s.dates,
        bars: s.dates.map((_, i) => {
          const cl = s.close[i];
          return cl == null ? null : { open: s.open[i], high: s.high[i], low: s.low[i], close: cl };
        }),
      },
      lines,
    ),
  );
  const words = lines
    .filter((l) => l.values.length)
    .map((l) => {
      const v = l.values[l.values.length - 1];
      return `${l.label.replace(' (pane below)', '')} ${v == null ? 'n/a' : (l.format ?? fmt)(v)}`;
    });
  // The builder's append: each ISO date in the text goes in a no-wrap span (the FOMC list broke "2025-" / "03-19").
  append(caption, [
    `${s.symbol} ${hasOhlc ? 'daily candles' : 'daily closes'} from ${first} to ${s.dates[lastIndex]}: last close ${lastClose == null ? 'n/a' : options.rate ? fmt(lastClose) : formatPrice(lastClose)}`,
    words.length ? `; ${words.join('; ')}` : '',
    fomc.length
      ? `; ${fomc.length} FOMC decision days marked (vertical lines tagged at the foot with the decision's shape, a cut ▼, a hike ▲, a hold ○, and the move in bp): ${fomc.map((f) => `${f.date} ${f.kind === 'hold' ? 'hold' : `${f.kind} ${f.decision}`}`).join(', ')}`
      : '',
    '. ',
    el('a', { href: '#symbol-figures', class: 'in-page' }, 'The figures as text'),
    ' are above the chart.',
  ]);
  box.setAttribute('aria-label', caption.textContent ?? '');
  // The last bar's marker text (the day's events) must fit before the axis too.
  const lastText = merged.filter((m) => String(m.time) === last).reduce((n, m) => Math.max(n, m.text?.length ?? 0), 0);
  fitAll(
    chart,
    box,
    options.ready,
    undefined,
    undefined,
    // Room on the left only for a text near the first bar (the widest text anywhere left 70 px empty).
    leftRoom(
      merged
        .filter((m) => m.text)
        .map((m) => ({ index: Math.max(0, s.dates.indexOf(String(m.time))), width: textWidth(m.text!) })),
      Math.max(0, plotWidth(box) - 140) / Math.max(1, lastIndex),
    ),
    Math.max(48, 8 + 3.25 * lastText),
  );
  return chart;
}
