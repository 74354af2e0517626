/**
 * Who a claim is about: the last name in the clause before the claim's words (objects such as
 * "which tracks the Russell 2000" skipped), else the thing an anaphor refers to ("the index", "it"),
 * else an unknown proper name that stands right before the verb ("Palantir is up ..."), else the last
 * subject of the text ("rose 6.55%" after a sentence about SPSM).
 */
import { ensureDefined } from '../../domain/ensure.js';
import { allMatches, hedged } from './clause-words.js';
import { type ExtractionContext, resolveAnaphor } from './extraction-context.js';
import type { Mention } from './name-resolver.js';
import { findPeriods } from './period-phrases.js';

export interface Subject {
  readonly subject: string;
  readonly symbol: string | null;
  readonly unresolved?: string;
  readonly mention: Mention | null;
}

const NOT_A_NAME = new Set([
  'The',
  'A',
  'An',
  'And',
  'But',
  'While',
  'As',
  'Its',
  'It',
  'They',
  'Their',
  'Shares',
  'Stocks',
  'This',
  'That',
  'These',
  'Those',
  'Meanwhile',
  'Still',
  'Also',
  'Yet',
  'So',
  'Then',
  'Now',
  'Here',
  'There',
  'In',
  'On',
  'Over',
  'Since',
  'Year',
  'Compare',
  'By',
  'According',
  'With',
  'After',
  'Before',
  'During',
  'For',
  'Of',
  'At',
  'Both',
  'Each',
  'All',
  'Some',
  'Others',
  'Investors',
  'Analysts',
  'Let',
  "Let's",
  'Look',
  'YTD',
  'MTD',
  'QTD',
  'Publication',
]);

