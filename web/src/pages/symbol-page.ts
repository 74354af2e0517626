/**
 * Symbol: candles with volume, the chosen indicators (averages and Bollinger bands on the price,
 * RSI, MACD, ATR, ROC in panes below), the all-time-high line, and the symbol's events and highs as
 * markers. State in the URL: s (symbol), ind (indicator list as the CLI takes it), range.
 */
import {
  CandlestickSeries,
  createSeriesMarkers,
  HistogramSeries,
  type IChartApi,
  LineSeries,
  type SeriesMarker,
  type Time,
} from 'lightweight-charts';
import { api, type MarketEvent, type PerfRow, type SeriesResponse } from '../api-client.js';
import { chartLegend, fitAll, type LegendItem, linePoints, removeChart, themedChart } from '../charts/themed-chart.js';
import { el, labelled, select } from '../element-builder.js';
import { updateParams } from '../hash-route.js';
import { formatPercent, formatPrice, signClass, streakText } from '../number-format.js';
import { displayName, emptyBlock, errorBlock, loadingBlock, type PageContext } from '../page-context.js';
import { chartColours } from '../theme.js';

const INDICATORS: readonly (readonly [spec: string, label: string])[] = [
  ['sma:50', 'SMA 50'],
  ['sma:200', 'SMA 200'],
  ['ema:20', 'EMA 20'],
  ['bbands:20:2', 'Bollinger 20, 2'],
  ['rsi:14', 'RSI 14'],
  ['macd:12:26:9', 'MACD 12, 26, 9'],
  ['atr:14', 'ATR 14'],
  ['roc:10', 'ROC 10'],
];
const RANGES: readonly (readonly [string, string])[] = [
  ['6m', '6 months'],
  ['1y', '1 year'],
  ['2y', '2 years'],
  ['5y', '5 years'],
  ['all', 'All'],
];

