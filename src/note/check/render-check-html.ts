/**
 * The HTML face of a check: the note as read, each claim's words marked in its verdict's colour with
 * its verdict sentence as a tooltip and in a table below (claim, symbol, verdict sentence, reason).
 * Everything from the input is escaped; the page carries no script.
 */
import type { CheckReport } from './claim-verdict.js';
import { asOfLine, tally } from './render-check.js';

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderCheckHtml(report: CheckReport, title = 'Claim check'): string {
  const text = report.text;
  const spans = report.claims
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.span.start - b.c.span.start)
    .filter((x, n, all) => n === 0 || x.c.span.start >= all[n - 1]!.c.span.end);
  let body = '';
  let pos = 0;
  for (const { c, i } of spans) {
    body += esc(text.slice(pos, c.span.start));
    body += `<mark class="${c.verdict}" id="claim-${i}" title="${esc(c.sentence)}"><a href="#row-${i}">${esc(text.slice(c.span.start, c.span.end))}</a></mark>`;
    pos = c.span.end;
  }
  body += esc(text.slice(pos));
  const rows = report.claims
    .map(
      (c, i) =>
        `<tr id="row-${i}" class="${c.verdict}"><td><a href="#claim-${i}">${esc(c.symbol ?? '?')}</a></td><td>${esc(c.metric)}</td><td>${esc(c.sentence)}</td><td>${esc(c.reason)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
.note{white-space:pre-wrap;border:1px solid #ccc;padding:1rem}
mark.supported{background:#cdeccd}mark.contradicted{background:#f7c6c6}mark.unverifiable{background:#e8e8e8}
tr.contradicted td:nth-child(3){color:#a00}table{border-collapse:collapse}td,th{border-top:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
</style></head>
<body>
<h1>${esc(title)}</h1>
<p>${esc(asOfLine(report))}</p>
${report.warnings.map((w) => `<p class="warning">Warning: ${esc(w)}.</p>`).join('\n')}
<p>${esc(tally(report))}</p>
<div class="note">${body}</div>
<table><thead><tr><th>Symbol</th><th>Claim</th><th>Verdict</th><th>Why</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
