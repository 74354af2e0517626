/**
 * Overview: key cards (S&P 600, Russell 2000, MAG7 basket, VIX with what is notable about its close),
 * the sortable performance table of a group (every period the API gives, columns of your choice, a
 * sparkline) and the sector heatmap, all as of the page's day; a row, card or tile whose data ends
 * earlier says so. State in the URL: group, sort, dir, cols, heat, asOf.
 */
import { PERIOD_KEYS, type PeriodKey } from '../../../src/domain/period-keys.js';
import { api, type PerfRow, type RatesAnswer } from '../api-client.js';
import { pageLink } from '../as-of.js';
import { sparkline } from '../charts/sparkline.js';
import { textOn } from '../colour.js';
import { el, panel } from '../element-builder.js';
import { updateParams } from '../hash-route.js';
import { notableClose, notableText } from '../notable-close.js';
import {
  fixed,
  formatPercent,
  formatPrice,
  formatSignedPercent,
  heatRgb,
  signClass,
  streakText,
} from '../number-format.js';
import {
  dateSpan,
  displayName,
  emptyBlock,
  fill,
  type PageContext,
  staleMark,
  storedTickers,
} from '../page-context.js';
import { scrollTable } from '../table-scroll.js';
import { currentTheme } from '../theme.js';
import { PageParams } from '../url-params.js';
import { urlSelect } from '../url-select.js';
import { curveDays, fomcDecisionWords, returnBasis } from './overview/overview-figures.js';

/** The column's cast: small caps (index and funds), the mega-cap basket, the VIX; those stored are shown. */
const CARD_SYMBOLS = ['^SP600', 'SPSM', '^RUT', 'IWM', 'MAG7', '^VIX'] as const;
const DEFAULT_COLS: readonly string[] = ['1d', 'mtd', 'ytd', '1y'];

/** The header of a period column: "1D", "YTD" (the domain's periodHeader, for new periods too). */
export function periodLabel(p: string): string {
  return p.toUpperCase();
}

/** Every period the rows carry, in the API's order first, then any newer ones as they come. */
function periodsOf(rows: readonly PerfRow[]): string[] {
  const keys = new Set<string>(PERIOD_KEYS);
  for (const r of rows) for (const k of Object.keys(r.returns)) keys.add(k);
  return [...keys];
}

