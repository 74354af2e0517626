/**
 * Moves of Treasury yields and of the curve in basis points over a period, and the level a yield is
 * quoted at, as a desk writes them:
 * - `rate.change`: "the 10-year yield fell 8 basis points this week", "the two-year yield has dropped
 *   4 bp for the week", "2s 3.52% (-2bp)", "rose 1 basis point to 4.14%": the stored value at the
 *   claim's close minus the value at the period's base (`periodBaseIndex`: 1d the previous value, wtd the
 *   previous week's last, ytd the previous year's last ...), in bp, to the precision printed (whole bp:
 *   +-0.5). A move with no period word in a dated note is the day's.
 * - `rate.spread.change`: "the 2s10s curve steepened 5 bp" (widened, steepened: +; flattened, narrowed,
 *   tightened: -): DGS10 minus DGS2 at the close minus the same at the base, in bp.
 * Yields are named by the config (kind `rate`: "10-year yield", "two-year yield", "fed funds") or by the
 * desk's words `yieldNames` reads ("the 10-year Treasury note", "the 2-year", "2s", "10s", "FF
 * effective"). The level ("to 4.14%", "at 3.52%", "2s 3.52%") is a `rate.level` claim
 * (`rate-claim-types.ts`), read with the same names.
 */
import { periodBaseIndex } from '../../analytics/returns/period-returns.js';
import { NUMBER_WORDS } from '../../domain/format/display-format.js';
import type { ReturnPeriod } from '../../domain/period-keys.js';
import { indexOnOrBefore, type PriceSeries } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate, previousWeekEnd, weekday } from '../../domain/trading-date.js';
import type { ClaimBase } from '../claims/claim.js';
import { allMatches, hedged } from '../claims/clause-words.js';
import { findPeriods } from '../claims/period-phrases.js';
import { otherPeriod } from '../claims/return-claims.js';
import type { ClaimType, Outcome, SentenceScope } from './claim-type.js';
import { CURVE_BETWEEN, CURVE_PLAIN } from './curve-claim-type.js';
import { PERIOD_LABEL } from './verdict-words.js';

export interface RateMoveClaim extends ClaimBase {
  readonly metric: 'rate.change';
  /** The move claimed, in basis points, signed. */
  readonly bp: number;
  readonly decimals: number;
  readonly period: ReturnPeriod | null;
}

export interface CurveMoveClaim extends ClaimBase {
  readonly metric: 'rate.spread.change';
  readonly long: string;
  readonly short: string;
  readonly bp: number;
  readonly decimals: number;
  readonly period: ReturnPeriod | null;
}

/** A yield named in a sentence. */
export interface YieldName {
  readonly start: number;
  readonly end: number;
  readonly symbol: string;
  readonly text: string;
}

const YEARS = (n: string) =>
  `(?:(?:the|a)\\s+)?(?:U\\.?S\\.?\\s+)?${n}[- ]?(?:year|yr)(?:\\s+(?:U\\.?S\\.?\\s+)?(?:Treasury|Treasuries|T-note|note|bond))*(?:\\s+(?:yield|rate))?`;
const DESK_NAMES: readonly [string, RegExp][] = [
  [
    'DGS10',
    new RegExp(
      `\\b(?:(?:the\\s+)?yield\\s+on\\s+${YEARS('(?:10|ten)')}|${YEARS('(?:10|ten)')}|10s|10y|UST10Y|DGS10)\\b`,
      'gi',
    ),
  ],
  [
    'DGS2',
    new RegExp(
      `\\b(?:(?:the\\s+)?yield\\s+on\\s+${YEARS('(?:2|two)')}|${YEARS('(?:2|two)')}|2s|2y|UST2Y|DGS2)\\b`,
      'gi',
    ),
  ],
  [
    'DFF',
    /\b(?:(?:the\s+)?(?:effective\s+)?fed(?:eral)?\s+funds(?:\s+(?:effective|rate|effective\s+rate))*|FF\s+effective|DFF)\b/gi,
  ],
  // Desk shorthand in capitals only ("FF 3.64%", "EFFR 3.64"): "ff" or "effr" in lower case is not a name.
  ['DFF', /\b(?:EFFR|FF)\b/g],
];

