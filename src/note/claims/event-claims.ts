/**
 * Claims about market events in prose: all-time highs ("broken out to new peaks", "within spitting
 * distance of new all-time highs", "8% below its record high"), "lowest/highest close since
 * <month or date>", winning and losing streaks, and the trendline state of a ratio ("the ratio of X
 * versus Y is attempting to break a multi-year downtrend"). Hedged or negated wording ("if the
 * breakout holds", "has not yet broken") is not a claim.
 */
import type { AthClaim, SinceClaim, StreakClaim, TrendClaim, TrendState } from './claim.js';
import type { ExtractionContext } from './extraction-context.js';
import type { Mention, NameResolver } from './name-resolver.js';
import { findSubject } from './subject-finder.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const NUMBER_WORDS: Record<string, number> = {
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
};

const HEDGE = /\b(?:if|unless|whether|could|would|might|may|should|hope[sd]?|expect\w*|predict\w*|forecast\w*)\b/i;
const NEGATION = /\b(?:not|n't|never|yet\s+to|no\s+longer|failed\s+to)\b/i;

/** The clause before `at`: back to the last comma, semicolon, colon or dash, or the sentence start. */
function clauseBefore(sentence: string, at: number): { start: number; text: string } {
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

function hedged(sentence: string, at: number): boolean {
  const { text } = clauseBefore(sentence, at);
  return HEDGE.test(text) || NEGATION.test(text) || /^\s*(?:if|should|whether)\b/i.test(sentence);
}

const NEAR_ATH =
  /\b(?:within\s+(?:spitting|striking|shouting|touching)\s+distance\s+of|(?:near|nearing|close\s+to|just\s+(?:shy|short)\s+of|just\s+below|a\s+whisker\s+(?:from|of)|within\s+reach\s+of|knocking\s+on)\s+(?:its\s+|their\s+|a\s+|an\s+|new\s+|fresh\s+)*(?:all[- ]time|record)\s+(?:highs?|peaks?|closes?)|within\s+(\d+(?:\.\d+)?)\s?%\s+of\s+(?:its\s+|their\s+|an?\s+|new\s+)*(?:all[- ]time|record)\s+(?:highs?|peaks?|closes?))/i;
const NEW_ATH =
  /\b(?:(?:at|to|hit|hits|hitting|set|sets|setting|reach\w*|notch\w*|touch\w*|clos\w+\s+at|mark\w*|post\w*|print\w*)\s+(?:a\s+|an\s+|new\s+|fresh\s+|its\s+)*(?:all[- ]time|record)\s+(?:highs?|closes?|peaks?|closing\s+highs?)|(?:new|fresh)\s+(?:all[- ]time\s+)?(?:highs?|peaks?|records?)\b(?![- ]week)|record\s+territory)/i;
const BELOW_ATH =
  /(\d+(?:\.\d+)?)\s?%\s+(?:below|under|beneath|off|from|short\s+of|away\s+from)\s+(?:its|their|the|an?)?\s*(?:all[- ]time|record)\s+(?:highs?|peaks?|closes?)/i;

function athClaims(sentence: string, mentions: readonly Mention[], ctx: ExtractionContext, line: number): AthClaim[] {
  let kind: AthClaim['kind'];
  let distance: number | null = null;
  let m = BELOW_ATH.exec(sentence);
  if (m) {
    kind = 'below_high';
    distance = -Number(m[1]) / 100;
  } else if ((m = NEAR_ATH.exec(sentence))) {
    kind = 'near_high';
    if (m[1]) distance = -Number(m[1]) / 100;
  } else if ((m = NEW_ATH.exec(sentence))) {
    kind = 'new_high';
  } else return [];
  if (hedged(sentence, m.index)) return [];
  const { start } = clauseBefore(sentence, m.index);
  const subject = findSubject(sentence, mentions, 0, m.index, ctx) ?? null;
  if (!subject) return [];
  // Prefer a subject in the phrase's own clause ("..., which tracks X and has already broken out").
  const inClause = mentions.filter((x) => x.start >= start && x.end <= m!.index && !x.object);
  const s = inClause.length > 0 ? findSubject(sentence, mentions, start, m.index, ctx)! : subject;
  const claim: AthClaim = { metric: 'ath', text: sentence, subject: s.subject, symbol: s.symbol, line, kind, distance };
  return [s.unresolved ? { ...claim, unresolved: s.unresolved } : claim];
}

const SINCE = new RegExp(
  `\\b(lowest|highest)\\s+(?:(?:daily\\s+)?(?:close|closing\\s+level|closing\\s+value|level|reading|finish|settle|mark|point)\\s+)?since\\s+(?:(?:early|mid|late)[- ]?\\s*)?(?:${MONTH_WORD}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+(\\d{4}))?|(\\d{4})-(\\d{2})-(\\d{2}))`,
  'i',
);
const APPROACHING =
  /(?:approach\w*|near(?:ing|s)?|close\s+to|flirting\s+with|within\s+reach\s+of|closing\s+in\s+on)\s+(?:its|their|a|the|an)?\s*$/i;

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function sinceClaims(
  sentence: string,
  mentions: readonly Mention[],
  ctx: ExtractionContext,
  line: number,
): SinceClaim[] {
  const m = SINCE.exec(sentence);
  if (!m || hedged(sentence, m.index)) return [];
  const subject = findSubject(sentence, mentions, 0, m.index, ctx);
  if (!subject) return [];
  const direction = m[1]!.toLowerCase() as 'lowest' | 'highest';
  const since = m[2]
    ? { year: m[4] ? Number(m[4]) : null, month: monthIndex(m[2]), day: m[3] ? Number(m[3]) : null }
    : { year: Number(m[5]), month: Number(m[6]), day: Number(m[7]) };
  const approaching = APPROACHING.test(sentence.slice(0, m.index));
  const claim: SinceClaim = {
    metric: 'since',
    text: sentence,
    subject: subject.subject,
    symbol: subject.symbol,
    line,
    direction,
    since,
    approaching,
  };
  return [subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim];
}

const STREAK_LEN = '(?:(\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ](?:day|session|week)\\s+)?';
const STREAK = new RegExp(
  `\\b(?:(end|ends|ending|ended|snap\\w*|break\\w*|broke|halt\\w*|stop\\w*|extend\\w*|on|in|riding|continu\\w*)\\s+(?:a|an|its|their|the)\\s+)?${STREAK_LEN}(winning|losing)\\s+streak\\b`,
  'i',
);
const CONSECUTIVE =
  /\b(rose|gained|climbed|advanced|fell|declined|dropped|lost|slid)\s+for\s+(?:a\s+|the\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)(?:st|nd|rd|th)?\s+(?:straight|consecutive|successive)\s+(?:sessions?|days?|trading\s+days?)\b/i;

function count(word: string | undefined): number | null {
  if (!word) return null;
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? null);
}

function streakClaims(
  sentence: string,
  mentions: readonly Mention[],
  ctx: ExtractionContext,
  line: number,
): StreakClaim[] {
  let direction: 'winning' | 'losing';
  let phase: 'ongoing' | 'ending';
  let length: number | null;
  let m = STREAK.exec(sentence);
  if (m) {
    direction = m[3]!.toLowerCase() as 'winning' | 'losing';
    phase = m[1] && /^(?:end|snap|break|broke|halt|stop)/i.test(m[1]) ? 'ending' : 'ongoing';
    length = count(m[2]);
    // "set to end a winning streak" is a claim about today's close; "if it ends" is not.
    if (
      HEDGE.test(
        clauseBefore(sentence, m.index).text.replace(
          /\b(?:appear\w*|set|poised|on\s+track|looks?|seem\w*)\s+to\b/gi,
          '',
        ),
      )
    )
      return [];
    if (NEGATION.test(clauseBefore(sentence, m.index).text)) return [];
  } else if ((m = CONSECUTIVE.exec(sentence))) {
    direction = /^(?:rose|gained|climbed|advanced)$/i.test(m[1]!) ? 'winning' : 'losing';
    phase = 'ongoing';
    length = count(m[2]);
    if (hedged(sentence, m.index)) return [];
  } else return [];
  const subject = findSubject(sentence, mentions, 0, m.index, ctx);
  if (!subject) return [];
  const claim: StreakClaim = {
    metric: 'streak',
    text: sentence,
    subject: subject.subject,
    symbol: subject.symbol,
    line,
    direction,
    phase,
    length,
  };
  return [subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim];
}

const RATIO_OF =
  /\bratio\s+(?:of|between)\s+(?:the\s+)?([^,;:"”]+?)\s+(?:versus|vs\.?|to|and|relative\s+to|against|over)\s+(?:the\s+)?([^,;:"”]+?)(?=\s+(?:is|has|was|remains|appears|looks|seems|keeps|continues|ratio|line)\b|[,;:"”]|$)/i;
const PAIR_RATIO = /["“]?([^"“”,;]+?)\s+(?:versus|vs\.?|to|relative\s+to)\s+([^"“”,;]+?)["”]?\s+ratio\b/i;
const TREND_WORDS =
  /down[- ]?trend|up[- ]?trend|trend\s*line|resistance|support\s+line|technical\s+levels?|breakout|break\s+out/i;
const STATES: readonly [TrendState, RegExp][] = [
  ['failed', /\bfailed\s+(?:breakout|to\s+hold)\b|\bfell\s+back\s+(?:below|under|into)\b/i],
  [
    'confirmed',
    /\bconfirmed\s+(?:a\s+|its\s+|the\s+)?break(?:out)?\b|\bbreakout\s+(?:has\s+been\s+|was\s+|is\s+)?confirmed\b/i,
  ],
  [
    'testing',
    /\b(?:attempting|trying|looking|poised|set|about|threatening|straining|pushing)\s+to\s+(?:break|breach|clear|pierce)\b|\btesting\b|\bpressing\s+(?:against|on)\b|\bchallenging\b/i,
  ],
  [
    'breaking',
    /\b(?:has\s+|have\s+|just\s+)?(?:broken|broke|breaking|burst)\s+(?:out\s+)?(?:above|through|out\s+of|out)\b|\bcleared\b/i,
  ],
  ['below', /\b(?:remains?|still|stuck|trapped)\s+(?:well\s+|firmly\s+)?(?:below|under|beneath|in|within)\b/i],
];

function firstMention(resolver: NameResolver, text: string): Mention | null {
  return resolver.mentions(text)[0] ?? null;
}

function trendClaims(sentence: string, resolver: NameResolver, line: number): TrendClaim[] {
  if (!TREND_WORDS.test(sentence)) return [];
  const m = RATIO_OF.exec(sentence) ?? PAIR_RATIO.exec(sentence);
  if (!m) return [];
  const rest = sentence.slice(m.index);
  const found = STATES.find(([, re]) => re.test(rest));
  if (!found) return [];
  const stateAt = m.index + rest.search(found[1]);
  if (hedged(sentence, stateAt) || /^\s*(?:if|should|whether)\b/i.test(sentence)) return [];
  const num = firstMention(resolver, m[1]!);
  const den = firstMention(resolver, m[2]!);
  const kind = /up[- ]?trend|support\s+line/i.test(sentence)
    ? 'uptrend'
    : /down[- ]?trend|resistance/i.test(sentence)
      ? 'downtrend'
      : null;
  const numerator = num?.symbol ?? null;
  const denominator = den?.symbol ?? null;
  const symbol = numerator && denominator ? `${numerator}/${denominator}` : null;
  const subject = `${m[1]!.trim()} vs ${m[2]!.trim()}`;
  const claim: TrendClaim = {
    metric: 'trend',
    text: sentence,
    subject,
    symbol,
    line,
    numerator,
    denominator,
    kind,
    state: found[0],
  };
  if (symbol) return [claim];
  const missing = !numerator ? m[1]!.trim() : m[2]!.trim();
  return [{ ...claim, unresolved: `no symbol in the config is named '${missing}'` }];
}

/** Every event claim of one sentence, in a fixed order: trend, ATH, since, streak. */
export function eventClaims(
  sentence: string,
  mentions: readonly Mention[],
  resolver: NameResolver,
  ctx: ExtractionContext,
  line: number,
): (AthClaim | SinceClaim | StreakClaim | TrendClaim)[] {
  return [
    ...trendClaims(sentence, resolver, line),
    ...athClaims(sentence, mentions, ctx, line),
    ...sinceClaims(sentence, mentions, ctx, line),
    ...streakClaims(sentence, mentions, ctx, line),
  ];
}
