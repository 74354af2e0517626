/**
 * Words shared by the claim types' readers: clause boundaries, hedges and negations (a hedged or
 * negated phrase is not a claim: "if the breakout holds", "has not yet broken"), month names and
 * number words.
 */

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const MONTH_WORD =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
};
export const COUNT_WORD =
  '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth)';

export const HEDGE =
  /\b(?:if|unless|whether|could|would|might|may|should|hope[sd]?|expect\w*|predict\w*|forecast\w*|wants?\s+to|needs?\s+to)\b/i;
export const NEGATION = /\b(?:not|n't|never|yet\s+to|no\s+longer|failed\s+to)\b/i;

/** "12", "twelve", "12th", "twelfth" -> 12; null for none. */
export function count(word: string | undefined): number | null {
  if (!word) return null;
  const digits = /^(\d+)(?:st|nd|rd|th)?$/.exec(word);
  return digits ? Number(digits[1]) : (NUMBER_WORDS[word.toLowerCase()] ?? null);
}

export function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/** The clause before `at`: back to the last comma, semicolon, colon or dash, or the sentence start. */
export function clauseBefore(sentence: string, at: number): { start: number; text: string } {
  const head = sentence.slice(0, at);
  const cut = Math.max(
    head.lastIndexOf(','),
    head.lastIndexOf(';'),
    head.lastIndexOf(':'),
    head.lastIndexOf(' - '),
    head.lastIndexOf('—'),
  );
  const start = cut < 0 ? 0 : cut + 1;
  return { start, text: head.slice(start) };
}

/** Whether the words before `at` in its clause hedge or negate the claim. */
export function hedged(sentence: string, at: number): boolean {
  const { text } = clauseBefore(sentence, at);
  return HEDGE.test(text) || NEGATION.test(text) || /^\s*(?:if|should|whether)\b/i.test(sentence);
}

/** Every match of `re` (a non-global pattern) in `text`, in order. */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: RegExpExecArray[] = [];
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    out.push(m);
    if (m[0] === '') g.lastIndex++;
  }
  return out;
}
