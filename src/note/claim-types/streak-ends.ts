/**
 * Streaks told by their end or their length in other words: "ending a run of 13 straight gains",
 * "extending its run of five consecutive advances", "its first gain after three straight declines",
 * "green after 3 red days". The first two name the streak itself; the last two name the close that
 * broke a streak of the other direction (a gain after declines ends a losing streak).
 */
import { allMatches, COUNT_WORD, clauseBefore, count } from '../claims/clause-words.js';
import { findPeriods } from '../claims/period-phrases.js';

export interface StreakWording {
  readonly m: RegExpExecArray;
  readonly direction: 'winning' | 'losing';
  readonly phase: 'ongoing' | 'ending';
  readonly length: number | null;
}

const UP_NOUNS =
  'gains|advances|rises|up\\s+days|up\\s+sessions|green\\s+days|green\\s+sessions|winning\\s+sessions|higher\\s+closes|up\\s+closes';
const DOWN_NOUNS =
  'declines|losses|drops|falls|down\\s+days|down\\s+sessions|red\\s+days|red\\s+sessions|losing\\s+sessions|lower\\s+closes|down\\s+closes';
const IN_A_ROW = '(?:straight\\s+|consecutive\\s+|successive\\s+)?';

/**
 * "ending a run of 13 straight gains", "its run of five consecutive declines", "a two-day run of gains", "a streak of
 * 13 gains", and in a post without an article, after the ticker or a comma: "$AAPL streak of 7 up days is over",
 * "$AAPL -3.74%, streak of 8 up days is over".
 */
const RUN_OF = new RegExp(
  `\\b(?:(end|ends|ending|ended|snap\\w*|break\\w*|broke|halt\\w*|stop\\w*|extend\\w*|continu\\w*)\\s+)?(?:(?:a|an|its|their|the)\\s+|(?<=\\$[A-Z]{1,5}\\s+|\\b[A-Z]{2,5}\\s+|,\\s+))(?:${COUNT_WORD}[- ](?:day|session)\\s+)?(?:winning\\s+|losing\\s+)?(?:run|streak|string|stretch)\\s+of\\s+(?:${COUNT_WORD}\\s+)?${IN_A_ROW}(${UP_NOUNS}|${DOWN_NOUNS})\\b`,
  'i',
);

/** "... streak of 7 up days is over", "... came to an end": the run named before these words is over. */
const RUN_OVER_AFTER =
  /^\s+(?:(?:is|was|has\s+been)\s+over|(?:has\s+)?(?:ended|snapped|been\s+snapped|came\s+to\s+an\s+end))\b/i;

/** "its first gain after three straight declines", "green after 3 red days", "higher following four losses". */
const AFTER_RUN = new RegExp(
  `\\b(?:(?:its|their|a|the)\\s+)?(?:first\\s+)?(gain|advance|rise|up\\s+day|green\\s+day|green|up|higher|rebound|bounce|decline|loss|drop|fall|down\\s+day|red\\s+day|red|down|lower)\\s+(?:again\\s+)?(?:after|following)\\s+${COUNT_WORD}\\s+${IN_A_ROW}(${UP_NOUNS}|${DOWN_NOUNS})\\b`,
  'i',
);

const UP_FIRST = /^(?:gain|advance|rise|up\s+day|green\s+day|green|up|higher|rebound|bounce)$/i;

/** An ordinal ("second" ... "fifteenth", "2nd", "13th"): the count of a streak told by its newest day. */
const ORDINAL =
  '(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|\\d+(?:st|nd|rd|th))';
const DAY_UNIT = '(?:day|session|trading\\s+day)';
const UP_PLURAL = 'gains|advances|rises|increases';
const DOWN_PLURAL = 'losses|declines|drops|falls|decreases';
const UP_SINGLE =
  'gain|advance|rise|up\\s+day|green\\s+day|up\\s+session|winning\\s+session|higher\\s+close|positive\\s+close';
const DOWN_SINGLE =
  'loss|decline|drop|fall|down\\s+day|red\\s+day|down\\s+session|losing\\s+session|lower\\s+close|negative\\s+close';
