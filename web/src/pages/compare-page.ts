/**
 * Compare: several series rebased to 100 at a chosen start date (the last close on or before it,
 * the same base rule as a period return), so lines do not jump as you scroll; the ratio of any two;
 * the MAG7 basket beside the MAGS fund by default. State in the URL: s, start, tr, a, b.
 */

import { createSeriesMarkers, type ISeriesApi, LineSeries, type SeriesMarker, type Time } from 'lightweight-charts';
import { ensureNotNull } from '../../../src/domain/ensure.js';
import { api, type SeriesResponse } from '../api-client.js';
import { defaultLog, RANGE_KEYS, RANGE_LABEL, type RangeKey, rangeStart } from '../chart-range.js';
import { chartReadout } from '../charts/chart-readout.js';
import { rightRoomForTitles } from '../charts/edge-room.js';
import { attachPointLabel } from '../charts/point-label.js';
import { rangeControls } from '../charts/range-controls.js';
import {
  fitAll,
  LineStyle,
  linePoints,
  priceAxis,
  ratioFormat,
  setLogScale,
  themedChart,
} from '../charts/themed-chart.js';
import { el, labelled, panel } from '../element-builder.js';
import { updateParams } from '../hash-route.js';
import { isoDateField } from '../iso-date-field.js';
import { fixed, formatNumber, formatSignedPercent, signClass } from '../number-format.js';
import { displayName, emptyBlock, fill, type PageContext, staleMark, storedTickers } from '../page-context.js';
import { scrollTable } from '../table-scroll.js';
import { chartColours, lineColour } from '../theme.js';
import { PageParams } from '../url-params.js';
import { type UrlSelectSpec, urlSelect } from '../url-select.js';
import {
  defaultRatioPair,
  type LineDash,
  lineLook,
  type Payout,
  payoutDays,
  staleSeriesWords,
} from './compare/compare-lines.js';

export interface Rebased {
  readonly symbol: string;
  readonly baseDate: string;
  readonly dates: string[];
  readonly values: number[];
}

/** Rebases to 100 at the last close on or before `start`; null when the series starts after it. */
export function rebase(s: SeriesResponse, start: string, field: 'close' | 'adjClose'): Rebased | null {
  const col = s[field];
  let base = -1;
  for (let i = 0; i < s.dates.length && s.dates[i]! <= start; i++) if (col[i] != null) base = i;
  if (base < 0) return null;
  const b = col[base]!;
  const dates: string[] = [];
  const values: number[] = [];
  for (let i = base; i < s.dates.length; i++) {
    const v = col[i];
    if (v == null) continue;
    dates.push(s.dates[i]!);
    values.push((v / b) * 100);
  }
  return { symbol: s.symbol, baseDate: s.dates[base]!, dates, values };
}

/** A series' name, with its own last date when it ends before the page's day. */
function staleLabel(r: Rebased, day: string): string {
  const end = r.dates[r.dates.length - 1];
  return end && end < day ? `${r.symbol} (stale: ${end})` : r.symbol;
}

/** A payout in words: "MAGS went ex-distribution on 2025-12-22 (0.40% of its price paid out)". */
function payoutWords(symbol: string, p: Payout): string {
  return `${symbol} went ex-dividend on ${p.date} (${fixed(p.fraction * 100, 2)}% of its price paid out)`;
}

/**
 * The note under a price chart that has payouts in its window: each named, and why its line steps there.
 * Empty when the chart counts payouts (Total return) or there are none.
 */
function payoutNote(id: string, payouts: readonly { symbol: string; p: Payout }[], what: string): HTMLElement | null {
  if (!payouts.length) return null;
  return el(
    'p',
    { class: 'chart-caption payout-note', id },
    `${payouts.map(({ symbol, p }) => payoutWords(symbol, p)).join('; ')}: ${what} steps there by the payout, a real move of the price, not a data fault (a dot above the line marks the day). Tick Total return to count payouts and the step goes.`,
  );
}