function rangeStart(last: string, range: string): string | undefined {
  const years = { '6m': 0.5, '1y': 1, '2y': 2, '5y': 5 }[range];
  if (years === undefined) return undefined;
  const d = new Date(`${last}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - Math.round(years * 12));
  return d.toISOString().slice(0, 10);
}

export async function renderSymbolPage(root: HTMLElement, params: URLSearchParams, ctx: PageContext): Promise<void> {
  const tickers = ctx.symbols.symbols.filter((s) => s.kind !== 'rate').map((s) => s.ticker);
  let symbol = (params.get('s') ?? (tickers.includes('IWM') ? 'IWM' : (tickers[0] ?? ''))).toUpperCase();
  let chosen = new Set(
    (params.get('ind') ?? 'sma:50,sma:200').split(',').filter((s) => INDICATORS.some(([spec]) => spec === s)),
  );
  let range = params.get('range') ?? '2y';
  if (!symbol) {
    root.append(
      el('h1', {}, 'Symbol'),
      emptyBlock('The store holds no symbols yet: run `marketdash demo` or `marketdash update`.'),
    );
    return;
  }

  const title = el('h1', {}, symbol);
  const figures = el('section', { class: 'figures', 'aria-label': 'Figures' });
  const chartSlot = el('div', { class: 'chart-slot' });
  const eventsSlot = el('section', { class: 'panel' });
  const symbolInput = el('input', {
    id: 'symbol-input',
    list: 'symbol-list',
    value: symbol,
    autocomplete: 'off',
    spellcheck: 'false',
    size: 10,
  });
  const datalist = el(
    'datalist',
    { id: 'symbol-list' },
    tickers.map((t) => el('option', { value: t }, displayName(ctx, t))),
  );
  const form = el(
    'form',
    {
      class: 'controls',
      onsubmit: (e: Event) => {
        e.preventDefault();
        symbol = symbolInput.value.trim().toUpperCase();
        updateParams({ s: symbol });
        void draw();
      },
    },
    labelled('Symbol', symbolInput),
    datalist,
    el('button', { type: 'submit' }, 'Show'),
    labelled(
      'Range',
      select(
        RANGES,
        range,
        (v) => {
          range = v;
          updateParams({ range: v });
          void draw();
        },
        { id: 'range-select' },
      ),
    ),
  );
  const indBox = el(
    'fieldset',
    { class: 'indicators' },
    el('legend', {}, 'Indicators'),
    INDICATORS.map(([spec, label]) => {
      const box = el('input', { type: 'checkbox', value: spec, checked: chosen.has(spec), 'data-ind': spec });
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(spec);
        else chosen.delete(spec);
        chosen = new Set(INDICATORS.map(([s]) => s).filter((s) => chosen.has(s)));
        updateParams({ ind: [...chosen].join(',') || 'none' });
        void draw();
      });
      return el('label', { class: 'check' }, box, ' ', label);
    }),
  );
  root.append(title, form, indBox, figures, chartSlot, eventsSlot);

  let chart: IChartApi | null = null;
  let drawing = 0;
  const draw = async () => {
    const mine = ++drawing;
    removeChart(chart);
    chart = null;
    symbolInput.value = symbol;
    if (!ctx.symbols.symbols.some((t) => t.ticker === symbol)) {
      title.textContent = 'Unknown symbol';
      figures.replaceChildren();
      eventsSlot.replaceChildren();
      eventsSlot.hidden = true;
      chartSlot.replaceChildren(unknownSymbolBlock(symbol, tickers));
      return;
    }
    eventsSlot.hidden = false;
    chartSlot.replaceChildren(loadingBlock(`Loading ${symbol}…`));
    title.textContent = `${displayName(ctx, symbol)} (${symbol})`;
    try {
      const info = ctx.symbols.symbols.find((s) => s.ticker === symbol);
      const from = info?.lastDate ? rangeStart(info.lastDate, range) : undefined;
      const ind = [...chosen].join(',');
      const [series, perf, events] = await Promise.all([
        api.series(symbol, { from, ind: ind || undefined }),
        api.perf({ symbols: symbol }),
        api.events({}).catch(() => [] as MarketEvent[]),
      ]);
      if (mine !== drawing || ctx.disposed()) return;
      const row = perf[0]!;
      figures.replaceChildren(figureStrip(row));
      chartSlot.replaceChildren();
      if (!series.dates.length) {
        chartSlot.append(emptyBlock(`No bars for ${symbol} in this range.`));
        return;
      }
      const mine2 = events.filter((e) => e.symbol === symbol);
      chart = drawChart(chartSlot, ctx, series, row, mine2);
      eventsSlot.replaceChildren(
        el('h2', {}, `Events on ${row.asOf}`),
        mine2.length
          ? el(
              'ul',
              { class: 'events', id: 'symbol-events' },
              mine2.map((e) => el('li', {}, eventText(e))),
            )
          : emptyBlock(`No events for ${symbol} on ${row.asOf}.`),
      );
    } catch (e) {
      if (mine === drawing) {
        chartSlot.replaceChildren(errorBlock(e));
        figures.replaceChildren();
        eventsSlot.replaceChildren();
        eventsSlot.hidden = true;
      }
    }
  };
  await draw();
}

/** The message shown for a symbol the store does not hold (a mistyped deep link, say). */
function unknownSymbolBlock(symbol: string, tickers: readonly string[]): HTMLElement {
  const near = tickers
    .filter((t) => t.replace(/^\^/, '').startsWith(symbol.replace(/^\^/, '').slice(0, 1)))
    .slice(0, 8);
  const suggestions = (near.length ? near : tickers.slice(0, 8)).map((t) =>
    el('a', { href: `#/symbol?s=${encodeURIComponent(t)}` }, t),
  );
  return el(
    'div',
    { class: 'notice', id: 'symbol-unknown', role: 'alert' },
    el(
      'p',
      { class: 'error' },
      symbol ? `No symbol "${symbol}" is stored, so there is nothing to chart.` : 'Type a symbol to chart it.',
    ),
    el(
      'p',
      {},
      'Pick a stored one, for example: ',
      suggestions.flatMap((a, i) => (i ? [', ', a] : [a])),
      '.',
    ),
  );
}

const money = (v: unknown): string => (typeof v === 'number' ? formatPrice(v) : 'n/a');
const fig = (v: unknown, key: string): unknown =>
  v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;

