/**
 * Words that follow the numbers. A move's verb depends on its size (no "surged" for +0.3%): under
 * 0.5% it "edged up", under 2% it "rose", under 5% it "climbed", under 10% it "rallied", beyond that
 * it "surged" (and the same ladder downward: edged down, fell, slid, tumbled, plunged). Every verb
 * here is one the claim extractor reads as a move, so the checker can hold the note to its figures.
 */
import { formatOrdinalNumber, NUMBER_WORDS } from '../../domain/format/display-format.js';

/** [size below which, verb up, verb down], smallest first; the last rung has no upper limit. */
const LADDER = [
  [0.005, 'edged up', 'edged down'],
  [0.02, 'rose', 'fell'],
  [0.05, 'climbed', 'slid'],
  [0.1, 'rallied', 'tumbled'],
] as const;

/** The past-tense verb for a move of `r` (a fraction); the figure that follows is printed unsigned. */
export function moveVerb(r: number): string {
  const size = Math.abs(r);
  for (const [limit, up, down] of LADDER) if (size < limit) return r >= 0 ? up : down;
  return r >= 0 ? 'surged' : 'plunged';
}

/** "up" or "down" for a move, for "is up 6.55% year-to-date". */
export function upDown(r: number): 'up' | 'down' {
  return r >= 0 ? 'up' : 'down';
}

const ORDINALS = 'zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth'.split(' ');

/** "fourth" for one to twelve, then digits with the English suffix: 21 -> "21st", 111 -> "111th". */
export function ordinal(n: number): string {
  return ORDINALS[n] ?? formatOrdinalNumber(n);
}

export function cardinal(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 12 ? (NUMBER_WORDS[n] ?? String(n)) : String(n);
}

/**
 * "a" or "an" before a word or a number as it is spoken: "an eighth", "an 18-session", "an 11th", "a 21st".
 * Numbers take "an" when read aloud they start with a vowel: 8..., and eleven/eighteen (thousand, million ...).
 */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const digits = /^\d+/.exec(word)?.[0];
  if (digits === undefined) return /^[aeiou]/i.test(word) ? 'an' : 'a';
  if (digits.startsWith('8')) return 'an';
  return digits.length % 3 === 2 && /^1[18]/.test(digits) ? 'an' : 'a';
}

/** Joins names: "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
