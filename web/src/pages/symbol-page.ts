/**
 * Symbol: the chart of one symbol up to the page's day (candles or closes, volume, indicators in
 * titled panes, the ATH line, highs, lows and events as markers, a crosshair readout), its figures
 * and its events of that day. This module reads the URL and fetches; symbol/symbol-chart.ts draws,
 * symbol/symbol-figures.ts and symbol/symbol-events.ts put figures and events in words.
 * State in the URL: s (symbol), ind (indicators as the CLI takes them), range, scale, mark, fomc, asOf.
 */
import type { IChartApi } from 'lightweight-charts';
import { api, type MarketEvent } from '../api-client.js';
import { pageLink } from '../as-of.js';
import { defaultLog, RANGE_KEYS, RANGE_LABEL, type RangeKey, rangeStart } from '../chart-range.js';
import { rangeControls } from '../charts/range-controls.js';
import { removeChart, setLogScale } from '../charts/themed-chart.js';
import { el, labelled } from '../element-builder.js';
import { updateParams } from '../hash-route.js';
import { highWords } from '../high-words.js';
import { displayName, emptyBlock, errorBlock, hasPrices, loadingBlock, type PageContext } from '../page-context.js';
import { isIsoDate, PageParams, tickerProblem } from '../url-params.js';
import { drawSymbolChart } from './symbol/symbol-chart.js';
import { eventText } from './symbol/symbol-events.js';
import { figureStrip } from './symbol/symbol-figures.js';

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

