/**
 * Overview: key cards (S&P 600, Russell 2000, MAG7 basket, VIX with its lowest-since), the sortable
 * performance table of a group (1D, MTD, YTD, 1Y, with colours and sparklines) and the sector heatmap.
 * State in the URL: group, sort, dir, heat (the heatmap's period).
 */

import { periodHeader } from '../../../src/domain/period-keys.js';
import { api, type PerfRow, type PeriodKey } from '../api-client.js';
import { sparkline } from '../charts/sparkline.js';
import { el, labelled, select } from '../element-builder.js';
import { updateParams } from '../hash-route.js';
import { formatPercent, formatPrice, heatColour, signClass, streakText } from '../number-format.js';
import { displayName, emptyBlock, fill, type PageContext, storedTickers } from '../page-context.js';
import { currentTheme } from '../theme.js';

const CARD_SYMBOLS = ['^SP600', '^RUT', 'MAG7', '^VIX'] as const;
const TABLE_PERIODS: readonly PeriodKey[] = ['1d', 'mtd', 'ytd', '1y'];
const HEAT_PERIODS: readonly PeriodKey[] = ['1d', '5d', 'mtd', 'ytd', '1y'];
type SortKey = 'symbol' | 'close' | PeriodKey | 'ath';

export async function renderOverviewPage(root: HTMLElement, params: URLSearchParams, ctx: PageContext): Promise<void> {
  const stored = storedTickers(ctx);
  const cards = el('section', { class: 'cards', 'aria-label': 'Key figures' });
  const tableSlot = el('div', { class: 'table-slot' });
  const heatSlot = el('div', { class: 'heat-slot' });
  const groups = Object.keys(ctx.symbols.groups).filter(
    (g) => ctx.symbols.groups[g]!.some((s) => stored.has(s)) && g !== 'rates',
  );
  let group = params.get('group') ?? (groups.includes('mag7') ? 'mag7' : (groups[0] ?? ''));
  let sort = (params.get('sort') as SortKey | null) ?? 'ytd';
  let dir = params.get('dir') === 'asc' ? 'asc' : 'desc';
  let heat = (params.get('heat') as PeriodKey | null) ?? '1d';

  const groupSelect = select(
    groups,
    group,
    (v) => {
      group = v;
      updateParams({ group: v });
      void drawTable();
    },
    { id: 'group-select' },
  );

  root.append(
    el('h1', {}, 'Overview'),
    cards,
    el(
      'section',
      { class: 'panel' },
      el('div', { class: 'panel-head' }, el('h2', {}, 'Performance'), labelled('Group', groupSelect)),
      tableSlot,
    ),
    el(
      'section',
      { class: 'panel' },
      el(
        'div',
        { class: 'panel-head' },
        el('h2', {}, 'Sectors'),
        labelled(
          'Period',
          select(
            HEAT_PERIODS.map((p) => [p, periodHeader(p)] as const),
            heat,
            (v) => {
              heat = v as PeriodKey;
              updateParams({ heat: v });
              void drawHeat();
            },
            { id: 'heat-period' },
          ),
        ),
      ),
      heatSlot,
    ),
  );

  const cardSymbols = CARD_SYMBOLS.filter((s) => stored.has(s));
  const cardsDone = fill(cards, ctx, async () => {
    if (!cardSymbols.length) return emptyBlock('None of S&P 600, Russell 2000, MAG7 or VIX is stored yet.');
    const rows = await api.perf({ symbols: cardSymbols.join(',') });
    const frag = document.createDocumentFragment();
    for (const r of rows) frag.append(card(r, ctx));
    return frag;
  });

  let rows: PerfRow[] = [];
  let sparks = new Map<string, readonly (number | null)[]>();
  const drawTable = async () =>
    fill(tableSlot, ctx, async () => {
      if (!group) return emptyBlock('No group of the config has stored symbols.');
      const members = ctx.symbols.groups[group]!.filter((s) => stored.has(s));
      const extra = group === 'mag7' ? ['MAG7', 'MAGS'].filter((s) => stored.has(s)) : [];
      const symbols = [...members, ...extra];
      if (!symbols.length) return emptyBlock(`No member of ${group} is stored.`);
      const [perf, spark] = await Promise.all([
        api.perf({ symbols: symbols.join(',') }),
        api.sparklines(symbols.join(','), 63),
      ]);
      rows = perf;
      sparks = new Map(spark.map((s) => [s.symbol, s.close]));
      return perfTable();
    });

  const perfTable = (): HTMLElement => {
    const value = (r: PerfRow, k: SortKey): number | string | null =>
      k === 'symbol' ? r.symbol : k === 'close' ? r.close : k === 'ath' ? (r.ath?.distance ?? null) : r.returns[k];
    const sorted = [...rows].sort((a, b) => {
      const va = value(a, sort);
      const vb = value(b, sort);
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === 'string' ? va.localeCompare(String(vb)) : va - (vb as number);
      return dir === 'asc' ? c : -c;
    });
    const head = (key: SortKey, label: string) => {
      const active = sort === key;
      return el(
        'th',
        { scope: 'col', 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
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
              tableSlot.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
            },
          },
          label,
          active ? (dir === 'asc' ? ' ▲' : ' ▼') : '',
        ),
      );
    };
    return el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { class: 'perf', id: 'perf-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            head('symbol', 'Symbol'),
            el('th', { scope: 'col', class: 'name' }, 'Name'),
            head('close', 'Close'),
            ...TABLE_PERIODS.map((p) => head(p, periodHeader(p))),
            head('ath', 'From ATH'),
            el('th', { scope: 'col' }, 'Streak'),
            el('th', { scope: 'col' }, '3 months'),
          ),
        ),
        el(
          'tbody',
          {},
          sorted.map((r) =>
            el(
              'tr',
              { 'data-symbol': r.symbol },
              el('th', { scope: 'row' }, el('a', { href: `#/symbol?s=${encodeURIComponent(r.symbol)}` }, r.symbol)),
              el('td', { class: 'name' }, displayName(ctx, r.symbol)),
              el('td', { class: 'num', 'data-metric': 'close' }, formatPrice(r.close)),
              ...TABLE_PERIODS.map((p) =>
                el('td', { class: `num ${signClass(r.returns[p])}`, 'data-metric': p }, formatPercent(r.returns[p])),
              ),
              el(
                'td',
                { class: `num ${signClass(r.ath?.distance)}`, 'data-metric': 'ath' },
                formatPercent(r.ath?.distance),
              ),
              el('td', { class: `num ${signClass(r.streak)}` }, streakText(r.streak)),
              el('td', { class: 'spark' }, sparkline(sparks.get(r.symbol) ?? [])),
            ),
          ),
        ),
      ),
    );
  };

  let sectors: PerfRow[] | null = null;
  const drawHeat = async () =>
    fill(heatSlot, ctx, async () => {
      const members = (ctx.symbols.groups.sectors ?? []).filter((s) => stored.has(s));
      if (!members.length) return emptyBlock('No sector ETF is stored.');
      sectors ??= await api.perf({ symbols: members.join(',') });
      const vals = sectors.map((r) => r.returns[heat]).filter((v): v is number => v !== null);
      const scale = Math.max(0.005, ...vals.map(Math.abs));
      const dark = currentTheme() === 'dark';
      const key = el(
        'p',
        { class: 'heat-key muted' },
        el('span', { class: 'heat-swatch', style: `background:${heatColour(-scale, scale, dark)}` }),
        ` ${formatPercent(-scale)} or lower`,
        el('span', { class: 'heat-swatch', style: `background:${heatColour(0, scale, dark)}` }),
        ' 0% ',
        el('span', { class: 'heat-swatch', style: `background:${heatColour(scale, scale, dark)}` }),
        ` ${formatPercent(scale)} or higher; sorted best first, colour strength relative to the largest move.`,
      );
      const tiles = el(
        'div',
        { class: 'heatmap', id: 'sector-heatmap', role: 'list' },
        [...sectors]
          .sort((a, b) => (b.returns[heat] ?? -Infinity) - (a.returns[heat] ?? -Infinity))
          .map((r) =>
            el(
              'a',
              {
                role: 'listitem',
                class: 'tile',
                href: `#/symbol?s=${encodeURIComponent(r.symbol)}`,
                style: `background:${heatColour(r.returns[heat], scale, dark)}`,
                'data-symbol': r.symbol,
              },
              el('strong', {}, r.symbol),
              el('span', { class: 'tile-name' }, displayName(ctx, r.symbol).replace(/ Select Sector SPDR Fund$/, '')),
              el('span', { class: 'tile-value', 'data-metric': heat }, formatPercent(r.returns[heat])),
            ),
          ),
      );
      return el('div', {}, tiles, key);
    });

  await Promise.all([cardsDone, drawTable(), drawHeat()]);
}

