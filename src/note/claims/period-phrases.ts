/**
 * The ways commentary names a return period, mapped to the period keys of `period-returns.ts`:
 * "year-to-date", "YTD", "since the start of the year" -> ytd; "one-year", "over the past year",
 * "12-month" -> 1y; "month to date" -> mtd; "over the past three months" -> 3m; "in the past six
 * months" -> 6m; "since inception" -> max; "this week", "for the week", "week to date", "WTD" -> wtd
 * (from the last close of the previous week); "w/w", "week over week" -> 5d (the close five sessions
 * before); "last week" -> the previous calendar week; "yesterday", "on Monday", "last Friday" -> 1d (of
 * that day: `named-days.ts`) ... and "over the same period", which refers back to the period of the
 * claim before it.
 */
import type { ReturnPeriod } from '../../domain/period-keys.js';
import { DAY_LABEL } from './named-days.js';

/**
 * `same` refers back ("over the same period"); `lastweek` is the whole calendar week before the note's
 * (its week-to-date return as of that week's end); `other` is a period MarketDash does not compute
 * ("over the past two weeks", "in November" of an earlier year).
 */
export type PeriodPhrase = ReturnPeriod | 'same' | 'lastweek' | 'other';

export interface PeriodMatch {
  readonly period: PeriodPhrase;
  readonly start: number;
  readonly end: number;
}

const MONTH_DAY =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b)?';

const MONTH_NAME =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
/** A move as a noun, after the period it covers: "its July gain", "a weekly advance", "Q1 loss". */
const MOVE_NOUN =
  '(?:gain|gains|return|returns|advance|rally|rise|climb|jump|surge|pop|loss|losses|drop|decline|fall|slide|retreat|dip|slump|move)';
/** The verbs that close a period: "ended July up 7%", "finished the quarter 19% lower". */
const CLOSED =
  '(?:ended|ending|ends|finished|finishing|finishes|closed\\s+out|closes\\s+out|wrapped\\s+up|wraps\\s+up)';
/** What follows a closed period when it is a figure's ("ended July up 7%"; not "ended January on a soft note"). */
const CLOSED_FIGURE = '(?=\\s+(?:up|down|higher|lower|flat|with\\s+an?\\s|[-+−–]?\\$?\\d))';

/**
 * Whether a period phrase is a closed period ("ended July", "finished the quarter"): it belongs to its own verb's
 * figure only, so a later figure of the sentence (another name's) neither inherits it nor reads it as the last period.
 */
export function isClosedPeriod(phrase: string): boolean {
  // "ended the week 1.5% lower, and the Nasdaq lost 3.9%": the week is carried (the convention of blind batch 7).
  return new RegExp(`^${CLOSED}\\s+(?!the\\s+week\\b)`, 'i').test(phrase);
}

/**
 * A label opening a sentence or a broker's line names the period of every figure after it: "Week: SPY +1.2%",
 * "August: SPY +2.05%", "Q1: SPY -4.37%", "July by sector: XLK +3.76%", "October in one paragraph: SPY up 2.38%"
 * (at most three words between the period word and the colon). A month or a quarter is read against the note's date.
 */
const LEADING_LABEL = (word: string) => new RegExp(`^[\\s>*_•-]*(?:${word})(?:\\s+[\\w'’-]+){0,3}\\s*:(?=\\s)`, 'i');

/** "Jan +1.47%", "Q1 -4.37%": a month or a quarter right before a signed figure is that figure's period label. */
const INLINE_LABEL = new RegExp(`\\b(?:${MONTH_NAME}|Q[1-4])(?=:?\\s*[-+−–]\\d)`);

const NUM = {
  one: '(?:one|1)',
  three: '(?:three|3)',
  five: '(?:five|5)',
};

/**
 * A desk's period token ("1M", "3mo", "1W"), read only next to a figure: right after it ("+1.01% 1M",
 * "+3.2% (3M)") or right before a signed one ("6M: +23.5%"), so the company 3M is not a period.
 */