/** One event in words, the way a market note would say it. */
export function eventText(e: MarketEvent): string {
  const since = e.since ? ` since ${e.since}` : '';
  const sessions = typeof e.length === 'number' ? `${e.length} sessions` : '';
  switch (e.type) {
    case 'new_ath':
      return `${e.date} · New all-time high at ${money(e.close)}${fig(e.previousHigh, 'date') ? ` (previous high ${money(fig(e.previousHigh, 'close'))} on ${String(fig(e.previousHigh, 'date'))})` : ''}`;
    case 'near_ath':
      return `${e.date} · ${formatPercent(typeof e.distance === 'number' ? e.distance : null)} from the all-time high of ${money(fig(e.ath, 'close'))} (${String(fig(e.ath, 'date') ?? 'n/a')})`;
    case 'highest_since':
      return `${e.date} · Highest close${since}`;
    case 'lowest_since':
      return `${e.date} · Lowest close${since}`;
    case 'streak':
      return `${e.date} · ${sessions} ${e.direction === 'down' ? 'down' : 'up'} in a row`;
    case 'streak_end':
      return `${e.date} · A streak of ${sessions} ${e.direction === 'down' ? 'down' : 'up'} ended`;
    default:
      return `${e.date} · ${e.type.replace(/_/g, ' ')}${since}${typeof e.state === 'string' ? `: ${e.state}` : sessions ? `: ${sessions}` : ''}`;
  }
}

/** A short marker label for an event drawn on the chart. */
function eventLabel(e: MarketEvent): string {
  const words: Record<string, string> = {
    new_ath: 'new ATH',
    near_ath: 'near ATH',
    highest_since: 'highest since',
    lowest_since: 'lowest since',
    streak: 'streak',
    streak_end: 'streak ended',
  };
  return words[e.type] ?? e.type.replace(/_/g, ' ');
}

function figureStrip(r: PerfRow): HTMLElement {
  const item = (label: string, value: string, cls = '', metric = '') =>
    el('div', { class: 'figure' }, el('span', {}, label), el('b', { class: cls, 'data-metric': metric }, value));
  return el(
    'div',
    { class: 'figure-row', 'data-symbol': r.symbol },
    item(`Close ${r.asOf}`, formatPrice(r.close), '', 'close'),
    item('1D', formatPercent(r.returns['1d']), signClass(r.returns['1d']), '1d'),
    item('YTD', formatPercent(r.returns.ytd), signClass(r.returns.ytd), 'ytd'),
    item('1Y', formatPercent(r.returns['1y']), signClass(r.returns['1y']), '1y'),
    item('ATH', r.ath ? `${formatPrice(r.ath.close)} (${r.ath.date})` : 'n/a', '', 'athClose'),
    item('From ATH', formatPercent(r.ath?.distance), signClass(r.ath?.distance), 'ath'),
    item(
      '52w range',
      r.low52w && r.high52w ? `${formatPrice(r.low52w.close)} – ${formatPrice(r.high52w.close)}` : 'n/a',
    ),
    item('Streak', streakText(r.streak), signClass(r.streak)),
  );
}

function hasOhlcColumns(s: SeriesResponse): boolean {
  return s.open.some((v) => v !== null) && s.high.some((v) => v !== null);
}

/** `sma_50` -> "SMA 50", `macd_signal_12_26_9` -> "MACD signal"; oscillators say which pane they are in. */
function columnLabel(col: string, kind: string, pane: number): string {
  const parts = col.split('_');
  const numbers = parts.filter((p) => /^[\d.]+$/.test(p));
  const words = parts.filter((p) => !/^[\d.]+$/.test(p));
  const name =
    kind === 'bbands'
      ? `Bollinger ${words.slice(1).join(' ') || 'band'}`
      : [words[0]!.toUpperCase(), ...words.slice(1)].join(' ');
  const label =
    kind === 'macd' && words.length === 1
      ? `MACD ${numbers.join(', ')}`
      : kind === 'macd'
        ? name
        : `${name} ${numbers.join(', ')}`.trim();
  return pane > 0 ? `${label} (panel below)` : label;
}

/** Oscillators get a pane of their own; averages and bands are drawn over the price. */
const OSCILLATORS = new Set(['rsi', 'macd', 'atr', 'roc']);

