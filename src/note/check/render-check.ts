/**
 * The text face of a check: the commentary as given, each claim marked inline right after the
 * sentence or table row it came from ([OK ...], [WRONG ...], [?? ...]), then a one-line tally.
 */

import { formatPercent } from '../../domain/format/display-format.js';
import type { CheckReport, ClaimVerdict } from './claim-verdict.js';
import { countVerdicts } from './claim-verdict.js';

const MARK: Record<ClaimVerdict['verdict'], string> = { supported: 'OK', contradicted: 'WRONG', unverifiable: '??' };

function show(v: number | string | null, metric: ClaimVerdict['metric']): string {
  if (v === null) return 'n/a';
  if (typeof v === 'number' && (metric === 'return' || metric === 'ath')) return formatPercent(v);
  return String(v);
}

function marker(c: ClaimVerdict): string {
  const what = `${c.symbol ?? '?'}${c.period ? ` ${c.period}` : ''}`;
  if (c.verdict === 'supported') return `[${MARK.supported} ${what}: ${show(c.actual, c.metric)}]`;
  if (c.verdict === 'contradicted')
    return `[${MARK.contradicted} ${what}: says ${show(c.claimed, c.metric)}, data ${show(c.actual, c.metric)} - ${c.reason}]`;
  return `[${MARK.unverifiable} ${what}: ${c.reason}]`;
}

export function renderCheckText(input: string, report: CheckReport): string {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const byLine = new Map<number, ClaimVerdict[]>();
  for (const c of report.claims) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const claims = byLine.get(i + 1);
    if (!claims) {
      out.push(line);
      return;
    }
    // Insert each claim's marks after the end of its sentence (or row) in the line.
    const inserts = new Map<number, string[]>();
    for (const c of claims) {
      const at = line.indexOf(c.text);
      const end = at < 0 ? line.length : at + c.text.length;
      inserts.set(end, [...(inserts.get(end) ?? []), marker(c)]);
    }
    let text = line;
    for (const end of [...inserts.keys()].sort((a, b) => b - a))
      text = `${text.slice(0, end)} ${inserts.get(end)!.join(' ')}${text.slice(end)}`;
    out.push(text);
  });
  const n = countVerdicts(report);
  out.push(
    '',
    `${report.claims.length} claims checked as of ${report.asOf}: ${n.supported} supported, ${n.contradicted} contradicted, ${n.unverifiable} unverifiable`,
  );
  return `${out.join('\n')}\n`;
}
