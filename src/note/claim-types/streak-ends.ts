/**
 * Streaks told by their end or their length in other words: "ending a run of 13 straight gains",
 * "extending its run of five consecutive advances", "its first gain after three straight declines",
 * "green after 3 red days". The first two name the streak itself; the last two name the close that
 * broke a streak of the other direction (a gain after declines ends a losing streak).
 */
import { allMatches, COUNT_WORD, count } from '../claims/clause-words.js';

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

/** "ending a run of 13 straight gains", "its run of five consecutive declines". */
const RUN_OF = new RegExp(
  `\\b(?:(end|ends|ending|ended|snap\\w*|break\\w*|broke|halt\\w*|stop\\w*|extend\\w*|continu\\w*)\\s+)?(?:a|an|its|their|the)\\s+(?:winning\\s+|losing\\s+)?run\\s+of\\s+${COUNT_WORD}\\s+${IN_A_ROW}(${UP_NOUNS}|${DOWN_NOUNS})\\b`,
  'i',
);

/** "its first gain after three straight declines", "green after 3 red days", "higher following four losses". */
const AFTER_RUN = new RegExp(
  `\\b(?:(?:its|their|a|the)\\s+)?(?:first\\s+)?(gain|advance|rise|up\\s+day|green\\s+day|green|up|higher|rebound|bounce|decline|loss|drop|fall|down\\s+day|red\\s+day|red|down|lower)\\s+(?:again\\s+)?(?:after|following)\\s+${COUNT_WORD}\\s+${IN_A_ROW}(${UP_NOUNS}|${DOWN_NOUNS})\\b`,
  'i',
);

const UP_FIRST = /^(?:gain|advance|rise|up\s+day|green\s+day|green|up|higher|rebound|bounce)$/i;
const isDownNoun = (w: string) => new RegExp(`^(?:${DOWN_NOUNS})$`, 'i').test(w.replace(/\s+/g, ' '));

export function streakWordings(sentence: string): StreakWording[] {
  const out: StreakWording[] = [];
  for (const m of allMatches(RUN_OF, sentence)) {
    const verb = m[1] ?? '';
    out.push({
      m,
      direction: isDownNoun(m[3]!) ? 'losing' : 'winning',
      phase: /^(?:end|snap|break|broke|halt|stop)/i.test(verb) ? 'ending' : 'ongoing',
      length: count(m[2]),
    });
  }
  for (const m of allMatches(AFTER_RUN, sentence)) {
    const down = isDownNoun(m[3]!);
    // The close must go the other way from the streak it ends ("a gain after declines"), else it is no end.
    if (UP_FIRST.test(m[1]!.replace(/\s+/g, ' ')) !== down) continue;
    out.push({ m, direction: down ? 'losing' : 'winning', phase: 'ending', length: count(m[2]) });
  }
  return out;
}