const MOVE_VERBS_UP =
  'rose|risen|rising|gaining|climbing|advancing|gained|climbed|advanced|rallied|added|jumped|rebounded|bounced|firmed|up|higher|green|(?:closed|ended|finished|settled|moved|turned)\\s+(?:higher|up|green)';
const MOVE_VERBS_DOWN =
  'fell|fallen|falling|declining|dropping|sliding|slipping|losing|dropped|declined|slid|slipped|lost|eased|dipped|retreated|sank|tumbled|shed|down|lower|red|gave\\s+(?:up|back)|(?:closed|ended|finished|settled|moved|turned)\\s+(?:lower|down|red)';
const isUp = (w: string) =>
  new RegExp(`^(?:${MOVE_VERBS_UP}|${UP_PLURAL}|${UP_SINGLE})$`, 'i').test(w.replace(/\s+/g, ' '));

/** "its second day of gains", "a third straight session of losses": an ongoing streak of that length. */
const NTH_DAY_OF = new RegExp(
  `(?:\\b(?:its|their|a|the)|['’]s)\\s+${ORDINAL}\\s+${IN_A_ROW}${DAY_UNIT}\\s+of\\s+(${UP_PLURAL}|${DOWN_PLURAL})\\b`,
  'i',
);
/** "the seventh loss in a row", "its 3rd gain running", "$NVDA -1.6%, third loss in a row": an ongoing streak. */
const NTH_IN_A_ROW = new RegExp(
  `(?:(?:\\b(?:its|their|a|the)|['’]s)\\s+)?\\b${ORDINAL}\\s+(?:straight\\s+|consecutive\\s+)?(${UP_SINGLE}|${DOWN_SINGLE})\\s+(?:in\\s+a\\s+row|running|straight)\\b`,
  'i',
);
/** A move's figure and day between its verb and the streak: "fell 1.55% on Thursday for a third day". */
const MOVE_FIGURE =
  '(?:\\s+(?:by\\s+)?[-+−–]?\\d+(?:\\.\\d+)?\\s?%)?(?:\\s+(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|yesterday|today))?';
/** "up for a fourth day running", "fell for a second session", "lower for the 3rd straight day". */
const FOR_NTH_DAY = new RegExp(
  `\\b(${MOVE_VERBS_UP}|${MOVE_VERBS_DOWN})${MOVE_FIGURE}\\s+(?:for\\s+)?(?:an?|the)\\s+${ORDINAL}\\s+${IN_A_ROW}${DAY_UNIT}(?:\\s+(?:running|in\\s+a\\s+row|straight))?\\b(?!\\s+(?:of|this|in\\s+(?!a\\s+row)))`,
  'i',
);
/** "five sessions in a row" after a verb: "has gained in five sessions in a row", "was higher four days running". */
const N_DAYS_IN_A_ROW = new RegExp(
  `\\b(${MOVE_VERBS_UP}|${MOVE_VERBS_DOWN})\\s+(?:in\\s+|for\\s+)?(?:the\\s+(?:past|last)\\s+)?${COUNT_WORD}\\s+${IN_A_ROW}(?:sessions|days|trading\\s+days)\\s+(?:in\\s+a\\s+row|running|straight)\\b`,
  'i',
);
/**
 * "the first down day in eight", "its first gain in seven sessions", "closed lower for the first time in 14
 * sessions": the close ended a streak of the other direction, one shorter than the count.
 */
const FIRST_IN = new RegExp(
  `\\b(?:(?:its|their|the|a)\\s+first\\s+(${UP_SINGLE}|${DOWN_SINGLE})|(${MOVE_VERBS_UP}|${MOVE_VERBS_DOWN})\\s+for\\s+the\\s+first\\s+time)\\s+in\\s+${COUNT_WORD}(?:\\s+(?:sessions|days|trading\\s+days))?\\b(?!\\s+(?:weeks?|months?|years?)\\b)`,
  'i',
);
/**
 * A run of days named by its move: "a 13-day rally", "a three-day slide", "an 8 day run" (a bare run is a
 * run of gains, as markets use the word).
 */
