/**
 * Claims about rates and the Fed (issue 15), each a registered claim type:
 * - `rate.level`: "the 2-Year Treasury Yield (DGS2) stands at 3.52%", "the 2-year at 3.52%", "2s 3.52%",
 *   "rose 1 basis point to 4.14%": the stored value of a rate (kind `rate`) at the close, to the
 *   precision printed. (Moves over a period are in `rate-move-claim-types.ts`.)
 * - `rate.change.bp`: "the fed funds rate (DFF) is down 25 bp since the Fed's cut of December 10":
 *   value now minus the last value on or before that day (the latest such day on or before the
 *   claim's date), in whole basis points.
 * - `rate.beta`: "Real Estate (XLRE, 5.0 bp per basis point of decline)" in a sentence naming the
 *   10-year (or 2-year) yield "over the past year": the 252-day beta of the fund's daily return to
 *   the yield's daily change, in bp of return per bp, to the precision printed.
 */
import { rateSensitivity } from '../../analytics/rates/rate-sensitivity.js';
import { monthName } from '../../domain/format/display-format.js';
import { indexOnOrBefore, type PriceSeries } from '../../domain/price-series.js';
import { civilFromDays, type DayNumber, daysFromCivil, formatIsoDate } from '../../domain/trading-date.js';
import type { ClaimBase } from '../claims/claim.js';
import { allMatches, hedged } from '../claims/clause-words.js';
import type { ClaimType, Outcome, SentenceScope } from './claim-type.js';
import { yieldNames } from './rate-move-claim-types.js';

