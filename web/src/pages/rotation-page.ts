/**
 * Rotation: the ratio of a pair (small vs mega caps by default) rebased to 100 with its dominant
 * trendline, anchors and breakout state; and the relative-rotation chart of a group against a
 * benchmark (quadrants, smoothed tails, hover), with a table of the same points. Everything as of
 * the page's day. State in the URL: pair, range, scale, base, group, bench, tail, hide (series not shown),
 * tails (series drawn with a tail, or none), asOf.
 */
import { api, isPlaced, type RatioResponse, type RotationPoint } from '../api-client.js';
import { pageLink } from '../as-of.js';
import { RANGE_KEYS, type RangeKey } from '../chart-range.js';
import { type RatioView, ratioChart } from '../charts/ratio-chart.js';
import { rotationScatter } from '../charts/rotation-scatter.js';
import { el, labelled, panel, select } from '../element-builder.js';
import { updateParams } from '../hash-route.js';
import { isoDateField } from '../iso-date-field.js';
import { fixed, formatSignedPercent, signClass } from '../number-format.js';
import { emptyBlock, fill, type PageContext, storedTickers } from '../page-context.js';
import { scrollTable } from '../table-scroll.js';
import { isIsoDate, PageParams, tickerProblem } from '../url-params.js';
import { type UrlSelectSpec, urlSelect } from '../url-select.js';

const STATE_WORDS: Record<string, string> = {
  below: 'below the line',
  testing: 'testing the line (attempting to break)',
  breaking: 'breaking through the line',
  confirmed: 'breakout confirmed',
  failed: 'breakout failed',
};
const TAILS = ['3', '5', '8', '13', '26'] as const;
const TAIL_CHOICES = TAILS.map((t) => [t, `${t} weeks`] as const);

