/**
 * Winning and losing streaks: "set to end a winning streak", "a five-day losing streak", "rose for a
 * fifth straight session", "its 13th consecutive gain". Signed as the analytics' `streak` is: +n for n
 * up closes in a row, -n for n down closes; for a streak that ended, the streak before the as-of close.
 */
import { streak } from '../../analytics/returns/streak.js';
import type { StreakClaim } from '../claims/claim.js';
import { allMatches, COUNT_WORD, clauseBefore, count, HEDGE, hedged, NEGATION } from '../claims/clause-words.js';
import { findSubject } from '../claims/subject-finder.js';
import { type ClaimType, matchedClaim, type SentenceScope } from './claim-type.js';
import { streakWordings } from './streak-ends.js';

const STREAK = new RegExp(
  `\\b(?:(end|ends|ending|ended|snap\\w*|break\\w*|broke|halt\\w*|stop\\w*|extend\\w*|on|in|riding|continu\\w*)\\s+(?:(?:a|an|its|their|the)\\s+|what\\s+(?:had\\s+been|was)\\s+(?:a|an)\\s+)?)?(?:${COUNT_WORD}[- ](?:day|session)\\s+)?(winning|losing|win|green|red)\\s+(?:streak|run)\\b(?:\\s+to\\s+${COUNT_WORD}\\s+(?:sessions|days|trading\\s+days))?`,
  'i',
);
const UP_VERBS = 'rose|risen|gained|climbed|advanced|rallied|fell|fallen|declined|dropped|lost|slid|slipped|retreated';
const CONSECUTIVE = new RegExp(
  `\\b(${UP_VERBS})\\s+(?:for\\s+|in\\s+)?(?:an?\\s+|the\\s+)?${COUNT_WORD}(?:st|nd|rd|th)?\\s+(?:straight|consecutive|successive)\\s+(?:sessions?|days?|trading\\s+days?)\\b|(?:\\b(?:its|their|a|the|together|posted|notched|logged|booked)|['’]s)\\s+${COUNT_WORD}(?:st|nd|rd|th)?\\s+(?:straight|consecutive|successive)\\s+(gain|advance|rise|up\\s+day|decline|loss|drop|fall|down\\s+day)s?\\b|\\b(${UP_VERBS}|up|down|higher|lower|green|red)\\s+(?:for\\s+)?${COUNT_WORD}\\s+(?:straight\\s+|consecutive\\s+)?(?:sessions|days|trading\\s+days)(?:\\s+in\\s+a\\s+row|\\s+straight|\\s+running)\\b`,
  'i',
);
const DOWN =
  /^(?:fell|fallen|declined|dropped|lost|slid|slipped|retreated|decline|loss|drop|fall|down\s+day|down|lower|red)$/i;
/**
 * Social and desk shorthand: "4 green days in a row", "5th straight red day", "third consecutive down
 * day", "3 straight up sessions". A bare count needs "in a row" or "straight/consecutive" to be a streak.
 */
const SHORTHAND = new RegExp(
  `\\b${COUNT_WORD}(?:st|nd|rd|th)?\\s+(?:(?:straight|consecutive|successive)\\s+(green|red|up|down|winning|losing|positive|negative)\\s+(?:days?|sessions?|closes?)\\b|(green|red|up|down|winning|losing|positive|negative)\\s+(?:days?|sessions?|closes?)\\s+(?:in\\s+a\\s+row|straight|running)\\b)`,
  'i',
);
const LOSING_WORD = /^(?:red|down|losing|negative)$/i;
/** "after three straight declines", "snapped 4 red days in a row": the streak is over, not ongoing. */
const PAST_STREAK_BEFORE =
  /\b(?:after|following|snap\w*|end\w*|broke|break\w*|halt\w*|stop\w*|since)\s+(?:a|an|its|their|the|his|her)?\s*$/i;
/** "XLK's 13-session winning streak ended", "... came to an end". */
/** "13 days of green ended today", "five red days in a row came to an end": a streak that the as-of close ended. */
const DAYS_OF_ENDED = new RegExp(
  `\\b${COUNT_WORD}\\s+(?:straight\\s+|consecutive\\s+)?(?:days|sessions)\\s+(?:of\\s+(green|red|gains|losses|declines)|(?:in\\s+a\\s+row\\s+)?(?:of\\s+)?(up|down))(?:\\s+in\\s+a\\s+row)?\\s+(?:ended|snapped|(?:is|was)\\s+over|came\\s+to\\s+an\\s+end)\\b`,
  'i',
);
const ENDED_AFTER =
  /^\s+(?:(?:finally|officially|abruptly|now|has|had|have|just|was|is|got)\s+)*(?:ended|snapped|broke|broken|is\s+over|was\s+over|came\s+to\s+an\s+end|ends|snaps)\b|^\s+(?:over|done|snapped|broken)(?=\s*(?:[.,;!)]|$))/i;