function card(r: PerfRow, ctx: PageContext): HTMLElement {
  const isVix = r.symbol === '^VIX';
  return el(
    'a',
    { class: 'card', href: `#/symbol?s=${encodeURIComponent(r.symbol)}`, 'data-symbol': r.symbol },
    el('span', { class: 'card-title' }, displayName(ctx, r.symbol)),
    el('span', { class: 'card-symbol' }, r.symbol, ' · ', r.asOf),
    el('span', { class: 'card-close', 'data-metric': 'close' }, formatPrice(r.close)),
    el(
      'span',
      { class: 'card-line' },
      'Day ',
      el('b', { class: signClass(r.returns['1d']), 'data-metric': '1d' }, formatPercent(r.returns['1d'])),
      ' · YTD ',
      el('b', { class: signClass(r.returns.ytd), 'data-metric': 'ytd' }, formatPercent(r.returns.ytd)),
    ),
    isVix
      ? el(
          'span',
          { class: 'card-line', 'data-metric': 'lowestSince' },
          r.lowestSince
            ? `Lowest close since ${r.lowestSince}`
            : r.highestSince
              ? `Highest close since ${r.highestSince}`
              : 'Neither a low nor a high since a month ago',
        )
      : el(
          'span',
          { class: 'card-line', 'data-metric': 'ath' },
          r.ath
            ? r.ath.distance === 0
              ? `At its all-time high (${r.ath.date})`
              : `${formatPercent(r.ath.distance)} from the ATH of ${r.ath.date}`
            : 'No ATH',
        ),
  );
}
