/**
 * Percent moves in prose: "Nvidia is up 36.8% year-to-date", "IWM was 13.99% higher over the same
 * period", "the SPSM ETF rose 6.55%". A percent counts only with a word of movement next to it (up,
 * rose, fell, higher, a gain of ...); levels ("rose to 4.1%"), shares ("30% of"), odds and yields
 * are not returns, and a distance from a record ("5% below its all-time high") is an ATH claim.
 */
import type { PeriodKey, ReturnPeriod } from '../../domain/period-keys.js';
import {
  civilFromDays,
  type DayNumber,
  daysFromCivil,
  daysInMonth,
  formatIsoDate,
  previousMonthEnd,
  previousQuarterEnd,
  previousWeekEnd,
  previousYearEnd,
  weekday,
} from '../../domain/trading-date.js';
import type { SentenceScope } from '../claim-types/claim-type.js';
import type { ReturnClaim } from './claim.js';
import { COUNT_WORD, count } from './clause-words.js';
import { ellipticalPeriods } from './elliptical-periods.js';
import { onlyColoursTheMove } from './name-move-gap.js';
import type { Mention } from './name-resolver.js';
import { dayOfClaim, namedDays } from './named-days.js';
import { fraction } from './percent-text.js';
import { findPeriods, isClosedPeriod, type PeriodMatch } from './period-phrases.js';
import { findSubject, type Subject } from './subject-finder.js';

const PERCENT = /([-+−–]?)(\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)/g;
const UP_WORDS =
  'up|rocketed|rockets|skyrocketed|zoomed|vaulted|spiked|spikes|popped|pops|leapt|leaped|rebounded|rebounds|bounced|rose|risen|rises|rising|gained|gains|gaining|climbed|climbs|climbing|advanced|advances|added|adds|jumped|jumps|surged|surges|soared|soars|rallied|rallies|increased|returned|returning|returns|managed|eked\\s+out|advancing|jumping|surging|soaring|rallying|climbed\\s+back|adding|rebounding|firmed|firms|firming|tacked\\s+on|tacks\\s+on|tacking\\s+on|put\\s+on|clawed\\s+back|recouped|recovered|edged\\s+(?:up|higher)|ticked\\s+(?:up|higher)|inched\\s+(?:up|higher)|a\\s+gain\\s+of|a\\s+rise\\s+of|a\\s+return\\s+of|an\\s+advance\\s+of|a\\s+rally\\s+of';
const DOWN_WORDS =
  'down|off|dipped|dips|eased|eases|retreated|retreats|slumped|slumps|skidded|sagged|fell|fallen|falls|falling|dropped|drops|declined|declines|lost|loses|slid|slides|slipped|slips|sank|sinks|tumbled|tumbles|plunged|plunges|collapsed|collapses|collapsing|cratered|craters|decreased|shed|sheds|dropping|declining|losing|sliding|slipping|sinking|tumbling|plunging|gave\\s+back|gives\\s+back|giving\\s+back|gave\\s+up|gives\\s+up|giving\\s+up|surrendered|surrenders|surrendering|handed\\s+back|hands\\s+back|handing\\s+back|pared|pares|paring|erased|erases|erasing|lost\\s+ground|shedding|easing|dipping|retreating|sagging|slumping|skidding|shaved|ceded|edged\\s+(?:down|lower)|ticked\\s+(?:down|lower)|inched\\s+(?:down|lower)|a\\s+loss\\s+of|a\\s+decline\\s+of|a\\s+drop\\s+of|a\\s+fall\\s+of';
/**
 * A move told through what it did to the subject: "lifting the fund 2.88% for the week", "sending the stock up 4%",
 * "dragging it 1.2% lower". The object is the subject the figure is about (the name before, or "the fund" for it).
 */
const MOVED_OBJECT = '(?:the\\s+(?:fund|stock|shares|index|ETF|basket|sector|group)|it|its\\s+shares)';
const CAUSED_UP = `(?:lift\\w*|push\\w*|boost\\w*|send\\w*|sent|tak\\w+|took)\\s+${MOVED_OBJECT}(?:\\s+(?:up|higher))?`;
const CAUSED_DOWN = `(?:dragg\\w*|drag|pull\\w*|knock\\w*|send\\w*|sent|push\\w*)\\s+${MOVED_OBJECT}\\s+(?:down|lower)|(?:dragg\\w*|drag|drags|pull\\w*|knock\\w*)\\s+${MOVED_OBJECT}`;
const QUALIFIER =
  '(?:\\s+(?:by|about|roughly|nearly|almost|around|some|just|over|more\\s+than|a\\s+further|another|an?\\s+(?:hefty|whopping|solid|modest|healthy|robust|impressive|remarkable|stunning|staggering|mere|tidy|respectable|sharp|steep|painful|bruising|brutal)))*';
/** "is up for the year by 28.6%": the period may stand between the verb and its figure. */
const PERIOD_BETWEEN = '(?:\\s+(?:for|on|so\\s+far)\\s+(?:the|this)\\s+(?:year|quarter|month|week|day|session))?';
const MOVE_BEFORE = new RegExp(
  `\\b(${CAUSED_DOWN}|${CAUSED_UP}|${UP_WORDS}|${DOWN_WORDS})${PERIOD_BETWEEN}${QUALIFIER}\\s*$`,
  'i',
);
const MOVE_AFTER =
  /^\s*(?:(?:weekly|daily|monthly|quarterly|one-day|single-day|week-to-date|year-to-date)\s+)?(higher|lower|up|down|gain|gains|rally|advance|rise|jump|increase|return|bounce|rebound|pop|surge|climb|decline|drop|loss|fall|slide|slump|retreat|dip|pullback|selloff|sell-off|plunge|tumble|giveback|slip|uptick|downtick|day|session)\b/i;
