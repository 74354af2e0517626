/**
 * Highs and lows since a date: "its lowest close since September", "the highest level since
 * March 3, 2022", "approaching its lowest close since September" (within `approachPct` of the mark).
 */
import { highestSince, lowestSince } from '../../analytics/returns/since.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { civilFromDays, type DayNumber, daysFromCivil, daysInMonth, formatIsoDate } from '../../domain/trading-date.js';
import type { SinceClaim } from '../claims/claim.js';
import { COUNT_WORD, count, MONTH_WORD, monthIndex } from '../claims/clause-words.js';
import { matchesWithSubjects } from '../claims/subject-finder.js';
import { type ClaimType, matchedClaim, type SentenceScope } from './claim-type.js';
import { pct, shortDate, shortMonth } from './verdict-words.js';

const SINCE = new RegExp(
  `\\b(lowest|highest|weakest|strongest)\\s+(?:(?:daily\\s+)?(?:close|closing\\s+level|closing\\s+value|level|reading|finish|settle|mark|point|print)\\s+)?(?:in\\s+(?:more\\s+than\\s+)?\\w+\\s+\\w+,?\\s+)?since\\s+(?:(?:early|mid|late)[- ]?\\s*)?(?:${MONTH_WORD}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d))?(?:,?\\s+(\\d{4}))?|(\\d{4})-(\\d{2})-(\\d{2})|(\\d{4})\\b)`,
  'i',
);
/** "its lowest close in three months", "the highest level in more than a year", "lowest in the past 12 weeks". */
const WITHIN = new RegExp(
  `\\b(lowest|highest|weakest|strongest)\\s+(?:(?:daily\\s+)?(?:close|closing\\s+level|closing\\s+value|level|reading|finish|settle|mark|point|print)\\s+)?(?:in|over)\\s+(?:(?:more\\s+than|over|almost|nearly)\\s+)?(?:(?:the\\s+(?:past|last)\\s+)?(?:(a|an)|${COUNT_WORD})|(the\\s+(?:past|last)))\\s*-?\\s*(trading\\s+days?|sessions?|days?|weeks?|months?|years?)\\b`,
  'i',
);
const APPROACHING =
  /(?:approach\w*|near(?:ing|s)?|close\s+to|flirting\s+with|within\s+reach\s+of|closing\s+in\s+on)\s+(?:its|their|a|the|an)?\s*$/i;

