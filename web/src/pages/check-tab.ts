/**
 * The Note page's Check tab: paste or upload a note (text, Markdown or a saved HTML page), check it,
 * and read it back with each claim marked in place in its verdict's colour. A mark shows its verdict
 * sentence on hover and on keyboard focus (Tab moves through the claims), and links to its symbol's
 * chart at the claim's date. The as-of day is the note's own date, else the header's day when one is set,
 * else the last market close (the reader may put the header's day over the note's own date); the result
 * says which day was used and why.
 */
import { api, type CheckClaim, type CheckResponse } from '../api-client.js';
import { el } from '../element-builder.js';
import { formatHash } from '../hash-route.js';
import { formatPercent, spreadWords } from '../number-format.js';
import { emptyBlock, errorBlock, loadingBlock, type PageContext } from '../page-context.js';
import { VERDICT_LABELS, type Verdict } from '../palette.js';
import { scrollTable } from '../table-scroll.js';
import { type Inline, parseMarkdown } from './check/markdown-prose.js';

/** The server takes at most 256 KB of text. */
const MAX_BYTES = 256 * 1024;

/**
 * The two sides of a spread claim, A (the claim's symbol, ahead when the value is positive) and B, read from
 * the checker's reason, which names both with their returns ("...: SPSM 4.91% and MAG7 -0.66% on closes ...").
 */
export function spreadSides(c: Pick<CheckClaim, 'symbol' | 'reason'>): [string | undefined, string | undefined] {
  const pair = /: (\S+) -?[\d.]+% and (\S+) -?[\d.]+%/.exec(c.reason);
  return pair ? [pair[1], pair[2]] : [c.symbol ?? undefined, undefined];
}

export function claimValue(c: Pick<CheckClaim, 'metric' | 'symbol' | 'reason'>, v: unknown): string {
  if (typeof v === 'number') {
    // A spread as the note says it: unsigned, with the side it favours ("5.60 pp in favour of SPSM").
    if (c.metric === 'spread') return spreadWords(v, ...spreadSides(c), 2);
    // A distance below the record (0 at it) in words, so "within 1.50%" never faces a bare "0.00%".
    if (c.metric === 'ath') return v === 0 ? 'at the record' : `${formatPercent(-v)} below the record`;
    return c.metric === 'return' ? formatPercent(v) : String(v);
  }
  // A record's words ("within 1.50%") on one line, as a figure is.
  if (c.metric === 'ath' && typeof v === 'string') return v.replace(/ /g, '\u00a0');
  return v === null || v === undefined ? 'n/a' : String(v);
}

/** The chart of a claim's symbol at the claim's date (a ratio opens its first symbol). */
export function claimChartHash(c: CheckClaim, fallbackAsOf: string): string | null {
  if (!c.symbol) return null;
  const symbol = c.symbol.split('/')[0] ?? c.symbol;
  return formatHash('symbol', new URLSearchParams({ s: symbol, asOf: c.asOf ?? fallbackAsOf }));
}