const DOWN = new RegExp(`^(?:${DOWN_WORDS}|${CAUSED_DOWN})$`, 'i');
const NOT_A_MOVE_AFTER =
  /^\s*(?:of\b|stake|weight|chance|probability|odds|likelihood|yield|dividend|interest|tariff|margin|market\s+share|owned|ownership)/i;
const ATH_DISTANCE_AFTER =
  /^\s*(?:below|under|beneath|off|from|(?:just\s+)?(?:short|shy)\s+of|away\s+from)\s+(?:(?:its|their|the|an?)?\s*(?:all[- ]time|record)\s+(?:high|peak|close)|(?:its|their|the)\s+(?:highs?|peak|record)\b|(?:its|their|the)\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?|\d{4})\s+(?:record|peak|high|top)\b|(?:(?:its|their|the)\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?ATH\b|highs?\b(?!\s+of\s)|record\b|(?:Monday|Tuesday|Wednesday|Thursday|Friday|yesterday|last\s+week)['’]s\s+(?:record|high|peak|all-time\s+high)\b)/i;
/**
 * "extending its year-to-date advance to 38.1%", "for a weekly gain of 3.7%": a cumulative move given as a noun (with
 * its article and period adjective), then "to" or "of".
 */
const MOVE_NOUN_BEFORE =
  /(?:\b(?:(?:an?|its|their|the)\s+)?(?:weekly|monthly|quarterly|yearly|annual|daily)\s+)?\b(advance|gain|gains|rise|rally|return|decline|loss|losses|drop|slide|slump|jump|surge|climb|pop|dip|retreat)(?:\s+(?:for\s+the\s+(?:year|quarter|month)|this\s+year|so\s+far\s+this\s+year|year[- ]to[- ]date|for\s+\d{4}|in\s+\d{4}|this\s+month|this\s+quarter))?\s+(?:to|of)\s*$/i;
/**
 * "to take its gain for the week to 7.98%", "its gain since the start of May to 8.10%", "the fund's loss for March to
 * 5.28%": a move noun, any one period phrase, then "to" or "of" (a period phrase and nothing else between).
 */
const MOVE_NOUN_PERIOD_BEFORE =
  /\b(advance|gain|gains|rise|rally|return|decline|loss|losses|drop|slide|slump|jump|surge|climb|pop|dip|retreat)\s+([^,;:%\d]{3,50}?|[^,;:%]{3,50}?\d{4})\s+(?:to|of)\s*$/i;

/** The move noun right before a figure, with or without a period phrase between them (null when none). */
function moveNounBefore(before: string): RegExpExecArray | null {
  const plain = MOVE_NOUN_BEFORE.exec(before);
  if (plain) return plain;
  const m = MOVE_NOUN_PERIOD_BEFORE.exec(before);
  if (!m) return null;
  const middle = m[2]!;
  const found = findPeriods(middle);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === middle.length ? m : null;
}

/** Whether a name stands right before `at` ("MAGS +1.64%", "(XLK) +1.2%"). */
function rightAfterName(sentence: string, mentions: readonly Mention[], at: number): boolean {
  return mentions.some((x) => x.end <= at && /^[\s:)*_(]*$/.test(sentence.slice(x.end, at)));
}

/** Whether a period phrase (not "the same period") follows the figure that opens `text` (`figure` characters long). */
function periodRightAfter(text: string, figure: number): boolean {
  const p = findPeriods(text).find((x) => x.start >= figure);
  return p !== undefined && p.period !== 'same' && /^[\s(]*$/.test(text.slice(figure, p.start));
}

/** A verb that moves its object: "lifting SPY 1.03%", "dragging the fund down 2%", "sent XLE 3% higher". */
const CAUSED_MOVE_VERB =
  /\b(?:(lift(?:ing|ed|s)?|push(?:ing|ed|es)?|boost(?:ing|ed|s)?|send(?:ing|s)?|sent)|(drag(?:ging|ged|s)?|pull(?:ing|ed|s)?|knock(?:ing|ed|s)?))\s+$/i;

/**
 * The name a causing verb moves by the figure at `at` ("lifting the SPDR S&P 500 ETF (SPY) 1.03%"): the mention right
 * before the figure (an "up"/"down" between them gives the sign), with the verb right before the mention.
 */
function causedMove(
  sentence: string,
  mentions: readonly Mention[],
  at: number,
): { name: Mention; negative: boolean } | null {
  const name = mentions.filter((x) => x.end <= at && !x.object).pop();
  if (!name) return null;
  const gap = /^\)?\s*(?:(up|higher)|(down|lower))?\s*$/i.exec(sentence.slice(name.end, at));
  const verb = CAUSED_MOVE_VERB.exec(sentence.slice(0, name.start));
  if (!gap || !verb) return null;
  return { name, negative: gap[2] !== undefined || (verb[2] !== undefined && gap[1] === undefined) };
}

/** Whether a period phrase ends `before` (a comma or a colon aside): "this month, -4.71%". */
/** "even with today's +1.37%", "after today's -2.35%": the day's possessive labels the signed figure after it. */
const DAY_POSSESSIVE = /\btoday['’]s\s*$/i;

function periodRightBefore(before: string): boolean {
  if (DAY_POSSESSIVE.test(before)) return true;
  const p = findPeriods(before).pop();
  return p !== undefined && p.period !== 'same' && /^[\s,:]*$/.test(before.slice(p.end));
}

/**
 * The name a post or a broker's line opens with ("$SPY +1.56% today ...", "TSLA +3.67% after Thursday's rout; ..."),
 * when no other name stands before `at`.
 */
function postSubject(sentence: string, mentions: readonly Mention[], at: number): Mention | undefined {
  const before = mentions.filter((x) => x.end <= at && !x.object);
  const first = before[0];
  if (!first || before.length !== 1) return undefined;
  return /^[\s>*_•-]*\$?$/.test(sentence.slice(0, first.start)) ? first : undefined;
}

/** "Year-to-date returns:", "Gains this week:": a heading of moves, then figures each followed by its name. */
const RETURNS_HEAD = /^[^.;:%]*\b(?:returns|gains|moves|performance|losses|declines)\b[^.;:%]*:\s*$/i;
/** "25.8% YTD versus 13.9% for IWM": a compared figure whose subject follows it. */
const COMPARED = /\b(?:versus|vs\.?|against|compared\s+(?:with|to))\b/i;
const LEVEL_BEFORE = /\b(?:to|at|up\s+to|yield(?:s|ing)?|rate\s+of|ratio\s+of)\s*$/i;

interface Hit {
  /** Where the claim's words start (the movement word when it comes first) and end. */
  readonly start: number;
  /** A figure that shares the verb of the one before it ("rose 1.2%, 0.8% and 3.1%"). */
  readonly continued: boolean;
  readonly end: number;
  readonly value: number;
  readonly decimals: number;
  readonly negative: boolean;
  /** A subject named after the figure ("13.9% for IWM"). */
  readonly subject?: Mention;
  /** The subject is the name after the figure ("12.1% for SPY"). */
  readonly after?: boolean;
  /** A signed figure right after its name ("MAGS +1.64%"), a desk's or a post's shorthand. */
  readonly shorthand?: boolean;
  /** Moved by "returned" ("XLK returned 24.61%"): a return over a period, never a day's move (RETURNED_CARRIES). */
  readonly returned?: boolean;
}

// "over" and "in" stay after a period phrase is taken out of "24.56% over six months and 19.6% over the past year".
const LINKS = new Set(['and', 'while', 'with', 'but', 'the', 'respectively', 'for', 'at', 'each', 'over', 'in']);

/** Text between two figures that only links them: "and", "while", a name, a period phrase. */
function isContinuation(between: string, mentions: readonly Mention[], offset: number): boolean {
  let rest = between;
  for (const m of mentions) {
    if (m.start < offset || m.end > offset + between.length) continue;
    // "and the Roundhill MAGS fund 14.62%": the words of a name around the one resolved belong to it.
    const escaped = m.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rest = rest.replace(
      new RegExp(`(?:[A-Z][\\w&.-]*\\s+){0,3}${escaped}(?:\\s+(?:fund|ETF|trust|index|stock|shares))?`),
      ' ',
    );
  }
  for (const p of findPeriods(rest)) rest = rest.replace(rest.slice(p.start, p.end), ' ');
  // "the Nasdaq-100 ETF 19.60%, and Alphabet a remarkable 78.75%": the qualifier of the shared verb's figure.
  rest = rest.replace(new RegExp(`${QUALIFIER}\\s*$`, 'i'), ' ');
  // "jumped 1.99% to 44.52 and 0.94% this month": the level the move ended at does not break the run.
  rest = rest.replace(/\bto\s+\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d%])/g, ' ');
  const words = rest.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.length <= 3 && words.every((w) => LINKS.has(w));
}

const SESSIONS = new RegExp(
  `\\b(?:over|in|during|across)\\s+the\\s+(?:past|last|prior|previous)\\s+${COUNT_WORD}\\s+(?:sessions|trading\\s+days)\\b`,
  'i',
);

/**
 * What may stand between a name and its signed move: nothing, its level, or its other figures, comma-separated
 * (a space is enough before the signed move: "AMD 162.30 +0.9%"); a comma or bold marks after the name too, and
 * after a ticker in parentheses ("Tech (XLK) +9.8%") its closing parenthesis; the words before a level ("IWM at a
 * record 255.87, +1.17%", "XLI to 156.37 (+1.07%)", "SPY flat at 683.51, +0.2%").
 */
const NAME_GAP =
  /^\)?[\s:(,*_]*(?:(?:at\s+(?:an?\s+(?:fresh\s+|new\s+)?record\s+)?|to\s+|(?:flat|unchanged)\s+at\s+|closed\s+(?:at\s+)?)(?=\$?\d))?(?:[-+−–]?\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?\s*\)?(?:\s*[,;(|]\s*|\s+$))*$/;
/** A broker's period labels ("YTD", "1M", "3mo", "y/y", "w/w"). */
const PERIOD_LABEL = 'YTD|MTD|QTD|[135]Y|[15]D|[136]M|1W|12M|(?:[136]|12)-?mos?|1-?yr|d\\/d|w\\/w|y\\/y|YoY';
const LABEL_BEFORE = new RegExp(`\\b(?:${PERIOD_LABEL})[\\s:]*$`, 'i');
/** "Jan +1.47%", "Q1: -4.37%": a month or a quarter labelling the signed figure after it (capitalised: "may" is no month). */
const MONTH_LABEL_BEFORE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Q[1-4])\.?[\s:]*$/;
const LABELS = new RegExp(
  `\\b(?:${PERIOD_LABEL}|(?:Mon|Tues?|Weds?|Wednes|Thu(?:rs?)?|Fri)(?:day)?(?=[\\s,;)]))\\b`,
  'gi',
);
/** The text with period labels removed: "GOOGL YTD +58.20%" reads as "GOOGL +58.20%". */
function stripLabels(text: string): string {
  return text.replace(new RegExp(`\\(\\s*(?:${LABELS.source})\\s*\\)`, 'gi'), ' ').replace(LABELS, ' ');
}
/**
 * Social shorthand between a name and its signed move ("$MSFT green today +1.03%", "$XLI record close,
 * +1.07%", "$NVDA red again, -1.55%"): words that only colour the move, removed.
 */