/**
 * A desk's streak list: "Streaks: SPY 4 up days, XLF 5, VIX 4 down days", "Win streaks: XLV 7, XLC 5". After the
 * label, each name then a count, with its direction word or the one of the item (or label) before it.
 */
const STREAK_LIST_LABEL =
  /(?:^|[.;]\s*)(?:(?:active|current|win(?:ning)?|losing)\s+)?streaks?(?:\s+watch)?(?:\s*\([^)]*\))?\s*:\s*(?=\S)/i;
const LIST_ITEM =
  /^\s*:?\s*(\d+)(?:\s+(?:straight\s+|consecutive\s+)?(up|down|green|red|winning|losing)?\s*(?:days|sessions|gains|losses|declines|advances)?)?(?:\s+(?:in\s+a\s+row|straight|running))?(?=\s*(?:[,;.]|and\b|$))/i;
/** "XLRE +1.61%, 4 straight gains; XLC 5 straight": a count and "straight" alone, in the direction of the streak before. */
const BARE_STRAIGHT =
  /^\s*(?:([-+−–])\d+(?:\.\d+)?\s?%\s*,\s*)?(\d+)\s+(?:straight|in\s+a\s+row|running)(?=\s*(?:[,;.!]|$))/i;
const directionOf = (word: string | undefined): 'winning' | 'losing' | null =>
  word === undefined ? null : /^(?:down|red|losing|losses|declines|[-−–])$/i.test(word) ? 'losing' : 'winning';

/** An ongoing streak of `length` sessions told by mention `x` and the `tail` characters after it. */
function ongoingStreak(
  scope: SentenceScope,
  x: SentenceScope['mentions'][number],
  tail: number,
  direction: 'winning' | 'losing',
  length: number,
  unresolved?: string,
): StreakClaim {
  const claim: StreakClaim = {
    metric: 'streak',
    text: scope.sentence,
    subject: x.text,
    symbol: x.symbol,
    line: scope.line,
    span: { start: scope.offset + x.start, end: scope.offset + x.end + tail },
    direction,
    phase: 'ongoing',
    length,
  };
  return unresolved ? { ...claim, unresolved } : claim;
}

/** The claims of a streak list after its label (empty when the sentence has none). */
function streakList(scope: SentenceScope): StreakClaim[] {
  const { sentence, mentions } = scope;
  const label = STREAK_LIST_LABEL.exec(sentence);
  if (!label || hedged(sentence, label.index)) return [];
  const from = label.index + label[0].length;
  let direction = directionOf(/\b(win(?:ning)?|losing)\b/i.exec(label[0])?.[1]?.replace(/^win$/i, 'winning'));
  const out: StreakClaim[] = [];
  for (const x of mentions) {
    if (x.start < from || x.object) continue;
    const m = LIST_ITEM.exec(sentence.slice(x.end));
    if (!m) continue;
    direction = directionOf(m[2]) ?? direction;
    if (direction === null) continue;
    out.push(ongoingStreak(scope, x, m[0].length, direction, Number(m[1]), x.unresolved));
  }
  return out;
}

/** "XLC 5 straight" after a streak told in full in the same sentence (or after a signed move of the name). */
function bareStraights(scope: SentenceScope, before: readonly StreakClaim[]): StreakClaim[] {
  const { sentence, mentions } = scope;
  const out: StreakClaim[] = [];
  for (const x of mentions) {
    if (x.object || x.symbol === null) continue;
    const m = BARE_STRAIGHT.exec(sentence.slice(x.end));
    if (!m || hedged(sentence, x.start)) continue;
    const prior = [...before, ...out].filter((c) => c.span.end <= scope.offset + x.start).pop();
    const direction = directionOf(m[1]) ?? prior?.direction ?? null;
    if (direction === null) continue;
    out.push(ongoingStreak(scope, x, m[0].length, direction, Number(m[2])));
  }
  return out;
}

function extract(scope: SentenceScope): StreakClaim[] {
  const listed = streakList(scope);
  if (listed.length > 0) return listed;
  const found = extractWorded(scope);
  const bare = bareStraights(scope, found);
  return bare.length === 0 ? found : [...found, ...bare].sort((a, b) => a.span.start - b.span.start);
}