export async function renderRotationPage(root: HTMLElement, params: URLSearchParams, ctx: PageContext): Promise<void> {
  const stored = storedTickers(ctx);
  const p = new PageParams(params);
  const configured = ctx.symbols.pairs;
  const drawable = configured.filter((x) => x.split('/').every((s) => stored.has(s)));
  const defaultPair = configured[0] ?? '';
  let pair = p
    .text('pair', defaultPair, (v) => {
      const parts = v.split('/');
      return parts.length === 2 && parts.every((s) => tickerProblem(s) === null)
        ? null
        : `'${v}' is not a pair A/B of tickers`;
    })
    .toUpperCase();
  const groups = Object.keys(ctx.symbols.groups).filter(
    (g) => g !== 'rates' && (ctx.symbols.groups[g] ?? []).filter((s) => stored.has(s)).length >= 2,
  );
  let group = p.oneOf('group', groups, groups.includes('sectors') ? 'sectors' : (groups[0] ?? ''));
  const benches = [...stored].filter((s) => ctx.symbols.symbols.find((x) => x.ticker === s)?.kind !== 'rate');
  let bench = p.oneOf('bench', benches, stored.has('SPY') ? 'SPY' : (benches[0] ?? ''));
  let tail = Number(p.oneOf('tail', TAILS, '5', (t) => `${t} weeks`));
  // The rotation chart's own state, deep-linkable: hidden series and the series with a tail.
  const listProblem = (v: string) => {
    const bad = v.split(',').find((t) => tickerProblem(t) !== null);
    return bad === undefined ? null : `'${bad}' is not a ticker`;
  };
  let hide = p.text('hide', '', listProblem).split(',').filter(Boolean);
  const tailsParam = p.text('tails', '', (v) => (v === 'none' ? null : listProblem(v)));
  let tailsShown: string[] | null = tailsParam === '' ? null : tailsParam === 'none' ? [] : tailsParam.split(',');
  const view: { range: RangeKey | 'line'; log: boolean | null; base: string | null } = {
    range: params.has('range') ? p.oneOf('range', RANGE_KEYS, '3y', (k) => k.toUpperCase()) : 'line',
    log: params.has('scale') ? p.oneOf('scale', ['log', 'linear'] as const, 'log') === 'log' : null,
    base: params.has('base')
      ? p.text('base', '', (v) => (isIsoDate(v) ? null : `'${v}' is not a date (YYYY-MM-DD)`)) || null
      : null,
  };
  for (const n of p.notes()) ctx.notice(n, 'warning');

  const ratioSlot = el('div', { class: 'chart-slot' });
  const rrgSlot = el('div', { class: 'rrg-slot' });
  // one box per side of the pair, offering the stored tickers
  const side = (id: string, k: 0 | 1, label: string) =>
    el('input', { id, list: 'rot-symbols', value: pair.split('/')[k] ?? '', size: 8, 'aria-label': label });
  const pairA = side('pair-a', 0, 'Numerator');
  const pairB = side('pair-b', 1, 'Denominator');
  const baseField = isoDateField({
    id: 'ratio-base',
    value: view.base ?? '',
    max: ctx.day,
    pickLabel: 'Pick the day to rebase to 100 on a calendar',
  });
  const baseInput = baseField.input;
  const setPair = (next: string) => {
    pair = next;
    [pairA.value, pairB.value] = [next.split('/')[0] ?? '', next.split('/')[1] ?? ''];
    updateParams({ pair: next });
    void drawRatio();
  };
  baseInput.addEventListener('change', () => {
    const typed = baseField.read();
    if (typed === null) return;
    view.base = typed || null;
    updateParams({ base: view.base });
    void drawRatio();
  });
  const pairChoices = drawable.includes(pair) || !pair ? drawable : [pair, ...drawable];
  const rrgChoices: UrlSelectSpec[] = [
    { label: 'Group', id: 'rrg-group', param: 'group', options: groups, value: group, set: (v) => (group = v) },
    { label: 'Benchmark', id: 'rrg-bench', param: 'bench', options: benches, value: bench, set: (v) => (bench = v) },
    {
      label: 'Tail',
      id: 'rrg-tail',
      param: 'tail',
      options: TAIL_CHOICES,
      value: String(tail),
      set: (v) => (tail = Number(v)),
    },
  ];
  root.append(
    el('h1', {}, 'Rotation', ctx.asOf ? el('span', { class: 'h1-day' }, ` as of ${ctx.day}`) : null),
    panel(
      'Ratio and trendline',
      [
        el(
          'form',
          {
            class: 'controls',
            onsubmit: (e: Event) => {
              e.preventDefault();
              setPair(`${pairA.value.trim().toUpperCase()}/${pairB.value.trim().toUpperCase()}`);
            },
          },
          labelled('Pair', select(pairChoices, pair, setPair, { id: 'pair-select' })),
          // The two sides and their "/" wrap together: on a phone the "/" was left at a line's end.
          el(
            'span',
            { class: 'pair-sides', id: 'pair-sides' },
            pairA,
            el('span', { 'aria-hidden': 'true' }, '/'),
            pairB,
          ),
          el(
            'datalist',
            { id: 'rot-symbols' },
            [...stored].map((t) => el('option', { value: t })),
          ),
          el('button', { type: 'submit' }, 'Show'),
          labelled('Rebase to 100 on', baseField.root),
        ),
      ],
      ratioSlot,
    ),
    panel(
      'Relative rotation',
      [el('div', { class: 'controls' }, ...rrgChoices.map((choice) => urlSelect(choice, () => void drawRrg())))],
      rrgSlot,
    ),
  );

  const drawRatio = () =>
    fill(
      ratioSlot,
      ctx,
      async () => {
        const [a, b] = pair.split('/');
        if (!a || !b) return emptyBlock('Pick a pair (A/B) to chart its ratio.');
        const missing = [a, b].filter((s) => !stored.has(s));
        if (missing.length)
          return el(
            'div',
            { class: 'notice', id: 'pair-missing', role: 'alert' },
            el('p', {}, `The pair ${a}/${b} cannot be drawn: no prices stored for ${missing.join(' and ')}.`),
            el(
              'p',
              {},
              missing.includes('MAG7')
                ? 'MAG7 is a basket built from its members (AAPL, MSFT, GOOGL, AMZN, NVDA, META, TSLA): it appears once their prices are stored.'
                : drawable.length
                  ? `Pick a pair with prices stored: ${drawable.join(', ')}.`
                  : 'No configured pair has prices stored for both sides.',
            ),
          );
        const r = await api.ratio(a, b, { trend: true, series: true, asOf: ctx.asOf });
        return ratioView(r, ctx, view, (change) => {
          Object.assign(view, change);
          if (change.range !== undefined) {
            view.log = null;
            updateParams({ range: change.range, scale: null });
          }
          if (change.log !== undefined && change.log !== null) updateParams({ scale: change.log ? 'log' : 'linear' });
          void drawRatio();
        });
      },
      `Loading ${pair}…`,
      'chart',
    );
  const drawRrg = () =>
    fill(
      rrgSlot,
      ctx,
      async () => {
        if (!group || !bench) return emptyBlock('Pick a group and a benchmark.');
        const points = await api.rotation({ group, benchmark: bench, tail, asOf: ctx.asOf });
        const placed = points.filter(isPlaced);
        if (!placed.length)
          return emptyBlock(
            `No member of ${group} has enough history against ${bench} before ${ctx.day}: pick a later day or another group.`,
          );
        const table = rotationTable(points);
        const chart = rotationScatter(placed, {
          onPick: (s) => {
            location.hash = pageLink('symbol', { s });
          },
          table,
          hidden: hide,
          tails: tailsShown,
          onState: (state) => {
            hide = state.hidden;
            tailsShown = state.tails;
            updateParams({ hide: hide.join(',') || null, tails: tailsShown.length ? tailsShown.join(',') : 'none' });
          },
          caption: `Relative rotation of ${group} against ${bench} as of ${ctx.day}, ${tail}-week tails; the table lists every point.`,
        });
        return el('div', { class: 'rrg-layout' }, chart, table);
      },
      'Loading the rotation…',
      'chart',
    );
  await Promise.all([drawRatio(), drawRrg()]);
}