function socialGap(gap: string): string {
  return gap.replace(
    /^(?:\s|,)*(?:(?:green|red|again|today|(?:new|fresh)\s+(?:ATH|record(?:\s+(?:close|high))?)|record\s+(?:close|high)|ATH)(?:\s|,)+)+/i,
    ' ',
  );
}
/** "its steepest drop since January": the "since" belongs to the superlative, not to the figure's period. */
const SUPERLATIVE_BEFORE =
  /\b(?:lowest|highest|biggest|steepest|largest|sharpest|best|worst|strongest|weakest|first|longest)\b[^,;.]*$/i;
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const MONTH_ABBR = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * The day a "since" phrase names (also "measured from", and an event dated by its day: "since the Fed's Dec. 10
 * cut"), read against the note's date (without a year, the latest such day on
 * or before it); its close is the base of the return (the last close on or before it when it is not a
 * trading day). "since Sept. 30", "since Oct 15th, 2025", "since 9/30", "since the close of Sept. 2",
 * "since the Oct. 29 close"; a month's edge: "since the end of April" is April 30, "since the start
 * (beginning) of August" the day before August 1 (the last close of July, as "since the start of the
 * year" is the last close of the year before). Null for anything else.
 */
export function sinceDayOf(phrase: string, noteDate: DayNumber | null): DayNumber | null {
  if (noteDate === null) return null;
  // SINCE_EVENT: "measured from the April 2 tariff announcement", "since the Fed's Dec. 10 cut": the dated day's close.
  const text = phrase
    .replace(/^(?:measured|counted|calculated|taken)\s+from\s+/i, 'since ')
    .replace(/^[Ss]ince\s+(?:the\s+)?[A-Z][\w.&-]*['’]s\s+(?=[A-Z][a-z]*\.?\s+\d)/, 'since the ');
  const [y, mo] = civilFromDays(noteDate);
  let month = 0;
  let day = 0;
  let year: number | null = null;
  const named =
    /^since\s+(?:the\s+(?:close|end|evening|morning|afternoon)\s+(?:of|on)\s+|the\s+|its\s+|their\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?/i.exec(
      text,
    );
  const slashed = /^since\s+(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?/i.exec(text);
  const edge =
    /^since\s+the\s+(start|beginning|end|close)\s+of\s+([A-Za-z]+)(?!\.?\s*\d{1,2}\b)(?:\s+(\d{4}))?\b/i.exec(text);
  if (edge) {
    const abbr = MONTH_ABBR.exec(edge[2]!);
    if (!abbr) return null;
    const m = MONTH_NAMES.findIndex((n) => n.startsWith(abbr[1]!.toLowerCase())) + 1;
    const start = /^(?:start|beginning)$/i.test(edge[1]!);
    // Without a year: the latest such month edge on or before the note's date.
    const ey = edge[3] ? Number(edge[3]) : start ? (m > mo ? y - 1 : y) : m >= mo ? y - 1 : y;
    const d = start ? daysFromCivil(ey, m, 1) - 1 : daysFromCivil(ey, m, daysInMonth(ey, m));
    return d <= noteDate ? d : null;
  }
  if (named) {
    const abbr = MONTH_ABBR.exec(named[1]!);
    if (!abbr) return null;
    month = MONTH_NAMES.findIndex((m) => m.startsWith(abbr[1]!.toLowerCase())) + 1;
    day = Number(named[2]);
    year = named[3] ? Number(named[3]) : null;
  } else if (slashed) {
    month = Number(slashed[1]);
    day = Number(slashed[2]);
    year = slashed[3] ? Number(slashed[3].length === 2 ? `20${slashed[3]}` : slashed[3]) : null;
  } else return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year ?? y, month)) return null;
  let d = daysFromCivil(year ?? y, month, day);
  if (year === null && d > noteDate) d = daysFromCivil(y - 1, month, Math.min(day, daysInMonth(y - 1, month)));
  return d <= noteDate ? d : null;
}

/** Whether no weekday lies after `day` up to and including `boundary` (the close of `day` is the period's base). */
function sameBase(day: DayNumber, boundary: DayNumber): boolean {
  if (day > boundary) return false;
  for (let d = day + 1; d <= boundary; d++) if (weekday(d) !== 0 && weekday(d) !== 6) return false;
  return true;
}

/**
 * A period MarketDash computes hidden in other words, read against the note's date: "in 2025" (the
 * note's year) is YTD, "in December" (its month) is MTD, "since the end of September" is the base of
 * the month, quarter or year that follows. Null otherwise.
 */
export function otherPeriod(text: string, noteDate: DayNumber | null): PeriodKey | null {
  if (noteDate === null) return null;
  const [y, mo] = civilFromDays(noteDate);
  const t = text.toLowerCase();
  const year = /\b(20\d\d)\b/.exec(t);
  // A month's name, else its abbreviation ("Jan +1.47%", "ended Sept. up 2%").
  const abbr = /\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?:t)?\b/.exec(t);
  const month =
    MONTH_NAMES.findIndex((m) => t.includes(m)) + 1 ||
    (abbr ? MONTH_NAMES.findIndex((m) => m.startsWith(abbr[1]!)) + 1 : 0);
  const since = sinceDayOf(text, noteDate);
  if (since !== null) {
    // "since Sept. 30" in a December note is the quarter's base close: QTD.
    for (const [key, boundary] of [
      ['ytd', previousYearEnd(noteDate)],
      ['qtd', previousQuarterEnd(noteDate)],
      ['mtd', previousMonthEnd(noteDate)],
    ] as const)
      if (sameBase(since, boundary)) return key;
    return null;
  }
  const quarter = /\b(first|second|third|fourth)\s+quarter\b|\bq([1-4])\b/.exec(t);
  if (quarter) {
    const q = quarter[2] ? Number(quarter[2]) : ['first', 'second', 'third', 'fourth'].indexOf(quarter[1]!) + 1;
    return q === Math.floor((mo - 1) / 3) + 1 && (!year || Number(year[1]) === y) ? 'qtd' : null;
  }
  if (/^(?:since|than|from)\s+(?:at\s+)?the\s+(?:end|close)\s+of\s+20\d\d\b/.test(t))
    return Number(year![1]) === y - 1 ? 'ytd' : null;
  if (year && !month) return Number(year[1]) === y ? 'ytd' : null;
  if (month && (!year || Number(year[1]) === y) && month === mo) return 'mtd';
  return null;
}

/** A relative clause between commas: ", which is up 10.66% this year,". */
const RELATIVE_ASIDE = /,\s*(?:which|who)\b[^,;]*,/gi;
/**
 * A figure appositive right after a name (its ticker in parentheses aside): "Nvidia, up 34.8% this year, fell 1.2%",
 * "TSLA, now down 3% on the week, ..."; not a list's next clause ("..., and AMD fell").
 */
const FIGURE_APPOSITIVE =
  /^\s*(?:\([^()]{1,12}\))?\s*,\s*(?:(?:now|still|already)\s+)?(?:up|down|higher|lower|off)\s+[^,;]*?\d[^,;]*,(?!\s*(?:and|but|while|whereas|or)\b)/i;

/** The spans of a sentence's figure asides (FIGURE_ASIDE): relative clauses and figure appositives between commas. */
export function figureAsides(sentence: string, mentions: readonly Mention[]): { start: number; end: number }[] {
  const out = [...sentence.matchAll(RELATIVE_ASIDE)].map((r) => ({ start: r.index, end: r.index + r[0].length }));
  for (const x of mentions) {
    if (x.object) continue;
    const m = FIGURE_APPOSITIVE.exec(sentence.slice(x.end));
    if (m && !out.some((r) => r.start <= x.end && x.end < r.end)) out.push({ start: x.end, end: x.end + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The return claims of one sentence; `ctx.lastPeriod` carries the period to the next claim. */
export function returnClaims(scope: SentenceScope): ReturnClaim[] {
  const { sentence, mentions, ctx, line } = scope;
  const hits: Hit[] = [];
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(sentence); m !== null; m = PERCENT.exec(sentence)) {
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length);
    if (NOT_A_MOVE_AFTER.test(after) || ATH_DISTANCE_AFTER.test(after)) continue;
    const noun = moveNounBefore(before);
    if (!noun && LEVEL_BEFORE.test(before)) continue;
    const moveBefore = noun ?? MOVE_BEFORE.exec(before);
    const moveAfter = moveBefore ? null : MOVE_AFTER.exec(after);
    const prev = hits[hits.length - 1];
    // "rose 2.1% today and 36.8% year-to-date", "QQQ rose 18.2% and SPY 13.1%": the verb carries over.
    const continued =
      !moveBefore &&
      !moveAfter &&
      prev !== undefined &&
      isContinuation(sentence.slice(prev.end, m.index), mentions, prev.end);
    const end = m.index + m[0].length;
    const follower = mentions.find(
      (x) => x.start >= end && /^\s*for\s+(?:the\s+)?$/i.test(sentence.slice(end, x.start)),
    );
    const compared =
      !moveBefore &&
      !moveAfter &&
      !continued &&
      prev !== undefined &&
      follower !== undefined &&
      COMPARED.test(sentence.slice(prev.end, m.index));
    // "IWM is up 17.6% this year, just shy of SPY's 18.62%": a possessive name right before a figure that is
    // compared with one before it is that name's move over the same period.
    const owner =
      !moveBefore && !moveAfter && !continued && !compared && prev !== undefined
        ? mentions.find((x) => x.end <= m!.index && /^['’]s\s+$/.test(sentence.slice(x.end, m!.index)))
        : undefined;
    // "IWM +1.17%", "$NVDA (-1.6%)", "XLF: +2.3% w/w": a signed figure right after a name is a move.
    const signedAfterName =
      !moveBefore &&
      !moveAfter &&
      !continued &&
      !compared &&
      m[1] !== '' &&
      mentions.some(
        (x) =>
          (x.end <= m!.index &&
            // "VIX 14.85 (-5.83%)": a level may stand between the name and its move; "XLK 147.39, +1.2% d/d,
            // -0.8% w/w": so may the name's other figures, in a broker's run of them.
            (NAME_GAP.test(socialGap(stripLabels(sentence.slice(x.end, m!.index)))) ||
              NAME_GAP.test(stripLabels(sentence.slice(x.end, m!.index))))) ||
          // "$XLB best day in a while +1.99%": a few words that only colour the move, after a ticker.
          (x.end <= m!.index &&
            /^\$?\^?[A-Z]{1,5}$/.test(x.text) &&
            !mentions.some((y) => y.start >= x.end && y.end <= m!.index) &&
            onlyColoursTheMove(stripLabels(sentence.slice(x.end, m!.index)))),
      );
    // "ORCL -10.83% post-print; QTD -29.17%": a signed figure right after a period label is a move.
    const labelled =
      !moveBefore &&
      !moveAfter &&
      !continued &&
      !compared &&
      !signedAfterName &&
      m[1] !== '' &&
      (LABEL_BEFORE.test(before) || MONTH_LABEL_BEFORE.test(before));
    // "+3% QTD for $XLE": a signed figure, its period label, then the name it is for.
    const signedFor =
      !moveBefore &&
      !moveAfter &&
      !continued &&
      !compared &&
      !signedAfterName &&
      !labelled &&
      !owner &&
      // "Year-to-date returns: 28.6% for XLE, 14.5% for SPY": unsigned after a heading of moves and a colon.
      (m[1] !== '' || (hits.length === 0 && RETURNS_HEAD.test(before)))
        ? mentions.find(
            (x) =>
              x.start >= end &&
              new RegExp(`^\\s*(?:\\(?(?:${PERIOD_LABEL})\\)?\\s+)?for\\s+(?:the\\s+)?\\$?$`, 'i').test(
                sentence.slice(end, x.start),
              ),
          )
        : undefined;
    const noMoveYet =
      !moveBefore && !moveAfter && !continued && !compared && !signedAfterName && !labelled && !owner && !signedFor;
    // "still -5.28% on the month", "but -4.37% for Q1", "ATH and +27.06% YTD": a signed figure its period follows.
    // "utilities got destroyed this month, -4.71%": or a signed figure right after its period and a comma.
    const signedWithPeriod =
      noMoveYet && m[1] !== '' && (periodRightAfter(sentence.slice(m.index), m[0].length) || periodRightBefore(before));
    // "lifting the SPDR S&P 500 ETF (SPY) 1.03% to its highest close": a move caused in the name before the figure.
    const caused = noMoveYet && !signedWithPeriod ? causedMove(sentence, mentions, m.index) : null;
    if (noMoveYet && !signedWithPeriod && !caused) continue;
    // A post or line that opens with its name ("$SPY +1.56% today ... still -5.28% on the month") is about it throughout.
    // "$AAPL ANOTHER record close. 3 green days in a row, +15.34% in July alone": a sentence naming no one goes on
    // about the post's name.
    const postOwner = signedWithPeriod
      ? (postSubject(sentence, mentions, m.index) ??
        (mentions.length === 0 ? (ctx.lastSubject ?? undefined) : undefined))
      : undefined;
    const word = (moveBefore?.[1] ?? moveAfter?.[1] ?? '').replace(/\s+/g, ' ');
    const negativeWord = continued
      ? prev!.negative
      : (signedFor !== undefined && m[1] === '' && /\b(?:losses|declines)\b/i.test(before)) ||
        DOWN.test(word) ||
        /^(?:lower|down|decline|drop|loss|losses|fall|slide|slump|retreat|dip|pullback|selloff|sell-off|plunge|tumble|giveback|slip|downtick)$/i.test(
          word,
        );
    const sign = m[1] !== '' && m[1] !== '+' ? -1 : negativeWord || caused?.negative ? -1 : 1;
    const digits = m[2]!;
    const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
    const start = moveBefore ? moveBefore.index : m.index;
    const named = signedAfterName || labelled ? mentions.filter((x) => x.end <= m!.index).pop() : undefined;
    hits.push({
      start,
      continued,
      ...(named && !compared ? { subject: named } : {}),
      end: moveAfter ? end + moveAfter[0].length : end,
      value: fraction(sign, digits),
      decimals,
      negative: negativeWord,
      ...(compared ? { subject: follower, after: true } : {}),
      // "against 12.1% for SPY and 21.3% for QQQ": a figure sharing the verb of one whose name came after it.
      ...(continued && prev.after && follower ? { subject: follower, after: true } : {}),
      ...(owner ? { subject: owner } : {}),
      ...(signedFor ? { subject: signedFor, after: true } : {}),
      ...(postOwner ? { subject: postOwner } : {}),
      ...(caused ? { subject: caused.name } : {}),
      ...(signedAfterName || (continued && m[1] !== '' && rightAfterName(sentence, mentions, m.index))
        ? { shorthand: true }
        : {}),
      ...(/^(?:returned|returns|returning|a\s+return\s+of|managed|eked\s+out)$/i.test(word) ? { returned: true } : {}),
    });
  }
  if (hits.length === 0) return [];
  // "its first gain in five sessions", "its best day in three weeks": the span belongs to the superlative too.
  const named = findPeriods(sentence).filter(
    (p) =>
      !(
        (p.period === 'other' || /^in\b.*\b(?:sessions|days|weeks?)$/i.test(sentence.slice(p.start, p.end))) &&
        SUPERLATIVE_BEFORE.test(sentence.slice(Math.max(0, p.start - 60), p.start))
      ),
  );
  // "over the past six months and 6.98% over three": a count whose unit an earlier period gave.
  const periods = [...named, ...ellipticalPeriods(sentence, named, ctx.lastPeriod ?? ctx.documentPeriod)].sort(
    (a, b) => a.start - b.start,
  );
  // A period label right before a figure ("YTD +15.55%", "1Y: 8.5%") is that figure's own.
  const ownBefore = new Map<number, (typeof periods)[number]>();
  const labelAfter = (h: Hit) =>
    periods.some((x) => x.start >= h.end && /^[\s)]*$/.test(sentence.slice(h.end, x.start)));
  hits.forEach((h, i) => {
    const p = periods.filter((x) => x.end <= h.start && /^[\s:]*$/.test(sentence.slice(x.end, h.start))).pop();
    if (!p) return;
    // "IWM +3.64% MTD +17.59% YTD": labels after their figures; the one between two figures is the first's.
    const prev = hits[i - 1];
    if (prev && !ownBefore.has(i - 1) && /^[\s)]*$/.test(sentence.slice(prev.end, p.start)) && labelAfter(h)) return;
    ownBefore.set(i, p);
  });
  const owned = new Set(ownBefore.values());
  // "Mag 7 +1.54% d/d, -5.13% YTD; MAGS +1.64%": once a run of a name's figures opened with the day's move, a label
  // right after a later figure is that figure's own (GLUED_LABEL): the next name's bare signed figure, in the sentence
  // or the next one, mirrors the run's first figure, the day's move ("IJR +2.97% over five sessions; IWM +2.37%", with
  // no day before, still shares the period).
  const glued = new Set(
    periods.filter((p) => hits.some((x) => x.end <= p.start && /^[\s)]*$/.test(sentence.slice(x.end, p.start)))),
  );
  const sessions = SESSIONS.exec(sentence);
  const days = namedDays(sentence, scope.noteDate);
  // "over the same period" may point back past a paragraph break; then the whole sentence shares it.
  if (ctx.lastPeriod === null && periods.some((p) => p.period === 'same')) ctx.lastPeriod = ctx.documentPeriod;
  const subjects = listSubjects(hits, mentions, sentence);
  // FIGURE_ASIDE: "The fund, which rose 0.88%, has now outpaced QQQ by 6.64 points this year": a figure in a relative
  // clause or a figure appositive takes no period from outside it, and a period inside it ("Tesla, which is up 10.66%
  // this year, slipped 1.01%") is that clause's only: the main clause's figure neither takes nor inherits it.
  const asides = figureAsides(sentence, mentions);
  const asideOf = (h: Hit) => asides.find((r) => r.start < h.start && h.end <= r.end);
  const clauseEnd = (h: Hit) => asideOf(h)?.end ?? sentence.length;
  const out: ReturnClaim[] = [];
  let prevEnd = 0;
  let previous: Subject | null = null;
  /** The period of the sentence's first figure read without a period phrase (null until there is one). */
  let bareKey: ReturnPeriod | null = null;
  /** Whether a figure of the sentence before this one was the day's move. */
  let sawDay = false;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const nextStart = hits[i + 1]?.start ?? sentence.length;
    const subject: Subject | null = h.subject
      ? { subject: h.subject.text.replace(/^the\s+/i, ''), symbol: h.subject.symbol, mention: h.subject }
      : (subjects.get(i) ??
        findSubject(sentence, mentions, prevEnd, h.start, ctx) ??
        sameSubject(sentence.slice(prevEnd, h.start), previous));
    // Period: a phrase after the figure (up to the next figure), else in its clause, else earlier in the sentence.
    // A run of figures sharing a verb shares the period named after its last figure ("1.2%, 0.8% and 3.1% this month").
    // "XLK +1.2% (WTD +3.1%), XLF -0.4%": a label glued to a figure is that figure's own; once a figure of the
    // sentence was read without a period phrase, a later bare figure is read the same way, not under that label.
    // A closed period ("ended July up 7.26%, while NFLX rose 2.7%") is its own verb's: only a figure sharing that
    // verb takes it.
    const closed = (p: PeriodMatch) => isClosedPeriod(sentence.slice(p.start, p.end));
    const notGlued = (p: PeriodMatch | undefined) => (p && sawDay && h.shorthand && glued.has(p) ? undefined : p);
    const inherited = (p: PeriodMatch | undefined) =>
      p &&
      ((bareKey !== null && owned.has(p)) || (!h.continued && closed(p)) || (sawDay && h.shorthand && glued.has(p)))
        ? undefined
        : p;
    // TRAILING_PERIOD: "GOOGL is up 65.99% for the year, while TSLA fell 1.04% for a sixth straight loss", "is up 25 bp
    // in July, and the VIX slipped 0.67% to 16.52": a period right after another figure closes that figure's clause;
    // a figure after a clause break, with a subject of its own and marked as the session's move (DAY_MARKED), does
    // not take it ("SPY is up 0.85% for the month, while QQQ has gained 1.02%" still shares the month).
    const trailsOtherClause = (p: PeriodMatch) =>
      !h.continued &&
      dayMarked(sentence, hits, i, mentions) &&
      /\d\s*(?:%|bps?\b|basis\s+points?\b)[\s)]*$/i.test(sentence.slice(0, p.start)) &&
      /[,;]/.test(sentence.slice(p.end, h.start)) &&
      mentions.some((x) => x.start >= p.end && x.end <= h.start && !x.object);
    const aside = asideOf(h);
    // the periods this figure may take: none inside another figure's aside (FIGURE_ASIDE)
    const seen = periods.filter((p) => !asides.some((a) => a !== aside && p.start >= a.start && p.end <= a.end));
    let runEnd = i;
    while (runEnd + 1 < hits.length && hits[runEnd + 1]!.continued) runEnd++;
    const afterRun = hits[runEnd + 1]?.start ?? sentence.length;
    const period =
      ownBefore.get(i) ??
      seen.find((p) => p.start >= h.start && p.end <= h.end) ??
      seen.find(
        (p) =>
          p.start >= h.end &&
          p.start < Math.min(nextStart, clauseEnd(h)) &&
          !owned.has(p) &&
          !labelsNextClause(sentence.slice(h.end, p.start), hits[i + 1]?.continued === false) &&
          // "fell 1.04% ... but still finished 2025 6.83% higher": a closed period is the next figure's.
          !(closed(p) && hits[i + 1] !== undefined),
      ) ??
      ((runEnd > i || h.continued) && subjects.has(i)
        ? seen.find((p) => p.start >= hits[runEnd]!.end && p.start < afterRun)
        : undefined) ??
      notGlued(seen.filter((p) => p.start >= prevEnd && p.end <= h.start && !trailsOtherClause(p)).pop()) ??
      inherited(seen.filter((p) => p.end <= prevEnd).pop());
    let key: ReturnPeriod | null;
    let day: string | undefined;
    let windowSessions: number | undefined;
    const afterTrailing = periods.some((p) => p.start >= prevEnd && p.end <= h.start && trailsOtherClause(p));
    if (!period) {
      key = bareKey ?? (afterTrailing || (h.shorthand && ctx.lastPeriodGlued) ? null : ctx.lastPeriod);
      // RETURNED_CARRIES: "SPY returned 17.7% this year. ... XLK returned 24.6%": "returned" with no period of its own
      // is a return over the period the note last named (the paragraph before included), not the day's move.
      if (key === null && h.returned && ctx.documentPeriod !== null && ctx.documentPeriod !== '1d')
        key = ctx.documentPeriod;
      if (key === null && sessions) windowSessions = count(sessions[1]) ?? undefined;
      // A bare move in a dated note ("Oracle slid 4.5%.") is the day's move: the note's date makes it clear.
      else if (key === null && scope.noteDate !== null) key = '1d';
    } else if (period.period === 'same') key = ctx.lastPeriod;
    else if (period.period === 'other') key = otherPeriod(sentence.slice(period.start, period.end), scope.noteDate);
    else if (period.period === 'lastweek') {
      // "last week": the whole previous calendar week, i.e. its week-to-date return as of its last close.
      key = scope.noteDate === null ? null : 'wtd';
      if (scope.noteDate !== null) day = formatIsoDate(previousWeekEnd(scope.noteDate));
    } else key = period.period;
    // A day move of an earlier session ("on Monday", "yesterday", "NVDA +1.72% Monday") is checked at
    // that close; a figure of a longer period only when the day opens the sentence ("On Monday, ... YTD").
    if (key !== null && day === undefined && period?.period !== 'lastweek') {
      const named = dayOfClaim(sentence, days, h.start, h.end, key !== '1d');
      if (named) day = formatIsoDate(named.day);
    }
    if (!period && bareKey === null) bareKey = key;
    if (key === '1d') sawDay = true;
    prevEnd = h.end;
    if (!subject) continue;
    previous = subject;
    // A label glued to a figure after a bare one ("(WTD +3.1%)") does not become the period of what follows.
    if (key && !aside && !(period && owned.has(period) && bareKey !== null) && !(period && closed(period))) {
      ctx.lastPeriod = key;
      ctx.lastPeriodGlued = sawDay && period !== undefined && glued.has(period);
      ctx.documentPeriod = key;
    }
    const base: ReturnClaim = {
      metric: 'return',
      text: sentence,
      subject: subject.subject,
      symbol: subject.symbol,
      line,
      span: { start: scope.offset + h.start, end: scope.offset + h.end },
      period: key,
      value: h.value,
      decimals: h.decimals,
      ...(windowSessions ? { sessions: windowSessions } : {}),
      ...(day ? { day } : {}),
    };
    const since =
      period?.period === 'other' && key === null
        ? sinceDayOf(sentence.slice(period.start, period.end), scope.noteDate)
        : null;
    const claim: ReturnClaim =
      since !== null
        ? { ...base, sinceDay: formatIsoDate(since) }
        : period?.period === 'other' && key === null
          ? { ...base, periodText: sentence.slice(period.start, period.end) }
          : base;
    out.push(subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim);
    if (subject.mention) ctx.lastSubject = subject.mention;
  }
  return out;
}

