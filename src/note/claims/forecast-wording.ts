/**
 * Forecasts and conditionals are not claims about closes: "strategists see the Russell 2000 gaining
 * another 10% next year", "the fund could fall 5% if rates rise", "SPY is expected to reach 700 by the
 * end of 2026". A claim whose clause has future or forecast wording is dropped, whatever its type, so a
 * prediction is never held against a past close (and never called contradicted).
 */
import { civilFromDays, type DayNumber } from '../../domain/trading-date.js';
import { clauseBefore } from './clause-words.js';

/** Where one clause ends and the next begins: a semicolon, a dash, or a comma before a linking word. */
const BOUNDARY =
  /[.!?]\s+|;|\s[-–—]\s|—|,\s+(?:but|while|and|though|although|whereas|which|as|after|before|even|yet|so)\b|\s+(?:but|whereas)\s+/gi;

/** Time words that put the figure in the future, wherever they stand in its clause. */
const FUTURE_TIME = new RegExp(
  [
    '\\bnext\\s+(?:year|month|quarter|week|session|spring|summer|fall|autumn|winter|\\d+\\s+(?:months|years|weeks))\\b',
    '\\b(?:over|in|during)\\s+the\\s+(?:next|coming)\\b',
    '\\bby\\s+(?:the\\s+)?(?:end|close|middle)\\s+of\\s+(?:next\\b|the\\s+(?:year|quarter|month|decade)\\b)',
    '\\bby\\s+(?:year|quarter|month)[- ]end\\b',
    '\\b(?:price|year[- ]end|12[- ]month)\\s+targets?\\b',
    '\\b(?:upside|downside)\\s+(?:of|to)\\b',
  ].join('|'),
  'i',
);

/**
 * An awaited event and when it comes: "ahead of its results next week", "before the Fed meeting next month". The
 * future time dates the event the market waits for, not the figure, and is not read as a forecast.
 */
const AWAITED_EVENT =
  /\b(?:ahead\s+of|before|awaiting|into)\s+(?:[\w&'’-]+\s+){1,5}?(?:next\s+(?:week|month|quarter|session)|(?:later\s+)?this\s+(?:week|month))\b/gi;

/** Modal and forecast wording, read before the claim's words (after them it may be about something else). */
const FORECAST_BEFORE = new RegExp(
  [
    "\\b(?:will|won't|shall|could|would|might)\\b|\\w'll\\b|\\bgoing\\s+to\\b",
    '\\b(?:is|are|was|were)\\s+(?:seen|expected|forecast|projected|predicted|tipped|likely|unlikely)\\s+(?:to\\b|\\w+ing\\b)',
    "\\b(?:sees?|expects?|forecasts?|forecasting|projects?|predicts?|anticipates?|targets?|targeting|eyes|eyeing)\\s+(?:[\\w&$^.'’-]+\\s+){0,8}?(?:gaining|rising|climbing|rallying|adding|advancing|returning|falling|dropping|sliding|declining|losing|to\\s+(?:gain|rise|climb|rally|add|advance|return|fall|drop|slide|decline|lose|reach|hit|end|finish|close))\\b",
    '\\bcalls?\\s+for\\b',
  ].join('|'),
  'i',
);

/** The clause of `sentence` that holds `[start, end)`: from the boundary before it to the one after it. */
export function clauseAround(sentence: string, start: number, end: number): { text: string; from: number } {
  let from = 0;
  let to = sentence.length;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(sentence); m !== null; m = BOUNDARY.exec(sentence)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return { text: sentence.slice(from, to), from };
}

/**
 * Whether the claim at `[start, end)` of `sentence` is a forecast or a conditional: its clause has
 * future or forecast wording, or names a year after the note's (`noteDate`).
 */
export function isForecast(sentence: string, start: number, end: number, noteDate: DayNumber | null): boolean {
  const { text: clause } = clauseAround(sentence, start, end);
  // A modal counts only in the claim's own comma clause: "... is going to be difficult," especially with the
  // VIX approaching its low" is a forecast about something else.
  const before = clauseBefore(sentence, start);
  if (FUTURE_TIME.test(clause.replace(AWAITED_EVENT, ' ')) || FORECAST_BEFORE.test(sentence.slice(before.start, end)))
    return true;
  if (/^\s*(?:if|unless|should|whether)\b/i.test(clause)) return true;
  if (noteDate === null) return false;
  const [year] = civilFromDays(noteDate);
  for (const m of clause.matchAll(/\b(?:in|by|for|through|into)\s+(?:(?:the\s+)?(?:end|close)\s+of\s+)?(20\d\d)\b/gi))
    if (Number(m[1]) > year) return true;
  return false;
}