export async function renderSymbolPage(root: HTMLElement, params: URLSearchParams, ctx: PageContext): Promise<void> {
  // the choices offered: symbols with prices stored (a member list names companies without a bar)
  const tickers = ctx.symbols.symbols.filter((s) => s.kind !== 'rate' && hasPrices(s)).map((s) => s.ticker);
  const p = new PageParams(params);
  let symbol = p.text('s', tickers.includes('IWM') ? 'IWM' : (tickers[0] ?? ''), tickerProblem).toUpperCase();
  const indText = p.text('ind', 'sma:50,sma:200');
  const asked = indText === 'none' ? [] : indText.split(',').filter(Boolean);
  const bad = asked.filter((s) => !INDICATORS.some(([spec]) => spec === s));
  if (bad.length)
    p.report(
      `ind: ${bad.join(', ')} ${bad.length > 1 ? 'are' : 'is'} not offered here (${INDICATORS.map(([s]) => s).join(', ')}), ignored`,
    );
  let chosen = new Set(asked.filter((s) => !bad.includes(s)));
  let range: RangeKey = p.oneOf('range', RANGE_KEYS, '1y', (k) => RANGE_LABEL[k]);
  // Dates a note figure read, marked on the chart (the note's "chart" links).
  const marks = p
    .text('mark', '', (v) => (v.split(',').every(isIsoDate) ? null : `'${v}' is not a list of dates (YYYY-MM-DD)`))
    .split(',')
    .filter(Boolean)
    .sort();
  const scaleParam = params.has('scale') ? p.oneOf('scale', ['log', 'linear'] as const, 'linear') : null;
  let log = scaleParam === null ? defaultLog(range) : scaleParam === 'log';
  // FOMC decision days on the chart: on by default for a rate (DGS2, DGS10, DFF), a toggle for the rest.
  const fomcParam = params.has('fomc') ? p.oneOf('fomc', ['0', '1'] as const, '0') : null;
  const isRate = (t: string) => ctx.symbols.symbols.find((x) => x.ticker === t)?.kind === 'rate';
  let fomc = fomcParam === null ? isRate(symbol.toUpperCase()) : fomcParam === '1';
  for (const n of p.notes()) ctx.notice(n, 'warning');
  if (!symbol) {
    root.append(el('h1', {}, 'Symbol'), emptyBlock('No prices stored yet, so there is nothing to chart.'));
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
  const ranges = el('div', { class: 'range-slot' });
  const form = el(
    'form',
    {
      class: 'controls',
      onsubmit: (e: Event) => {
        e.preventDefault();
        symbol = symbolInput.value.trim().toUpperCase();
        if (fomcParam === null) fomcBox.checked = fomc = isRate(symbol);
        updateParams({ s: symbol });
        void draw();
      },
    },
    labelled('Symbol', symbolInput),
    datalist,
    el('button', { type: 'submit' }, 'Show'),
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
  const fomcBox = el('input', { type: 'checkbox', id: 'fomc-toggle', checked: fomc });
  fomcBox.addEventListener('change', () => {
    fomc = fomcBox.checked;
    updateParams({ fomc: fomc ? '1' : '0' });
    void draw();
  });
  indBox.append(
    el(
      'label',
      { class: 'check', title: 'Mark the Federal Reserve’s rate decisions (FOMC meeting days) on the chart' },
      fomcBox,
      ' FOMC meetings',
    ),
  );
  root.append(title, form, indBox, figures, ranges, chartSlot, eventsSlot);

  let chart: IChartApi | null = null;
  ctx.onDispose(() => removeChart(chart));
  let drawing = 0;
  const draw = async () => {
    const mine = ++drawing;
    removeChart(chart);
    chart = null;
    symbolInput.value = symbol;
    const info = ctx.symbols.symbols.find((t) => t.ticker === symbol);
    if (!info || !hasPrices(info)) {
      title.textContent = info ? `${symbol}: no prices stored` : 'Unknown symbol';
      figures.replaceChildren();
      ranges.replaceChildren();
      eventsSlot.replaceChildren();
      eventsSlot.hidden = true;
      chartSlot.replaceChildren(unknownSymbolBlock(symbol, tickers, info !== undefined));
      return;
    }
    eventsSlot.hidden = false;
    ranges.replaceChildren(
      rangeControls(
        range,
        log,
        (k) => {
          range = k;
          log = defaultLog(k);
          updateParams({ range: k, scale: null });
          void draw();
        },
        (l) => {
          log = l;
          updateParams({ scale: l ? 'log' : 'linear' });
          if (chart) setLogScale(chart, l);
        },
        'symbol',
      ),
    );
    chartSlot.replaceChildren(loadingBlock(`Loading ${symbol}…`, 'chart'));
    title.textContent = `${displayName(ctx, symbol)} (${symbol})`;
    try {
      const end = ctx.asOf && info.lastDate && ctx.asOf < info.lastDate ? ctx.asOf : (info.lastDate ?? ctx.day);
      const start = rangeStart(end, range);
      const from = start && marks[0] && marks[0] < start ? marks[0] : start;
      const ind = [...chosen].join(',');
      const [series, perf, events] = await Promise.all([
        api.series(symbol, { from, asOf: ctx.asOf, ind: ind || undefined }),
        api.perf({ symbols: symbol, asOf: ctx.asOf }),
        api.events({ asOf: ctx.asOf }).catch(() => [] as MarketEvent[]),
      ]);
      if (mine !== drawing || ctx.disposed()) return;
      const row = perf[0];
      if (!row) throw new Error(`no figures for ${symbol}`);
      const high = highWords(info.kind === 'rate', info.firstDate);
      figures.replaceChildren(figureStrip(row, ctx, info.kind === 'rate', high));
      chartSlot.replaceChildren();
      if (!series.dates.length) {
        chartSlot.append(emptyBlock(`No bars for ${symbol} in this range: pick a longer range or a later day.`));
        return;
      }
      const own = events.filter((e) => e.symbol === symbol);
      chart = drawSymbolChart(chartSlot, ctx, series, row, own, {
        log,
        ready: `${symbol}:${range}:${ind}${fomc ? ':fomc' : ''}`,
        marks,
        fomc,
        rate: info.kind === 'rate',
        high,
      });
      eventsSlot.replaceChildren(
        el('h2', {}, `Events on ${row.asOf}`),
        own.length
          ? el(
              'ul',
              { class: 'events', id: 'symbol-events' },
              own.map((e) => el('li', {}, eventText(e))),
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

/**
 * The message shown for a symbol the store does not hold (a mistyped deep link, say), or holds without a
 * single price (a member of an imported S&P list): said plainly, with symbols that can be charted.
 */
function unknownSymbolBlock(symbol: string, tickers: readonly string[], listed: boolean): HTMLElement {
  const near = tickers
    .filter((t) => t.replace(/^\^/, '').startsWith(symbol.replace(/^\^/, '').slice(0, 1)))
    .slice(0, 8);
  const suggestions = (near.length ? near : tickers.slice(0, 8)).map((t) =>
    el('a', { href: pageLink('symbol', { s: t }) }, t),
  );
  return el(
    'div',
    { class: 'notice', id: 'symbol-unknown', role: 'alert' },
    el(
      'p',
      { class: 'error' },
      listed
        ? `No prices stored for ${symbol}, so there is nothing to chart (it is listed, e.g. as a member of an index, without its price history).`
        : symbol
          ? `No symbol "${symbol}" is stored, so there is nothing to chart.`
          : 'Type a symbol to chart it.',
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