const RUN_NOUNS =
  'gain|loss|rally|climb|advance|ascent|run|winning\\s+run|win\\s+streak|slide|skid|slump|sell-?off|decline|retreat|losing\\s+run|losing\\s+streak';
const isDownRunNoun = (w: string) => /^(?:loss|slide|skid|slump|sell-?off|decline|retreat|losing)/i.test(w);
/** "the first red day after a 13 day run", "its first gain following a five-day slide": the close ended that run. */
const FIRST_AFTER_NOUN_RUN = new RegExp(
  `\\b(?:(?:its|their|a|the)\\s+)?(?:first\\s+)?(gain|advance|rise|up\\s+day|green\\s+day|green|up|higher|rebound|bounce|decline|loss|drop|fall|down\\s+day|red\\s+day|red|down|lower)\\s+(?:again\\s+)?(?:after|following)\\s+(?:a|an|its|their)\\s+${COUNT_WORD}[- ](?:day|session)\\s+(?:(winning|losing|win|green|red)\\s+(?:streak|run)|(${RUN_NOUNS}))\\b`,
  'i',
);
/** "ending a three-day slide", "snapped a 13-session rally", "extends its five-day climb", "breaks 3-day slide". */
const NOUN_RUN = new RegExp(
  `\\b(end|ends|ending|ended|snap\\w*|break\\w*|broke|halt\\w*|stop\\w*|extend\\w*|continu\\w*|riding)\\s+(?:(?:a|an|its|their|the)\\s+|what\\s+(?:had\\s+been|was)\\s+(?:a|an)\\s+)?${COUNT_WORD}[- ](?:day|session|trading[- ]day)\\s+(${RUN_NOUNS})\\b`,
  'i',
);
const CARDINAL = '(\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)';
/** Not a streak: "3 red days this month", "4 up days out of 5", "up 3 in a row weeks". */
const NOT_A_RUN_AFTER =
  '(?!\\s+(?:this|last|of|out|over|since|so|for|per|later|ago|before|earlier|a\\s+(?:week|month)|in\\s+(?!a\\s+row))\\b)(?!\\s*[-+−–]?\\d)';
/**
 * A bare count of up or down days is a tally, not a streak, beside a period ("in the past five sessions, 3 up
 * days"), a tally's verb ("had 3 up days") or a count the other way ("3 up days and 2 down days").
 */
function tally(sentence: string, m: RegExpExecArray): boolean {
  if (/\b(?:in\s+a\s+row|straight|consecutive|successive|running)\b/i.test(m[0])) return false;
  if (findPeriods(sentence).some((p) => p.period !== '1d')) return true;
  if (
    /\b(?:had|has|have|saw|sees|see|counted|logged|posted|notched|recorded|with)\s+$/i.test(sentence.slice(0, m.index))
  )
    return true;
  const ups = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:up|green)\s+(?:days|sessions)\b/i.test(
    sentence,
  );
  const downs = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:down|red)\s+(?:days|sessions)\b/i.test(
    sentence,
  );
  return ups && downs;
}
/**
 * Desk and social shorthand for an ongoing streak: "4 up days", "3 red days", "5 green sessions", "4 days up",
 * "up 4 straight", "down 3 in a row", "three straight losses", "two losses in a row". A bare count of up or
 * down days is a streak when nothing after it bounds them otherwise ("3 red days this week" is not one).
 */