/** The one yield a table's name cell names in a desk's words ("2Y", "10-Year Treasury", "Fed funds"), or null. */
export function deskYield(text: string): string | null {
  const symbols = new Set(DESK_NAMES.filter(([, re]) => allMatches(re, text).length > 0).map(([symbol]) => symbol));
  return symbols.size === 1 ? [...symbols][0]! : null;
}

/** The yields a sentence names: the config's rate mentions and the desk's words, longest first where they overlap. */
export function yieldNames(scope: SentenceScope): YieldName[] {
  const found: YieldName[] = scope.mentions
    .filter((m) => m.kind === 'rate' && m.symbol !== null)
    .map((m) => ({ start: m.start, end: m.end, symbol: m.symbol!, text: m.text }));
  for (const [symbol, re] of DESK_NAMES)
    for (const m of allMatches(re, scope.sentence)) {
      // "2s10s", "10y-2y" name the curve, not one yield; "10-year return" or "the 2-year high" is no yield.
      const after = scope.sentence.slice(m.index + m[0].length);
      const before = scope.sentence.slice(0, m.index);
      if (/^\s*(?:[-–−/]|minus|less|over|vs\.?|to)?\s*(?:10|ten|2|two)(?:s|y|[- ]?years?)\b/i.test(after)) continue;
      if (/(?:2s|10s|[-–−/]|minus|over|vs\.?)\s*$/i.test(before) && /^(?:10s|2s|10y|2y)$/i.test(m[0])) continue;
      if (/^\s*(?:return|returns|high|low|record|chart|window|period|span|stretch|performance|CAGR)\b/i.test(after))
        continue;
      // "the spread between the 10-year and 2-year yields" names the curve, not either yield.
      if (/^\s*and\s+(?:the\s+)?(?:10|ten|2|two)[- ]?(?:years?|yrs?|y)\b/i.test(after)) continue;
      if (/\bbetween\s+(?:the\s+)?(?:10|ten|2|two)[- ]?(?:years?|yrs?|y)[\w\s.]{0,30}\band\s+$/i.test(before)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, symbol, text: m[0] });
    }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: YieldName[] = [];
  for (const y of found) if (!out.some((o) => y.start < o.end && y.end > o.start)) out.push(y);
  return out;
}

const UP =
  'rose|risen|rises|rising|climbed|climbs|added|adds|gained|gains|jumped|jumps|surged|surges|spiked|soared|rallied|firmed|increased|edged\\s+(?:up|higher)|ticked\\s+(?:up|higher)|inched\\s+(?:up|higher)|moved\\s+up|was\\s+up|is\\s+up|up|higher\\s+by|backed\\s+up';
const DOWN =
  'fell|fallen|falls|falling|dropped|drops|declined|declines|dipped|dips|slipped|slips|slid|plunged|slumped|eased|eases|lost|loses|sank|tumbled|retreated|decreased|edged\\s+(?:down|lower)|ticked\\s+(?:down|lower)|inched\\s+(?:down|lower)|moved\\s+down|was\\s+down|is\\s+down|down|lower\\s+by|shed';
const BP = '(?:bps?|basis[- ]points?|bp\\b)';
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNITS = NUMBER_WORDS.slice(1, 10).join('|');
const BP_WORDS = `a(?:\\s+single)?|(?:${TENS.join('|')})(?:[- ](?:${UNITS}))?|${NUMBER_WORDS.slice(1, 20).join('|')}`;

