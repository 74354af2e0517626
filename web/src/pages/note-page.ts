/**
 * Note: the generated market note (the report service's HTML, every figure a link to its
 * provenance: metric, symbols, dates, value) and a Check tab (`check-tab.ts`) where a pasted or
 * uploaded note comes back with each claim marked by its verdict. State in the URL: tab, asOf.
 */
import { api } from '../api-client.js';
import { el, keepDatesWhole } from '../element-builder.js';
import { updateParams } from '../hash-route.js';
import { fill, type PageContext } from '../page-context.js';
import { scrollTable } from '../table-scroll.js';
import { PageParams } from '../url-params.js';
import { checkForm } from './check-tab.js';
import { fitNoteCharts } from './note/note-charts.js';
import { linkFigures } from './note/note-figures.js';

export async function renderNotePage(root: HTMLElement, params: URLSearchParams, ctx: PageContext): Promise<void> {
  let tab = params.get('tab') === 'check' ? 'check' : 'note';
  const asOf = ctx.asOf;
  const p = new PageParams(params);
  tab = p.oneOf('tab', ['note', 'check'] as const, 'note');
  for (const n of p.notes()) ctx.notice(n, 'warning');
  const noteTab = el('button', { type: 'button', role: 'tab', id: 'tab-note', 'aria-controls': 'note-panel' }, 'Note');
  const checkTab = el(
    'button',
    { type: 'button', role: 'tab', id: 'tab-check', 'aria-controls': 'check-panel' },
    'Check',
  );
  const notePanel = el('section', {
    id: 'note-panel',
    role: 'tabpanel',
    'aria-labelledby': 'tab-note',
    class: 'panel',
  });
  const checkPanel = el('section', {
    id: 'check-panel',
    role: 'tabpanel',
    'aria-labelledby': 'tab-check',
    class: 'panel',
  });
  const tabs = el('div', { class: 'tabs', role: 'tablist' }, noteTab, checkTab);
  root.append(
    el('h1', {}, 'Market note', asOf ? el('span', { class: 'h1-day' }, ` as of ${ctx.day}`) : null),
    tabs,
    notePanel,
    checkPanel,
  );

  let noteLoaded = false;
  const show = (which: string) => {
    tab = which;
    noteTab.setAttribute('aria-selected', String(which === 'note'));
    checkTab.setAttribute('aria-selected', String(which === 'check'));
    noteTab.tabIndex = which === 'note' ? 0 : -1;
    checkTab.tabIndex = which === 'check' ? 0 : -1;
    notePanel.hidden = which !== 'note';
    checkPanel.hidden = which !== 'check';
    updateParams({ tab: which === 'note' ? null : which });
    if (which === 'note' && !noteLoaded) {
      noteLoaded = true;
      void fill(notePanel, ctx, () => noteView(asOf), 'Writing the note…');
    }
  };
  noteTab.addEventListener('click', () => show('note'));
  checkTab.addEventListener('click', () => show('check'));
  tabs.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = tab === 'note' ? checkTab : noteTab;
    next.focus();
    next.click();
  });
  checkPanel.append(checkForm(ctx));
  show(tab);
}

/** Figure links inside the note point at ids on this page: scroll to them instead of changing the route. */
function keepAnchorsLocal(container: HTMLElement): void {
  container.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest('a');
    const href = a?.getAttribute('href');
    if (!a || !href?.startsWith('#') || href.startsWith('#/')) return;
    e.preventDefault();
    const target = container.querySelector<HTMLElement>(`[id="${CSS.escape(href.slice(1))}"]`);
    const details = target?.closest('details');
    if (details) details.open = true;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.classList.add('flash');
      target.setAttribute('tabindex', '-1');
      target.focus();
    }
  });
}

async function noteView(asOf: string | undefined): Promise<Node> {
  const [html, json] = await Promise.all([api.reportHtml(asOf), api.reportJson(asOf).catch(() => null)]);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const bad of doc.querySelectorAll('script, iframe, object, embed, link, meta, base')) bad.remove();
  for (const node of doc.querySelectorAll('*')) {
    for (const attr of [...node.attributes]) if (attr.name.startsWith('on')) node.removeAttribute(attr.name);
  }
  const container = el('article', { class: 'note', id: 'note-body' });
  for (const style of doc.querySelectorAll('style')) style.remove();
  container.append(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  linkFigures(container, json);
  keepDatesWhole(container);
  keepAnchorsLocal(container);
  // Redrawn at the column's width once the note is on the page (a detached node has no width).
  requestAnimationFrame(() => fitNoteCharts(container, json));
  // The scoreboard and the other tables scroll sideways in their own box on a phone, first column in view.
  for (const table of container.querySelectorAll<HTMLTableElement>('table')) {
    const heading = table.closest('section')?.querySelector('h2, h3');
    const label = (table.querySelector('caption') ?? heading)?.textContent?.trim() || 'Table';
    const spot = document.createComment('table');
    table.replaceWith(spot);
    spot.replaceWith(scrollTable(table, label));
  }
  return container;
}