/**
 * DAY_MARKED: words after a figure that make it the session's move: "to a record", "to its own record", "for a sixth
 * straight loss", "to 16.52" (the close it ended at), "to snap a streak"; or the same subject's next figure, with a
 * verb of its own, right after it ("rose 0.87% and remains 12.18% lower this month").
 */
const DAY_MARKER =
  /^[^,;]*?\b(?:to\s+(?:an?|its|their)\s+(?:own\s+)?(?:fresh\s+|new\s+)?(?:record|all[- ]time\s+high)|for\s+(?:an?|the|its)\s+(?:\w+\s+)?(?:straight|consecutive)|in\s+a\s+row|to\s+\$?\d[\d,]*(?:\.\d+)?(?!\s*%|\d)|to\s+(?:snap|end|break|extend)\b)/i;
export function dayMarked(
  sentence: string,
  hits: readonly { start: number; end: number; continued: boolean }[],
  i: number,
  mentions: readonly Mention[],
): boolean {
  const h = hits[i]!;
  const next = hits[i + 1];
  if (DAY_MARKER.test(sentence.slice(h.end, next?.start ?? sentence.length))) return true;
  return next !== undefined && !next.continued && !mentions.some((x) => x.start >= h.end && x.end <= next.start);
}

/**
 * LABEL_AFTER_BREAK: a period after a semicolon that follows a figure ("IWM -2.03%; WTD SPY -1.60%") heads the
 * clause after it: it is not the period of the figure before the break. So is a period that opens the next clause,
 * right after a comma, when that clause's figure has a verb of its own (`nextHasVerb`): "up 55.36%, and over a year
 * it is up 60.10%".
 */
