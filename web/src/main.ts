/**
 * The dashboard's entry: theme, demo banner, the as-of date control, the live alerts feed, and the
 * hash router that renders one page at a time (Overview, Rotation, Symbol, Compare, Note). Pages
 * are loaded on demand: the chart library only arrives with the pages that draw charts.
 */
import { ensureNotNull } from '../../src/domain/ensure.js';
import './styles.css';
import { todayDay } from '../../src/domain/nyse-calendar.js';
import { formatIsoDate } from '../../src/domain/trading-date.js';
import { api, onDataWarning } from './api-client.js';
import { asOfControl, readAsOf } from './as-of.js';
import { dataAgeNotice } from './data-age.js';
import { parseStaleWarning, plainWarning, staleBanner } from './data-notice.js';
import { el } from './element-builder.js';
import { formatHash, parseHash } from './hash-route.js';
import { startFeed } from './live-feed.js';
import { errorBlock, type Page, type PageContext } from './page-context.js';
import { initTheme, toggleTheme } from './theme.js';

const PAGES: Record<string, () => Promise<Page>> = {
  overview: () => import('./pages/overview-page.js').then((m) => m.renderOverviewPage),
  rotation: () => import('./pages/rotation-page.js').then((m) => m.renderRotationPage),
  symbol: () => import('./pages/symbol-page.js').then((m) => m.renderSymbolPage),
  compare: () => import('./pages/compare-page.js').then((m) => m.renderComparePage),
  note: () => import('./pages/note-page.js').then((m) => m.renderNotePage),
};
const TITLES: Record<string, string> = {
  overview: 'Overview',
  rotation: 'Rotation',
  symbol: 'Symbol',
  compare: 'Compare',
  note: 'Note',
};

function required(id: string): HTMLElement {
  return ensureNotNull(document.getElementById(id), `#${id} element`);
}

const main = required('main');
const demoBanner = required('demo-banner');
const control = asOfControl();
required('asof-slot').replaceWith(control.root);
let disposers: (() => void)[] = [];
let generation = 0;
let base: Pick<PageContext, 'health' | 'symbols'> | null = null;

async function loadBase(): Promise<Pick<PageContext, 'health' | 'symbols'>> {
  const [health, symbols] = await Promise.all([api.health(), api.symbols()]);
  required('demo-banner').hidden = !health.demo;
  const last = lastMarketDate({ health, symbols });
  const age = dataAgeNotice(last, formatIsoDate(todayDay()));
  required('data-status').textContent =
    `${health.symbols} symbols, last close ${last ?? 'n/a'}${age ? ` (${age.replace(/^data ends \S+, /, '')})` : ''}${health.demo ? ' (synthetic demo data)' : ''}`;
  return { health, symbols };
}

/**
 * The last day of market data: the newest last bar of a price series. Rates are left out (FRED's
 * fed funds rate has a row every calendar day and often runs days past the markets' last close),
 * so a store with rates does not call every ETF "stale".
 */
function lastMarketDate(b: Pick<PageContext, 'health' | 'symbols'>): string | null {
  let last: string | null = null;
  for (const s of b.symbols.symbols)
    if (s.kind !== 'rate' && s.lastDate && (!last || s.lastDate > last)) last = s.lastDate;
  return last ?? b.health.lastDate;
}

function firstDate(b: Pick<PageContext, 'symbols'>): string | null {
  let first: string | null = null;
  for (const s of b.symbols.symbols) if (s.firstDate && (!first || s.firstDate < first)) first = s.firstDate;
  return first;
}

/** The navigation keeps the as-of day from page to page and marks the current page. */
function updateNav(page: string, asOf: string | null): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-page], a.brand')) {
    const target = a.dataset.page ?? 'overview';
    a.href = formatHash(target, new URLSearchParams(asOf ? { asOf } : {}));
    if (!a.dataset.page) continue;
    if (target === page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  keepCurrentInView();
}

const navWrap = required('nav-wrap');
const navLine = navWrap.querySelector('nav') as HTMLElement;

/**
 * On a phone the pages are one line that scrolls sideways: the wrapper's data-more says on which side more
 * pages lie ("left", "right", both or none), and the styles show a fade with an arrow there.
 */
function updateNavCue(): void {
  const more: string[] = [];
  if (navLine.scrollLeft > 1) more.push('left');
  if (navLine.scrollLeft + navLine.clientWidth < navLine.scrollWidth - 1) more.push('right');
  const value = more.join(' ');
  if (navWrap.dataset.more !== value) navWrap.dataset.more = value;
}

/** The current page's link scrolled into the line's view (sideways only, the page itself never moves). */
function keepCurrentInView(): void {
  const current = navLine.querySelector<HTMLElement>('a[aria-current="page"]');
  if (current && navLine.scrollWidth > navLine.clientWidth) {
    const cue = 30;
    const left = current.offsetLeft - navLine.offsetLeft;
    const right = left + current.offsetWidth;
    if (right > navLine.scrollLeft + navLine.clientWidth - cue) navLine.scrollLeft = right - navLine.clientWidth + cue;
    else if (left < navLine.scrollLeft + cue) navLine.scrollLeft = Math.max(0, left - cue);
  }
  updateNavCue();
}
navLine.addEventListener('scroll', updateNavCue, { passive: true });
new ResizeObserver(keepCurrentInView).observe(navLine);