function drawChart(
  slot: HTMLElement,
  ctx: PageContext,
  s: SeriesResponse,
  row: PerfRow,
  events: readonly MarketEvent[],
): IChartApi {
  const c = chartColours();
  const box = el('div', { class: 'chart', id: 'symbol-chart' });
  const hasVolume = s.volume.some((v) => v !== null && v > 0);
  const legendItems: LegendItem[] = [
    {
      label: `${s.symbol} ${hasOhlcColumns(s) ? 'daily candles' : 'daily close'}${hasVolume ? ', volume at the bottom' : ''}`,
      colour: hasOhlcColumns(s) ? c.up : c.line[0]!,
    },
  ];
  if (row.ath)
    legendItems.push({
      label: `all-time high ${formatPrice(row.ath.close)} (${row.ath.date})`,
      colour: c.accent,
      dashed: true,
    });
  const legend = chartLegend([]);
  slot.append(legend, box);
  const oscillators = s.indicatorSpecs.filter((i) => OSCILLATORS.has(i.kind)).length;
  const chart = themedChart(box, ctx, { height: 420 + oscillators * 140 });
  const hasOhlc = hasOhlcColumns(s);
  const times = s.dates as unknown as Time[];
  const main = hasOhlc
    ? chart.addSeries(CandlestickSeries, {
        upColor: c.up,
        downColor: c.down,
        wickUpColor: c.up,
        wickDownColor: c.down,
        borderVisible: false,
      })
    : chart.addSeries(LineSeries, { color: c.line[0]!, lineWidth: 2 });
  if (hasOhlc) {
    const bars = [];
    for (let i = 0; i < times.length; i++) {
      const [o, h, l, cl] = [s.open[i], s.high[i], s.low[i], s.close[i]];
      if (o != null && h != null && l != null && cl != null)
        bars.push({ time: times[i]!, open: o, high: h, low: l, close: cl });
    }
    main.setData(bars);
  } else main.setData(linePoints(s.dates, s.close));
  if (hasVolume) {
    const vol = chart.addSeries(HistogramSeries, {
      priceScaleId: 'volume',
      priceFormat: { type: 'volume' },
      color: c.muted,
    });
    vol.priceScale().applyOptions({ scaleMargins: { top: 0.82, bottom: 0 } });
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
  if (row.ath)
    main.createPriceLine({
      price: row.ath.close,
      color: c.accent,
      lineStyle: 2,
      lineWidth: 1,
      axisLabelVisible: true,
      title: '',
    });

  let colour = 1;
  let pane = 1;
  for (const ind of s.indicatorSpecs) {
    const cols = ind.columns;
    const paneIndex = OSCILLATORS.has(ind.kind) ? pane++ : 0;
    cols.forEach((col, j) => {
      const values = s.indicators[col];
      if (!values) return;
      const hist = col.startsWith('macd_hist');
      const lineColour = hist ? c.muted : c.line[(colour + j) % c.line.length]!;
      const series = hist
        ? chart.addSeries(
            HistogramSeries,
            { color: c.muted, priceLineVisible: false, lastValueVisible: false },
            paneIndex,
          )
        : chart.addSeries(
            LineSeries,
            {
              color: lineColour,
              lineWidth: 1,
              priceLineVisible: false,
              lastValueVisible: true,
              crosshairMarkerVisible: false,
            },
            paneIndex,
          );
      series.setData(linePoints(s.dates, values));
      legendItems.push({ label: columnLabel(col, ind.kind, paneIndex), colour: lineColour });
      if (ind.kind === 'rsi') {
        for (const level of [30, 70])
          series.createPriceLine({
            price: level,
            color: c.muted,
            lineStyle: 2,
            lineWidth: 1,
            axisLabelVisible: true,
            title: '',
          });
      }
    });
    colour += cols.length;
  }

  const first = s.dates[0]!;
  const markers: SeriesMarker<Time>[] = [];
  const mark = (date: string | null | undefined, text: string, position: 'aboveBar' | 'belowBar', color: string) => {
    if (date && date >= first)
      markers.push({
        time: date as Time,
        position,
        color,
        shape: position === 'aboveBar' ? 'arrowDown' : 'arrowUp',
        text,
      });
  };
  // One marker per day and side: an event on the ATH day says it instead of a second "ATH" label.
  const eventDays = new Set(
    events.map((e) => `${e.date}:${e.type.includes('low') || e.direction === 'down' ? 'below' : 'above'}`),
  );
  if (row.ath && !eventDays.has(`${row.ath.date}:above`)) mark(row.ath.date, 'ATH', 'aboveBar', c.accent);
  if (row.high52w && row.high52w.date !== row.ath?.date && !eventDays.has(`${row.high52w.date}:above`))
    mark(row.high52w.date, '52w high', 'aboveBar', c.up);
  if (row.low52w && !eventDays.has(`${row.low52w.date}:below`)) mark(row.low52w.date, '52w low', 'belowBar', c.down);
  for (const e of events)
    mark(e.date, eventLabel(e), e.type.includes('low') || e.direction === 'down' ? 'belowBar' : 'aboveBar', c.accent);
  markers.sort((a, b) => (String(a.time) < String(b.time) ? -1 : 1));
  createSeriesMarkers(main, markers);
  legend.replaceWith(chartLegend(legendItems));
  fitAll(chart);
  return chart;
}