export function labelsNextClause(between: string, nextHasVerb = false): boolean {
  return /;/.test(between) || (nextHasVerb && /,\s*(?:and|but|while|though|yet)?\s*$/i.test(between));
}

/**
 * "AMZN is up 4.96% year to date after a 0.65% decline on Thursday": a second figure joined to the first
 * by "after a", "following a", "with a" (nothing else between them, period words aside) is the same
 * subject's.
 */
function sameSubject(between: string, previous: Subject | null): Subject | null {
  if (previous === null) return null;
  let rest = between;
  for (const p of findPeriods(between).reverse()) rest = rest.slice(0, p.start) + rest.slice(p.end);
  return /^[\s,]*(?:after|following|with|including|on\s+top\s+of)\s+(?:a|an|its|another)\s*$/i.test(rest)
    ? previous
    : null;
}

/**
 * "AAPL, MSFT and NVDA rose 1.2%, 0.8% and 3.1%": a run of figures sharing one verb, after as many
 * names as figures, pairs them in order. Returns the subject of each hit so paired.
 */
function listSubjects(hits: readonly Hit[], mentions: readonly Mention[], sentence: string): Map<number, Subject> {
  const out = new Map<number, Subject>();
  for (let i = 0; i < hits.length; i++) {
    if (hits[i]!.continued) continue;
    let j = i + 1;
    while (j < hits.length && hits[j]!.continued) j++;
    const run = j - i;
    if (run < 2) continue;
    // The names of the figures' own clause: "trailed the S&P 500 ETF by 2.62 points: IWM is down 8.25%, SPY 4.33%".
    const head = sentence.slice(0, hits[i]!.start);
    const from = Math.max(i === 0 ? 0 : hits[i - 1]!.end, head.lastIndexOf(':') + 1, head.lastIndexOf(';') + 1);
    const names = mentions.filter((m) => m.start >= from && m.end <= hits[i]!.start && !m.object);
    if (names.length !== run) continue;
    names.forEach((m, n) => {
      const s: Subject = { subject: m.text.replace(/^the\s+/i, ''), symbol: m.symbol, mention: m };
      out.set(i + n, m.unresolved ? { ...s, unresolved: m.unresolved } : s);
    });
    i = j - 1;
  }
  return out;
}