/** A claim's span in the text as sent, with its row number; overlapping ones dropped (the first carries both rows). */
interface Span {
  readonly claim: CheckClaim;
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

function claimSpans(text: string, claims: readonly CheckClaim[]): Span[] {
  const spans = claims
    .map((claim, index) => ({ claim, index, start: claim.span.start, end: claim.span.end }))
    .filter((s) => s.end > s.start && s.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let pos = 0;
  // Two claims on the same words (a record and its level): the first mark carries both rows.
  for (const s of spans)
    if (s.start >= pos) {
      out.push(s);
      pos = s.end;
    }
  return out;
}

/** A claim's mark: focusable, its verdict sentence as tooltip and description, its words linking to its row. */
function claimMark(s: Span, words: Node[]): HTMLElement {
  const tipId = `claim-tip-${s.index}`;
  return el(
    'mark',
    {
      class: `claim ${s.claim.verdict}`,
      'data-verdict': s.claim.verdict,
      'data-claim': s.index,
      tabindex: 0,
      title: s.claim.sentence,
      'aria-describedby': tipId,
    },
    el('a', { href: `#claim-${s.index}`, class: 'claim-link', tabindex: -1 }, ...words),
    el('span', { class: 'claim-tip', role: 'tooltip', id: tipId }, s.claim.sentence),
  );
}

/**
 * The visible pieces of a block as nodes, each piece styled (bold, italic, code) and the pieces inside a
 * claim's span gathered into its mark. A span is cut at the block's end; `used` keeps one mark per claim.
 */
function inlineNodes(text: string, pieces: readonly Inline[], spans: readonly Span[], used: Set<number>): Node[] {
  const styled = (p: Inline, from: number, to: number): Node => {
    let n: Node = document.createTextNode(text.slice(from, to));
    if (p.code) n = el('code', {}, n);
    if (p.em) n = el('em', {}, n);
    if (p.strong) n = el('strong', {}, n);
    return n;
  };
  const out: Node[] = [];
  // The mark being filled, if any (an object, so the closure and the loop see the same one).
  const at: { open: { span: Span; words: Node[] } | null } = { open: null };
  const close = () => {
    if (at.open) out.push(claimMark(at.open.span, at.open.words));
    at.open = null;
  };
  for (const p of pieces) {
    // Cut the piece at every span edge inside it.
    const cuts = new Set([p.start, p.end]);
    for (const s of spans) {
      if (s.start > p.start && s.start < p.end) cuts.add(s.start);
      if (s.end > p.start && s.end < p.end) cuts.add(s.end);
    }
    const edges = [...cuts].sort((a, b) => a - b);
    for (let k = 0; k + 1 < edges.length; k++) {
      const [from, to] = [edges[k]!, edges[k + 1]!];
      const span = spans.find((s) => s.start <= from && to <= s.end && (!used.has(s.index) || at.open?.span === s));
      if (at.open?.span !== span) close();
      if (span) {
        if (!at.open) {
          at.open = { span, words: [] };
          used.add(span.index);
        }
        at.open.words.push(styled(p, from, to));
      } else out.push(styled(p, from, to));
    }
  }
  close();
  return out;
}

/**
 * The checked text with each claim's own words (its span) wrapped in a mark coloured by its verdict,
 * focusable, with the verdict sentence as its tooltip and description and a link to its row. Markdown is
 * read as prose (markdown-prose.ts: headings, bold, lists, tables, the `**` and `#` gone) with the marks
 * on the same characters; an HTML page (checked as the server reads it) is shown as its text.
 */
export function highlightClaims(text: string, claims: readonly CheckClaim[]): HTMLElement {
  const out = el('div', { class: 'checked-text', id: 'checked-text' });
  const spans = claimSpans(text, claims);
  const used = new Set<number>();
  if (/^\s*</.test(text)) {
    out.classList.add('plain');
    out.append(
      ...inlineNodes(text, [{ start: 0, end: text.length, strong: false, em: false, code: false }], spans, used),
    );
  } else {
    out.classList.add('prose');
    const nodes = (pieces: readonly Inline[]) => inlineNodes(text, pieces, spans, used);
    for (const b of parseMarkdown(text)) {
      if (b.kind === 'heading')
        out.append(el(`h${Math.min(6, b.level + 2)}` as 'h3', { class: `md-h${b.level}` }, ...nodes(b.inline)));
      else if (b.kind === 'paragraph') out.append(el('p', {}, ...nodes(b.inline)));
      else if (b.kind === 'quote') out.append(el('blockquote', {}, ...nodes(b.inline)));
      else if (b.kind === 'rule') out.append(el('hr', {}));
      else if (b.kind === 'list')
        out.append(el(b.ordered ? 'ol' : 'ul', {}, ...b.items.map((item) => el('li', {}, ...nodes(item)))));
      else {
        const table = el(
          'table',
          { class: 'md-table' },
          b.head ? el('thead', {}, el('tr', {}, ...b.head.map((c) => el('th', { scope: 'col' }, ...nodes(c))))) : null,
          el('tbody', {}, ...b.rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, ...nodes(c)))))),
        );
        out.append(scrollTable(table, 'A table of the checked note'));
      }
    }
  }
  // Enter on a focused mark goes to its row, as a click on its words does.
  out.addEventListener('keydown', (e) => {
    const mark = (e.target as HTMLElement).closest('mark.claim');
    if (e.key !== 'Enter' || !mark) return;
    mark.querySelector('a')?.click();
  });
  return out;
}

/** The results table's columns: the verdict, then the claim's sentence with its reason (the main column), the figures compact. */
const CLAIM_COLUMNS: readonly (readonly [string, string])[] = [
  ['Verdict', 'verdict'],
  ['Claim and why', 'claim-text'],
  ['Symbol', 'symbol'],
  ['Claimed', 'num'],
  ['Actual', 'num'],
  ['Basis', 'basis'],
];

