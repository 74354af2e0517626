/**
 * Rotation: the ratio of a pair (small vs mega caps by default) on a log scale with its dominant
 * trendline drawn from its first anchor to the as-of date and the breakout state marked; and the
 * relative-rotation chart of a group against a benchmark (quadrants, tails, hover), with a table of
 * the same points for keyboard and screen-reader users. State in the URL: pair, group, bench, tail.
 */
import { createSeriesMarkers, LineSeries, type SeriesMarker, type Time } from 'lightweight-charts';
import { api, isPlaced, type RatioResponse, type RotationPoint } from '../api-client.js';
import { rotationScatter } from '../charts/rotation-scatter.js';
import { chartLegend, fitAll, linePoints, ratioFormat, themedChart } from '../charts/themed-chart.js';
import { el, labelled, select } from '../element-builder.js';
import { updateParams } from '../hash-route.js';
import { fixed, formatPercent, signClass } from '../number-format.js';
import { emptyBlock, fill, type PageContext, storedTickers } from '../page-context.js';
import { chartColours } from '../theme.js';

const STATE_WORDS: Record<string, string> = {
  below: 'below the line',
  testing: 'testing the line (attempting to break)',
  breaking: 'breaking above the line',
  confirmed: 'breakout confirmed',
  failed: 'breakout failed',
};

export async function renderRotationPage(root: HTMLElement, params: URLSearchParams, ctx: PageContext): Promise<void> {
  const stored = storedTickers(ctx);
  const pairs = ctx.symbols.pairs.filter((p) => p.split('/').every((s) => stored.has(s)));
  let pair = params.get('pair') ?? pairs[0] ?? '';
  const groups = Object.keys(ctx.symbols.groups).filter(
    (g) => g !== 'rates' && ctx.symbols.groups[g]!.filter((s) => stored.has(s)).length >= 2,
  );
  let group = params.get('group') ?? (groups.includes('sectors') ? 'sectors' : (groups[0] ?? ''));
  let bench = params.get('bench') ?? (stored.has('SPY') ? 'SPY' : ([...stored][0] ?? ''));
  let tail = Number(params.get('tail') ?? 8);

  const ratioSlot = el('div', { class: 'chart-slot' });
  const rrgSlot = el('div', { class: 'rrg-slot' });
  const pairA = el('input', {
    id: 'pair-a',
    list: 'rot-symbols',
    value: pair.split('/')[0] ?? '',
    size: 8,
    'aria-label': 'Numerator',
  });
  const pairB = el('input', {
    id: 'pair-b',
    list: 'rot-symbols',
    value: pair.split('/')[1] ?? '',
    size: 8,
    'aria-label': 'Denominator',
  });
  const setPair = (p: string) => {
    pair = p;
    [pairA.value, pairB.value] = [p.split('/')[0] ?? '', p.split('/')[1] ?? ''];
    updateParams({ pair: p });
    void drawRatio();
  };
  root.append(
    el('h1', {}, 'Rotation'),
    el(
      'section',
      { class: 'panel' },
      el(
        'div',
        { class: 'panel-head' },
        el('h2', {}, 'Ratio and trendline'),
        el(
          'form',
          {
            class: 'controls',
            onsubmit: (e: Event) => {
              e.preventDefault();
              setPair(`${pairA.value.trim().toUpperCase()}/${pairB.value.trim().toUpperCase()}`);
            },
          },
          labelled(
            'Pair',
            select(pairs.includes(pair) ? pairs : [pair, ...pairs], pair, setPair, { id: 'pair-select' }),
          ),
          pairA,
          el('span', {}, '/'),
          pairB,
          el(
            'datalist',
            { id: 'rot-symbols' },
            [...stored].map((t) => el('option', { value: t })),
          ),
          el('button', { type: 'submit' }, 'Show'),
        ),
      ),
      ratioSlot,
    ),
    el(
      'section',
      { class: 'panel' },
      el(
        'div',
        { class: 'panel-head' },
        el('h2', {}, 'Relative rotation'),
        el(
          'div',
          { class: 'controls' },
          labelled(
            'Group',
            select(
              groups,
              group,
              (v) => {
                group = v;
                updateParams({ group: v });
                void drawRrg();
              },
              { id: 'rrg-group' },
            ),
          ),
          labelled(
            'Benchmark',
            select(
              [...stored].filter((s) => ctx.symbols.symbols.find((x) => x.ticker === s)?.kind !== 'rate'),
              bench,
              (v) => {
                bench = v;
                updateParams({ bench: v });
                void drawRrg();
              },
              { id: 'rrg-bench' },
            ),
          ),
          labelled(
            'Tail',
            select(
              ['4', '8', '12', '26'],
              String(tail),
              (v) => {
                tail = Number(v);
                updateParams({ tail: v });
                void drawRrg();
              },
              { id: 'rrg-tail' },
            ),
          ),
        ),
      ),
      rrgSlot,
    ),
  );

  const drawRatio = () =>
    fill(ratioSlot, ctx, async () => {
      const [a, b] = pair.split('/');
      if (!a || !b) return emptyBlock('Pick a pair (A/B) to chart its ratio.');
      const r = await api.ratio(a, b, { trend: true, series: true });
      return ratioView(r, ctx);
    });
  const drawRrg = () =>
    fill(rrgSlot, ctx, async () => {
      if (!group || !bench) return emptyBlock('Pick a group and a benchmark.');
      const points = await api.rotation({ group, benchmark: bench, tail });
      const placed = points.filter(isPlaced);
      if (!placed.length) return emptyBlock(`No member of ${group} has enough history against ${bench}.`);
      return el(
        'div',
        {},
        rotationScatter(placed, (s) => (location.hash = `#/symbol?s=${encodeURIComponent(s)}`)),
        rotationTable(points),
      );
    });
  await Promise.all([drawRatio(), drawRrg()]);
}