export async function renderOverviewPage(root: HTMLElement, params: URLSearchParams, ctx: PageContext): Promise<void> {
  const stored = storedTickers(ctx);
  const p = new PageParams(params);
  const cards = el('section', { class: 'cards', 'aria-label': 'Key figures' });
  const tableSlot = el('div', { class: 'table-slot' });
  const heatSlot = el('div', { class: 'heat-slot' });
  const groups = Object.keys(ctx.symbols.groups).filter(
    (g) => (ctx.symbols.groups[g] ?? []).some((s) => stored.has(s)) && g !== 'rates',
  );
  let group = p.oneOf('group', groups, groups.includes('mag7') ? 'mag7' : (groups[0] ?? ''));
  let cols = p
    .text('cols', DEFAULT_COLS.join(','), (v) =>
      v.split(',').every((c) => /^[a-z0-9]{1,8}$/i.test(c)) ? null : `'${v}' is not a list of periods`,
    )
    .split(',')
    .map((c) => c.toLowerCase());
  let sort = p.text('sort', 'ytd', (v) => (/^[a-z0-9]{1,10}$/i.test(v) ? null : `'${v}' is not a column`));
  let dir: 'asc' | 'desc' = p.oneOf('dir', ['asc', 'desc'] as const, 'desc');
  let heat = p.oneOf('heat', ['1d', '5d', 'mtd', 'qtd', 'ytd', '1y'] as const, '1d', periodLabel);
  for (const n of p.notes()) ctx.notice(n, 'warning');

  const groupSelect = urlSelect(
    { label: 'Group', id: 'group-select', param: 'group', options: groups, value: group, set: (v) => (group = v) },
    () => void drawTable(),
  );
  const columnsBox = el('details', { class: 'columns-choice', id: 'columns-choice' });

  root.append(
    el('h1', {}, 'Overview', ctx.asOf ? el('span', { class: 'h1-day' }, ` as of ${ctx.day}`) : null),
    cards,
    panel('Performance', [groupSelect, columnsBox], tableSlot),
    panel(
      'Sectors',
      [
        urlSelect(
          {
            label: 'Period',
            id: 'heat-period',
            param: 'heat',
            options: ['1d', '5d', 'mtd', 'qtd', 'ytd', '1y'].map((k) => [k, periodLabel(k)] as const),
            value: heat,
            set: (v) => (heat = v as typeof heat),
          },
          () => void drawHeat(),
        ),
      ],
      heatSlot,
    ),
  );

  const ratesSymbols = ['DGS2', 'DGS10', 'DFF'].filter((s) => stored.has(s));
  // While the rates load, cards of their shape and words hold their place (no jump when they come, at any width).
  const ratesSlot = el(
    'section',
    { class: 'cards rates', 'aria-label': 'Rates and the Fed', 'aria-busy': ratesSymbols.length ? 'true' : 'false' },
    ratesSymbols.length ? ratesSkeleton(ratesSymbols, ctx) : [],
  );
  cards.after(ratesSlot);
  // As of the page's day, not the rates' own last day: FRED's fed funds rate has a row every calendar day
  // and runs past the markets' last close, and a card is never dated after the page it is on.
  const ratesDone = ratesSymbols.length
    ? api
        .rates(ctx.day || ctx.asOf)
        .then((r) => {
          if (ctx.disposed()) return;
          ratesSlot.replaceChildren(...ratesCards(r, ctx));
          ratesSlot.setAttribute('aria-busy', 'false');
        })
        .catch(() => ratesSlot.remove())
    : Promise.resolve(ratesSlot.remove());
  const cardSymbols = CARD_SYMBOLS.filter((s) => stored.has(s));
  const cardsDone = fill(
    cards,
    ctx,
    async () => {
      if (!cardSymbols.length)
        return emptyBlock(
          'No prices stored for S&P 600, SPSM, Russell 2000, IWM, MAG7 or VIX, so there are no cards to show.',
        );
      const rows = await api.perf({ symbols: cardSymbols.join(','), asOf: ctx.asOf });
      const frag = document.createDocumentFragment();
      for (const r of rows) frag.append(card(r, ctx));
      return frag;
    },
    'Loading the key figures…',
    'cards',
  );

  let rows: PerfRow[] = [];
  let sparks = new Map<string, readonly (number | null)[]>();
  const drawColumnsChoice = (available: readonly string[]) => {
    columnsBox.replaceChildren(
      el('summary', {}, 'Columns'),
      el(
        'div',
        { class: 'columns-list' },
        available.map((k) => {
          const box = el('input', { type: 'checkbox', value: k, checked: cols.includes(k), 'data-col': k });
          box.addEventListener('change', () => {
            cols = available.filter((c) => (c === k ? box.checked : cols.includes(c)));
            updateParams({ cols: cols.join(',') === DEFAULT_COLS.join(',') ? null : cols.join(',') });
            tableSlot.replaceChildren(perfTable());
          });
          return el('label', { class: 'check' }, box, ` ${periodLabel(k)}`);
        }),
      ),
    );
  };
  const drawTable = async () =>
    fill(
      tableSlot,
      ctx,
      async () => {
        if (!group)
          return emptyBlock('No prices stored for the members of any configured group, so there is no table to show.');
        const members = (ctx.symbols.groups[group] ?? []).filter((s) => stored.has(s));
        const extra = group === 'mag7' ? ['MAG7', 'MAGS'].filter((s) => stored.has(s)) : [];
        const symbols = [...members, ...extra];
        if (!symbols.length) return emptyBlock(`No prices stored for any member of ${group}, so the table is empty.`);
        const [perf, spark] = await Promise.all([
          api.perf({ symbols: symbols.join(','), asOf: ctx.asOf }),
          api.sparklines(symbols.join(','), 63, ctx.asOf),
        ]);
        rows = perf;
        sparks = new Map(spark.map((s) => [s.symbol, s.close]));
        const available = periodsOf(rows);
        const unknown = cols.filter((c) => !available.includes(c));
        if (unknown.length) {
          ctx.notice(
            `cols: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not periods' : 'is not a period'} of the table, ignored`,
            'warning',
          );
          cols = cols.filter((c) => available.includes(c));
        }
        if (!['symbol', 'close', 'ath', ...available].includes(sort)) {
          ctx.notice(`sort: '${sort}' is not a column; sorted by YTD`, 'warning');
          sort = 'ytd';
        }
        drawColumnsChoice(available);
        return perfTable();
      },
      'Loading the table…',
      'table',
    );

  const perfTable = (): HTMLElement => {
    const value = (r: PerfRow, k: string): number | string | null =>
      k === 'symbol'
        ? r.symbol
        : k === 'close'
          ? r.close
          : k === 'ath'
            ? (r.ath?.distance ?? null)
            : ((r.returns as Record<string, number | null>)[k] ?? null);
    const sorted = [...rows].sort((a, b) => {
      const va = value(a, sort);
      const vb = value(b, sort);
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === 'string' ? va.localeCompare(String(vb)) : va - (vb as number);
      return dir === 'asc' ? c : -c;
    });
    const head = (key: string, label: string) => {
      const active = sort === key;
      return el(
        'th',
        {
          scope: 'col',
          class: key === 'symbol' ? '' : 'num',
          'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none',
        },
        el(
          'button',
          {
            type: 'button',
            class: 'sort',
            'data-sort': key,
            onclick: () => {
              dir = active && dir === 'desc' ? 'asc' : 'desc';
              sort = key;
              updateParams({ sort, dir });
              tableSlot.replaceChildren(perfTable());
              const button = tableSlot.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`);
              button?.focus();
              button?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
            },
          },
          label,
          el('span', { 'aria-hidden': 'true' }, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''),
        ),
      );
    };
    const days = new Set(rows.map((r) => r.asOf));
    const mixed = days.size > 1;
    const table = el(
      'table',
      { class: 'perf dense', id: 'perf-table' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          head('symbol', 'Symbol'),
          el('th', { scope: 'col', class: 'name' }, 'Name'),
          head('close', 'Close'),
          ...cols.map((k) => head(k, periodLabel(k))),
          head('ath', 'From record close'),
          el('th', { scope: 'col', class: 'num' }, 'Streak'),
          el(
            'th',
            { scope: 'col', title: 'The last 63 closes, coloured by their own first and last close' },
            '63 sessions',
          ),
        ),
      ),
      el(
        'tbody',
        {},
        sorted.map((r) => {
          const stale = staleMark(r.asOf, ctx, r.symbol);
          return el(
            'tr',
            { 'data-symbol': r.symbol, class: stale ? 'is-stale' : '' },
            el(
              'th',
              { scope: 'row' },
              el('a', { href: pageLink('symbol', { s: r.symbol }) }, r.symbol),
              stale ? el('br') : null,
              stale,
            ),
            el('td', { class: 'name' }, displayName(ctx, r.symbol)),
            el('td', { class: 'num', 'data-metric': 'close' }, formatPrice(r.close)),
            ...cols.map((k) => {
              const v = (r.returns as Record<string, number | null>)[k] ?? null;
              return el(
                'td',
                {
                  class: `num ${signClass(v)}`,
                  'data-metric': k,
                  title: returnBasis(k as PeriodKey, r.asOf, r.close, v),
                },
                formatSignedPercent(v),
              );
            }),
            el(
              'td',
              { class: `num ${signClass(r.ath?.distance)}`, 'data-metric': 'ath' },
              formatPercent(r.ath?.distance),
            ),
            el('td', { class: `num ${signClass(r.streak)}` }, streakText(r.streak)),
            el('td', { class: 'spark' }, sparkline(sparks.get(r.symbol) ?? [], 96, 24, r.symbol)),
          );
        }),
      ),
    );
    // On a phone the sorted column may lie past the right edge: it is scrolled into view once shown.
    const scroller = scrollTable(table, 'Performance table', {
      reveal: () => table.querySelector<HTMLElement>('th[aria-sort="ascending"], th[aria-sort="descending"]'),
    });
    // The note under the table stays in the screen's width (inside the scroller it scrolled away with
    // the columns on a phone).
    const note = el(
      'p',
      { class: 'table-note muted', id: 'perf-note' },
      mixed
        ? `Rows end on different days (${[...days].sort().join(', ')}): a stale mark shows each row's own last day.`
        : `All rows as of ${[...days][0] ?? ctx.day}. Returns use the last close on or before each period's base day (point at a return for its base close and day).`,
    );
    return el('div', {}, scroller, note);
  };

  let sectors: PerfRow[] | null = null;
  const drawHeat = async () =>
    fill(
      heatSlot,
      ctx,
      async () => {
        const members = (ctx.symbols.groups.sectors ?? []).filter((s) => stored.has(s));
        if (!members.length)
          return emptyBlock('No prices stored for the sector ETFs (XLB … XLY), so there is no heatmap.');
        sectors ??= await api.perf({ symbols: members.join(','), asOf: ctx.asOf });
        const got = (r: PerfRow) => (r.returns as Record<string, number | null>)[heat] ?? null;
        const vals = sectors.map(got).filter((v): v is number => v !== null);
        const scale = Math.max(0.005, ...vals.map(Math.abs));
        const dark = currentTheme() === 'dark';
        const swatch = (v: number) =>
          el('span', { class: 'heat-swatch', style: `background:${heatCss(v, scale, dark)}` });
        const key = el(
          'p',
          { class: 'heat-key muted' },
          swatch(-scale),
          ` ${formatPercent(-scale)} or lower `,
          swatch(0),
          ' 0% ',
          swatch(scale),
          ` ${formatSignedPercent(scale)} or higher; sorted best first, colour strength relative to the largest move.`,
        );
        const tiles = el(
          'div',
          { class: 'heatmap', id: 'sector-heatmap', role: 'list' },
          [...sectors]
            .sort((a, b) => (got(b) ?? -Infinity) - (got(a) ?? -Infinity))
            .map((r) => {
              const rgb = heatRgb(got(r), scale, dark);
              const stale = staleMark(r.asOf, ctx, r.symbol);
              const tile = el(
                'a',
                {
                  class: `tile${stale ? ' is-stale' : ''}`,
                  href: pageLink('symbol', { s: r.symbol }),
                  style: `background:rgb(${rgb.map(Math.round).join(',')});color:${textOn(rgb)}`,
                  'data-symbol': r.symbol,
                },
                el('strong', {}, r.symbol),
                el('span', { class: 'tile-name' }, displayName(ctx, r.symbol).replace(/ Select Sector SPDR Fund$/, '')),
                el('span', { class: 'tile-value', 'data-metric': heat }, formatSignedPercent(got(r))),
                stale,
              );
              return el('div', { role: 'listitem', class: 'tile-item' }, tile);
            }),
        );
        return el('div', {}, tiles, key);
      },
      'Loading the sectors…',
      'cards',
    );

  await Promise.all([cardsDone, ratesDone, drawTable(), drawHeat()]);
}

/**
 * The rates cards' skeleton: one card per stored rate and the Fed card, each with the lines the real card has,
 * in words of the same length (drawn as shimmering bars, hidden from screen readers), so each card is as
 * tall as the one that replaces it, at any width: a skeleton of fixed height left the phone's layout to jump.
 */
function ratesSkeleton(symbols: readonly string[], ctx: PageContext): HTMLElement[] {
  const day = ctx.day || ctx.asOf || '2025-12-11';
  const bar = (cls: string, text: string) => el('span', { class: `${cls} skeleton-text` }, text);
  return [
    ...symbols.map((s) =>
      el(
        'div',
        { class: 'card rate-card skeleton-card', 'aria-hidden': 'true' },
        bar('card-title', displayName(ctx, s)),
        bar('card-symbol', `${s} · ${day}`),
        bar('card-close', '0.00%'),
        bar('card-line', '1M -00\u00a0bp · YTD -00\u00a0bp'),
      ),
    ),
    el(
      'div',
      { class: 'card rate-card skeleton-card', role: 'status' },
      el('span', { class: 'visually-hidden' }, 'Loading the rates…'),
      el(
        'span',
        { class: 'skeleton-lines', 'aria-hidden': 'true' },
        bar('card-title', 'Curve and the Fed'),
        bar('card-line', `10y − 2y: 0.00 pp (yields of ${day})`),
        bar('card-line', `Last FOMC decision: a cut of 00\u00a0bp on ${day}`),
      ),
    ),
  ];
}

/** Rates and the Fed (GET /api/rates): each yield's level and its changes in basis points, the curve, the last decision. */
function ratesCards(r: RatesAnswer, ctx: PageContext): HTMLElement[] {
  // A no-break space: "-25 bp" never breaks between the number and its unit.
  const bp = (v: number | null) => (v === null ? 'n/a' : `${v > 0 ? '+' : ''}${v}\u00a0bp`);
  const out = r.levels.map((l) =>
    el(
      'div',
      { class: 'card rate-card', 'data-symbol': l.symbol },
      el('span', { class: 'card-title' }, l.name),
      el(
        'span',
        { class: 'card-symbol' },
        l.symbol,
        ' · ',
        el('span', { class: 'date', 'data-metric': 'asOf' }, l.date),
        ' ',
        staleMark(l.date, ctx, l.symbol),
      ),
      el('span', { class: 'card-close', 'data-metric': 'level' }, `${fixed(l.level, 2)}%`),
      el(
        'span',
        { class: 'card-line' },
        el('span', { class: 'pair' }, '1M ', el('b', {}, bp(l.changesBp['1m']))),
        ' · ',
        el('span', { class: 'pair' }, 'YTD ', el('b', {}, bp(l.changesBp.ytd))),
      ),
    ),
  );
  if (r.curve || r.lastDecision)
    out.push(
      el(
        'div',
        { class: 'card rate-card', 'data-symbol': 'fed' },
        el('span', { class: 'card-title' }, 'Curve and the Fed'),
        r.curve ? curveLine(r, ctx) : null,
        r.lastDecision
          ? el(
              'span',
              { class: 'card-line' },
              fomcDecisionWords(r.lastDecision.decisionBp),
              dateSpan(r.lastDecision.date),
            )
          : null,
      ),
    );
  return out;
}

/**
 * The 10y − 2y line of the Fed card with the day of each yield it is computed from: the yields may end
 * before the page's day (FRED's files often stop days or weeks before the markets'), and then the spread
 * is marked stale like them.
 */
function curveLine(r: RatesAnswer, ctx: PageContext): HTMLElement | null {
  if (!r.curve) return null;
  const ten = r.levels.find((l) => l.symbol === 'DGS10');
  const two = r.levels.find((l) => l.symbol === 'DGS2');
  const days = curveDays(ten?.date ?? null, two?.date ?? null);
  const oldest = [ten?.date, two?.date].filter((d): d is string => !!d).sort()[0];
  return el(
    'span',
    { class: 'card-line', 'data-metric': 'curve' },
    `10y − 2y: ${fixed(r.curve.level, 2)} pp`,
    days ? el('span', { class: 'muted', 'data-metric': 'curveDays' }, ` (${days})`) : null,
    oldest ? [' ', staleMark(oldest, ctx)] : null,
  );
}

function heatCss(v: number, scale: number, dark: boolean): string {
  return `rgb(${heatRgb(v, scale, dark).map(Math.round).join(',')})`;
}

function card(r: PerfRow, ctx: PageContext): HTMLElement {
  const isVix = r.symbol === '^VIX';
  const stale = staleMark(r.asOf, ctx, r.symbol);
  const notable = isVix ? notableClose(r) : null;
  return el(
    'a',
    { class: `card${stale ? ' is-stale' : ''}`, href: pageLink('symbol', { s: r.symbol }), 'data-symbol': r.symbol },
    el('span', { class: 'card-title' }, displayName(ctx, r.symbol)),
    el('span', { class: 'card-symbol' }, r.symbol, ' · ', el('span', { 'data-metric': 'asOf' }, r.asOf), ' ', stale),
    el('span', { class: 'card-close', 'data-metric': 'close' }, formatPrice(r.close)),
    el(
      'span',
      { class: 'card-line' },
      // A label keeps its figure on its line ("YTD" at a line's end and "+40.67%" under it read apart).
      el(
        'span',
        { class: 'pair' },
        'Day ',
        el('b', { class: signClass(r.returns['1d']), 'data-metric': '1d' }, formatSignedPercent(r.returns['1d'])),
      ),
      ' · ',
      el(
        'span',
        { class: 'pair' },
        'YTD ',
        el('b', { class: signClass(r.returns.ytd), 'data-metric': 'ytd' }, formatSignedPercent(r.returns.ytd)),
      ),
    ),
    notable
      ? el(
          'span',
          { class: 'card-line', 'data-metric': 'lowestSince', 'data-notable': notable.kind },
          notable.kind === 'lowest' || notable.kind === 'highest'
            ? [`${notable.kind === 'lowest' ? 'Lowest' : 'Highest'} close since `, dateSpan(notable.since)]
            : notableText(notable),
        )
      : el(
          'span',
          { class: 'card-line', 'data-metric': 'ath' },
          r.ath
            ? r.ath.distance === 0 && r.ath.date === r.asOf
              ? ['New record close on ', dateSpan(r.asOf)]
              : r.ath.distance === 0
                ? ['At its record close (', dateSpan(r.ath.date), ')']
                : [`${formatPercent(r.ath.distance)} from the record close of `, dateSpan(r.ath.date)]
            : 'No record close',
        ),
  );
}
