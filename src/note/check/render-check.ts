/**
 * The text face of a check: a first line saying which day the note was checked as of and why, the
 * commentary as read, each claim's verdict sentence in brackets right after the sentence or table
 * row it came from ("[XLK ended a 13-day winning streak on Dec 11: supported]"), then a tally.
 */
import { ensureDefined } from '../../domain/ensure.js';
import type { CheckReport, ClaimVerdict } from './claim-verdict.js';
import { countVerdicts } from './claim-verdict.js';

/** "12 claims checked as of 2025-12-11: 10 supported, 1 contradicted, 1 unverifiable". */
export function tally(report: CheckReport): string {
  const n = countVerdicts(report);
  return `${report.claims.length} claims checked as of ${report.asOf}: ${n.supported} supported, ${n.contradicted} contradicted, ${n.unverifiable} unverifiable`;
}

/** "Checked as of 2025-12-11: the note says 'As of the close of December 11, 2025' (line 3)." */
export function asOfLine(report: CheckReport): string {
  return `Checked as of ${report.asOf}: ${report.asOfSource.why}.`;
}

/** Where the sentence (or row) holding `at` ends in `text`: the next sentence end or line end. */
function sentenceEnd(text: string, at: number): number {
  const lineEnd = text.indexOf('\n', at);
  const stop = lineEnd < 0 ? text.length : lineEnd;
  const re = /[.!?]["”')]*(?=\s|$)/g;
  re.lastIndex = at;
  // A decimal point is not an end: the next character must be a space or the end of the text.
  const m = re.exec(text);
  return m !== null && m.index < stop ? m.index + m[0].length : stop;
}

export function renderCheckText(report: CheckReport): string {
  const text = report.text;
  const inserts = new Map<number, ClaimVerdict[]>();
  for (const c of report.claims) {
    const end = sentenceEnd(text, c.span.end);
    inserts.set(end, [...(inserts.get(end) ?? []), c]);
  }
  let out = '';
  let pos = 0;
  for (const end of [...inserts.keys()].sort((a, b) => a - b)) {
    out += `${text.slice(pos, end)} ${ensureDefined(inserts.get(end), `claims ending at offset ${end}`)
      .map((c) => `[${c.sentence}]`)
      .join(' ')}`;
    pos = end;
  }
  out += text.slice(pos);
  const head = [asOfLine(report), ...report.warnings.map((w) => `Warning: ${w}.`)];
  return `${head.join('\n')}\n\n${out.replace(/\s+$/, '')}\n\n${tally(report)}\n`;
}