/** The value of a figure of basis points: "4", "0.5", "a single" (1), "two", "twenty-five". */
export function bpFigure(text: string): number {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(t)) return Number(t);
  if (t === 'a' || t === 'a single') return 1;
  const [tens, unit] = t.split(/[- ]/);
  const ten = TENS.indexOf(tens!);
  return ten >= 0 ? (ten + 2) * 10 + (unit ? NUMBER_WORDS.indexOf(unit) : 0) : NUMBER_WORDS.indexOf(t);
}
/** A figure of basis points: digits or words ("a single basis point", "two basis points", "twenty-five bp"). */
const NUMBER = `(\\d+(?:\\.\\d+)?|${BP_WORDS})`;
/** "fell 8 basis points", "has dropped 4 bp", "rose by 1 basis point"; "(-2bp)", "+1 bp"; "were 2 bp lower". */
const MOVE = new RegExp(
  `\\b(?:has\\s+|have\\s+|had\\s+)?(${UP}|${DOWN})(?:\\s+(?:by|about|roughly|nearly|some|another|a\\s+further))*\\s+${NUMBER}\\s*${BP}|\\(?\\s*([-+−–])${NUMBER}\\s*${BP}\\s*\\)?|\\b(?:(?:was|were|is|are|ended|closed|finished|settled|came\\s+in)\\s+)?${NUMBER}\\s*${BP}\\s+(higher|lower)\\b`,
  'gi',
);
const DOWN_WORD = new RegExp(`^(?:${DOWN})$`, 'i');
/** "its rise this week to 33 bp", "leaving its monthly drop at 35 basis points": the move's noun, then its total. */
const NOUN_MOVE = new RegExp(
  `\\b(?:its|their|the)\\s+(?:(?:daily|weekly|monthly|quarterly|yearly|annual)\\s+)?(rise|gain|climb|increase|advance|jump|drop|fall|decline|slide|loss|retreat)s?\\b[^.;,%]{0,30}?\\b(?:to|at)\\s+${NUMBER}\\s*${BP}`,
  'gi',
);
const DOWN_NOUN = /^(?:drop|fall|decline|slide|loss|retreat)$/i;
/** Moves another claim type reads: "since the Fed's cut of December 10", "above where it ended last year". */
const OTHER_READING = /^\s*(?:since\s+the\s+Fed|above\s+where|below\s+where)/i;

/**
 * The period of a move starting at `start` in the sentence: its own phrase in its words or after them (up to
 * `afterEnd`, where the clause or the next move's words start), else before them (from `beforeFrom`, where the
 * move before it ends); 1d in a dated note.
 */
function movePeriod(
  scope: SentenceScope,
  start: number,
  afterEnd: number,
  names: readonly { readonly start: number; readonly end: number }[],
  beforeFrom = 0,
): { period: ReturnPeriod | null; day?: string } | null {
  // "the 10-year" names a yield, not a ten-year period.
  const periods = findPeriods(scope.sentence).filter((p) => !names.some((n) => p.start < n.end && p.end > n.start));
  const p =
    periods.find((x) => x.start >= start && x.start < afterEnd) ??
    periods
      .filter((x) => x.end <= start && x.start >= beforeFrom && !/[;]/.test(scope.sentence.slice(x.end, start)))
      .pop();
  if (!p) return { period: scope.noteDate === null ? null : '1d' };
  if (p.period === 'same') return null;
  // "20 bp higher than at the end of 2024" in a 2025 note: the year to date; "in August" in an August note: the month.
  if (p.period === 'other') {
    const key = otherPeriod(scope.sentence.slice(p.start, p.end), scope.noteDate);
    return key === null ? null : { period: key };
  }
  if (p.period === 'lastweek')
    return scope.noteDate === null ? null : { period: 'wtd', day: formatIsoDate(previousWeekEnd(scope.noteDate)) };
  return { period: p.period };
}

/** The clause a yield name starts: up to the next yield name, semicolon or the sentence end. */
function clauseOf(scope: SentenceScope, names: readonly YieldName[], i: number): number {
  const next = names[i + 1]?.start ?? scope.sentence.length;
  const semi = scope.sentence.indexOf(';', names[i]!.end);
  return semi >= 0 && semi < next ? semi : next;
}

/** One move of a yield in its clause: where its words are (in the sentence), its figure and sign. */
interface MoveWords {
  readonly at: number;
  readonly end: number;
  readonly digits: string;
  readonly negative: boolean;
}