const WHEN_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:['’]s)?$/;

const UNKNOWN_NAME =
  /((?:[A-Z][\w&.'-]*\s+)*[A-Z][\w&.'-]*)\s+(?:shares\s+|stock\s+)?(?:(?:is|was|are|were|has|have|had)\s+(?:been\s+|now\s+|also\s+)?)?(?:up|down|rose|risen|gained|climbed|advanced|added|jumped|surged|soared|rallied|fell|fallen|dropped|declined|lost|slid|slipped|sank|tumbled|plunged|returned|\d)/;

const FILLER = new Set(
  'and while but or also then is was are were has have had been be being it its they their shares stock the a an by about nearly roughly almost just some more than over further another again still so far today day session week year to date this month quarter same period past last one-year year-to-date ytd over during in on of respectively meanwhile rose risen gained climbed advanced added jumped surged soared rallied fell fallen dropped declined lost slid slipped sank tumbled plunged returned up down higher lower now currently trading sits sitting stands standing each together monday tuesday wednesday thursday friday since thereby leaving left putting bringing taking which remains remained stays stayed sits sat though however yesterday overnight even after despite for posted posting posts notched notching logged booked recorded scored delivered managed ended ending finished finishing closed out wrapped january february march april may june july august september october november december'.split(
    ' ',
  ),
);

/** Words that open an aside about the move itself ("ending a five-session slide", "capping a 16% monthly gain"). */
const ASIDE_VERB =
  'ending|snapping|breaking|extending|stretching|capping|marking|lifting|trimming|paring|pushing|cutting|taking|bringing|leaving|sending|making|putting|notching|posting|logging|setting|hitting|reaching|touching|closing|finishing|rounding|wrapping';
/**
 * Asides between a subject's first move and its next one say more about the move, not who moved: "MSFT advanced
 * 8.06%, ending a five-session slide, and is now up 4.02%", "XLE rose 1.07% to a record close, its eighth straight
 * gain, and finished January up 12.97%", "ORCL rose 1.26%, capping a 16.32% monthly advance". A comma-closed aside
 * that opens with such a verb, a determiner or a preposition, and the clause's last aside when it opens with such a
 * verb, are removed (the clause holds no name here: a name in it is its subject before this is asked).
 */
export function withoutMoveAsides(clause: string): string {
  const middle = new RegExp(`(?:^|,)\\s*(?:${ASIDE_VERB}|its|their|an?|the|to|at|for|on|in)\\b[^,;:]*(?=,)`, 'gi');
  const last = new RegExp(`,\\s*(?:${ASIDE_VERB})\\b[^,;:]*$`, 'i');
  // "rebounded 2.25% after three straight losses and is up 8.10%": a phrase on the first move, then "and" and a verb
  // with no subject of its own.
  // "slipped 0.44% for a second day but is still up 0.79%", "slipped 0.03% to snap a four-day winning streak but gained
  // 2.32%": so with "but", and with the next move's own verb.
  const before =
    /^\s*(?:after|following|despite|amid|on|in|for|to|from|with)\b[^,;:]*?(?=\s+(?:and|but)\s+(?:is|was|are|were|has|have|had|now|still|remains?|sits?|stands?|gained|rose|fell|lost|added|slipped|climbed|dropped|jumped|declined|advanced|rallied|eased|finished|ended|closed)\b|\s+(?:and|but)\s*$)/i;
  // ... unless the phrase has a verb of its own ("after small caps fell and are up 3%": small caps are).
  const verb =
    /\b(?:is|are|was|were|has|have|had|rose|fell|gained|lost|dropped|climbed|slid|rallied|jumped|declined|advanced|slipped|tumbled|surged|sank|added|eased)\b/i;
  return clause
    .replace(middle, ' ')
    .replace(last, ' ')
    .replace(before, (aside) => (verb.test(aside) ? aside : ' '));
}

function onlyFiller(clause: string): boolean {
  if (clause !== withoutMoveAsides(clause) && onlyFillerWords(withoutMoveAsides(clause))) return true;
  return onlyFillerWords(clause);
}

function onlyFillerWords(clause: string): boolean {
  // Period phrases ("for the month and", "over the past five sessions and") carry no subject.
  let rest = clause;
  for (const p of findPeriods(clause).reverse()) rest = `${rest.slice(0, p.start)} ${rest.slice(p.end)}`;
  // Period labels of broker shorthand ("; QTD +5.58%", "1Y") carry no subject.
  const bare = rest.replace(/\b(?:YTD|MTD|QTD|[135]Y|[15]D|d\/d|w\/w)\b/gi, ' ');
  const words = bare.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  return words.every((w) => FILLER.has(w));
}

function fromMention(m: Mention): Subject {
  const s: Subject = { subject: m.text.replace(/^the\s+/i, ''), symbol: m.symbol, mention: m };
  return m.unresolved ? { ...s, unresolved: m.unresolved } : s;
}

/**
 * @param sentence the sentence text
 * @param mentions the sentence's mentions (offsets within the sentence)
 * @param clauseStart where the claim's clause starts in the sentence
 * @param at where the claim's words start
 */
export function findSubject(
  sentence: string,
  mentions: readonly Mention[],
  clauseStart: number,
  at: number,
  ctx: ExtractionContext,
): Subject | null {
  const inClause = mentions.filter((m) => m.start >= clauseStart && m.end <= at && !m.object);
  const last = inClause[inClause.length - 1];
  if (last) return fromMention(last);
  const clause = sentence.slice(clauseStart, at);
  const earlier = mentions.filter((m) => m.end <= clauseStart);
  const ana = resolveAnaphor(clause, earlier, ctx);
  if (ana) return fromMention(ana.mention);
  // The verb may be the claim's own first word ("Palantir is up ..."), so look a little past `at`.
  const unknown = UNKNOWN_NAME.exec(sentence.slice(clauseStart, at + 24));
  if (unknown && unknown.index < at - clauseStart) {
    const words = unknown[1]!.split(/\s+/);
    while (
      words.length > 0 &&
      NOT_A_NAME.has(ensureDefined(words[0], 'first word of an unknown name').replace(/,$/, ''))
    )
      words.shift();
    const name = words.join(' ').replace(/[,.]$/, '');
    // "Thursday's 0.5% dip", "December's 3% gain": a day or a month is when, not who.
    if (name !== '' && !NOT_A_NAME.has(name) && !WHEN_WORD.test(name)) {
      return { subject: name, symbol: null, unresolved: `no symbol in the config is named '${name}'`, mention: null };
    }
  }
  // A clause with no subject of its own ("..., and 30% this year", "rose 6.55%") continues the last one;
  // a clause with some other noun ("small caps rose 5%") is about something we cannot name.
  if (!onlyFiller(clause)) return null;
  const prior = mentions.filter((m) => m.end <= at && !m.object);
  const p = prior[prior.length - 1];
  if (p) return fromMention(p);
  return ctx.lastSubject ? fromMention(ctx.lastSubject) : null;
}

/**
 * Each unhedged match of `re` in the sentence with its subject (null when none is found): the subject
 * in the text since the previous match, else anywhere before the match.
 */
export function matchesWithSubjects(
  re: RegExp,
  sentence: string,
  mentions: readonly Mention[],
  ctx: ExtractionContext,
): { m: RegExpExecArray; subject: Subject | null }[] {
  const out: { m: RegExpExecArray; subject: Subject | null }[] = [];
  let prevEnd = 0;
  for (const m of allMatches(re, sentence)) {
    if (hedged(sentence, m.index)) continue;
    const subject =
      findSubject(sentence, mentions, prevEnd, m.index, ctx) ?? findSubject(sentence, mentions, 0, m.index, ctx);
    prevEnd = m.index + m[0].length;
    out.push({ m, subject });
  }
  return out;
}
