/**
 * The ratio chart of the Rotation page: the ratio A/B rebased to 100 at a chosen day (the raw ratio
 * stays in the readout), its dominant trendline from the first anchor to the as-of day, the anchors
 * marked, and the breakout state marked with the symbol and colour of its meaning: a break of a
 * downtrend (resistance) is up, of an uptrend (support) down; confirmed and breaking in the colour of
 * that direction, failed in the opposite one, testing in the accent, "below" with no arrow at all.
 */
import { createSeriesMarkers, type IChartApi, LineSeries, type SeriesMarker, type Time } from 'lightweight-charts';
import type { RatioResponse } from '../api-client.js';
import { defaultLog, type RangeKey, rangeStart } from '../chart-range.js';
import { el } from '../element-builder.js';
import { fixed, formatNumber } from '../number-format.js';
import type { PageContext } from '../page-context.js';
import { chartColours, lineColour } from '../theme.js';
import { chartReadout, indexAtOrBefore } from './chart-readout.js';
import { attachFomcLines, fomcLegend } from './fomc-lines.js';
import { fomcDays, fomcReadout } from './fomc-marks.js';
import { declutterMarkers, labelSpanDays } from './label-declutter.js';
import { rangeControls } from './range-controls.js';
import {
  fitAll,
  LineStyle,
  nonNegativeAutoscale,
  plotWidth,
  priceAxis,
  removeChart,
  setLogScale,
  themedChart,
} from './themed-chart.js';

export interface RatioView {
  readonly range: RangeKey | 'line';
  readonly log: boolean | null;
  readonly base: string | null;
}

/** The marker of a breakout state, or null when there is nothing to mark ("below": never broken). */
export function breakMarker(
  state: string,
  kind: 'downtrend' | 'uptrend',
  colours: { up: string; down: string; accent: string },
): { shape: 'arrowUp' | 'arrowDown' | 'circle'; color: string; position: 'aboveBar' | 'belowBar' } | null {
  const breakUp = kind === 'downtrend';
  switch (state) {
    case 'breaking':
    case 'confirmed':
      return breakUp
        ? { shape: 'arrowUp', color: colours.up, position: 'belowBar' }
        : { shape: 'arrowDown', color: colours.down, position: 'aboveBar' };
    case 'failed':
      return breakUp
        ? { shape: 'arrowDown', color: colours.down, position: 'aboveBar' }
        : { shape: 'arrowUp', color: colours.up, position: 'belowBar' };
    case 'testing':
      return { shape: 'circle', color: colours.accent, position: breakUp ? 'aboveBar' : 'belowBar' };
    default:
      return null;
  }
}