function shortLabel(tokens: string): RegExp {
  return new RegExp(`(?<=\\d%\\)?\\s{0,2}\\(?)(?:${tokens})\\b|\\b(?:${tokens})(?=\\)?[\\s:]*[-+−–]?\\d)`);
}

/**
 * A list headed by the period it covers: "a rough week: A fell x, B fell y", "Rough week for tech: ...", "a strong
 * year, with IWM up 15%": the period of each figure after it (the week so far, the month, quarter or year to date).
 */
function listHead(unit: string): RegExp {
  return new RegExp(
    `(?:^|\\b(?:an?|the)\\s+)(?:(?!(?:previous|prior|last|past|next|coming|an?|the)\\b)[\\w-]+\\s+){0,2}${unit}(?=\\s*(?:for\\s+[^:,.;]{1,30})?(?::|,\\s+with\\b))`,
    'i',
  );
}

/**
 * FRAME_SENTENCE: a sentence that is nothing but a period with a word or two ("A wild week.", "What a month!", "The
 * quarter in brief."): it frames the figures after it (the week, month, quarter or year so far); never "last week".
 */
function frameSentence(unit: string): RegExp {
  return new RegExp(
    `^\\s*(?:what\\s+|such\\s+)?(?:an?\\s+|the\\s+|this\\s+|that\\s+)?(?:(?!(?:previous|prior|last|past|next|coming)\\b)[\\w-]+\\s+){0,2}${unit}(?:\\s+in\\s+(?:brief|review|numbers|one\\s+line))?\\s*[.!]*\\s*$`,
    'i',
  );
}