function notFoundPage(root: HTMLElement, page: string): void {
  document.title = 'MarketDash: page not found';
  root.append(
    el('h1', {}, 'Page not found'),
    el(
      'div',
      { class: 'notice', id: 'not-found', role: 'alert' },
      el('p', {}, `There is no page called "${page}".`),
      el(
        'p',
        {},
        'Open one of: ',
        Object.entries(TITLES).flatMap(([p, t], i) => [i ? ', ' : '', el('a', { href: `#/${p}` }, t)]),
        '.',
      ),
    ),
  );
}

async function render(): Promise<void> {
  const mine = ++generation;
  for (const d of disposers) d();
  disposers = [];
  const route = parseHash(location.hash);
  const asOfParam = readAsOf(route.params);
  updateNav(route.page, asOfParam.kind === 'day' ? asOfParam.day : null);
  main.replaceChildren(el('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    base ??= await loadBase();
  } catch (e) {
    main.replaceChildren(errorBlock(e));
    return;
  }
  if (mine !== generation) return;
  const last = lastMarketDate(base);
  control.render(firstDate(base), last, dataAgeNotice(last, formatIsoDate(todayDay())));
  const notices = el('div', { class: 'notices', id: 'page-notices', role: 'status' });
  // The demo banner travels with the page (arriving with it, it never pushes a drawn page down).
  const root = el('div', { class: `page page-${route.page}`, 'data-page': route.page }, demoBanner, notices);
  const load = PAGES[route.page];
  if (!load) {
    main.replaceChildren(root);
    notFoundPage(root, route.page);
    return;
  }
  const asOf = asOfParam.kind === 'day' ? asOfParam.day : undefined;
  // Every series on the page whose data ends before its day, in one notice: those the page marks stale (with
  // their own day) and those the API's answers name.
  const stale = new Map<string, string | null>();
  const staleFromApi = new Set<string>();
  let staleMore = 0;
  let staleLine: HTMLElement | null = null;
  const drawStale = () => {
    if (mine !== generation || stale.size === 0) return;
    const pageOnly = [...stale.keys()].filter((s) => !staleFromApi.has(s)).length;
    staleLine ??= el('p', { class: 'notice-line notice-warning', id: 'stale-notice' });
    staleLine.textContent = staleBanner(ctx.day, stale, Math.max(0, staleMore - pageOnly));
    if (!staleLine.isConnected) notices.append(staleLine);
  };
  const ctx: PageContext = {
    ...base,
    asOf,
    day: asOf && (!last || asOf < last) ? asOf : (last ?? ''),
    onDispose: (fn) => disposers.push(fn),
    disposed: () => mine !== generation,
    notice: (text, kind = 'info') => {
      if (mine === generation) notices.append(el('p', { class: `notice-line notice-${kind}` }, text));
    },
    reportStale: (symbol, lastDay) => {
      if (stale.get(symbol) === lastDay) return;
      stale.set(symbol, lastDay);
      drawStale();
    },
  };
  if (asOfParam.kind === 'invalid')
    ctx.notice(`asOf: '${asOfParam.text}' is not a date (YYYY-MM-DD); showing the latest data`, 'warning');
  // What the API says about its data (as-of past the data, stale rows, a pair not computed), each once.
  const said = new Set<string>();
  onDataWarning((message) => {
    if (said.has(message)) return;
    said.add(message);
    const staleRows = parseStaleWarning(message);
    if (staleRows) {
      for (const s of staleRows.symbols) {
        staleFromApi.add(s);
        if (!stale.has(s)) stale.set(s, null);
      }
      staleMore = Math.max(staleMore, staleRows.more);
      drawStale();
      return;
    }
    ctx.notice(plainWarning(message), 'warning');
  });
  document.title = `MarketDash: ${TITLES[route.page]}${asOf ? ` as of ${asOf}` : ''}`;
  // The page is built off screen and shown once drawn (or after a short wait, with its skeletons):
  // one change of the screen instead of sections pushing each other down as their data arrives.
  let shown = false;
  const show = () => {
    if (!shown && mine === generation) {
      shown = true;
      main.replaceChildren(root);
    }
  };
  const timer = setTimeout(show, 700);
  try {
    const page = await load();
    if (mine !== generation) return;
    await page(root, route.params, ctx);
  } catch (e) {
    if (mine === generation) root.replaceChildren(notices, errorBlock(e));
  } finally {
    clearTimeout(timer);
    show();
  }
}

initTheme();
required('theme-toggle').addEventListener('click', () => {
  toggleTheme();
  void render();
});
// In-page anchors (the skip link, "figures as text") move focus without changing the route.
document.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement | null)?.closest?.('a[href^="#"]');
  const href = a?.getAttribute('href');
  if (!a || !href || href.startsWith('#/') || href === '#') return;
  const target = document.getElementById(href.slice(1));
  if (!target || a.closest('#note-body, #check-result')) return;
  e.preventDefault();
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'start' });
});
window.addEventListener('hashchange', () => void render());
startFeed(() => {
  base = null;
});
void render();