const SHORT_RUNS: readonly RegExp[] = [
  new RegExp(
    `\\b${CARDINAL}\\s+(?:straight\\s+|consecutive\\s+)?(green|red|up|down)\\s+(?:days|sessions)\\b(?:\\s+(?:in\\s+a\\s+row|straight|running))?${NOT_A_RUN_AFTER}`,
    'i',
  ),
  new RegExp(
    `\\b${CARDINAL}\\s+(?:straight\\s+|consecutive\\s+)?(?:days|sessions)\\s+(up|down|green|red|higher|lower)\\b(?:\\s+in\\s+a\\s+row)?(?!\\s+to\\b)${NOT_A_RUN_AFTER}`,
    'i',
  ),
  new RegExp(
    `\\b(up|down|higher|lower|green|red)\\s+${CARDINAL}\\s+(?:straight|in\\s+a\\s+row|consecutive|running)\\b(?!\\s+(?:weeks?|months?|quarters?|years?)\\b)`,
    'i',
  ),
  new RegExp(
    `\\b${CARDINAL}\\s+(?:(?:straight|consecutive|successive)\\s+(${UP_PLURAL}|${DOWN_PLURAL})\\b|(${UP_PLURAL}|${DOWN_PLURAL})\\s+in\\s+a\\s+row\\b)`,
    'i',
  ),
];
/** "(4th down day)", "NVDA -1.64% (5th straight loss)", "$SPY -0.4%, 3rd red day": an ordinal day standing as its own note. */
const NTH_NOTE = new RegExp(
  `(?:\\(\\s*|,\\s+)${ORDINAL}\\s+(?:${IN_A_ROW}(${UP_SINGLE}|${DOWN_SINGLE})|(?:straight|consecutive)\\s+(up|down|green|red|higher|lower))(?=\\s*(?:\\)|[,;.!]|$))`,
  'i',
);
/** "7 days in a row up", "4 sessions straight down": the count, then the run's words, then its direction. */
const DAYS_IN_A_ROW_THEN_WAY = new RegExp(
  `\\b${CARDINAL}\\s+(?:days|sessions)\\s+(?:in\\s+a\\s+row|straight|running)\\s+(up|down|green|red|higher|lower)\\b`,
  'i',
);
/** "snapped 6 up days", "breaks 4 red days", "ended 3 straight gains": the as-of close ended that run. */
const ENDED_SHORT_RUN = new RegExp(
  `\\b(?:snap\\w*|end(?:s|ed|ing)?|broke|break\\w*|halt\\w*|stop\\w*)\\s+(?:(?:a|an|its|their)\\s+)?${CARDINAL}\\s+${IN_A_ROW}(?:(green|red|up|down)\\s+(?:days|sessions)|(${UP_PLURAL}|${DOWN_PLURAL}))\\b`,
  'i',
);
/** A streak after these words is over ("after three straight losses"); the move that ended it is read elsewhere. */
const ENDED_BEFORE =
  /\b(?:after|following|snap\w*|end\w*|broke|break\w*|halt\w*|stop\w*|since|of)\s+(?:a|an|its|their|the|his|her)?\s*$/i;
/** "Apple, for a third straight session, fell", "Tesla for a fourth straight day was lower": the move told apart. */
const FOR_NTH_BARE = new RegExp(
  `\\bfor\\s+(?:an?|the)\\s+${ORDINAL}\\s+${IN_A_ROW}(${DAY_UNIT}|${UP_SINGLE}|${DOWN_SINGLE})\\b(?:\\s+(?:running|in\\s+a\\s+row|straight))?(?!\\s+(?:of|this|in\\s+(?!a\\s+row)))`,
  'i',
);
const MOVE_WORD = new RegExp(
  `\\b(${MOVE_VERBS_UP}|${MOVE_VERBS_DOWN})\\b|(?<![\\w.])([-+−–])\\d+(?:\\.\\d+)?\\s?%`,
  'i',
);
/** The direction of the move told in the clause around a span: the first move after it, else the last before it. */
function moveAround(sentence: string, start: number, end: number): boolean | null {
  const after = sentence.slice(end).split(/[.;!?]/)[0]!;
  const a = MOVE_WORD.exec(after);
  if (a) return a[2] ? a[2] === '+' : isUp(a[1]!);
  const before = allMatches(MOVE_WORD, sentence.slice(clauseBefore(sentence, start).start, start)).pop();
  if (before) return before[2] ? before[2] === '+' : isUp(before[1]!);
  return null;
}