/** Ordered: the first rule that matches at a position wins (longer phrases come first). */
const RULES: readonly { readonly period: PeriodPhrase; readonly re: RegExp }[] = [
  { period: 'wtd', re: LEADING_LABEL('week|weekly|WTD') },
  { period: 'mtd', re: LEADING_LABEL('month|monthly|MTD') },
  { period: 'qtd', re: LEADING_LABEL('quarter|quarterly|QTD') },
  { period: 'ytd', re: LEADING_LABEL('year|YTD') },
  { period: '1d', re: LEADING_LABEL('day|daily|today') },
  // "2025 total return: SPY +22.2%": a year read against the note's date (its own year is YTD).
  { period: 'other', re: LEADING_LABEL(`${MONTH_NAME}|Q[1-4]|20\\d\\d`) },
  { period: 'wtd', re: frameSentence('week') },
  { period: 'mtd', re: frameSentence('month') },
  { period: 'qtd', re: frameSentence('quarter') },
  { period: 'ytd', re: frameSentence('year') },
  // PERIOD_LAST_SESSION: "fell 0.74% on the year's final session", "on the last day of the quarter": the day's move.
  {
    period: '1d',
    re: /\bon\s+(?:the\s+(?:week|month|quarter|year)['’]s\s+(?:final|last|closing)\s+(?:session|day|trading\s+day)|the\s+(?:final|last|closing)\s+(?:session|day|trading\s+day)\s+of\s+(?:the\s+)?(?:week|month|quarter|year|20\d\d))\b/i,
  },
  { period: 'other', re: INLINE_LABEL },
  // "+3.99% to close the quarter": the day's move on the period's last session (no figure follows in the clause).
  {
    period: '1d',
    re: /\bto\s+(?:close|end|finish|cap|wrap\s+up)\s+(?:out\s+)?(?:the|a)\s+(?:[\w-]+\s+)?(?:week|month|quarter|year)\b(?![^,;.%]*\d)/i,
  },
  {
    period: 'mtd',
    re: new RegExp(
      `\\b${CLOSED}\\s+the\\s+month\\b${CLOSED_FIGURE}|\\bon\\s+the\\s+month\\b|\\bmonthly(?=\\s+${MOVE_NOUN}\\b)`,
      'i',
    ),
  },
  {
    period: 'qtd',
    re: new RegExp(
      `\\b${CLOSED}\\s+the\\s+quarter\\b${CLOSED_FIGURE}|\\bon\\s+the\\s+quarter\\b|\\bquarterly(?=\\s+${MOVE_NOUN}\\b)`,
      'i',
    ),
  },
  { period: 'ytd', re: new RegExp(`\\b${CLOSED}\\s+the\\s+year\\b${CLOSED_FIGURE}`, 'i') },
  // "finished 2025 6.83% higher": a closed year, read against the note's date (its own year is YTD).
  { period: 'other', re: new RegExp(`\\b${CLOSED}\\s+20\\d\\d\\b${CLOSED_FIGURE}`, 'i') },
  // "ended July up 7.26%", "its August gain", "a March loss": a month read against the note's date.
  { period: 'other', re: new RegExp(`\\b${CLOSED}\\s+${MONTH_NAME}(?!\\s*\\d)${CLOSED_FIGURE}`, 'i') },
  // Case-sensitive, so "may gain" is no month.
  { period: 'other', re: new RegExp(`\\b${MONTH_NAME}(?=\\s+${MOVE_NOUN}\\b)`) },
  { period: 'wtd', re: listHead('week') },
  { period: 'mtd', re: listHead('month') },
  { period: 'qtd', re: listHead('quarter') },
  { period: 'ytd', re: listHead('year') },
  {
    period: 'same',
    re: /\b(?:over|in|during|for)\s+the\s+same\s+(?:period|stretch|span|time\s*frame|timeframe|time)\b/i,
  },
  {
    period: 'ytd',
    re: /\byear[- ]to[- ]date\b|\bYTD\b|\b(?:for|on)\s+the\s+year\b|\bover\s+the\s+year\b(?![-\w]|\s+(?:ago|before|earlier))|\b(?:so\s+far\s+)?this\s+year\b(?![-\w])|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?year\b|\bso\s+far\s+in\s+\d{4}\b|\bso\s+far\s+in\s+the\s+year\b|\bsince\s+(?:the\s+)?New\s+Year(?:['’]s(?:\s+Day)?)?\b|\b(?:since|than|from)\s+(?:at\s+)?the\s+(?:end|close)\s+of\s+(?:last|the\s+(?:previous|prior))\s+year\b|\b(?:in|over|during|across)\s+the\s+(?:first|opening)\s+(?:[\w-]+\s+)?(?:sessions|trading\s+days|days|weeks?)\s+of\s+(?:the\s+(?:new\s+)?year|20\d\d)\b/i,
  },
  {
    period: 'mtd',
    re: /\bmonth[- ]to[- ]date\b|\bMTD\b|\b(?:for|over|during|in)\s+the\s+(?:current\s+)?month\b(?!\s+of\b)|\b(?:so\s+far\s+)?this\s+month\b|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?month\b/i,
  },
  {
    period: 'qtd',
    re: /\bquarter[- ]to[- ]date\b|\bQTD\b|\b(?:for|over|during|in)\s+the\s+(?:current\s+)?quarter\b(?!\s+(?:of|ended|ending)\b)|\b(?:so\s+far\s+)?this\s+quarter\b|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?quarter\b/i,
  },
  {
    period: '10y',
    re: /\b(?:ten|10)[- ]years?\b(?![- ](?:high|low)|\s+(?:Treasury|yields?|notes?|bonds?|rates?|breakevens?)\b)|\b(?:over|in)\s+the\s+(?:past|last)\s+(?:ten|10)\s+years\b|\b(?:over|in)\s+the\s+(?:past|last)\s+decade\b/i,
  },
  {
    period: '6m',
    re: /\b(?:six|6)[- ]months?\b|\b(?:over|in)\s+the\s+(?:past|last)\s+(?:six|6)\s+months\b|\bhalf[- ]year\b/i,
  },
  {
    period: '3m',
    re: /\b(?:three|3)[- ]months?\b|\b(?:over|in)\s+the\s+(?:past|last)\s+(?:three|3)\s+months\b/i,
  },
  {
    period: '1m',
    re: /\b(?:one|1)[- ]month\b|\b(?:over|in)\s+the\s+(?:past|last)\s+month\b|\b(?:over|in)\s+a\s+month\b(?!['’])/i,
  },
  { period: '1m', re: shortLabel('1M|1-?mos?') },
  { period: '3m', re: shortLabel('3M|3-?mos?') },
  { period: '6m', re: shortLabel('6M|6-?mos?') },
  { period: '1y', re: shortLabel('12M|12-?mos?|1-?yr|[Yy]\\/[Yy]|YoY') },
  { period: '5d', re: shortLabel('1W') },
  {
    period: 'max',
    re: /\bsince\s+(?:its\s+)?(?:inception|launch|listing)\b/i,
  },
  {
    period: '3y',
    re: new RegExp(
      `\\b3Y\\b|\\b${NUM.three}[- ]years?\\b(?![- ](?:high|low)|\\s+(?:Treasury|yields?|notes?|bonds?|rates?|breakevens?)\\b)|\\b(?:over|in)\\s+the\\s+(?:past|last)\\s+${NUM.three}\\s+years\\b|\\b36[- ]months?\\b`,
      'i',
    ),
  },
  {
    period: '5y',
    re: new RegExp(
      `\\b5Y\\b|\\b${NUM.five}[- ]years?\\b(?![- ](?:high|low)|\\s+(?:Treasury|yields?|notes?|bonds?|rates?|breakevens?)\\b)|\\b(?:over|in)\\s+the\\s+(?:past|last)\\s+${NUM.five}\\s+years\\b|\\b60[- ]months?\\b`,
      'i',
    ),
  },
  {
    period: '1y',
    re: new RegExp(
      `\\b${NUM.one}[- ]?year\\b(?![- ](?:high|low)|\\s+(?:Treasury|yields?|notes?|bonds?|rates?|breakevens?)\\b)|\\b1Y\\b|\\b(?:over|in|during)\\s+the\\s+(?:past|last|prior|trailing)\\s+(?:year|12\\s+months|twelve\\s+months)\\b|\\b(?:12|twelve)[- ]months?\\b|\\btrailing\\s+year\\b|\\byear[- ](?:over|on)[- ]year\\b|\\b(?:over|in)\\s+a\\s+year\\b(?!['’])`,
      'i',
    ),
  },
  {
    period: '5d',
    re: /\bw\/w\b|\bWoW\b|\bweek[- ]over[- ]week\b|\b5D\b|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:five|5)\s+(?:sessions|trading\s+days|days)\b|\b(?:over|in)\s+the\s+(?:past|last)\s+week\b|\b(?:five|5)[- ]day\b(?!\s+(?:winning|losing|win|rally|slide|skid|slump|streak|run|climb|advance|decline|sell-?off|retreat)\b)|\b(?:over|in|across|during|within)\s+(?:the\s+)?(?:five|5)\s+(?:sessions|trading\s+days)\b/i,
  },
  {
    // A broker's day label heading a line ("Tue: IWM +0.8%"): that session's moves (its day: `named-days.ts`).
    period: '1d',
    re: new RegExp(DAY_LABEL, 'i'),
  },
  {
    period: '1d',
    re: /\b1D\b|\bd\/d\b|\bDoD\b|\bday[- ]over[- ]day\b|\b(?:finished|ended|closed)\s+the\s+(?:session|day)\b|\bon\s+the\s+day\b|\btoday\b(?!['’]s(?:\s+[-+−–]?\d|\s*$))|\bin\s+(?:the|today's|Thursday's|Wednesday's|Tuesday's|Monday's|Friday's)\s+session\b|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday)\b|(?<!\bsince\s+)\byesterday\b|(?<!\bsince\s+)\b(?:last|this\s+past)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday)\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday)['’]s\s+(?:session|close|trading|trade)\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|today)['’]s(?=\s+[-+−–]?\d|\s*$)/i,
  },
  {
    // The week so far: from the last close of the previous calendar week (`wtd` in period-returns.ts).
    period: 'wtd',
    re: /\bWTD\b|\bweek[- ]to[- ]date\b|\b(?:so\s+far\s+)?this\s+week\b|\b(?:for|on|over|during|in)\s+the\s+(?:holiday[- ]shortened\s+|shortened\s+|holiday\s+)?week\b(?!\s+(?:of|ended|ending|before|ahead)\b)|\b(?:finished|ended|closed|wrapped\s+up)\s+the\s+week\b(?=\s+(?:up|down|higher|lower|flat|with\s+an?\s|[-+−–]?\$?\d))|\bweekly(?=\s+(?:gain|gains|jump|rise|rally|advance|climb|surge|return|move|loss|losses|drop|decline|fall|slide|retreat|dip|pop)\b)/i,
  },
  {
    // The whole previous calendar week ("last week", "the prior week").
    period: 'lastweek',
    // not a record's or a high's week ("below last week's record", "its record from last week")
    re: /(?<!\b(?:record|high|peak|top|close)\s+(?:from|of|set)\s+)\b(?:last|the\s+(?:previous|prior))\s+week\b(?!['’]s?\s+(?:high|low|record|peak|top|all-time|close))/i,
  },
  {
    // "since Sept. 30", "since Oct 15th", "since 9/30", "since the close of Sept. 2", "since the Oct. 29 close":
    // a day the note names; read against the note's date. SINCE_EVENT: "since the Fed's Dec. 10 cut", "measured
    // from the April 2 tariff announcement": the close of the day the event is dated by.
    period: 'other',
    re: new RegExp(
      `\\b(?:since|(?:measured|counted|calculated|taken)\\s+from)\\s+(?:the\\s+(?:close|end|evening|morning|afternoon)\\s+(?:of|on)\\s+|(?:the\\s+)?[A-Z][\\w.&-]*['’]s\\s+|the\\s+|its\\s+|their\\s+)?(?:${MONTH_DAY}(?:\\s+close\\b)?|\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?\\b)`,
      'i',
    ),
  },
  {
    period: 'other',
    re: /\b(?:in|during)\s+the\s+(?:first|second|third|fourth)\s+quarter\b|\bin\s+Q[1-4]\b|\b(?:so\s+far\s+)?(?:in|for|during)\s+(?:the\s+month\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|20\d\d)\b|\bsince\s+the\s+(?:end|close|start|beginning)\s+of\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+20\d\d)?|20\d\d)\b|\bin\s+(?:calendar\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|20\d\d)\b|\bin\s+(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?(?!\s*\d)|\b(?:than|from)\s+(?:at\s+)?the\s+(?:end|close)\s+of\s+20\d\d\b|\bon\s+20\d\d\b|\b20\d\d(?=\s+(?:gain|gains|return|returns|advance|rally|rise|decline|loss|losses|drop|slide|performance|move)\b)|\bsince\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|20\d\d)\b|\bthis\s+decade\b|\b(?:this\s+)?past\s+week\b|\bwk\b|\bsince\s+the\s+election\b/i,
  },
  {
    // "over 2 weeks", "in three days", "across a few sessions": a span of weeks or days MarketDash does not compute.
    period: 'other',
    re: /\b(?:over|in|across|during|within)\s+(?:a\s+|the\s+span\s+of\s+)?(?:two|three|four|six|seven|eight|nine|ten|\d+|a\s+few|few|several|a\s+couple\s+of)\s+(?:weeks?|days|sessions|trading\s+days)\b/i,
  },
  {
    // Period-like words MarketDash does not compute: never read as a day's move, so "unverifiable".
    period: 'other',
    re: /\b(?:over|in|during|across)\s+the\s+(?:past|last|prior|previous)\s+(?:(?:(?:two|three|four|six|eight|nine|ten|\d+|few|several|couple\s+of)\s+)?(?:weeks?|months?|quarters?|years?)|(?:two|three|four|six|seven|eight|nine|ten|\d+)\s+days|(?:few|several|couple\s+of)\s+(?:days|sessions))\b|\b(?:last|past|prior|previous)\s+(?:month|quarter|year|session)\b|\bsince\s+(?:(?:mid|early|late)[- ]\w+|the\s+(?:start|beginning|end|close|middle)\s+of\s+\w+|(?:its|their|the)\s+(?:\w+[- ])?(?:low|lows|high|highs|bottom|trough|peak|debut|IPO|selloff|sell-off|rally|cut|meeting|election)\b|(?:Monday|Tuesday|Wednesday|Thursday|Friday|yesterday|last\s+\w+))|\bfrom\s+(?:its|their|the)\s+(?:\w+[- ])?(?:low|lows|bottom|trough)\b|\b(?:in|for|during)\s+(?:the\s+)?(?:first|second|third|fourth|final|latest|current)\s+(?:half|quarter)\b|\b(?:in|for)\s+(?:H[12]|Q[1-4])\b/i,
  },
];

/** Every period phrase in `text`, in order of position. */
export function findPeriods(text: string): PeriodMatch[] {
  const out: PeriodMatch[] = [];
  for (const rule of RULES) {
    const re = new RegExp(rule.re.source, rule.re.flags.includes('g') ? rule.re.flags : `${rule.re.flags}g`);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (out.some((o) => m!.index < o.end && m!.index + m![0].length > o.start)) continue;
      out.push({ period: rule.period, start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The periods a table header names, in column order, found also when the words are glued together
 * ("StocksYTD PerformanceOne Year Performance" -> ['ytd', '1y']).
 */
export function headerPeriods(header: string): ReturnPeriod[] {
  const rules: readonly [ReturnPeriod, RegExp][] = [
    ['wtd', /WTD|week[- ]to[- ]date/gi],
    ['ytd', /YTD|year[- ]to[- ]date/gi],
    ['mtd', /MTD|month[- ]to[- ]date/gi],
    ['qtd', /QTD|quarter[- ]to[- ]date/gi],
    ['1y', /(?:one|1)[- ]?year|(?<![A-Za-z0-9])1Y(?![a-z0-9])|12[- ]?months?|twelve[- ]months?/gi],
    ['3y', /(?:three|3)[- ]?years?|(?<![A-Za-z0-9])3Y(?![a-z0-9])/gi],
    ['5y', /(?:five|5)[- ]?years?|(?<![A-Za-z0-9])5Y(?![a-z0-9])/gi],
    [
      '5d',
      /(?<![A-Za-z0-9])W\/W(?![a-z0-9])|(?<![A-Za-z0-9])5D(?![a-z0-9])|(?<![A-Za-z0-9])1W(?![a-z0-9])|five[- ]day|(?<![A-Za-z0-9])5[- ]day|(?:one|(?<![A-Za-z0-9])1)[- ]week/gi,
    ],
    [
      '1d',
      /(?<![A-Za-z0-9])1D(?![a-z0-9])|(?:[Oo]ne|(?<![A-Za-z0-9])1)[- ][Dd]ay|[Dd]aily|(?<![A-Za-z]|\d[- ])Day(?![a-z])|(?<![A-Za-z])Today(?![a-z])/g,
    ],
    // "1 Month", "6 Month", "10 Year": a count in digits, as a page's tab-separated header spells it.
    ['1m', /(?<![A-Za-z0-9])1M(?![a-z0-9])|(?:one|(?<![A-Za-z0-9])1)[- ]months?/gi],
    ['3m', /(?<![A-Za-z0-9])3M(?![a-z0-9])|(?:three|(?<![A-Za-z0-9])3)[- ]months?/gi],
    ['6m', /(?<![A-Za-z0-9])6M(?![a-z0-9])|(?:six|(?<![A-Za-z0-9])6)[- ]months?/gi],
    ['10y', /(?<![A-Za-z0-9])10Y(?![a-z0-9])|(?:ten|(?<![A-Za-z0-9])10)[- ]years?/gi],
  ];
  const hits: { period: ReturnPeriod; at: number }[] = [];
  for (const [period, re] of rules) {
    re.lastIndex = 0;
    for (let m = re.exec(header); m !== null; m = re.exec(header)) {
      // "YTD" is case-sensitive in a glued header; the words are not.
      if (/^[a-z]+$/.test(m[0]) && m[0].length <= 3) continue;
      hits.push({ period, at: m.index });
    }
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.period);
}