/** A verdict as icon and word (its colour is the verdict's own, never the up/down pair: palette.ts). */
export function verdictBadge(verdict: Verdict): HTMLElement {
  const { icon, word } = VERDICT_LABELS[verdict];
  return el(
    'span',
    { class: 'verdict-badge' },
    el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, icon),
    ` ${word}`,
  );
}

function keepAnchorsLocal(container: HTMLElement): void {
  container.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest('a');
    const href = a?.getAttribute('href');
    if (!a || !href?.startsWith('#claim-')) return;
    e.preventDefault();
    const target = container.querySelector<HTMLElement>(`[id="${CSS.escape(href.slice(1))}"]`);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.classList.add('flash');
      target.setAttribute('tabindex', '-1');
      target.focus();
    }
  });
}

/** How the check was asked to date the note: the header's day for an undated note, over the note's own, or neither. */
export type CheckDating = { readonly headerDay: string | null; readonly forced: boolean };

/**
 * Which day the note was checked as of and why, in the page's words: the note's own date wins over the
 * header's day unless the reader chose otherwise; an undated note takes the header's day, else the last close.
 * @example checkedAsOfReason({ date: '2025-12-11', source: 'option', why: '' }, { headerDay: '2025-12-11', forced: false })
 *   // "the header's day (the note states no date)"
 */
export function checkedAsOfReason(source: CheckResponse['asOfSource'], dating: CheckDating): string {
  if (source.source === 'option') {
    // the header's day past the data: the check is as of the last market close (a warning says where it ends)
    if (dating.headerDay && source.date !== dating.headerDay)
      return `the last market close, as the header's day, ${dating.headerDay}, is past the data`;
    return dating.forced
      ? "the header's day, as chosen above (over the note's own date)"
      : "the header's day (the note states no date)";
  }
  if (source.source === 'note')
    return dating.headerDay && dating.headerDay !== source.date
      ? `${source.why}; the note's own date wins over the header's day, ${dating.headerDay}`
      : source.why;
  return 'the note states no date and no day is set in the header: the last market close';
}

/**
 * A warning of the check as the page shows it: the as-of line above already says how the note was dated,
 * and a page names no command-line option.
 */
export function checkWarningText(w: string, res: CheckResponse): string | null {
  if (res.asOfSource.source === 'latest' && w.startsWith('the note states no date')) return null;
  return `${w.replace(/;?\s*give --as-of[^;]*$/, '').replace(/--as-of\b/g, "the header's day")}.`;
}