/** The moves of the yield named `name` in its clause `[name.end, clauseEnd)`, in order. */
function movesOf(scope: SentenceScope, name: YieldName, clauseEnd: number): MoveWords[] {
  const window = scope.sentence.slice(name.end, clauseEnd);
  const out: MoveWords[] = [];
  for (const m of allMatches(MOVE, window)) {
    const at = name.end + m.index;
    // A signed shorthand move belongs to the name only right after it or its level ("2s 3.52% (-2bp)"), or after
    // its move before and that move's period label ("2s 3.92% (+8bp d/d, +45bp YTD)").
    const prev = out.at(-1);
    if (
      m[3] &&
      !/^\s*(?:yields?(?:\s+|$))?(?:at\s+)?(?:\d+(?:\.\d+)?%\s*)?[,:]?\s*$/i.test(window.slice(0, m.index)) &&
      !(
        prev && /^\s*(?:d\/d|w\/w|WTD|MTD|QTD|YTD|1D|5D|1W|1M|1Y)?\s*[,;]\s*$/i.test(scope.sentence.slice(prev.end, at))
      )
    )
      continue;
    if (hedged(scope.sentence, at)) continue;
    if (OTHER_READING.test(window.slice(m.index + m[0].length))) continue;
    const negative = m[1]
      ? DOWN_WORD.test(m[1].replace(/\s+/g, ' '))
      : m[6]
        ? m[6].toLowerCase() === 'lower'
        : m[3] !== '+';
    out.push({ at, end: at + m[0].length, digits: (m[2] ?? m[4] ?? m[5])!, negative });
  }
  // "..., extending its rise this week to 33 bp": a move told by its noun and the total it reached.
  for (const m of allMatches(NOUN_MOVE, window)) {
    const at = name.end + m.index;
    const end = at + m[0].length;
    if (out.some((o) => at < o.end && end > o.at) || hedged(scope.sentence, at)) continue;
    out.push({ at, end, digits: m[2]!, negative: DOWN_NOUN.test(m[1]!) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * "4 basis points above where it started the year", "12 bp below where it began the month": the move since the
 * period's base close told by where the yield stood then (the year: YTD; the month: MTD; the quarter: QTD; the week:
 * WTD).
 */
const SINCE_START = new RegExp(
  `\\b${NUMBER}\\s*${BP}\\s+(above|below|higher\\s+than|lower\\s+than)\\s+where\\s+(?:it|they)\\s+(?:started|began|opened|entered|stood\\s+at\\s+the\\s+start\\s+of)\\s+the\\s+(week|month|quarter|year)\\b`,
  'gi',
);
const START_PERIOD: Record<string, ReturnPeriod> = { week: 'wtd', month: 'mtd', quarter: 'qtd', year: 'ytd' };

function sinceStartMoves(scope: SentenceScope, name: YieldName, clauseEnd: number): RateMoveClaim[] {
  const window = scope.sentence.slice(name.end, clauseEnd);
  return allMatches(SINCE_START, window)
    .filter((m) => !hedged(scope.sentence, name.end + m.index))
    .map((m) => {
      const at = name.end + m.index;
      const sign = /^(?:below|lower)/i.test(m[2]!) ? -1 : 1;
      const decimals = m[1]!.includes('.') ? m[1]!.split('.')[1]!.length : 0;
      const period = START_PERIOD[m[3]!.toLowerCase()]!;
      return rateMove(scope, name, at, at + m[0].length, sign * bpFigure(m[1]!), decimals, { period });
    });
}

/** Where the words of a move end and the next one's begin: the last comma or joining word between them. */
const BETWEEN_MOVES = /,|\b(?:though|although|but|while|and|after|before|whereas)\b/gi;

function extractMoves(scope: SentenceScope): RateMoveClaim[] {
  const names = yieldNames(scope);
  const out: RateMoveClaim[] = [];
  names.forEach((name, i) => {
    const clauseEnd = clauseOf(scope, names, i);
    // "fell 5 basis points to 4.30%, though it rose 30 bp in March": each move of the clause with its own period.
    const moves = movesOf(scope, name, clauseEnd);
    let beforeFrom = 0;
    moves.forEach((mv, j) => {
      const next = moves[j + 1];
      const joint = next ? allMatches(BETWEEN_MOVES, scope.sentence.slice(mv.end, next.at)).at(-1) : undefined;
      const afterEnd = next ? (joint ? mv.end + joint.index : next.at) : clauseEnd;
      const period = movePeriod(scope, mv.at, afterEnd, names, beforeFrom);
      beforeFrom = afterEnd;
      if (period === null) return;
      const decimals = mv.digits.includes('.') ? mv.digits.split('.')[1]!.length : 0;
      out.push(rateMove(scope, name, mv.at, mv.end, (mv.negative ? -1 : 1) * bpFigure(mv.digits), decimals, period));
    });
    out.push(...sinceStartMoves(scope, name, clauseEnd));
    const window = scope.sentence.slice(name.end, clauseEnd);
    const still = moves.length > 0 ? null : unchangedMove(scope, name, window, clauseEnd, names);
    if (still) out.push(still);
  });
  return out;
}

/** "The 10-year yield was unchanged this week", "10s unch at 4.14%": a move of 0 bp right after the yield's name (or its level). */
const UNCHANGED =
  /^\s*(?:yields?\s+)?(?:at\s+)?(?:\d{1,2}\.\d{2,3}%?\s*,?\s*\(?\s*)?(?:(?:was|were|is|are|has\s+been|have\s+been|ended|closed|finished|remained|remains|stayed|stays|held|holds|sat|stood|came\s+in)\s+)?(?:virtually\s+|essentially\s+|basically\s+)?(unchanged|unch\.?)(?![\w])/i;
/** A decision about the rate, not its move: "the Fed left the fed funds rate unchanged". */
const HELD_BY_SOMEONE =
  /\b(?:left|leave|leaves|leaving|kept|keep|keeps|keeping|held|hold|holds|holding|maintained)\s+$/i;

function unchangedMove(
  scope: SentenceScope,
  name: YieldName,
  window: string,
  clauseEnd: number,
  names: readonly YieldName[],
): RateMoveClaim | null {
  const m = UNCHANGED.exec(window);
  if (!m || HELD_BY_SOMEONE.test(scope.sentence.slice(0, name.start))) return null;
  const at = name.end + m.index + m[0].lastIndexOf(m[1]!);
  if (hedged(scope.sentence, at)) return null;
  const end = at + m[1]!.length;
  const period = movePeriod(scope, at, clauseEnd, names);
  if (period === null) return null;
  return rateMove(scope, name, at, end, 0, 0, period);
}

/** The claim of a move of `bp` basis points read at `[at, end)` of the sentence. */
function rateMove(
  scope: SentenceScope,
  name: YieldName,
  at: number,
  end: number,
  bp: number,
  decimals: number,
  period: { period: ReturnPeriod | null; day?: string },
): RateMoveClaim {
  return {
    metric: 'rate.change',
    text: scope.sentence,
    subject: name.text,
    symbol: name.symbol,
    line: scope.line,
    span: { start: scope.offset + at, end: scope.offset + end },
    bp,
    decimals,
    period: period.period,
    ...(period.day ? { day: period.day } : {}),
  };
}

const CURVE_NAME = `(?:(?:10|ten)[- ]?(?:years?|yrs?|y)\\s*(?:[-–−/]|minus|less|over|vs\\.?)\\s*(?:2|two)[- ]?(?:years?|yrs?|y)|(?:2|two)[- ]?(?:years?|yrs?|y)\\s*(?:[-–−/]|to)\\s*(?:10|ten)[- ]?(?:years?|yrs?|y)|2s\\s*/?\\s*10s|10s\\s*/?\\s*2s|2-10|10-2)(?:\\s+(?:Treasury|Treasuries|yield))*(?:\\s+(?:spread|curve|gap|yield\\s+(?:spread|curve)))?|\\b(?:the\\s+(?:Treasury\\s+|yield\\s+)?|Treasury\\s+|yield\\s+)curve|${CURVE_BETWEEN}`;
const CURVE_MOVE = new RegExp(
  `(${CURVE_NAME})\\b[^.;%]{0,30}?\\b(steepened|steepens|steepening|steeper|widened|widens|widening|wider|flattened|flattens|flattening|flatter|narrowed|narrows|narrowing|narrower|tightened|tightens|tighter|compressed)(?:\\s+(?:by|about|roughly|nearly|another|a\\s+further))*\\s+${NUMBER}\\s*${BP}`,
  'gi',
);

/**
 * "2s10s +3bp d/d", "2s/10s 62bp (+4bp w/w)", "10yr/2yr 62 bp, +4bp WTD": a signed move of the curve in desk shorthand, read only with
 * a period word right after it (without one, "2s10s +62bp" could be the level or the day's move).
 */
const CURVE_SIGNED = new RegExp(
  `\\b(?:2s\\s*/?\\s*10s|10s\\s*/?\\s*2s|${CURVE_PLAIN})(?:\\s+(?:spread|curve))?\\s*:?\\s*(?:at\\s+)?(?:[-+]?\\d+\\s*bps?\\s*,?\\s*)?\\(?\\s*([-+−–])(\\d+(?:\\.\\d+)?)\\s*${BP}\\s*\\)?`,
  'gi',
);

function curveMove(
  scope: SentenceScope,
  start: number,
  end: number,
  nameEnd: number,
  digits: string,
  negative: boolean,
  explicitPeriod: boolean,
): CurveMoveClaim | null {
  if (hedged(scope.sentence, start)) return null;
  const semi = scope.sentence.indexOf(';', end);
  const clauseEnd = semi >= 0 ? semi : scope.sentence.length;
  if (
    explicitPeriod &&
    !/^\s*,?\s*\(?\s*(?:d\/d|w\/w|WoW|DoD|WTD|MTD|YTD|QTD|1D|5D|on\s+the\s+(?:day|week)|this\s+(?:week|month|year)|for\s+the\s+(?:day|week|month)|since)/i.test(
      scope.sentence.slice(end),
    )
  )
    return null;
  const period = movePeriod(scope, start, clauseEnd, [{ start, end: nameEnd }]);
  if (period === null) return null;
  return {
    metric: 'rate.spread.change',
    text: scope.sentence,
    subject: 'the 10y-2y spread',
    symbol: 'DGS10',
    line: scope.line,
    span: { start: scope.offset + start, end: scope.offset + end },
    long: 'DGS10',
    short: 'DGS2',
    bp: (negative ? -1 : 1) * bpFigure(digits),
    decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
    period: period.period,
    ...(period.day ? { day: period.day } : {}),
  };
}

function extractCurveMoves(scope: SentenceScope): CurveMoveClaim[] {
  const out: CurveMoveClaim[] = [];
  for (const m of allMatches(CURVE_MOVE, scope.sentence)) {
    // "the curve", "the Treasury curve", "the yield curve" (never "the credit curve") is the Treasury curve only
    // when the sentence speaks of yields, Treasuries or basis points.
    if (
      /^(?:the\s+)?(?:Treasury\s+|yield\s+)?curve$/i.test(m[1]!) &&
      !/yield|treasur|2s|10s|rates?\b|\bbps?\b|basis\s+points?/i.test(scope.sentence)
    )
      continue;
    const end = m.index + m[0].length;
    const negative = /^(?:flatte|narrow|tight|compress)/i.test(m[2]!);
    const claim = curveMove(scope, m.index, end, m.index + m[1]!.length, m[3]!, negative, false);
    if (claim) out.push(claim);
  }
  for (const m of allMatches(CURVE_SIGNED, scope.sentence)) {
    // "the 2s10s curve steepened 3 bp", read above, is not read twice.
    if (out.some((c) => c.span.start - scope.offset < m.index + m[0].length && c.span.end - scope.offset > m.index))
      continue;
    const end = m.index + m[0].length;
    const claim = curveMove(scope, m.index, end, end, m[2]!, m[1] !== '+', true);
    if (claim) out.push(claim);
  }
  return out;
}

const bpText = (bp: number, decimals: number) => `${bp > 0 ? '+' : ''}${bp.toFixed(decimals)} bp`;
const within = (actual: number, claimed: number, decimals: number) =>
  Math.abs(actual - claimed) <= 0.5 * 10 ** -decimals + 1e-9;
const periodText = (p: ReturnPeriod | null) => (p ? (PERIOD_LABEL[p] ?? p) : 'over an unstated period');
const noPeriod = (c: { period: ReturnPeriod | null }) =>
  c.period === null ? 'the text gives no period for this move' : null;

/** Whether `s` has values on weekend days near bar `k` (FRED's DFF carries Friday's rate through Sunday). */
function calendarDaily(s: PriceSeries, k: number): boolean {
  for (let i = Math.max(0, k - 9); i <= k; i++) if (weekday(s.dates[i]! as DayNumber) % 6 === 0) return true;
  return false;
}

/**
 * The base bar of a move over `period` of series `s` at bar `k`, or an unverifiable outcome. A week ("1W", "5d")
 * of a series with a value every calendar day is seven days back, not five rows.
 */
function baseOf(s: PriceSeries, k: number, period: ReturnPeriod): number | { unverifiable: string } {
  const b =
    period === '5d' && calendarDaily(s, k)
      ? indexOnOrBefore(s.dates, (s.dates[k]! - 7) as DayNumber)
      : periodBaseIndex(s.dates, k, period);
  return b < 0 || b >= k
    ? {
        unverifiable: `${s.symbol} has too little history for a move ${periodText(period)} as of ${formatIsoDate(s.dates[k]!)}`,
      }
    : b;
}

export const rateMoveClaimType: ClaimType<RateMoveClaim> = {
  metric: 'rate.change',
  hasBasis: false,
  extract: extractMoves,
  precheck: noPeriod,
  evaluate(c, { series: s, k }): Outcome {
    const b = baseOf(s, k, c.period!);
    if (typeof b !== 'number') return b;
    const bp = (s.close[k]! - s.close[b]!) * 100;
    const shown = Number(bp.toFixed(c.decimals));
    return {
      ok: within(bp, c.bp, c.decimals),
      actual: shown,
      fact: `${s.symbol} moved ${bpText(shown, c.decimals)} ${periodText(c.period)} (${s.close[b]!.toFixed(2)}% -> ${s.close[k]!.toFixed(2)}%)`,
      detail: `base value ${formatIsoDate(s.dates[b]!)}`,
    };
  },
  claimed: (c) => c.bp,
  claimedText: (c) => bpText(c.bp, c.decimals),
  describe: (c) => `${bpText(c.bp, c.decimals)} ${periodText(c.period)}`,
  period: (c) => c.period,
};

/** DGS10 minus DGS2 in bp on the day of bar `k` of `long` (the short yield on or before it), or null. */
function curveAt(long: PriceSeries, short: PriceSeries, k: number): number | null {
  const j = indexOnOrBefore(short.dates, long.dates[k]! as DayNumber);
  return j < 0 ? null : (long.close[k]! - short.close[j]!) * 100;
}

export const curveMoveClaimType: ClaimType<CurveMoveClaim> = {
  metric: 'rate.spread.change',
  hasBasis: false,
  extract: extractCurveMoves,
  precheck: noPeriod,
  extraSymbols: (c) => [c.short],
  evaluate(c, { series: long, k, seriesFor }): Outcome {
    const other = seriesFor(c.short);
    if ('missing' in other) return { unverifiable: other.missing };
    const b = baseOf(long, k, c.period!);
    if (typeof b !== 'number') return b;
    const now = curveAt(long, other.series, k);
    const then = curveAt(long, other.series, b);
    if (now === null || then === null)
      return { unverifiable: `${c.short} has no value on or before ${formatIsoDate(long.dates[b]!)}` };
    const bp = now - then;
    const shown = Number(bp.toFixed(c.decimals));
    return {
      ok: within(bp, c.bp, c.decimals),
      actual: shown,
      fact: `the 10y-2y spread moved ${bpText(shown, c.decimals)} ${periodText(c.period)} (${then.toFixed(0)} bp -> ${now.toFixed(0)} bp)`,
      detail: `${c.long} minus ${c.short} on ${formatIsoDate(long.dates[b]!)} and ${formatIsoDate(long.dates[k]!)}`,
    };
  },
  claimed: (c) => c.bp,
  claimedText: (c) => bpText(c.bp, c.decimals),
  describe: (c) => `${bpText(c.bp, c.decimals)} ${periodText(c.period)} (${c.long} minus ${c.short})`,
  period: (c) => c.period,
};