/** A dot above the line on each payout day; no words on the plot (they lay across the lines): the note under the chart and the readout name it. */
function markPayouts(line: ISeriesApi<'Line'>, payouts: readonly { p: Payout }[], colour: string): void {
  if (!payouts.length) return;
  createSeriesMarkers(
    line,
    payouts.map(
      ({ p }): SeriesMarker<Time> => ({
        time: p.date as Time,
        position: 'aboveBar',
        shape: 'circle',
        color: colour,
        size: 0.6,
        text: '',
      }),
    ),
  );
}

const DASH: Record<LineDash, LineStyle> = {
  solid: LineStyle.Solid,
  dashed: LineStyle.LargeDashed,
  dotted: LineStyle.Dotted,
  sparse: LineStyle.SparseDotted,
};

/** A text's width in pixels in a canvas font (the chart's axis font: its tags' titles). */
function textWidth(text: string, font: string): number {
  const g = document.createElement('canvas').getContext('2d');
  if (!g) return text.length * 8;
  g.font = font;
  return g.measureText(text).width;
}

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function renderComparePage(root: HTMLElement, params: URLSearchParams, ctx: PageContext): Promise<void> {
  const stored = storedTickers(ctx);
  const p = new PageParams(params);
  const defaults = ['^SP600', '^RUT', 'MAG7', 'MAGS'].filter((s) => stored.has(s));
  let symbols = p
    .text('s', defaults.join(','), (v) =>
      /^[A-Za-z0-9^.=_,-]{1,400}$/.test(v) ? null : `'${v}' is not a list of tickers`,
    )
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const last = ctx.day || new Date().toISOString().slice(0, 10);
  // A range button sets the base day: that many months back from the page's day, YTD from the last
  // year end, All from the first day every named series has a bar (so every line starts at 100).
  const commonStart = (list: readonly string[]) => {
    let first = '';
    for (const t of list) {
      const f = ctx.symbols.symbols.find((x) => x.ticker === t)?.firstDate;
      if (f && f > first) first = f;
    }
    return first && first < last ? first : `${Number(last.slice(0, 4)) - 1}-12-31`;
  };
  const startOf = (k: RangeKey, list: readonly string[]) => rangeStart(last, k) ?? commonStart(list);
  const rangeParam = params.has('range') ? p.oneOf('range', RANGE_KEYS, 'ytd', (k) => RANGE_LABEL[k]) : null;
  let start = p.date('start', startOf(rangeParam ?? 'ytd', symbols));
  const scaleParam = params.has('scale') ? p.oneOf('scale', ['log', 'linear'] as const, 'linear') : null;
  let log = scaleParam === null ? defaultLog(rangeParam ?? 'ytd') : scaleParam === 'log';
  if (start > last) {
    p.report(`start: ${start} is after the page's day ${last}; showing ${Number(last.slice(0, 4)) - 1}-12-31`);
    start = `${Number(last.slice(0, 4)) - 1}-12-31`;
  }
  let totalReturn = p.oneOf('tr', ['0', '1'] as const, '0') === '1';
  // The ratio opens on two series that run to the page's day (never a February ^RUT beside August ETFs).
  const lastDates = new Map(ctx.symbols.symbols.flatMap((x) => (x.lastDate ? [[x.ticker, x.lastDate] as const] : [])));
  const defaultPair = () => defaultRatioPair(symbols, lastDates, last);
  let a = p.text('a', defaultPair()[0]).toUpperCase();
  let b = p.text('b', defaultPair()[1]).toUpperCase();
  for (const n of p.notes()) ctx.notice(n, 'warning');

  const symInput = el('input', {
    id: 'compare-symbols',
    value: symbols.join(','),
    size: 28,
    spellcheck: 'false',
    'aria-describedby': 'compare-help',
  });
  const startField = isoDateField({
    id: 'compare-start',
    value: start,
    max: last,
    pickLabel: 'Pick the base day on a calendar',
  });
  const startInput = startField.input;
  const trBox = el('input', { id: 'compare-tr', type: 'checkbox', checked: totalReturn });
  const chartSlot = el('div', { class: 'chart-slot' });
  const rangeSlot = el('div', { class: 'range-slot' });
  let logChosen = scaleParam !== null;
  const drawRanges = () => {
    const pressed = RANGE_KEYS.find((k) => startOf(k, symbols) === start);
    rangeSlot.replaceChildren(
      rangeControls(
        (pressed ?? 'none') as RangeKey,
        log,
        (k) => {
          start = startOf(k, symbols);
          startInput.value = start;
          if (!logChosen) log = defaultLog(k);
          updateParams({ start, range: k, scale: logChosen ? (log ? 'log' : 'linear') : null });
          drawRanges();
          void Promise.all([drawRebased(), drawRatio()]);
        },
        (l) => {
          log = l;
          logChosen = true;
          updateParams({ scale: l ? 'log' : 'linear' });
          void drawRebased();
        },
        'compare',
      ),
    );
  };
  const ratioSlot = el('div', { class: 'chart-slot' });
  const ratioControls = el('div', { class: 'controls' });
  root.append(
    el('h1', {}, 'Compare', ctx.asOf ? el('span', { class: 'h1-day' }, ` as of ${ctx.day}`) : null),
    el(
      'form',
      {
        class: 'controls',
        onsubmit: (e: Event) => {
          e.preventDefault();
          symbols = symInput.value
            .split(',')
            .map((s) => s.trim().toUpperCase())
            .filter(Boolean);
          const typed = startField.read();
          if (typed === null) return;
          start = typed || start;
          totalReturn = trBox.checked;
          if (!symbols.includes(a) || !symbols.includes(b)) [a, b] = defaultPair();
          updateParams({ s: symbols.join(','), start, range: null, tr: totalReturn ? '1' : null, a, b });
          drawRanges();
          void Promise.all([drawRebased(), drawRatio()]);
        },
      },
      labelled('Symbols', symInput),
      labelled('Rebase to 100 on', startField.root),
      el('label', { class: 'check' }, trBox, ' Total return'),
      el('button', { type: 'submit' }, 'Compare'),
      el(
        'small',
        { id: 'compare-help', class: 'muted' },
        'Comma-separated tickers; the base is the last close on or before the date.',
      ),
    ),
    panel('Rebased to 100', [rangeSlot], chartSlot),
    panel('Ratio', [ratioControls], ratioSlot),
  );

  const drawRebased = () =>
    fill(chartSlot, ctx, async () => {
      if (!symbols.length) return emptyBlock('Name at least one symbol.');
      // Unknown tickers are named, not fatal: the known ones are still drawn.
      const unknown = symbols.filter((s) => !stored.has(s));
      const known = symbols.filter((s) => stored.has(s));
      const unknownNote = unknown.length
        ? el(
            'p',
            { class: 'error', id: 'compare-unknown', role: 'alert' },
            `No prices stored, so left out: ${unknown.join(', ')}.`,
          )
        : null;
      if (!known.length) return ensureNotNull(unknownNote, 'the not-stored note');
      const all = await Promise.all(known.map((s) => api.series(s, { from: shiftDays(start, -14), asOf: ctx.asOf })));
      const field = totalReturn ? 'adjClose' : 'close';
      const rebased = all.map((s) => ({ s, r: rebase(s, start, field) }));
      // On prices, a fund's or stock's ex-dividend day steps its line down by the payout (the demo MAGS's
      // distribution of 2025-12-22 looked like a fault beside the MAG7 basket): each is marked and named.
      const payouts = totalReturn
        ? []
        : rebased.flatMap(({ s, r }) =>
            r ? payoutDays(s.dates, s.close, s.adjClose, r.baseDate).map((p) => ({ symbol: s.symbol, p })) : [],
          );
      const c = chartColours();
      const isStale = (r: Rebased | null) => r !== null && (r.dates[r.dates.length - 1] ?? r.baseDate) < ctx.day;
      // Each line's style is its colour's (palette.ts: solid for even, dashed for odd; a stale one dotted).
      const looks = rebased.map(({ r }, i) => lineLook(i, isStale(r)));
      // The drawn lines by symbol: the table's toggles and hover act on them.
      const lines = new Map<string, { line: ISeriesApi<'Line'>; colour: string; width: number }>();
      const highlight = (symbol: string | null) => {
        // A row losing focus as the page is left (its chart already removed) must not touch the chart.
        if (ctx.disposed()) return;
        for (const [sym, l] of lines)
          l.line.applyOptions({
            color: symbol === null || sym === symbol ? l.colour : `${l.colour.slice(0, 7)}33`,
            lineWidth: sym === symbol ? 4 : (l.width as 2 | 3),
          });
        box.dataset.highlight = symbol ?? '';
      };
      const hidden = new Set<string>();
      const box = el('div', { class: 'chart', id: 'compare-chart' });
      const legend = el(
        'table',
        { class: 'perf', id: 'compare-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            // The figures first (on a phone, where the name is hidden, they stay in view beside the symbol),
            // the days they are measured between after them.
            ['Symbol', 'Name', 'Last', 'Change', 'Last date', 'Base date'].map((h, i) =>
              el('th', { scope: 'col', class: i === 2 || i === 3 ? 'num' : i === 1 ? 'name' : '' }, h),
            ),
          ),
        ),
        el(
          'tbody',
          {},
          rebased.map(({ s, r }, i) => {
            const lastV = r?.values[r.values.length - 1];
            const lastDate = r?.dates[r.dates.length - 1];
            const change = lastV === undefined ? null : lastV / 100 - 1;
            const stale = lastDate ? staleMark(lastDate, ctx, s.symbol) : null;
            const look = looks[i]!;
            // The row is the line's legend: its key (colour and dash), a box to show or hide it, and
            // hovering or focusing the row brings its line forward and fades the others.
            const toggle = el('input', {
              type: 'checkbox',
              checked: true,
              disabled: !r,
              'data-toggle': s.symbol,
              'aria-label': `Show ${s.symbol} on the chart`,
            });
            toggle.addEventListener('change', () => {
              if (ctx.disposed()) return;
              lines.get(s.symbol)?.line.applyOptions({ visible: toggle.checked });
              hidden[toggle.checked ? 'delete' : 'add'](s.symbol);
              box.dataset.hidden = [...hidden].join(',');
            });
            const row = el(
              'tr',
              { 'data-symbol': s.symbol, class: stale ? 'is-stale' : '' },
              el(
                'th',
                { scope: 'row' },
                el(
                  'label',
                  { class: 'series-toggle' },
                  toggle,
                  el('span', {
                    class: `line-key line-${look.dash}`,
                    style: `border-top-color:${lineColour(c, i)};--line-colour:${lineColour(c, i)}`,
                  }),
                  s.symbol,
                ),
              ),
              el('td', { class: 'name' }, displayName(ctx, s.symbol)),
              el('td', { class: 'num', 'data-metric': 'rebased' }, lastV === undefined ? 'n/a' : fixed(lastV, 2)),
              el('td', { class: `num ${signClass(change)}`, 'data-metric': 'change' }, formatSignedPercent(change)),
              el('td', { 'data-metric': 'lastDate' }, lastDate ?? 'n/a', stale ? ' ' : '', stale),
              el('td', { 'data-metric': 'baseDate' }, r ? r.baseDate : `starts after ${start}`),
            );
            row.addEventListener('mouseenter', () => highlight(s.symbol));
            row.addEventListener('mouseleave', () => highlight(null));
            row.addEventListener('focusin', () => highlight(s.symbol));
            row.addEventListener('focusout', () => highlight(null));
            return row;
          }),
        ),
      );
      const readoutSlot = el('div', { class: 'readout-slot' });
      const staleCount = rebased.filter(({ r }) => isStale(r)).length;
      const caption = el(
        'p',
        { class: 'chart-caption', id: 'compare-caption' },
        `${rebased.filter(({ r }) => r).length} series rebased to 100 at the last close on or before ${start}; the table below gives each one's last value and its line's key (tick a row to show or hide its line, point at it to highlight it)${staleCount ? `; ${staleSeriesWords(staleCount, ctx.day)}` : ''}.`,
      );
      const payoutLine = payoutNote('compare-payouts', payouts, 'its price line');
      box.dataset.payouts = payouts
        .map(({ symbol, p }) => `${symbol}:${p.date}:${fixed(p.fraction * 100, 2)}%`)
        .join(',');
      box.setAttribute('role', 'figure');
      box.setAttribute('aria-label', `${caption.textContent ?? ''}${payoutLine ? ` ${payoutLine.textContent}` : ''}`);
      const wrap = el(
        'div',
        {},
        unknownNote,
        readoutSlot,
        box,
        caption,
        payoutLine,
        scrollTable(legend, 'Lines and their last values'),
      );
      requestAnimationFrame(() => {
        if (ctx.disposed()) return;
        const chart = themedChart(box, ctx, { height: 380, logScale: log });
        // Each current line's axis tag carries its name, on a phone too (values alone left the lines told
        // apart by colour only); the lines end before the widest name's box (rightRoomForTitles).
        const titled = rebased.filter(({ r }, i) => r && !looks[i]!.faded).map(({ r }) => r!.symbol);
        const { fontSize, fontFamily } = chart.options().layout;
        const roomRight = rightRoomForTitles(titled.map((t) => textWidth(t, `${fontSize}px ${fontFamily}`)));
        // Stale lines last: thin and dotted, they lie on top of the wide current ones instead of under them.
        const order = rebased.map((_, i) => i).sort((x, y) => Number(looks[x]!.faded) - Number(looks[y]!.faded));
        // One axis for all lines: its tick labels keep clear of the pane's top and bottom edges (a 140.00
        // cut in half at the top) and of the current lines' last-value labels and the base's 100.
        const lastValues = rebased.flatMap(({ r }, i) =>
          r && !looks[i]!.faded && r.values.length ? [r.values[r.values.length - 1]!] : [],
        );
        const axis = priceAxis(
          null,
          (v) => formatNumber(v, 2),
          0.01,
          () => [...lastValues, 100],
        );
        let baseline = false;
        for (const i of order) {
          const { s, r } = rebased[i]!;
          if (!r) continue;
          // A series that ends before the page's day is drawn dotted and faded, its last point marked
          // with its name and own date: its last value is not of the same day as the others'.
          const end = r.dates[r.dates.length - 1]!;
          const look = looks[i]!;
          const colour = lineColour(c, i);
          const shown = look.faded ? `${colour}99` : colour;
          const line = chart.addSeries(LineSeries, {
            color: shown,
            lineWidth: look.width,
            lineStyle: DASH[look.dash],
            // The name beside the axis label; a stale line has no axis label (its value is of another day),
            // so no name there either (its name and last day are by its last point).
            title: !look.faded ? r.symbol : '',
            priceLineVisible: false,
            lastValueVisible: !look.faded,
            priceFormat: axis.priceFormat,
          });
          line.setData(r.dates.map((d, j) => ({ time: d as Time, value: r.values[j]! })));
          lines.set(s.symbol, { line, colour: shown, width: look.width });
          markPayouts(
            line,
            payouts.filter((x) => x.symbol === s.symbol),
            colour,
          );
          // Its name and last day by its last point, slid inside the plot when the point is near an edge.
          if (look.faded)
            attachPointLabel(
              chart,
              line,
              box,
              {
                time: end,
                value: r.values[r.values.length - 1]!,
                text: `${r.symbol} ends ${end}`,
                colour,
              },
              c.background,
              () => [...lines.values()].map((l) => l.line),
            );
          if (!baseline) {
            baseline = true;
            axis.attach(line, chart);
            // The base level: its axis label says 100; its day is in the caption and the table (a title
            // on the plot would lie over the lines at the right edge).
            line.createPriceLine({
              price: 100,
              color: c.muted,
              lineStyle: LineStyle.Dashed,
              lineWidth: 1,
              axisLabelVisible: true,
              title: '',
            });
          }
        }
        // The styles the chart drew, read back from it (the browser tests compare the legend's keys with them).
        box.dataset.lineStyles = [...lines].map(([sym, l]) => `${sym}:${l.line.options().lineStyle}`).join(',');
        const drawn = rebased.filter((x): x is { s: SeriesResponse; r: Rebased } => x.r !== null);
        // The readout names a payout on its day ("ex-dividend 0.40%").
        const payoutExtra = (r: Rebased) => {
          const byDay = new Map(payouts.filter((x) => x.symbol === r.symbol).map((x) => [x.p.date, x.p]));
          return byDay.size
            ? (k: number) => {
                const p = byDay.get(r.dates[k] ?? '');
                return p ? ` · ex-dividend ${fixed(p.fraction * 100, 2)}%` : '';
              }
            : undefined;
        };
        // The readout leads with a series that runs to the page's day (its date is the readout's date).
        const head = drawn.find((x) => x.r.dates[x.r.dates.length - 1]! >= ctx.day) ?? drawn[0];
        if (head)
          readoutSlot.replaceChildren(
            chartReadout(
              chart,
              {
                label: staleLabel(head.r, ctx.day),
                colour: lineColour(c, rebased.indexOf(head)),
                // The keys draw each line's own look (the one the chart and the table use).
                dash: looks[rebased.indexOf(head)]!.dash,
                series: head.r.symbol,
                dates: head.r.dates,
                bars: head.r.values.map((v) => ({ close: v })),
                format: (v) => formatNumber(v, 2),
                extra: payoutExtra(head.r),
              },
              drawn
                .filter((x) => x !== head)
                .map((x) => ({
                  label: staleLabel(x.r, ctx.day),
                  colour: lineColour(c, rebased.indexOf(x)),
                  dash: looks[rebased.indexOf(x)]!.dash,
                  series: x.r.symbol,
                  dates: x.r.dates,
                  values: x.r.values,
                  format: (v: number) => formatNumber(v, 2),
                  extra: payoutExtra(x.r),
                  // Each line its own day change, as the first line's (a rebased line's change is its price's).
                  change: true,
                })),
            ),
          );
        setLogScale(chart, log);
        // The names the axis tags carry, read back from the chart (the browser tests check them on a phone).
        box.dataset.axisTitles = [...lines.values()]
          .map((l) => l.line.options().title)
          .filter((t) => t)
          .join(',');
        fitAll(chart, box, symbols.join(','), undefined, undefined, undefined, roomRight);
      });
      return wrap;
    });

  const ratioChoices = (): UrlSelectSpec[] => [
    { label: 'A', id: 'ratio-a', param: 'a', options: symbols, value: a, set: (v) => (a = v) },
    { label: 'B', id: 'ratio-b', param: 'b', options: symbols, value: b, set: (v) => (b = v) },
  ];

  const drawRatio = () => {
    ratioControls.replaceChildren(...ratioChoices().map((choice) => urlSelect(choice, () => void drawRatio())));
    return fill(ratioSlot, ctx, async () => {
      if (!a || !b || a === b) return emptyBlock('Pick two different symbols for a ratio.');
      const missing = [a, b].filter((s) => !stored.has(s));
      if (missing.length) return emptyBlock(`No ratio: no prices stored for ${missing.join(' and ')}.`);
      const [r, ratioPayouts] = await Promise.all([
        api.ratio(a, b, { series: true, from: start, asOf: ctx.asOf, totalReturn }),
        // On prices, either side's ex-dividend days step the ratio (up for B's, down for A's): marked and named.
        totalReturn
          ? Promise.resolve([])
          : Promise.all(
              [a, b].map(async (sym) => {
                const s = await api.series(sym, { from: shiftDays(start, -14), asOf: ctx.asOf });
                const base = rebase(s, start, 'close')?.baseDate ?? start;
                return payoutDays(s.dates, s.close, s.adjClose, base).map((p) => ({ symbol: sym, p }));
              }),
            ).then((x) => x.flat()),
      ]);
      const box = el('div', { class: 'chart', id: 'compare-ratio-chart' });
      const figure = (label: string, value: string, cls: string, metric: string) =>
        el('div', { class: 'figure' }, el('span', {}, label), el('b', { class: cls, 'data-metric': metric }, value));
      const since = r.window ?? null;
      const summary = el(
        'div',
        { class: 'figure-row', id: 'compare-ratio-summary' },
        el(
          'div',
          { class: 'figure' },
          el('span', {}, `${a}/${b} on ${r.asOf}`, staleMark(r.asOf, ctx) ? ' ' : '', staleMark(r.asOf, ctx)),
          el('b', { 'data-metric': 'last' }, fixed(r.last, 4)),
        ),
        since
          ? figure(`Since ${since.from}`, formatSignedPercent(since.return), signClass(since.return), 'window')
          : null,
        figure('YTD', formatSignedPercent(r.returns.ytd), signClass(r.returns.ytd), 'ytd'),
        figure('1Y', formatSignedPercent(r.returns['1y']), signClass(r.returns['1y']), '1y'),
      );
      const ratioCaption = el(
        'p',
        { class: 'chart-caption' },
        `The ratio ${a}/${b}${totalReturn ? ' of total returns (adjusted closes)' : ''} from ${since?.from ?? start} to ${r.asOf}: last ${fixed(r.last, 4)}; the figures above give its changes.`,
      );
      const ratioPayoutLine = payoutNote('compare-ratio-payouts', ratioPayouts, 'the ratio');
      box.dataset.payouts = ratioPayouts
        .map(({ symbol, p }) => `${symbol}:${p.date}:${fixed(p.fraction * 100, 2)}%`)
        .join(',');
      box.setAttribute('role', 'figure');
      box.setAttribute(
        'aria-label',
        `${ratioCaption.textContent ?? ''}${ratioPayoutLine ? ` ${ratioPayoutLine.textContent}` : ''}`,
      );
      const ratioReadout = el('div', { class: 'readout-slot' });
      const wrap = el('div', {}, summary, ratioReadout, box, ratioCaption, ratioPayoutLine);
      requestAnimationFrame(() => {
        if (ctx.disposed() || !r.series) return;
        const chart = themedChart(box, ctx, { height: 300 });
        // Drawn from the same base day as the rebased chart above, so both cover one window.
        const first = since?.from ?? start;
        const keep = r.series.dates.findIndex((d) => d >= first);
        const dates = keep < 0 ? r.series.dates : r.series.dates.slice(keep);
        const values = keep < 0 ? r.series.values : r.series.values.slice(keep);
        const digits = ratioFormat(r.last).precision;
        // The ratio's axis: tick labels clear of the pane's edges and of the last value's label.
        const axis = priceAxis(r.last, (v) => formatNumber(v, digits), ratioFormat(r.last).minMove);
        const ratioLine = chart.addSeries(LineSeries, {
          color: lineColour(chartColours(), 0),
          lineWidth: 2,
          priceFormat: axis.priceFormat,
        });
        axis.attach(ratioLine, chart);
        ratioLine.setData(linePoints(dates, values));
        const shownPayouts = ratioPayouts.filter(({ p }) => p.date >= (dates[0] ?? ''));
        markPayouts(ratioLine, shownPayouts, chartColours().muted);
        const payoutOn = new Map(shownPayouts.map((x) => [x.p.date, x]));
        ratioReadout.replaceChildren(
          chartReadout(
            chart,
            {
              label: `${a}/${b}`,
              colour: lineColour(chartColours(), 0),
              dates,
              bars: values.map((v) => (v == null ? null : { close: v })),
              format: (v) => formatNumber(v, digits),
              extra: (k) => {
                const x = payoutOn.get(dates[k] ?? '');
                return x ? ` · ${x.symbol} ex-dividend ${fixed(x.p.fraction * 100, 2)}%` : '';
              },
            },
            [],
          ),
        );
        fitAll(chart, box, `${a}/${b}`);
      });
      return wrap;
    });
  };
  if (!stored.has('MAG7') || !stored.has('MAGS'))
    root.append(emptyBlock('The MAG7 basket or MAGS is not stored, so they are not side by side by default.'));
  drawRanges();
  await Promise.all([drawRebased(), drawRatio()]);
}
