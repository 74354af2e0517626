/**
 * Note: the generated market note (the report service's HTML, every figure a link to its
 * provenance: metric, symbols, dates, value) and a Check tab where pasted commentary comes back with
 * each claim highlighted by its verdict. State in the URL: tab, asOf.
 */
import { api, type CheckClaim, type CheckResponse } from '../api-client.js';
import { el } from '../element-builder.js';
import { updateParams } from '../hash-route.js';
import { formatPercent } from '../number-format.js';
import { emptyBlock, errorBlock, fill, loadingBlock, type PageContext } from '../page-context.js';
import { PageParams } from '../url-params.js';
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
  checkPanel.append(checkForm(ctx, asOf));
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
  keepAnchorsLocal(container);
  return container;
}

function claimValue(c: CheckClaim, v: unknown): string {
  if (typeof v === 'number') return c.metric === 'return' || c.metric === 'ath' ? formatPercent(v) : String(v);
  return v === null || v === undefined ? 'n/a' : String(v);
}

/** The pasted text with each claim's text wrapped in a mark coloured by its verdict (first occurrence after the previous claim). */
export function highlightClaims(text: string, claims: readonly CheckClaim[]): HTMLElement {
  const out = el('div', { class: 'checked-text', id: 'checked-text' });
  const spans: { start: number; end: number; claim: CheckClaim; index: number }[] = [];
  let from = 0;
  claims.forEach((claim, index) => {
    let at = text.indexOf(claim.text, from);
    if (at < 0) at = text.indexOf(claim.text);
    if (at < 0 || spans.some((s) => at < s.end && at + claim.text.length > s.start)) return;
    spans.push({ start: at, end: at + claim.text.length, claim, index });
    from = at + claim.text.length;
  });
  spans.sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const s of spans) {
    out.append(text.slice(pos, s.start));
    out.append(
      el(
        'mark',
        {
          class: `claim ${s.claim.verdict}`,
          title: `${s.claim.verdict}: ${s.claim.reason ?? ''}`,
          'data-verdict': s.claim.verdict,
        },
        el('a', { href: `#claim-${s.index}`, class: 'claim-link' }, text.slice(s.start, s.end)),
      ),
    );
    pos = s.end;
  }
  out.append(text.slice(pos));
  return out;
}

function checkResult(text: string, res: CheckResponse): HTMLElement {
  const counts = { supported: 0, contradicted: 0, unverifiable: 0 };
  for (const c of res.claims) counts[c.verdict]++;
  const wrap = el(
    'div',
    { id: 'check-result' },
    el(
      'p',
      {},
      `As of ${res.asOf}: ${res.claims.length} claims; `,
      el('mark', { class: 'claim supported' }, el('b', {}, `${counts.supported} supported`)),
      ', ',
      el('mark', { class: 'claim contradicted' }, el('b', {}, `${counts.contradicted} contradicted`)),
      ', ',
      el('mark', { class: 'claim unverifiable' }, el('b', {}, `${counts.unverifiable} unverifiable`)),
      '. Each claim below is highlighted in its verdict colour; click one to see its row.',
    ),
    highlightClaims(text, res.claims),
    res.claims.length
      ? el(
          'div',
          { class: 'table-scroll', tabindex: 0 },
          el(
            'table',
            { class: 'perf provenance', id: 'claims-table' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ['Claim', 'Symbol', 'Metric', 'Period', 'Claimed', 'Actual', 'Verdict', 'Why'].map((h) =>
                  el('th', { scope: 'col' }, h),
                ),
              ),
            ),
            el(
              'tbody',
              {},
              res.claims.map((c, i) =>
                el(
                  'tr',
                  { id: `claim-${i}`, 'data-verdict': c.verdict },
                  el('td', { class: 'claim-text' }, c.text.length > 90 ? `${c.text.slice(0, 87)}…` : c.text),
                  el('td', {}, c.symbol ?? 'n/a'),
                  el('td', {}, c.metric),
                  el('td', {}, c.period ?? ''),
                  el('td', { class: 'num', 'data-metric': 'claimed' }, claimValue(c, c.claimed)),
                  el('td', { class: 'num', 'data-metric': 'actual' }, claimValue(c, c.actual)),
                  el('td', { class: `verdict-${c.verdict}` }, c.verdict),
                  el('td', {}, c.reason ?? ''),
                ),
              ),
            ),
          ),
        )
      : emptyBlock(
          'No checkable claim found: try sentences with a percent move and a period, or an all-time-high claim.',
        ),
  );
  keepAnchorsLocal(wrap);
  return wrap;
}

function checkForm(ctx: PageContext, asOf: string | undefined): HTMLElement {
  const area = el('textarea', {
    id: 'check-text',
    'aria-label': 'Commentary to check (paste text, then Check claims)',
    placeholder: 'Paste market commentary here, e.g. "The Russell 2000 is up 12.5% year to date."',
  });
  const result = el('div', {});
  const button = el('button', { type: 'submit', id: 'check-run' }, 'Check claims');
  const sample = el('button', { type: 'button', id: 'check-sample' }, 'Use the generated note');
  sample.addEventListener('click', async () => {
    sample.disabled = true;
    try {
      const md = await fetch(`/api/report?format=md${asOf ? `&asOf=${asOf}` : ''}`).then((r) => r.text());
      area.value = md;
    } finally {
      sample.disabled = false;
    }
  });
  const form = el(
    'form',
    {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const text = area.value;
        if (!text.trim()) {
          result.replaceChildren(emptyBlock('Paste some text first.'));
          return;
        }
        button.disabled = true;
        result.replaceChildren(loadingBlock('Checking…'));
        try {
          const res = await api.check(text, asOf);
          if (!ctx.disposed()) result.replaceChildren(checkResult(text, res));
        } catch (err) {
          result.replaceChildren(errorBlock(err));
        } finally {
          button.disabled = false;
        }
      },
    },
    area,
    el('div', { class: 'controls' }, button, sample),
  );
  return el('div', {}, form, result);
}
