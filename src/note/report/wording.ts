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

/** The note's story (MarketNote['story']): which way the small-vs-mega ratio is moving. */
export type RotationStory = 'into_small_caps' | 'into_mega_caps' | 'no_clear_rotation';

/**
 * The last line of "What history says": it follows the two numbers the section quotes, never against them.
 * `median3m` is the median three-month change of the small-vs-mega ratio after earlier breaks (> 0 favours
 * small caps, < 0 the Magnificent 7); `heldShare` the share of those breaks still beyond the line three
 * months on. Either may be null (no earlier break, or none with three months after it). For a rotation
 * into small caps, history is on its side only when every number quoted favours it; when the two disagree
 * the line says history is mixed and which way each number points.
 * @example historyClosing('into_small_caps', -0.037, 1)
 *   // 'History is mixed: the earlier breaks held the line, but the ratio typically gave ground ...'
 */
export function historyClosing(story: RotationStory, median3m: number | null, heldShare: number | null): string {
  if (story === 'no_clear_rotation') return 'Until one side pulls away, the line is the level to watch.';
  const medianSide = median3m === null || median3m === 0 ? 0 : Math.sign(median3m);
  if (story === 'into_mega_caps')
    return medianSide > 0
      ? 'For now the old leaders hold the field, though after earlier breaks small caps tended to claw back ground within three months.'
      : 'For now the old leaders hold the field, and small caps have work to do before the line comes back into play.';
  const heldSide = heldShare === null ? 0 : heldShare >= 0.5 ? 1 : -1;
  if (medianSide === 0 && heldSide === 0)
    return 'History has too little to say about breaks like this one; the line will answer week by week.';
  if (medianSide >= 0 && heldSide >= 0)
    return 'The rotation has the numbers on its side for now; whether it lasts is a question the line will answer week by week.';
  if (medianSide <= 0 && heldSide <= 0) {
    const why =
      medianSide < 0 && heldSide < 0
        ? 'most earlier breaks fell back through the line and the ratio typically gave ground within three months'
        : medianSide < 0
          ? 'after the typical earlier break the ratio gave ground within three months'
          : 'most earlier breaks fell back through the line within three months';
    return `The rotation has the momentum but not the history: ${why}, so the line has to hold week by week.`;
  }
  return heldSide > 0
    ? 'History is mixed: the earlier breaks held the line, but the ratio typically gave ground within three months, so the rotation has to prove itself week by week.'
    : 'History is mixed: most earlier breaks fell back through the line, though the ratio typically still gained over three months; the line has to hold week by week.';
}