function extractWorded(scope: SentenceScope): StreakClaim[] {
  const { sentence, mentions, ctx } = scope;
  const out: StreakClaim[] = [];
  const hits: {
    m: RegExpExecArray;
    direction: 'winning' | 'losing';
    phase: 'ongoing' | 'ending';
    length: number | null;
  }[] = [];
  for (const m of allMatches(STREAK, sentence)) {
    const clause = clauseBefore(sentence, m.index).text;
    // "set to end a winning streak" is a claim about today's close; "if it ends" is not.
    if (HEDGE.test(clause.replace(/\b(?:appear\w*|set|poised|on\s+track|looks?|seem\w*)\s+to\b/gi, ''))) continue;
    if (NEGATION.test(clause)) continue;
    // "fell after a 13-day winning streak": the streak is over (read by `streakWordings` when a move ends it).
    if (/\b(?:after|following)\s+(?:a|an|its|their)\s+$/i.test(sentence.slice(0, m.index))) continue;
    // "green streak?": a question is not a claim.
    if (/^[^.!;,]*\?/.test(sentence.slice(m.index + m[0].length))) continue;
    hits.push({
      m,
      direction: /^(?:losing|red)$/i.test(m[3]!) ? 'losing' : 'winning',
      phase:
        (m[1] && /^(?:end|snap|break|broke|halt|stop)/i.test(m[1])) ||
        ENDED_AFTER.test(sentence.slice(m.index + m[0].length))
          ? 'ending'
          : 'ongoing',
      length: count(m[2] ?? m[4]),
    });
  }
  const overlaps = (m: RegExpExecArray) =>
    hits.some((h) => m.index < h.m.index + h.m[0].length && m.index + m[0].length > h.m.index);
  for (const m of allMatches(CONSECUTIVE, sentence)) {
    if (hedged(sentence, m.index) || PAST_STREAK_BEFORE.test(sentence.slice(0, m.index))) continue;
    const verb = m[1] ?? m[4] ?? m[5]!;
    const n = m[2] ?? m[3] ?? m[6];
    hits.push({
      m,
      direction: DOWN.test(verb.replace(/\s+/g, ' ')) ? 'losing' : 'winning',
      phase: 'ongoing',
      length: count(n),
    });
  }
  for (const m of allMatches(DAYS_OF_ENDED, sentence)) {
    if (hedged(sentence, m.index)) continue;
    const word = m[2] ?? m[3]!;
    hits.push({
      m,
      direction: /^(?:red|losses|declines|down)$/i.test(word) ? 'losing' : 'winning',
      phase: 'ending',
      length: count(m[1]),
    });
  }
  for (const w of streakWordings(sentence)) {
    if (overlaps(w.m) || hedged(sentence, w.m.index)) continue;
    hits.push(w);
  }
  for (const m of allMatches(SHORTHAND, sentence)) {
    if (overlaps(m) || hedged(sentence, m.index) || PAST_STREAK_BEFORE.test(sentence.slice(0, m.index))) continue;
    const word = m[2] ?? m[3]!;
    hits.push({
      m,
      direction: LOSING_WORD.test(word) ? 'losing' : 'winning',
      phase: 'ongoing',
      length: count(m[1]),
    });
  }
  hits.sort((a, b) => a.m.index - b.m.index);
  let prevEnd = 0;
  for (const { m, direction, phase, length } of hits) {
    const subject =
      findSubject(sentence, mentions, prevEnd, m.index, ctx) ?? findSubject(sentence, mentions, 0, m.index, ctx);
    prevEnd = m.index + m[0].length;
    if (!subject) continue;
    const claim: StreakClaim = {
      metric: 'streak',
      ...matchedClaim(scope, subject, m),
      direction,
      phase,
      length,
    };
    out.push(subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim);
  }
  // "slipped for an eighth straight session, ..., its longest losing run in years": one streak told twice is one
  // claim (the one that gives its length).
  return out.filter(
    (c, i) =>
      !out.some(
        (d, j) =>
          j !== i &&
          d.symbol === c.symbol &&
          (c.symbol !== null || d.subject === c.subject) &&
          d.direction === c.direction &&
          d.phase === c.phase &&
          (c.length === null ? d.length !== null || j < i : d.length === c.length && j < i),
      ),
  );
}

function run(n: number): string {
  if (n === 0) return 'an unchanged close';
  return `a ${Math.abs(n)}-day ${n > 0 ? 'winning' : 'losing'} streak`;
}

export const streakClaimType: ClaimType<StreakClaim> = {
  metric: 'streak',
  hasBasis: false,
  extract,
  evaluate(c, { series: s, k, field }) {
    const now = streak(s[field], k);
    const sign = c.direction === 'winning' ? 1 : -1;
    if (c.phase === 'ongoing') {
      const ok = c.length === null ? now * sign >= 2 : now * sign === c.length;
      return { ok, actual: now, fact: now === 0 ? `${s.symbol} closed unchanged` : `${s.symbol} is on ${run(now)}` };
    }
    const before = streak(s[field], k - 1);
    const ok = now * sign < 0 && before * sign >= (c.length ?? 2) && (c.length === null || before * sign === c.length);
    const fact =
      now * before < 0 && Math.abs(before) >= 2
        ? `${s.symbol} ended ${run(before)}`
        : `${s.symbol} is on ${run(now)}, after ${run(before)}`;
    return { ok, actual: before, fact };
  },
  claimed: (c) => (c.length === null ? null : c.length * (c.direction === 'winning' ? 1 : -1)),
  claimedText: (c) =>
    `${c.phase === 'ending' ? 'ending' : 'on'} a ${c.length === null ? '' : `${c.length}-day `}${c.direction} streak`,
  period: () => null,
};