/**
 * "fell 0.51% after 13 consecutive gains", "slipped following a 13-day winning streak", "rose after five
 * sessions of losses": a move against the streak before it ends that streak.
 */
const MOVE_AFTER_RUN = new RegExp(
  `(\\b(?:${MOVE_VERBS_UP}|${MOVE_VERBS_DOWN})|(?<![\\w.])[-+−–]\\d+(?:\\.\\d+)?\\s?%)(?:\\s+(?:by\\s+)?[-+−–]?\\d+(?:\\.\\d+)?\\s?%)?(?:\\s+(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|yesterday|today))?\\s+(?:after|following)\\s+(?:${COUNT_WORD}\\s+${IN_A_ROW}(${UP_PLURAL}|${DOWN_PLURAL}|up\\s+days|down\\s+days|green\\s+days|red\\s+days)|${COUNT_WORD}\\s+${IN_A_ROW}(?:sessions|days|trading\\s+days)\\s+of\\s+(${UP_PLURAL}|${DOWN_PLURAL})|(?:a|an|its|their)\\s+${COUNT_WORD}[- ](?:day|session)\\s+(?:(winning|losing|win|green|red)\\s+(?:streak|run)|(${RUN_NOUNS})))\\b`,
  'i',
);
/** A move ("-0.51%", "fell") up or down. */
const moveIsUp = (w: string) => (/^[-−–]\d/.test(w) ? false : /^\+\d/.test(w) ? true : isUp(w));

const isDownNoun = (w: string) => new RegExp(`^(?:${DOWN_NOUNS})$`, 'i').test(w.replace(/\s+/g, ' '));

