/**
 * The Treasury curve as a spread between two yields: "the 10y-2y spread closed at 62 bp", "the 2s10s
 * curve stands at 0.62 percentage points", "the 10-year minus 2-year spread widened to 62 basis points".
 * Checked as DGS10 minus DGS2 (the stored 10-year and 2-year yields, in percent) on the claim's day,
 * in basis points, to the precision printed; the reason names both series, their values and dates.
 * A figure with no unit is read as basis points from 5 up, as percentage points below ("at 0.62").
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import type { ClaimBase } from '../claims/claim.js';
import { matchesWithSubjects } from '../claims/subject-finder.js';
import type { ClaimType, SentenceScope } from './claim-type.js';

export interface CurveClaim extends ClaimBase {
  readonly metric: 'rate.spread';
  /** The long and short yields (`DGS10`, `DGS2`); `symbol` is the long one. */
  readonly long: string;
  readonly short: string;
  /** The spread claimed, in basis points (signed: negative when the curve is inverted). */
  readonly bp: number;
  /** Decimals of the figure in basis points (62 bp: 0; 0.62 points: 0 too, as 62 bp). */
  readonly decimals: number;
}

const TEN = '(?:10|ten)[- ]?(?:years?|yrs?|y)';
const TWO = '(?:2|two)[- ]?(?:years?|yrs?|y)';
/** The curve's names: "10y-2y", "2-year to 10-year" and "2-10" with a noun (spread, curve, gap); "2s10s" also without one. */
const NAMED = `(?:${TEN}\\s*(?:[-–−/]|minus|less|over|vs\\.?)\\s*${TWO}|${TWO}\\s*(?:[-–−/]|to)\\s*${TEN}|2-10|10-2)(?:\\s+(?:Treasury|Treasuries|yield))*\\s+(?:spread|curve|gap|yield\\s+(?:spread|curve))`;
const SHORT = `(?:2s\\s*/?\\s*10s|10s\\s*/?\\s*2s)(?:\\s+(?:Treasury|Treasuries|yield))*(?:\\s+(?:spread|curve|gap|yield\\s+(?:spread|curve)))?`;
/**
 * "the spread between the 10-year and 2-year yields", "the gap between two-year and 10-year Treasury yields", and with
 * the first noun left for the second to carry: "the gap between two- and 10-year yields".
 */
export const CURVE_BETWEEN = `(?:the\\s+)?(?:spread|gap|difference)\\s+between\\s+(?:the\\s+)?(?:${TEN}|${TWO}|(?:2|two|10|ten)-(?=\\s+and\\b))(?:\\s+(?:U\\.?S\\.?\\s+)?(?:Treasury|note|yield))*\\s+and\\s+(?:the\\s+)?(?:${TEN}|${TWO})(?:\\s+(?:U\\.?S\\.?\\s+)?(?:Treasury|Treasuries|notes?|yields?))*`;
/**
 * "the gap between them", "the spread between the two": the curve when the sentence has named the 2-year and the
 * 10-year before it ("Two-year yields jumped 13 bp, the 10-year rose 3 bp, and the gap between them stood at 50 bp").
 */
const BETWEEN_THEM = '(?:the\\s+)?(?:spread|gap|difference)\\s+between\\s+(?:them|the\\s+two)';
const TWO_BEFORE = new RegExp(`\\b${TWO}\\b`, 'i');
const TEN_BEFORE = new RegExp(`\\b${TEN}\\b`, 'i');
/** Without a noun, "10y-2y" and "10yr/2yr" name the curve only with a figure in basis points ("10y-2y at 62bp"). */
export const CURVE_PLAIN = `${TEN}\\s*(?:[-–−/]|minus)\\s*${TWO}|${TWO}\\s*[-–−/]\\s*${TEN}`;
/** A bare "the (Treasury) curve": the 2s10s only with a figure in basis points ("the curve steepened to 62 basis points"). */
const BARE = '(?:the\\s+(?:Treasury\\s+|yield\\s+)?|Treasury\\s+|yield\\s+)curve';
/** "a curve of 55 basis points". */
const BARE_SHORT = '\\ba\\s+curve(?=\\s+of\\s+[-+−–]?\\d+\\s*(?:bps?|basis))';
/**
 * A desk's bare "curve 47bp": read only after yield levels in the same line ("2Y 4.04% (+12bp d/d), 10Y 4.51%, curve
 * 47bp"), where no other curve is meant.
 */
const DESK_SHORT = '(?<![\\w-])curve(?=\\s*:?\\s*[-+−–]?\\d+(?:\\.\\d+)?\\s*(?:bps?\\b|basis\\s+points?\\b))';
const IN_BP_ONLY = new RegExp(`^(?:${CURVE_PLAIN}|${BARE}|${BARE_SHORT}|curve)$`, 'i');
const CURVE = new RegExp(
  `\\b(${NAMED}|${CURVE_BETWEEN}|${BETWEEN_THEM}|${SHORT}|${CURVE_PLAIN}|${BARE}|${BARE_SHORT}|${DESK_SHORT})(?:\\b[^.;]{0,40}?\\b(?:at|to|of|is|was|stands\\s+at|stood\\s+at|closed\\s+at|ended\\s+at|sits\\s+at)\\s+|\\s*:?\\s*(?=[-+−–]?\\d+\\s*(?:bps?\\b|basis\\s+points?\\b)))([-+−–]?\\d+(?:\\.\\d+)?)\\s*(bps?\\b|basis\\s+points?\\b|pts?\\b|points?\\b|percentage\\s+points?\\b|pp\\b|%)?`,
  'i',
);

