/**
 * Claims a sentence makes about subjects it does not name, carried from the sentence before:
 * - "IWM closed at a record. SPSM has done the same." (also "did the same", "followed suit"): the
 *   records and streaks of the sentence before, claimed again for the new subject;
 * - "IWM and SPSM rose. Both are up 3.6% and 3.8% this month." / "Both are up 1.1% on the day": with a
 *   figure for each, the two names of the sentence before in order; with one figure, each of them.
 */
import type { Claim } from './claim.js';
import type { Mention } from './name-resolver.js';

const DONE_THE_SAME =
  /^\s+(?:has\s+done|have\s+done|had\s+done|did|does|do)\s+(?:the\s+same|likewise)\b|^\s+followed\s+suit\b/i;
const BOTH =
  /^\s*(?:[Bb]oth|[Tt]he\s+two|[Ee]ach)(?:\s+(?:funds|ETFs|stocks|indices|indexes|names|baskets|of\s+them))?\s+(?:are|were|is|was|have|has|closed|ended|finished|rose|fell|gained|lost|climbed|slid|added|dropped|returned)\b/;
/** Metrics a "has done the same" carries: the claims that hold no figure of the first subject's own. */
const CARRIED = new Set(['ath', 'streak']);

function withSubject(c: Claim, m: Mention, text: string, line: number, span: Claim['span']): Claim {
  const { unresolved: _dropped, ...rest } = c;
  const moved = { ...rest, subject: m.text.replace(/^the\s+/i, ''), symbol: m.symbol, text, line, span } as Claim;
  return m.unresolved ? ({ ...moved, unresolved: m.unresolved } as Claim) : moved;
}

/** "SPSM has done the same": the previous sentence's records and streaks for SPSM. */
export function doneTheSame(
  sentence: string,
  offset: number,
  line: number,
  mentions: readonly Mention[],
  previous: readonly Claim[],
): Claim[] {
  const out: Claim[] = [];
  for (const m of mentions) {
    if (m.object) continue;
    const words = DONE_THE_SAME.exec(sentence.slice(m.end));
    if (!words) continue;
    const span = { start: offset + m.start, end: offset + m.end + words[0].length };
    for (const c of previous)
      if (CARRIED.has(c.metric) && c.symbol !== m.symbol) out.push(withSubject(c, m, sentence, line, span));
  }
  return out;
}

/**
 * "Both are up ..." right after a sentence that named two things: the two, as mentions standing where
 * "Both" stands (the first in its first letter, the second in the rest), so a figure for each pairs
 * them in order and a single figure finds the second; `bothCopies` then gives that figure to the first.
 */
export function bothMentions(
  sentence: string,
  mentions: readonly Mention[],
  before: readonly Mention[],
): [Mention, Mention] | null {
  const m = BOTH.exec(sentence);
  if (!m || mentions.some((x) => !x.object)) return null;
  const names: Mention[] = [];
  for (const x of before)
    if (!x.object && x.symbol !== null && !names.some((n) => n.symbol === x.symbol)) names.push(x);
  if (names.length !== 2) return null;
  const at = m[0].search(/\S/);
  const word = /^\S+/.exec(m[0].slice(at))![0];
  const [a, b] = names as [Mention, Mention];
  return [
    { ...a, start: at, end: at + 1, object: false },
    { ...b, start: at + 1, end: at + word.length, object: false },
  ];
}

/** The claims of a "Both" sentence that only the second of the two got, given to the first as well. */
export function bothCopies(found: readonly Claim[], [a, b]: readonly [Mention, Mention]): Claim[] {
  if (found.some((c) => c.symbol === a.symbol)) return [];
  return found.filter((c) => c.symbol === b.symbol).map((c) => withSubject(c, a, c.text, c.line, c.span));
}