export function streakWordings(sentence: string): StreakWording[] {
  const out: StreakWording[] = [];
  // One claim per stretch of words: the first reading of a span wins ("lower after 13 straight advances").
  const add = (w: StreakWording) => {
    const end = w.m.index + w.m[0].length;
    if (!out.some((o) => w.m.index < o.m.index + o.m[0].length && end > o.m.index)) out.push(w);
  };
  for (const m of allMatches(RUN_OF, sentence)) {
    const verb = m[1] ?? '';
    add({
      m,
      direction: isDownNoun(m[4]!) ? 'losing' : 'winning',
      phase:
        /^(?:end|snap|break|broke|halt|stop)/i.test(verb) || RUN_OVER_AFTER.test(sentence.slice(m.index + m[0].length))
          ? 'ending'
          : 'ongoing',
      length: count(m[2] ?? m[3]),
    });
  }
  for (const m of allMatches(AFTER_RUN, sentence)) {
    const down = isDownNoun(m[3]!);
    // The close must go the other way from the streak it ends ("a gain after declines"), else it is no end.
    if (UP_FIRST.test(m[1]!.replace(/\s+/g, ' ')) !== down) continue;
    add({ m, direction: down ? 'losing' : 'winning', phase: 'ending', length: count(m[2]) });
  }
  for (const m of allMatches(NTH_DAY_OF, sentence))
    add({ m, direction: isUp(m[2]!) ? 'winning' : 'losing', phase: 'ongoing', length: count(m[1]) });
  for (const m of allMatches(NTH_IN_A_ROW, sentence))
    add({ m, direction: isUp(m[2]!) ? 'winning' : 'losing', phase: 'ongoing', length: count(m[1]) });
  for (const m of allMatches(FOR_NTH_DAY, sentence))
    add({ m, direction: isUp(m[1]!) ? 'winning' : 'losing', phase: 'ongoing', length: count(m[2]) });
  for (const m of allMatches(N_DAYS_IN_A_ROW, sentence))
    add({ m, direction: isUp(m[1]!) ? 'winning' : 'losing', phase: 'ongoing', length: count(m[2]) });
  for (const m of allMatches(FIRST_IN, sentence)) {
    const n = count(m[3]);
    if (n === null || n < 2) continue;
    // "its first gain in seven sessions" ended a losing streak of six.
    add({ m, direction: isUp((m[1] ?? m[2])!) ? 'losing' : 'winning', phase: 'ending', length: n - 1 });
  }
  for (const m of allMatches(MOVE_AFTER_RUN, sentence)) {
    const run = m[3] ?? m[5] ?? m[7] ?? m[8]!;
    const runUp =
      isUp(run) ||
      /^(?:up\s+days|green\s+days|winning|win|green)$/i.test(run.replace(/\s+/g, ' ')) ||
      (m[8] !== undefined && !isDownRunNoun(m[8]));
    // The move must go against the streak it ends ("fell after 13 gains"); "rose after 12 gains" is no end.
    if (moveIsUp(m[1]!) === runUp) continue;
    add({ m, direction: runUp ? 'winning' : 'losing', phase: 'ending', length: count(m[2] ?? m[4] ?? m[6]) });
  }
  for (const m of allMatches(FIRST_AFTER_NOUN_RUN, sentence)) {
    const runUp = m[3] ? !/^(?:losing|red)$/i.test(m[3]) : !isDownRunNoun(m[4]!);
    // The close goes against the run it ends ("red after a 13 day run"); "green after a 5-day rally" ends nothing.
    if (UP_FIRST.test(m[1]!.replace(/\s+/g, ' ')) === runUp) continue;
    add({ m, direction: runUp ? 'winning' : 'losing', phase: 'ending', length: count(m[2]) });
  }
  for (const m of allMatches(NOUN_RUN, sentence))
    add({
      m,
      direction: isDownRunNoun(m[3]!) ? 'losing' : 'winning',
      phase: /^(?:end|snap|break|broke|halt|stop)/i.test(m[1]!) ? 'ending' : 'ongoing',
      length: count(m[2]),
    });
  for (const m of allMatches(FOR_NTH_BARE, sentence)) {
    const unit = m[2]!.replace(/\s+/g, ' ');
    const up = new RegExp(`^${DAY_UNIT}$`, 'i').test(unit)
      ? moveAround(sentence, m.index, m.index + m[0].length)
      : isUp(unit);
    if (up === null || (count(m[1]) ?? 0) < 2) continue;
    add({ m, direction: up ? 'winning' : 'losing', phase: 'ongoing', length: count(m[1]) });
  }
  for (const m of allMatches(NTH_NOTE, sentence)) {
    if ((count(m[1]) ?? 0) < 2) continue;
    add({ m, direction: isUp((m[2] ?? m[3])!) ? 'winning' : 'losing', phase: 'ongoing', length: count(m[1]) });
  }
  for (const m of allMatches(ENDED_SHORT_RUN, sentence))
    add({ m, direction: isUp((m[2] ?? m[3])!) ? 'winning' : 'losing', phase: 'ending', length: count(m[1]) });
  for (const m of allMatches(DAYS_IN_A_ROW_THEN_WAY, sentence)) {
    if ((count(m[1]) ?? 0) < 2 || ENDED_BEFORE.test(sentence.slice(0, m.index))) continue;
    add({ m, direction: isUp(m[2]!) ? 'winning' : 'losing', phase: 'ongoing', length: count(m[1]) });
  }
  for (const re of SHORT_RUNS)
    for (const m of allMatches(re, sentence)) {
      const n = count(m[1]?.match(/^(?:up|down|higher|lower|green|red)$/i) ? m[2] : m[1]);
      const word = re === SHORT_RUNS[2] ? m[1]! : (m[2] ?? m[3])!;
      if (n === null || n < 2 || ENDED_BEFORE.test(sentence.slice(0, m.index))) continue;
      // "SPY -0.30% (3 down days), Jan +1.47%": a count standing alone in parentheses after a move is its streak.
      const inParens =
        /\(\s*$/.test(sentence.slice(0, m.index)) && /^\s*\)/.test(sentence.slice(m.index + m[0].length));
      if ((re === SHORT_RUNS[0] || re === SHORT_RUNS[1]) && !inParens && tally(sentence, m)) continue;
      add({ m, direction: isUp(word) ? 'winning' : 'losing', phase: 'ongoing', length: n });
    }
  return out;
}
