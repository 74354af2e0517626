/**
 * Days a sentence names relative to the note's own date, so a claim about an earlier session is checked
 * at that session's close: "on Monday", "Monday's session", "yesterday", "last Friday", "on Dec. 9",
 * and a bare weekday right after a figure in shorthand ("NVDA +1.72% Monday"). In a note dated Thursday
 * Dec 11, 2025: Monday is Dec 8, yesterday Dec 10, last Friday Dec 5. ("Last week", a whole week, is a
 * return period: the week-to-date return as of `previousWeekEnd`, read in `return-claims.ts`.)
 */
import { civilFromDays, type DayNumber, daysFromCivil, daysInMonth, weekday } from '../../domain/trading-date.js';
import { MONTH_WORD, monthIndex } from './clause-words.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday)';

export interface NamedDay {
  readonly start: number;
  readonly end: number;
  readonly day: DayNumber;
}

/** The weekday `name` on or before `from`. */
export function weekdayOnOrBefore(from: DayNumber, name: string): DayNumber {
  const want = WEEKDAYS.indexOf(name.toLowerCase());
  let d = from;
  while (weekday(d) !== want) d -= 1;
  return d;
}

/** The weekday before `day` (Friday for a Monday): the session "yesterday" names. */
export function previousWeekday(day: DayNumber): DayNumber {
  let d = day - 1;
  while (weekday(d) === 0 || weekday(d) === 6) d -= 1;
  return d;
}

/** Words before a day that make it something other than the day of the claim ("since Monday", "after Monday's drop"). */
const NOT_THE_CLAIMS_DAY =
  /\b(?:since|until|till|through|from|after|before|by|next|following|ahead\s+of|over|prior\s+to|into|between)\s+(?:(?:the|last|this\s+past)\s+)?$/i;

const RULES: readonly {
  readonly re: RegExp;
  readonly day: (m: RegExpExecArray, note: DayNumber) => DayNumber | null;
}[] = [
  { re: /\byesterday(?:['’]s)?\b/gi, day: (_m, note) => previousWeekday(note) },
  {
    re: new RegExp(`\\b(?:last|this\\s+past)\\s+${WEEKDAY}\\b`, 'gi'),
    day: (m, note) => weekdayOnOrBefore(note - 1, m[1]!),
  },
  {
    // "on Monday", "Monday's session", "in Tuesday's trading", "Wednesday's close"
    re: new RegExp(
      `\\bon\\s+${WEEKDAY}\\b|\\b${WEEKDAY}['’]s\\s+(?:session|close|trading|trade|finish|rally|drop|decline|slide|gain|move|selloff|sell-off)\\b`,
      'gi',
    ),
    day: (m, note) => weekdayOnOrBefore(note, (m[1] ?? m[2])!),
  },
  {
    // "on Dec. 9", "on December 9, 2025": that date, in the note's year unless it would be after the note.
    re: new RegExp(`\\bon\\s+${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'),
    day: (m, note) => {
      const month = monthIndex(m[1]!);
      const d = Number(m[2]);
      const [ny] = civilFromDays(note);
      let y = m[3] ? Number(m[3]) : ny;
      if (month < 1 || d < 1 || d > daysInMonth(y, month)) return null;
      if (!m[3] && daysFromCivil(y, month, d) > note) y -= 1;
      const day = daysFromCivil(y, month, Math.min(d, daysInMonth(y, month)));
      return day <= note ? day : null;
    },
  },
  {
    // Shorthand: a weekday right after a figure ("NVDA +1.72% Monday", "VIX 16.93 Tuesday").
    re: new RegExp(`(?<=\\d%?\\)?\\s{1,2})${WEEKDAY}\\b(?!['’])`, 'g'),
    day: (m, note) => weekdayOnOrBefore(note, m[1]!),
  },
];

/** The days `sentence` names, read against the note's date, in order; none without a note date. */
export function namedDays(sentence: string, noteDate: DayNumber | null): NamedDay[] {
  if (noteDate === null) return [];
  const out: NamedDay[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m !== null; m = rule.re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      if (NOT_THE_CLAIMS_DAY.test(sentence.slice(Math.max(0, start - 30), start))) continue;
      const day = rule.day(m, noteDate);
      if (day !== null) out.push({ start, end, day });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Words between a claim and a day that put them in different clauses ("up 5% YTD after Monday's slide"). */
const CLAUSE_BREAK = /[;]|\b(?:after|before|while|whereas|but|though|although|than|since|compared|versus|vs\.?)\b/i;

/**
 * The day a claim at `[start, end)` of the sentence is about: the nearest named day in its clause, one
 * after the claim first ("fell 1% on Monday"), else one before it ("On Monday, XLU closed at ...").
 * `leadingOnly`: only a day that opens the sentence counts (a YTD figure is not moved by "on Monday"
 * in the middle of a sentence).
 */
export function dayOfClaim(
  sentence: string,
  days: readonly NamedDay[],
  start: number,
  end: number,
  leadingOnly = false,
): NamedDay | null {
  const opens = (d: NamedDay) => /^[\s"“']*$/.test(sentence.slice(0, d.start));
  const after = days.filter((d) => d.start >= end && !CLAUSE_BREAK.test(sentence.slice(end, d.start)));
  const before = days.filter((d) => d.end <= start && !CLAUSE_BREAK.test(sentence.slice(d.end, start))).reverse();
  const inside = days.filter((d) => d.start >= start && d.end <= end);
  for (const d of [...inside, ...after, ...before]) if (!leadingOnly || opens(d)) return d;
  return null;
}
