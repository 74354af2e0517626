/**
 * The dashboard's entry: theme, demo banner, the live alerts feed, and the hash router that renders
 * one page at a time (Overview, Rotation, Symbol, Compare, Note).
 */
import './styles.css';
import { api } from './api-client.js';
import { el } from './element-builder.js';
import { parseHash } from './hash-route.js';
import { startFeed } from './live-feed.js';
import { errorBlock, loadingBlock, type Page, type PageContext } from './page-context.js';
import { renderComparePage } from './pages/compare-page.js';
import { renderNotePage } from './pages/note-page.js';
import { renderOverviewPage } from './pages/overview-page.js';
import { renderRotationPage } from './pages/rotation-page.js';
import { renderSymbolPage } from './pages/symbol-page.js';
import { initTheme, toggleTheme } from './theme.js';

const PAGES: Record<string, Page> = {
  overview: renderOverviewPage,
  rotation: renderRotationPage,
  symbol: renderSymbolPage,
  compare: renderComparePage,
  note: renderNotePage,
};

const main = document.getElementById('main')!;
let disposers: (() => void)[] = [];
let generation = 0;
let base: Pick<PageContext, 'health' | 'symbols'> | null = null;

async function loadBase(): Promise<Pick<PageContext, 'health' | 'symbols'>> {
  const [health, symbols] = await Promise.all([api.health(), api.symbols()]);
  document.getElementById('demo-banner')!.hidden = !health.demo;
  document.getElementById('data-status')!.textContent =
    `${health.symbols} symbols, last close ${health.lastDate ?? 'n/a'}${health.demo ? ' (synthetic demo data)' : ''}`;
  return { health, symbols };
}

async function render(): Promise<void> {
  const mine = ++generation;
  for (const d of disposers) d();
  disposers = [];
  const route = parseHash(location.hash);
  const page = PAGES[route.page] ?? renderOverviewPage;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-page]')) {
    if (a.dataset.page === route.page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.replaceChildren(loadingBlock());
  try {
    base ??= await loadBase();
  } catch (e) {
    main.replaceChildren(errorBlock(e));
    return;
  }
  const ctx: PageContext = { ...base, onDispose: (fn) => disposers.push(fn), disposed: () => mine !== generation };
  const root = el('div', { class: `page page-${route.page}`, 'data-page': route.page });
  main.replaceChildren(root);
  document.title = `MarketDash: ${route.page[0]!.toUpperCase()}${route.page.slice(1)}`;
  try {
    await page(root, route.params, ctx);
  } catch (e) {
    if (mine === generation) root.replaceChildren(errorBlock(e));
  }
}

initTheme();
document.getElementById('theme-toggle')!.addEventListener('click', () => {
  toggleTheme();
  void render();
});
window.addEventListener('hashchange', () => void render());
startFeed(() => {
  base = null;
});
void render();