export function ratioChart(
  r: RatioResponse,
  ctx: PageContext,
  view: RatioView,
  onView: (v: Partial<RatioView>) => void,
): HTMLElement {
  const c = chartColours();
  const box = el('div', { class: 'chart', id: 'ratio-chart', role: 'figure' });
  const readoutSlot = el('div', { class: 'readout-slot' });
  const dates = r.series?.dates ?? [];
  const raw = r.series?.values ?? [];
  const first = r.trend?.anchors[0]?.date;
  // The default window shows the whole trendline with a little before its first anchor.
  const lineStart = first ? (rangeStart(first, '3m') ?? first) : rangeStart(r.asOf, '3y');
  const windowStart = view.range === 'line' ? lineStart : rangeStart(r.asOf, view.range);
  const log = view.log ?? (view.range === 'line' ? true : defaultLog(view.range));
  const controls = rangeControls(
    view.range === 'line' ? ('line' as RangeKey) : view.range,
    log,
    (k) => onView({ range: k }),
    (l) => onView({ log: l }),
    'ratio',
  );
  const baseDay = view.base ?? windowStart ?? dates[0] ?? r.asOf;
  const bi = Math.max(0, indexAtOrBefore(dates, baseDay));
  let baseIndex = bi;
  while (baseIndex < raw.length && raw[baseIndex] == null) baseIndex++;
  const baseValue = raw[baseIndex] ?? 1;
  const rebase = (v: number) => (v / baseValue) * 100;
  const values = raw.map((v) => (v == null ? null : rebase(v)));
  // The Fed's rate moves, the column's "why now" (the cut of 2025-12-10 before the break): a dashed vertical
  // line on each cut or hike in the window shown, tagged "▼ -25" at the foot (fomc-lines.ts; the tags thin
  // out when crowded, the latest first; the readout names the decision on its day, the caption lists them
  // all). Holds are left out here; the Symbol page's toggle shows them too.
  const shownFrom = windowStart ?? dates[0] ?? r.asOf;
  const fomc = fomcDays(dates.slice(Math.max(0, indexAtOrBefore(dates, shownFrom))), { movesOnly: true });
  box.dataset.fomc = String(fomc.length);
  const caption = el(
    'p',
    { class: 'chart-caption', id: 'ratio-caption' },
    `${r.numerator}/${r.denominator} rebased to 100 on ${dates[baseIndex] ?? baseDay}: ${fixed(values[values.length - 1] ?? Number.NaN, 2)} on ${r.asOf} (raw ratio ${fixed(r.last, 4)}).`,
    r.trend
      ? ` ${r.trend.kind === 'downtrend' ? 'Downtrend' : 'Uptrend'} line from ${first} through ${r.trend.anchors.length} anchors with ${r.trend.touches} touches (${r.trend.touchDates.join(', ')}); state ${r.breakout?.state ?? 'none'}${r.breakout?.since ? ` since ${r.breakout.since}` : ''}.`
      : ' No dominant trendline.',
    fomc.length
      ? ` ${fomc.length} FOMC rate moves marked (dashed vertical lines tagged at the foot, a cut ▼, a hike ▲, with the move in bp): ${fomc.map((m) => `${m.date} ${m.kind} ${m.decision} bp`).join(', ')}.`
      : '',
    ' The same figures are in the summary above.',
  );
  box.setAttribute('aria-label', caption.textContent ?? '');
  const wrap = el('div', { class: 'chart-wrap' }, controls, readoutSlot, box, caption);
  let chart: IChartApi | null = null;
  requestAnimationFrame(() => {
    if (ctx.disposed() || !r.series) return;
    chart = themedChart(box, ctx, { logScale: log, height: 400 });
    const fmt = (v: number) => formatNumber(v, 2);
    // The axis's tick labels would print half under the last value's label (45.00 behind 43.73): a
    // tick within a label's height of the last value is left blank, the last value's label says it.
    let lastValue: number | null = null;
    for (let i = values.length - 1; i >= 0 && lastValue === null; i--) lastValue = values[i] ?? null;
    const ticks = priceAxis(lastValue, fmt);
    const line = chart.addSeries(LineSeries, {
      color: lineColour(c, 0),
      lineWidth: 2,
      priceFormat: ticks.priceFormat,
      autoscaleInfoProvider: nonNegativeAutoscale,
    });
    ticks.attach(line, chart);
    if (fomc.length) {
      line.priceScale().applyOptions({ scaleMargins: { top: 0.1, bottom: 0.12 } });
      attachFomcLines(chart, line, box, fomc, c);
    }
    const points: { time: Time; value: number }[] = [];
    dates.forEach((d, i) => {
      const v = values[i];
      if (v != null) points.push({ time: d as Time, value: v });
    });
    line.setData(points);
    const markers: SeriesMarker<Time>[] = [];
    const trendDates: string[] = [];
    const trendValues: (number | null)[] = [];
    const trendLine = r.trend;
    const a0 = trendLine?.anchors[0];
    if (trendLine && a0 !== undefined && first) {
      const trend = chart.addSeries(LineSeries, {
        color: c.accent,
        lineWidth: 2,
        lineStyle: LineStyle.Dashed,
        priceLineVisible: false,
        lastValueVisible: false,
        crosshairMarkerVisible: false,
        // The ratio's own axis format: whichever series the scale takes its tick labels from, they stay clear.
        priceFormat: ticks.priceFormat,
      });
      // The line is straight in log space: sample it daily so a linear scale shows its true curve.
      const slope = Math.log(trendLine.levelAtAsOf / a0.value);
      const i0 = indexAtOrBefore(dates, a0.date);
      const i1 = dates.length - 1;
      const t0 = Date.parse(a0.date);
      const t1 = Date.parse(r.asOf);
      for (let i = Math.max(0, i0); i <= i1; i++) {
        const d = dates[i]!;
        const f = t1 === t0 ? 1 : (Date.parse(d) - t0) / (t1 - t0);
        trendDates.push(d);
        trendValues.push(rebase(a0.value * Math.exp(slope * f)));
      }
      trend.setData(trendDates.map((d, k) => ({ time: d as Time, value: trendValues[k]! })));
      // On a phone the word "anchor" lay over the ratio's line beside its circle (2025-08-22 at 390 px): the
      // circles alone there, keyed "anchor" in the legend above the chart.
      const anchorText = plotWidth(box) < 520 ? '' : 'anchor';
      for (const a of trendLine.anchors)
        markers.push({
          time: a.date as Time,
          position: 'aboveBar',
          color: c.accent,
          shape: 'circle',
          text: anchorText,
        });
      // The other touches of the line (weekly turning points on it): a smaller mark, no text.
      const anchorDates = new Set(trendLine.anchors.map((a) => a.date));
      for (const d of trendLine.touchDates)
        if (!anchorDates.has(d))
          markers.push({
            time: d as Time,
            position: 'aboveBar',
            color: c.accent,
            shape: 'square',
            size: 0.6,
            text: '',
          });
    }
    const state = r.breakout?.state;
    // On a phone the break's word ("confirmed", "breaking") lay on the last bars: the arrow alone there,
    // keyed with its word in the legend above the chart (as the anchors are).
    const narrow = plotWidth(box) < 520;
    const breakMark = state && r.breakout?.since && r.trend ? breakMarker(state, r.trend.kind, c) : null;
    if (breakMark && state && r.breakout?.since)
      markers.push({ time: r.breakout.since as Time, ...breakMark, text: narrow ? '' : state });
    markers.sort((a, b) => (String(a.time) < String(b.time) ? -1 : 1));
    // Texts close together would print over each other: the same word is merged, another one moves
    // to the other side of the line (the break's "confirmed" under it when an anchor is above).
    const spanDays = (Date.parse(r.asOf) - Date.parse(shownFrom)) / 86_400_000;
    const drawn = declutterMarkers(
      markers,
      labelSpanDays(spanDays, plotWidth(box), 8 + 6.5 * Math.max(0, ...markers.map((m) => m.text?.length ?? 0))),
    );
    createSeriesMarkers(line, drawn);
    // The words drawn on the chart (the browser tests check a phone draws none on the last bars).
    box.dataset.markerTexts = drawn
      .map((m) => m.text ?? '')
      .filter((t) => t)
      .join(',');
    const fomcWords = fomcReadout(fomc);
    readoutSlot.replaceChildren(
      chartReadout(
        chart,
        {
          // "(100 = 2022-10-06)" kept on one line (a phone broke it after "100").
          label: `${r.numerator}/${r.denominator} (100\u00a0=\u00a0${dates[baseIndex] ?? ''})`,
          colour: lineColour(c, 0),
          dates,
          bars: values.map((v) => (v == null ? null : { close: v })),
          format: fmt,
          extra: (i) => `${raw[i] == null ? '' : ` · ratio ${fixed(raw[i] as number, 4)}`}${fomcWords(dates[i] ?? '')}`,
        },
        [
          ...(r.trend
            ? [
                {
                  label: `${r.trend.kind} line (${r.trend.touches} touches)`,
                  colour: c.accent,
                  dashed: true,
                  dates: trendDates,
                  values: trendValues,
                  format: fmt,
                },
                { label: 'anchor', colour: c.accent, mark: 'circle' as const, dates: [], values: [] },
                { label: 'touch', colour: c.accent, mark: 'square' as const, dates: [], values: [] },
              ]
            : []),
          ...(breakMark && narrow && state
            ? [
                {
                  label: state,
                  colour: breakMark.color,
                  mark:
                    breakMark.shape === 'arrowUp'
                      ? ('arrow-up' as const)
                      : breakMark.shape === 'arrowDown'
                        ? ('arrow-down' as const)
                        : ('circle' as const),
                  dates: [],
                  values: [],
                },
              ]
            : []),
          ...fomcLegend(fomc, c),
        ],
      ),
    );
    setLogScale(chart, log);
    fitAll(chart, box, `${r.numerator}/${r.denominator}`, windowStart, r.asOf, 36);
  });
  ctx.onDispose(() => removeChart(chart));
  return wrap;
}
