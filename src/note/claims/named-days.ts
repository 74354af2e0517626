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
/** A weekday or a desk's abbreviation of it ("Tue", "Tues", "Weds", "Thurs"). */
const WEEKDAY_OR_ABBR = '(Monday|Tuesday|Wednesday|Thursday|Friday|Mon|Tues|Tue|Weds|Wed|Thurs|Thur|Thu|Fri)';
/**
 * A day label heading a broker's line: "Tue: IWM +0.8%", "- Weds: ...", "**Thurs:**", "Monday close:",
 * "Fri - SPY -0.2%", "Tue 12/9:", or one after a separator ("Mon: SPY -0.3%; Tue: SPY -0.1%").
 */
export const DAY_LABEL = `(?:^|(?<=[;|•·,]\\s*)|(?<=%\\)?\\s+))[\\s>*_•+-]*\\b${WEEKDAY_OR_ABBR}\\.?(?:,?\\s+(?:\\(?\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?\\)?|${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}\\s+${MONTH_WORD}))?(?:['’]s)?(?:\\s+(?:close|closes|session|recap|wrap|move|moves|movers|action|tape|trading|summary))?[*_]*\\s*(?::|\\s[–—]\\s|\\s-\\s(?=[A-Za-z$^(]))[*_]*`;
const DAY_LABEL_RE = new RegExp(DAY_LABEL, 'gi');

export interface NamedDay {
  readonly start: number;
  readonly end: number;
  readonly day: DayNumber;
  /** A day label ("Tue:"): it dates what follows it, up to the next label, across clauses. */
  readonly label?: boolean;
}

/** The weekday `name` (or its abbreviation, "Tue", "Thurs") on or before `from`. */
export function weekdayOnOrBefore(from: DayNumber, name: string): DayNumber {
  const want = WEEKDAYS.findIndex((d) => d.startsWith(name.slice(0, 3).toLowerCase()));
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
    // A day name without "on": after a verb ("ended Wednesday at 14.85", "closed Tuesday at", "slipped
    // Tuesday, losing 0.31%", "finished higher Friday") or opening the sentence ("Tuesday, Nvidia slid 0.31%").
    re: new RegExp(
      `(?<=\\b(?:[a-z]+ed|rose|fell|slid|sank|lost|shed|was|were|traded|stood|sat|held|hit|set|ran|up|down|higher|lower|flat|unchanged)\\s+)${WEEKDAY}\\b(?!['’]|\\s*:)|^(?:(?:late|early)\\s+)?${WEEKDAY}(?=,)`,
      'gi',
    ),
    day: (m, note) => weekdayOnOrBefore(note, (m[1] ?? m[2])!),
  },
  {
    // Shorthand: a weekday right after a figure ("NVDA +1.72% Monday", "VIX 16.93 Tuesday", "+0.8% (Tue)").
    re: new RegExp(`(?<=\\d%?\\)?\\s{1,2}\\(?)${WEEKDAY_OR_ABBR}\\b\\.?(?!['’]|\\s*:)`, 'g'),
    day: (m, note) => weekdayOnOrBefore(note, m[1]!),
  },
];

/** The days `sentence` names, read against the note's date, in order; none without a note date. */
export function namedDays(sentence: string, noteDate: DayNumber | null): NamedDay[] {
  if (noteDate === null) return [];
  const out: NamedDay[] = [];
  DAY_LABEL_RE.lastIndex = 0;
  for (let m = DAY_LABEL_RE.exec(sentence); m !== null; m = DAY_LABEL_RE.exec(sentence)) {
    if (m[0].length === 0) {
      DAY_LABEL_RE.lastIndex++;
      continue;
    }
    // Right after a figure only a colon makes a label ("+0.8% Tue: ..."); "+1.72% Monday - ..." dates the figure.
    if (/%\)?\s*$/.test(sentence.slice(0, m.index)) && !m[0].includes(':')) continue;
    out.push({ start: m.index, end: m.index + m[0].length, day: weekdayOnOrBefore(noteDate, m[1]!), label: true });
  }
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
const OPENING_DAY_BREAK = /[;]|\b(?:after|before|than|since|compared|versus|vs\.?)\b/i;

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
  const opens = (d: NamedDay) => d.label === true || /^[\s"“']*$/.test(sentence.slice(0, d.start));
  // A label ("Tue: IWM +0.8%, SPY -0.2%") dates only what follows it, whatever the clause.
  const after = days.filter((d) => !d.label && d.start >= end && !CLAUSE_BREAK.test(sentence.slice(end, d.start)));
  // A day opening the sentence ("Tuesday, Nvidia slid 0.31% while Tesla rallied 1.27%") frames both
  // halves of a "while" or "but"; it still stops at "after", "since", a comparison or a semicolon.
  const breaks = (d: NamedDay) => (opens(d) ? OPENING_DAY_BREAK : CLAUSE_BREAK).test(sentence.slice(d.end, start));
  const before = days.filter((d) => d.end <= start && (d.label || !breaks(d))).reverse();
  const inside = days.filter((d) => !d.label && d.start >= start && d.end <= end);
  for (const d of [...inside, ...after, ...before]) if (!leadingOnly || opens(d)) return d;
  return null;
}

/**
 * The day a line that is only a label names ("Tuesday:", "**Tue close:**"): the lines right below it
 * are that session's. Null for any other line.
 */
export function labelLineDay(line: string, noteDate: DayNumber | null): DayNumber | null {
  if (noteDate === null) return null;
  const m = new RegExp(`^${DAY_LABEL}\\s*$`, 'i').exec(line.trim());
  return m ? weekdayOnOrBefore(noteDate, m[1]!) : null;
}

/** The day of the last label in `sentence` ("Mon: ...; Tue: ..."), or null: what the rest of its line is about. */
export function lastLabelDay(sentence: string, noteDate: DayNumber | null): DayNumber | null {
  const labels = namedDays(sentence, noteDate).filter((d) => d.label);
  return labels.length > 0 ? labels[labels.length - 1]!.day : null;
}