export interface RateLevelClaim extends ClaimBase {
  readonly metric: 'rate.level';
  readonly value: number;
  readonly decimals: number;
}
interface RateChangeClaim extends ClaimBase {
  readonly metric: 'rate.change.bp';
  readonly bp: number;
  readonly month: number;
  readonly dayOfMonth: number;
  /** The year when the text gives it ("December 10, 2025"); else the last such day on or before the note's. */
  readonly year: number | null;
}
interface RateYtdClaim extends ClaimBase {
  readonly metric: 'rate.change.ytd';
  readonly bp: number;
}
interface RateBetaClaim extends ClaimBase {
  readonly metric: 'rate.beta';
  readonly yieldSymbol: string;
  /** bp of return per bp of yield, signed as the data's beta (a gain as the yield falls is negative). */
  readonly value: number;
  readonly decimals: number;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const CHANGE = new RegExp(
  `\\b(?:is|was)\\s+(down|up)\\s+(\\d+)\\s*bps?\\s+since\\s+the\\s+Fed's\\s+(?:cut|hike)\\s+of\\s+(${MONTHS})\\s+(\\d{1,2})\\b(?:,?\\s+(\\d{4})\\b)?`,
  'gi',
);
const YTD = /\b(\d+)\s*bps?\s+(above|below)\s+where\s+it\s+ended\s+(?:last\s+year|the\s+previous\s+year)/gi;
const BETA = /\(([A-Z]{2,5}),\s*(\d+(?:\.\d+)?)\s*bp\s+per\s+basis\s+point\s+of\s+(decline|rise)\)/g;

function rateSubject(scope: SentenceScope, before: number): { subject: string; symbol: string } | null {
  const m = scope.mentions.filter((x) => x.end <= before && x.kind === 'rate' && x.symbol !== null).at(-1);
  return m ? { subject: m.text, symbol: m.symbol! } : null;
}

const span = (scope: SentenceScope, m: RegExpExecArray) => ({
  start: scope.offset + m.index,
  end: scope.offset + m.index + m[0].length,
});

/** The sentence, rate subject, line and span of a match: what every rate claim starts from. */
type RatePlace = Pick<ClaimBase, 'text' | 'line' | 'span'> & { subject: string; symbol: string };

/** One claim per match of `re` in the sentence that follows a rate mention; `build` may drop a match (null). */
function rateClaims<C>(scope: SentenceScope, re: RegExp, build: (m: RegExpExecArray, at: RatePlace) => C | null): C[] {
  const out: C[] = [];
  for (const m of allMatches(re, scope.sentence)) {
    const s = rateSubject(scope, m.index);
    if (!s) continue;
    const claim = build(m, { text: scope.sentence, ...s, line: scope.line, span: span(scope, m) });
    if (claim !== null) out.push(claim);
  }
  return out;
}

const changeClaim = (m: RegExpExecArray, at: RatePlace): RateChangeClaim => ({
  metric: 'rate.change.bp',
  ...at,
  bp: (m[1]!.toLowerCase() === 'down' ? -1 : 1) * Number(m[2]),
  month: MONTHS.split('|').findIndex((x) => x.toLowerCase() === m[3]!.toLowerCase()) + 1,
  dayOfMonth: Number(m[4]),
  year: m[5] === undefined ? null : Number(m[5]),
});

const ytdClaim = (m: RegExpExecArray, at: RatePlace): RateYtdClaim => ({
  metric: 'rate.change.ytd',
  ...at,
  bp: (m[2]!.toLowerCase() === 'below' ? -1 : 1) * Number(m[1]),
});

/** The move in bp of `s` from its last value on or before `since` (named `sinceText`) to bar `k`, held against `claimedBp`. */
function bpMoveSince(s: PriceSeries, k: number, since: DayNumber, sinceText: string, claimedBp: number): Outcome {
  const b = indexOnOrBefore(s.dates, since);
  if (b < 0) return { unverifiable: `${s.symbol} has no value on or before ${sinceText}` };
  const bp = Math.round((s.close[k]! - s.close[b]!) * 100);
  return {
    ok: bp === claimedBp,
    actual: bp,
    fact: `${s.symbol} moved ${bp > 0 ? '+' : ''}${bp} bp since ${formatIsoDate(s.dates[b]!)} (${s.close[b]}% -> ${s.close[k]}%)`,
  };
}

/**
 * Where a yield's level is given after its name: right after it ("2s 3.52%", "10y back at 4.14", the
 * percent sign optional there for a figure of two or three decimals; "the 2-year at 3.52%", "the
 * 10-year yield closed at 4.14%"), or later in its clause after "stands at", "closed at" or a move's "to"
 * ("rose 1 basis point to 4.14%", "has dropped 4 bp for the week, to 3.52%").
 */
const LEVEL_NEXT =
  /^\s*[:,]?\s*(?:yield\s+)?(?:(?:closed|ended|finished|settled|stood|stands|sits|sat|was|is|back|held|remained|traded|holding|flat|unchanged)\s+)?(?:(?:now|currently|still|just)\s+)?(?:at\s+|near\s+|of\s+)?(\d{1,2}\.\d{2,3})(?:%|(?![\d.%]))/i;
const LEVEL_LATER =
  /(?:\b(?:stands?|stood|closed|ended|finished|settled|sits|sat|held|ending|closing|finishing|settling|to\s+(?:end|close|finish|settle))(?:\s+(?:the\s+(?:day|session|week|month|quarter|year)|\d{4}))?\s+at|\b(?:yielded|yielding|yields)(?:\s+at)?|\b(?:unchanged|unch\.?|steady)(?:\s+(?:this|on|for|the|week|day|month|session|w\/w|d\/d)){0,3}\s+at|(?<![a-z])(?:bps?|basis[- ]points?)(?:\s+\w+){0,6}?,?\s+(?:to|at|now)|(?<![a-z])(?:bps?|basis[- ]points?)\s+(?:higher|lower)(?:\s+\w+){0,3}?,?\s+at|\b(?:rose|fell|climbed|dropped|slipped|eased|jumped|declined|rising|falling)\s+to)\s+(\d+(?:\.\d+)?)%/i;
/**
 * "Ten-year yields rose a basis point; the note yielded 4.14%": the clause after a semicolon that names the yield
 * by "the note" (or "the yield", "it") continues its window.
 */
const ANAPHOR_CLAUSE =
  /^;\s*(?:the\s+(?:benchmark\s+|\d+-year\s+)?(?:note|yield|bond)|it)\s+(?:yielded|yielding|closed|ended|finished|settled|stood|sat|was)\b/i;

function levelClaims(scope: SentenceScope): RateLevelClaim[] {
  const names = yieldNames(scope);
  const out: RateLevelClaim[] = [];
  names.forEach((name, i) => {
    const next = names[i + 1]?.start ?? scope.sentence.length;
    const semi = scope.sentence.indexOf(';', name.end);
    const cut = semi >= 0 && semi < next && !ANAPHOR_CLAUSE.test(scope.sentence.slice(semi)) ? semi : next;
    const window = scope.sentence.slice(name.end, cut);
    const m = LEVEL_NEXT.exec(window) ?? LEVEL_LATER.exec(window);
    if (!m) return;
    // The span is the level's own words ("to 3.52%"), not the move before it, which is a claim of its own.
    const at = name.end + m.index + m[0].lastIndexOf(m[1]!);
    if (hedged(scope.sentence, at)) return;
    const digits = m[1]!;
    // A yield or a policy rate in percent is below 25: "the dollar ended at 98.50%" later in the clause is not it.
    if (Number(digits) >= 25) return;
    const end = name.end + m.index + m[0].length;
    out.push({
      metric: 'rate.level',
      text: scope.sentence,
      subject: name.text,
      symbol: name.symbol,
      line: scope.line,
      span: { start: scope.offset + at, end: scope.offset + end },
      value: Number(digits),
      decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
    });
  });
  return out;
}

export const rateLevelClaimType: ClaimType<RateLevelClaim> = {
  metric: 'rate.level',
  hasBasis: false,
  extract: levelClaims,
  evaluate(c, { series: s, k }) {
    const v = s.close[k]!;
    return {
      ok: Math.abs(v - c.value) <= 0.5 * 10 ** -c.decimals + 1e-9,
      actual: v,
      fact: `${s.symbol} stood at ${v.toFixed(Math.max(2, c.decimals))}%`,
    };
  },
  claimed: (c) => c.value,
  claimedText: (c) => `${c.value.toFixed(c.decimals)}%`,
  period: () => null,
};

export const rateChangeClaimType: ClaimType<RateChangeClaim> = {
  metric: 'rate.change.bp',
  hasBasis: false,
  extract: (scope) => rateClaims(scope, CHANGE, changeClaim),
  evaluate(c, { series: s, k }) {
    const [y] = civilFromDays(s.dates[k]!);
    let since = daysFromCivil(c.year ?? y, c.month, c.dayOfMonth);
    if (c.year === null && since > s.dates[k]!) since = daysFromCivil(y - 1, c.month, c.dayOfMonth);
    return bpMoveSince(s, k, since, formatIsoDate(since), c.bp);
  },
  claimed: (c) => c.bp,
  claimedText: (c) => `${c.bp > 0 ? '+' : ''}${c.bp} bp`,
  period: (c) => `since ${monthName(c.month)} ${c.dayOfMonth}${c.year === null ? '' : `, ${c.year}`}`,
};

/** "stands at 3.52%, 73 bp below where it ended last year": value now minus the last value of the previous year. */
export const rateYtdClaimType: ClaimType<RateYtdClaim> = {
  metric: 'rate.change.ytd',
  hasBasis: false,
  extract: (scope) => rateClaims(scope, YTD, ytdClaim),
  evaluate(c, { series: s, k }) {
    const lastYear = civilFromDays(s.dates[k]!)[0] - 1;
    return bpMoveSince(s, k, daysFromCivil(lastYear, 12, 31), `${lastYear}-12-31`, c.bp);
  },
  claimed: (c) => c.bp,
  claimedText: (c) => `${c.bp > 0 ? '+' : ''}${c.bp} bp`,
  period: () => 'ytd',
};

export const rateBetaClaimType: ClaimType<RateBetaClaim> = {
  metric: 'rate.beta',
  hasBasis: false,
  extraSymbols: (c) => [c.yieldSymbol],
  extract(scope) {
    const { sentence } = scope;
    if (!/over\s+the\s+past\s+year/i.test(sentence)) return [];
    const yieldSymbol = /\b(?:10|ten)-year\s+yield\b/i.test(sentence)
      ? 'DGS10'
      : /\b(?:2|two)-year\s+yield\b/i.test(sentence)
        ? 'DGS2'
        : null;
    if (!yieldSymbol) return [];
    const out: RateBetaClaim[] = [];
    for (const m of allMatches(BETA, sentence)) {
      const digits = m[2]!;
      const size = Number(digits);
      out.push({
        metric: 'rate.beta',
        text: sentence,
        subject: m[1]!,
        symbol: m[1]!,
        line: scope.line,
        span: span(scope, m),
        yieldSymbol,
        // "gains X bp per basis point of decline" is a beta of -X
        value: m[3] === 'decline' ? -size : size,
        decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
      });
    }
    return out;
  },
  evaluate(c, { series: s, k, seriesFor }) {
    const y = seriesFor(c.yieldSymbol);
    if (!('series' in y)) return { unverifiable: y.missing };
    const w = rateSensitivity(
      { dates: s.dates, closes: s.close },
      { dates: y.series.dates, closes: y.series.close },
      s.dates[k]!,
    ).find((x) => x.frequency === 'daily' && x.window === 252);
    if (!w || w.beta === null) return { unverifiable: `too little common history of ${s.symbol} and ${c.yieldSymbol}` };
    const bpPerBp = w.beta * 1e4;
    return {
      ok: Math.abs(bpPerBp - c.value) <= 0.5 * 10 ** -c.decimals + 1e-9,
      actual: bpPerBp,
      fact: `${s.symbol}'s 252-day beta to ${c.yieldSymbol} is ${bpPerBp.toFixed(2)} bp per bp`,
    };
  },
  claimed: (c) => c.value,
  claimedText: (c) => `${c.value.toFixed(c.decimals)} bp per bp`,
  period: () => '252 sessions',
};