function extract(scope: SentenceScope): SinceClaim[] {
  const { sentence, mentions, ctx } = scope;
  const out: SinceClaim[] = [];
  for (const { m, subject } of matchesWithSubjects(SINCE, sentence, mentions, ctx)) {
    if (!subject) continue;
    const word = m[1]!.toLowerCase();
    const direction = word === 'lowest' || word === 'weakest' ? 'lowest' : 'highest';
    const since = m[2]
      ? { year: m[4] ? Number(m[4]) : null, month: monthIndex(m[2]), day: m[3] ? Number(m[3]) : null }
      : m[5]
        ? { year: Number(m[5]), month: Number(m[6]), day: Number(m[7]) }
        : { year: Number(m[8]), month: 1, day: null, wholeYear: true };
    const claim: SinceClaim = {
      metric: 'since',
      ...matchedClaim(scope, subject, m),
      direction,
      since,
      approaching: APPROACHING.test(sentence.slice(0, m.index)),
    };
    out.push(subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim);
  }
  // a window whose words a since-claim already read ("lowest close in two weeks since March") is that claim
  const taken = out.map((c) => [c.span.start - scope.offset, c.span.end - scope.offset] as const);
  for (const { m, subject } of matchesWithSubjects(WITHIN, sentence, mentions, ctx)) {
    if (taken.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
    const unit = m[5]!.toLowerCase();
    // "in a month", "over the past year" are one; "over the past months" names no window
    const implicit = m[2] !== undefined || m[4] !== undefined;
    const n = implicit ? (unit.endsWith('s') ? null : 1) : count(m[3]);
    if (!subject || n === null || n < 1) continue;
    const word = m[1]!.toLowerCase();
    const claim: SinceClaim = {
      metric: 'since',
      ...matchedClaim(scope, subject, m),
      direction: word === 'lowest' || word === 'weakest' ? 'lowest' : 'highest',
      since: { year: null, month: 1, day: null },
      within: {
        count: n,
        unit: /^(?:trading|session)/.test(unit)
          ? 'session'
          : (unit.replace(/s$/, '') as 'day' | 'week' | 'month' | 'year'),
      },
      approaching: APPROACHING.test(sentence.slice(0, m.index)),
    };
    out.push(subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim);
  }
  return out;
}

/**
 * The first day of a window back from `asOf` ("in three months": 2025-09-11 for 2025-12-11; a month
 * without that day ends the month before: Nov 30 for May 31 less six months). Sessions are counted in
 * `dates` (the closes up to `k`): "in 10 sessions" starts at the 10th close back, the as-of one counted.
 */
export function windowStart(
  within: NonNullable<SinceClaim['within']>,
  asOf: DayNumber,
  dates?: Int32Array,
  k?: number,
): DayNumber {
  const n = within.count;
  if (within.unit === 'session') {
    if (dates === undefined || k === undefined) return asOf - Math.ceil((n * 7) / 5);
    return dates[Math.max(0, k - n + 1)]!;
  }
  if (within.unit === 'day') return asOf - n;
  if (within.unit === 'week') return asOf - 7 * n;
  const [y, mo, d] = civilFromDays(asOf);
  const months = within.unit === 'year' ? 12 * n : n;
  const total = y * 12 + (mo - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return daysFromCivil(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** The first and last day of the month (or the day, or the year) a claim names, in the latest year that fits before `asOf`. */
export function sinceWindow(
  c: SinceClaim,
  asOf: DayNumber,
  dates?: Int32Array,
  k?: number,
): { first: DayNumber; last: DayNumber } {
  if (c.within) {
    // the window's first day: an earlier close past the mark may lie on it or before (the window is the rest)
    const start = windowStart(c.within, asOf, dates, k);
    return { first: start, last: start };
  }
  const [ay, am, ad] = civilFromDays(asOf);
  if (c.since.wholeYear)
    return { first: daysFromCivil(c.since.year!, 1, 1), last: daysFromCivil(c.since.year!, 12, 31) };
  let year = c.since.year ?? ay;
  if (c.since.year === null && (c.since.month > am || (c.since.month === am && (c.since.day ?? 1) > ad))) year -= 1;
  if (c.since.day !== null) {
    const day = daysFromCivil(year, c.since.month, Math.min(c.since.day, daysInMonth(year, c.since.month)));
    return { first: day, last: day };
  }
  return {
    first: daysFromCivil(year, c.since.month, 1),
    last: daysFromCivil(year, c.since.month, daysInMonth(year, c.since.month)),
  };
}

function sinceText(c: SinceClaim): string {
  if (c.within) return `in ${c.within.count} ${c.within.unit}${c.within.count === 1 ? '' : 's'}`;
  if (c.since.wholeYear) return String(c.since.year);
  const m = shortMonth(c.since.month);
  return c.since.day === null ? m : `${m} ${c.since.day}`;
}

export const sinceClaimType: ClaimType<SinceClaim> = {
  metric: 'since',
  hasBasis: false,
  extract,
  evaluate(c, { series: s, k, field, options: o }) {
    const { last } = sinceWindow(c, s.dates[k]!, s.dates, k);
    const values = s[field];
    const since = c.direction === 'lowest' ? lowestSince(s.dates, values, k) : highestSince(s.dates, values, k);
    const word = c.direction;
    const level = values[k]!.toFixed(2);
    const fact =
      since === null
        ? `${s.symbol} closed at ${level}, its ${word} close on record`
        : `${s.symbol} closed at ${level}, its ${word} close since ${shortDate(since, o.asOf)}`;
    if (since === null || since <= last)
      return { ok: true, actual: since === null ? null : formatIsoDate(since), fact };
    if (!c.approaching) return { ok: false, actual: formatIsoDate(since), fact };
    // Approaching: the close is within approachPct of the extreme close after the named month.
    const from = indexOnOrBefore(s.dates, last) + 1;
    let mark = c.direction === 'lowest' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    for (let i = from; i < k; i++)
      mark = c.direction === 'lowest' ? Math.min(mark, values[i]!) : Math.max(mark, values[i]!);
    const gap = values[k]! / mark - 1;
    const near = c.direction === 'lowest' ? gap <= o.approachPct : gap >= -o.approachPct;
    return {
      ok: near,
      actual: formatIsoDate(since),
      fact: `${fact}, ${pct(Math.abs(gap))} from its ${word} close after ${shortDate(last, o.asOf)} (${mark.toFixed(2)})`,
    };
  },
  claimed: (c, o) => formatIsoDate(sinceWindow(c, o.asOf).last),
  claimedText: (c) =>
    `${c.approaching ? 'approaching ' : ''}its ${c.direction} close ${c.within ? '' : 'since '}${sinceText(c)}`,
  period(c, o) {
    const w = sinceWindow(c, o.asOf);
    if (c.within) return `since ${formatIsoDate(w.first)}`;
    return `since ${c.since.wholeYear ? String(c.since.year) : c.since.day === null ? formatIsoDate(w.first).slice(0, 7) : formatIsoDate(w.first)}`;
  },
};
