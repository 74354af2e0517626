/**
 * Words that follow the numbers. A move's verb depends on its size (no "surged" for +0.3%): under
 * 0.5% it "edged up", under 2% it "rose", under 5% it "climbed", under 10% it "rallied", beyond that
 * it "surged" (and the same ladder downward: edged down, fell, slid, tumbled, plunged). Every verb
 * here is one the claim extractor reads as a move, so the checker can hold the note to its figures.
 */

const UP = [
  [0.005, 'edged up'],
  [0.02, 'rose'],
  [0.05, 'climbed'],
  [0.1, 'rallied'],
  [Number.POSITIVE_INFINITY, 'surged'],
] as const;
const DOWN = [
  [0.005, 'edged down'],
  [0.02, 'fell'],
  [0.05, 'slid'],
  [0.1, 'tumbled'],
  [Number.POSITIVE_INFINITY, 'plunged'],
] as const;

/** The past-tense verb for a move of `r` (a fraction); the figure that follows is printed unsigned. */
export function moveVerb(r: number): string {
  const ladder = r >= 0 ? UP : DOWN;
  const size = Math.abs(r);
  for (const [limit, word] of ladder) if (size < limit) return word;
  return ladder[ladder.length - 1]![1];
}

/** "up" or "down" for a move, for "is up 6.55% year-to-date". */
export function upDown(r: number): 'up' | 'down' {
  return r >= 0 ? 'up' : 'down';
}

/** Unsigned percent with two decimals: -0.0123 -> "1.23%". */
export function absPct(r: number): string {
  return `${(Math.abs(r) * 100).toFixed(2)}%`;
}

/** Signed percent with two decimals for tables: 0.368 -> "36.80%", -0.05 -> "-5.00%". */
export function signedPct(r: number): string {
  return `${(r * 100).toFixed(2)}%`;
}

const ORDINALS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];
const CARDINALS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

export function ordinal(n: number): string {
  return ORDINALS[n] ?? `${n}th`;
}

export function cardinal(n: number): string {
  return CARDINALS[n] ?? String(n);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "September 12" (", 2024" added when the year differs from `asOfIso`'s). */
export function longDate(iso: string, asOfIso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const sameYear = asOfIso.slice(0, 4) === iso.slice(0, 4);
  return `${MONTHS[m - 1]} ${d}${sameYear ? '' : `, ${y}`}`;
}

/** Joins names: "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