function checkResult(res: CheckResponse, dating: CheckDating): HTMLElement {
  const counts = { supported: 0, contradicted: 0, unverifiable: 0 };
  for (const c of res.claims) counts[c.verdict]++;
  const wrap = el(
    'div',
    { id: 'check-result' },
    el(
      'p',
      { id: 'check-as-of' },
      el('b', {}, `Checked as of ${res.asOf}`),
      `: ${checkedAsOfReason(res.asOfSource, dating)}.`,
    ),
    ...res.warnings.flatMap((w) => {
      const text = checkWarningText(w, res);
      return text === null ? [] : [el('p', { class: 'notice warning', role: 'note' }, text)];
    }),
    el(
      'p',
      {},
      `${res.claims.length} claims: `,
      el('mark', { class: 'claim supported' }, el('b', {}, `${counts.supported} supported`)),
      ', ',
      el('mark', { class: 'claim contradicted' }, el('b', {}, `${counts.contradicted} contradicted`)),
      ', ',
      el('mark', { class: 'claim unverifiable' }, el('b', {}, `${counts.unverifiable} unverifiable`)),
      '. Hover over or tab to a marked claim to read its verdict; Enter or a click shows its row.',
    ),
    highlightClaims(res.text, res.claims),
    res.claims.length
      ? el(
          'div',
          { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Claims and verdicts' },
          el(
            'table',
            { class: 'perf provenance', id: 'claims-table', role: 'table' },
            el(
              'thead',
              {},
              el(
                'tr',
                { role: 'row' },
                CLAIM_COLUMNS.map(([h, cls]) => el('th', { scope: 'col', class: cls, role: 'columnheader' }, h)),
              ),
            ),
            el(
              'tbody',
              {},
              res.claims.map((c, i) => {
                const chart = claimChartHash(c, res.asOf);
                // role="cell": the phone's stacked layout (styles.css) keeps the table's semantics.
                const cell = (cls: string, label: string, kid: Node | string, metric?: string) =>
                  el('td', { class: cls, role: 'cell', 'data-label': label, 'data-metric': metric }, kid);
                return el(
                  'tr',
                  { id: `claim-${i}`, 'data-verdict': c.verdict, role: 'row' },
                  cell(`verdict verdict-${c.verdict}`, 'Verdict', verdictBadge(c.verdict)),
                  // The verdict's sentence as the row's main text, the checker's reason under it.
                  el(
                    'td',
                    { class: 'claim-text', role: 'cell' },
                    el('span', { class: 'claim-sentence' }, c.sentence),
                    el('span', { class: 'why' }, c.reason),
                  ),
                  cell(
                    'symbol',
                    'Symbol',
                    chart
                      ? el('a', { href: chart, title: `Chart of ${c.symbol} at ${c.asOf ?? res.asOf}` }, c.symbol ?? '')
                      : 'n/a',
                  ),
                  cell('num', 'Claimed', claimValue(c, c.claimed), 'claimed'),
                  cell('num', 'Actual', claimValue(c, c.actual), 'actual'),
                  cell('basis', 'Basis', c.basis ?? ''),
                );
              }),
            ),
          ),
        )
      : emptyBlock(
          'No checkable claim found: try sentences with a percent move and a period, a record, a streak or a closing level.',
        ),
  );
  keepAnchorsLocal(wrap);
  return wrap;
}

/** The Check tab's form and result area. */
export function checkForm(ctx: PageContext): HTMLElement {
  const area = el('textarea', {
    id: 'check-text',
    'aria-label': 'Commentary to check (paste text, then Check claims)',
    placeholder: 'Paste market commentary here, e.g. "The Russell 2000 is up 12.5% year to date."',
  });
  const result = el('div', {});
  const button = el('button', { type: 'submit', id: 'check-run' }, 'Check claims');
  const sample = el('button', { type: 'button', id: 'check-sample' }, 'Use the generated note');
  const upload = el('input', {
    type: 'file',
    id: 'check-file',
    accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html',
    'aria-label': 'Upload a note (text, Markdown or HTML)',
  });
  upload.addEventListener('change', async () => {
    const file = upload.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      result.replaceChildren(errorBlock(new Error(`${file.name} is over 256 KB: check a shorter note`)));
      return;
    }
    area.value = await file.text();
    result.replaceChildren();
  });
  sample.addEventListener('click', async () => {
    sample.disabled = true;
    try {
      area.value = await fetch(`/api/report?format=md${ctx.asOf ? `&asOf=${ctx.asOf}` : ''}`).then((r) => r.text());
    } finally {
      sample.disabled = false;
    }
  });
  // The as-of day: the note's own date when it states one, else the header's day when one is set, else the
  // last market close; the reader may put the header's day over the note's own date.
  const useHeader = ctx.asOf ? el('input', { type: 'checkbox', id: 'check-use-header-date' }) : null;
  const dateChoice = useHeader
    ? el(
        'div',
        { class: 'check-date-choice' },
        el(
          'p',
          { class: 'hint', id: 'check-date-rule' },
          `Checked as of the date the note states (a dateline, "As of the close of …", a dated title), else the header's day, ${ctx.asOf}.`,
        ),
        el('label', {}, useHeader, ` Check as of ${ctx.asOf} even when the note states another date`),
      )
    : el(
        'p',
        { class: 'hint', id: 'check-date-rule' },
        'Checked as of the date the note states (a dateline, "As of the close of …", a dated title), else the last market close. Set a date in the header to check an undated note as of that day.',
      );
  const form = el(
    'form',
    {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const text = area.value;
        if (!text.trim()) {
          result.replaceChildren(emptyBlock('Paste some text or upload a note first.'));
          return;
        }
        button.disabled = true;
        result.replaceChildren(loadingBlock('Checking…'));
        try {
          const forced = useHeader?.checked === true;
          const res = await api.check(text, forced ? { asOf: ctx.asOf } : { undatedAsOf: ctx.asOf });
          if (!ctx.disposed()) result.replaceChildren(checkResult(res, { headerDay: ctx.asOf ?? null, forced }));
        } catch (err) {
          result.replaceChildren(errorBlock(err));
        } finally {
          button.disabled = false;
        }
      },
    },
    area,
    el('div', { class: 'controls' }, button, sample, el('label', { class: 'upload' }, 'Upload a note: ', upload)),
    dateChoice,
  );
  return el('div', {}, form, result);
}