function ratioView(
  r: RatioResponse,
  ctx: PageContext,
  view: RatioView,
  onView: (v: Partial<RatioView>) => void,
): HTMLElement {
  const state = r.breakout?.state ?? null;
  const figure = (label: string, value: string, cls: string, metric: string) =>
    el('div', { class: 'figure' }, el('span', {}, label), el('b', { class: cls, 'data-metric': metric }, value));
  const summary = el(
    'div',
    { class: 'figure-row', id: 'ratio-summary' },
    figure(`${r.numerator}/${r.denominator} on ${r.asOf}`, fixed(r.last, 4), '', 'last'),
    figure('YTD', formatSignedPercent(r.returns.ytd), signClass(r.returns.ytd), 'ytd'),
    figure('1Y', formatSignedPercent(r.returns['1y']), signClass(r.returns['1y']), '1y'),
    figure(
      r.trend ? `${r.trend.kind} from ${r.trend.anchors[0]?.date ?? '?'}, ${r.trend.touches} touches` : 'Trendline',
      state
        ? `${STATE_WORDS[state] ?? state}${r.breakout?.since ? ` since ${r.breakout.since}` : ''}`
        : 'no dominant line',
      `state state-${state ?? 'none'}`,
      'state',
    ),
    r.trend
      ? figure('Distance from line', formatSignedPercent(r.trend.distance), signClass(r.trend.distance), 'distance')
      : null,
  );
  const touches = r.trend
    ? el(
        'p',
        { class: 'touch-dates muted', id: 'ratio-touches' },
        'Touches of the line: ',
        r.trend.touchDates.flatMap((d, i) => [
          i ? ', ' : '',
          el('time', { datetime: d }, d),
          r.trend?.anchors.some((a) => a.date === d) ? ' (anchor)' : '',
        ]),
        ' (weekly closes; circles and squares on the chart).',
      )
    : null;
  return el('div', {}, summary, touches, ratioChart(r, ctx, view, onView));
}

/** What the table's Heading is (relative-rotation.ts headingDegrees): a bare "82°" said nothing of its origin. */
const HEADING_WORDS =
  'the direction of the latest step of the tail, 0° = right (RS-Ratio rising), 90° = up (RS-Momentum rising), 180° = left, 270° = down';

function rotationTable(points: readonly RotationPoint[]): HTMLElement {
  const table = el(
    'table',
    { class: 'perf dense', id: 'rotation-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['Symbol', 'Quadrant', 'RS-Ratio', 'RS-Momentum', 'Heading'].map((h, i) =>
          el('th', { scope: 'col', class: i > 1 ? 'num' : '', title: h === 'Heading' ? HEADING_WORDS : null }, h),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      points.map((p) =>
        el(
          'tr',
          { 'data-symbol': p.symbol },
          el('th', { scope: 'row' }, el('a', { href: pageLink('symbol', { s: p.symbol }) }, p.symbol)),
          // The quadrant in neutral text with an icon of its place on the chart (up and down colours are for
          // moves: Leading was green and Lagging red).
          el(
            'td',
            { class: `quadrant q-${p.quadrant ?? 'none'}` },
            p.quadrant ? el('span', { class: 'quad-icon', 'aria-hidden': 'true' }) : null,
            // Named as on the chart ("Leading"; the API's word is lower case).
            p.quadrant ? `${p.quadrant.charAt(0).toUpperCase()}${p.quadrant.slice(1)}` : 'too little history',
          ),
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
  );
  const wrap = scrollTable(table, 'The rotation points as a table');
  wrap.classList.add('rrg-table');
  // Said above the box, not as the table's caption: a caption is as wide as the table and scrolled away with it.
  wrap.prepend(
    el(
      'p',
      { class: 'table-caption muted' },
      `The rotation points as a table (hover a row to highlight its tail). Heading: ${HEADING_WORDS}.`,
    ),
  );
  return wrap;
}