function ratioView(r: RatioResponse, ctx: PageContext): HTMLElement {
  const c = chartColours();
  const state = r.breakout?.state ?? null;
  const summary = el(
    'div',
    { class: 'figure-row', id: 'ratio-summary' },
    el(
      'div',
      { class: 'figure' },
      el('span', {}, `${r.numerator}/${r.denominator} on ${r.asOf}`),
      el('b', { 'data-metric': 'last' }, fixed(r.last, 4)),
    ),
    el(
      'div',
      { class: 'figure' },
      el('span', {}, 'YTD'),
      el('b', { class: signClass(r.returns.ytd), 'data-metric': 'ytd' }, formatPercent(r.returns.ytd)),
    ),
    el(
      'div',
      { class: 'figure' },
      el('span', {}, '1Y'),
      el('b', { class: signClass(r.returns['1y']), 'data-metric': '1y' }, formatPercent(r.returns['1y'])),
    ),
    el(
      'div',
      { class: 'figure' },
      el('span', {}, r.trend ? `${r.trend.kind}, ${r.trend.touches} touches` : 'Trendline'),
      el(
        'b',
        { class: `state state-${state ?? 'none'}`, 'data-metric': 'state' },
        state
          ? `${STATE_WORDS[state] ?? state}${r.breakout?.since ? ` since ${r.breakout.since}` : ''}`
          : 'no dominant line',
      ),
    ),
    r.trend
      ? el(
          'div',
          { class: 'figure' },
          el('span', {}, 'Distance from line'),
          el('b', { class: signClass(r.trend.distance), 'data-metric': 'distance' }, formatPercent(r.trend.distance)),
        )
      : null,
  );
  const box = el('div', { class: 'chart', id: 'ratio-chart' });
  const legend = chartLegend([
    { label: `${r.numerator}/${r.denominator} ratio (log scale)`, colour: c.line[0]! },
    ...(r.trend ? [{ label: `${r.trend.kind} trendline through its anchors`, colour: c.accent, dashed: true }] : []),
  ]);
  const wrap = el('div', {}, summary, legend, box);
  requestAnimationFrame(() => {
    if (ctx.disposed() || !r.series) return;
    const chart = themedChart(box, ctx, { logScale: true, height: 380 });
    const line = chart.addSeries(LineSeries, { color: c.line[0]!, lineWidth: 2, priceFormat: ratioFormat(r.last) });
    line.setData(linePoints(r.series.dates, r.series.values));
    const markers: SeriesMarker<Time>[] = [];
    if (r.trend?.anchors.length) {
      const first = r.trend.anchors[0]!;
      const trend = chart.addSeries(LineSeries, {
        color: c.accent,
        lineWidth: 2,
        lineStyle: 2,
        priceLineVisible: false,
        lastValueVisible: false,
        crosshairMarkerVisible: false,
        priceFormat: ratioFormat(r.last),
      });
      trend.setData([
        { time: first.date as Time, value: first.value },
        { time: r.asOf as Time, value: r.trend.levelAtAsOf },
      ]);
      for (const a of r.trend.anchors)
        markers.push({ time: a.date as Time, position: 'aboveBar', color: c.accent, shape: 'circle', text: 'anchor' });
    }
    if (r.breakout?.since)
      markers.push({
        time: r.breakout.since as Time,
        position: 'belowBar',
        color: state === 'failed' ? c.down : c.up,
        shape: 'arrowUp',
        text: r.breakout.state,
      });
    markers.sort((a, b) => (String(a.time) < String(b.time) ? -1 : 1));
    createSeriesMarkers(line, markers);
    fitAll(chart);
  });
  return wrap;
}

function rotationTable(points: readonly RotationPoint[]): HTMLElement {
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      { class: 'perf', id: 'rotation-table' },
      el('caption', {}, 'The same points as a table'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['Symbol', 'Quadrant', 'RS-Ratio', 'RS-Momentum', 'Heading'].map((h) => el('th', { scope: 'col' }, h)),
        ),
      ),
      el(
        'tbody',
        {},
        points.map((p) =>
          el(
            'tr',
            { 'data-symbol': p.symbol },
            el('th', { scope: 'row' }, el('a', { href: `#/symbol?s=${encodeURIComponent(p.symbol)}` }, p.symbol)),
            el('td', { class: `quadrant q-${p.quadrant ?? 'none'}` }, p.quadrant ?? 'too little history'),
            el('td', { class: 'num', 'data-metric': 'rsRatio' }, p.rsRatio === null ? 'n/a' : fixed(p.rsRatio, 2)),
            el(
              'td',
              { class: 'num', 'data-metric': 'rsMomentum' },
              p.rsMomentum === null ? 'n/a' : fixed(p.rsMomentum, 2),
            ),
            el('td', { class: 'num' }, p.heading === null ? 'n/a' : `${Math.round(p.heading)}°`),
          ),
        ),
      ),
    ),
  );
}