/** A period word right after a signed figure ("2s10s +45bp YTD"): a move over that period, not the level. */
const PERIOD_AFTER =
  /^\s*,?\s*\(?\s*(?:d\/d|w\/w|m\/m|y\/y|WoW|DoD|MoM|YoY|WTD|MTD|YTD|QTD|1D|5D|1W|1M|3M|6M|1Y|on\s+the\s+(?:day|week|month|year)|this\s+(?:week|month|quarter|year)|for\s+the\s+(?:day|week|month|quarter|year)|since|over|in\s+(?:the\s+)?(?:past|last)|year[- ]to[- ]date)\b/i;

/** Yield levels before the curve ("10y 4.14, 2s 3.52, curve +62bp"): the curve's figure in a run of levels is a level. */
const LEVELS_BEFORE = /\b\d{1,2}\.\d{2}\b%?(?![\d.])/;

const MOVE_AFTER =
  /^\s*(?:steeper|flatter|wider|narrower|tighter|higher|lower|of\s+(?:steepening|flattening|widening|narrowing))\b/i;

function extract(scope: SentenceScope): CurveClaim[] {
  const out: CurveClaim[] = [];
  for (const { m } of matchesWithSubjects(CURVE, scope.sentence, [], scope.ctx)) {
    const unit = (m[3] ?? '').toLowerCase();
    // "the curve 3bp steeper" is a move, not the curve's level.
    if (MOVE_AFTER.test(scope.sentence.slice(m.index + m[0].length))) continue;
    // A bare "the curve" (or "the Treasury curve", never "the credit curve") and a bare "10y-2y" are the 2s10s
    // only in basis points.
    if (IN_BP_ONLY.test(m[1]!) && !/^(?:bps?|basis)/.test(unit)) continue;
    if (/^curve$/i.test(m[1]!) && !LEVELS_BEFORE.test(scope.sentence.slice(0, m.index))) continue;
    if (new RegExp(`^${BETWEEN_THEM}$`, 'i').test(m[1]!)) {
      const before = scope.sentence.slice(0, m.index);
      if (!TWO_BEFORE.test(before) || !TEN_BEFORE.test(before) || !/^(?:bps?|basis)/.test(unit)) continue;
    }
    const digits = m[2]!.replace(/^[+]/, '').replace(/^[−–]/, '-');
    const value = Number(digits);
    // "10s 4.14%, 2s 3.52%, 2s10s +62bp": after yield levels, a signed figure of 25 bp or more is the curve's level
    // (no day moves it that much); "2s10s +3bp" could be the day's move, read only with its period
    // (rate-move-claim-types.ts), and alone "2s10s +62bp" is not guessed.
    if (
      /^[-+−–]/.test(m[2]!) &&
      /^\s*:?\s*$/.test(m[0].slice(m[1]!.length, m[0].indexOf(m[2]!))) &&
      (Math.abs(value) < 25 ||
        PERIOD_AFTER.test(scope.sentence.slice(m.index + m[0].length)) ||
        !LEVELS_BEFORE.test(scope.sentence.slice(0, m.index)))
    )
      continue;
    const inPoints = unit === '' ? Math.abs(value) < 5 : !/^(?:bps?|basis)/.test(unit);
    const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
    out.push({
      metric: 'rate.spread',
      text: scope.sentence,
      subject: 'the 10y-2y spread',
      symbol: 'DGS10',
      line: scope.line,
      span: { start: scope.offset + m.index, end: scope.offset + m.index + m[0].length },
      long: 'DGS10',
      short: 'DGS2',
      bp: inPoints ? Number((value * 100).toFixed(Math.max(0, decimals - 2))) : value,
      decimals: inPoints ? Math.max(0, decimals - 2) : decimals,
    });
  }
  return out;
}

const bpText = (bp: number, decimals: number) => `${bp > 0 ? '+' : ''}${bp.toFixed(decimals)} bp`;

export const curveClaimType: ClaimType<CurveClaim> = {
  metric: 'rate.spread',
  hasBasis: false,
  extract,
  extraSymbols: (c) => [c.short],
  evaluate(c, { series: long, k, seriesFor }) {
    const other = seriesFor(c.short);
    if ('missing' in other) return { unverifiable: other.missing };
    const short = other.series;
    const day = long.dates[k]!;
    const j = indexOnOrBefore(short.dates, day);
    if (j < 0) return { unverifiable: `${c.short} has no value on or before ${formatIsoDate(day)}` };
    const y10 = long.close[k]!;
    const y2 = short.close[j]!;
    const bp = (y10 - y2) * 100;
    const rounded = Number(bp.toFixed(c.decimals));
    return {
      ok: Math.abs(bp - c.bp) <= 0.5 * 10 ** -c.decimals + 1e-9,
      actual: rounded,
      fact: `the 10y-2y spread (${c.long} minus ${c.short}) was ${bpText(rounded, c.decimals)}`,
      detail: `basis points of yield: ${c.long} ${y10.toFixed(2)}% on ${formatIsoDate(day)} minus ${c.short} ${y2.toFixed(2)}% on ${formatIsoDate(short.dates[j]!)}`,
    };
  },
  claimed: (c) => c.bp,
  claimedText: (c) => bpText(c.bp, c.decimals),
  describe: (c) => `at ${bpText(c.bp, c.decimals)} (${c.long} minus ${c.short})`,
  period: () => null,
};
