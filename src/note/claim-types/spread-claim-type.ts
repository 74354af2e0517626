/**
 * Percentage-point spreads between two symbols: "SPSM has outpaced the Magnificent 7 basket by 5.6
 * percentage points over the past 21 sessions", "Tesla lagged the Nasdaq 100 by 12 points this year".
 * Writers mean one of three things by the gap, and all are tried: the difference of the two returns
 * (rA - rB), the change of the ratio A/B ((1 + rA) / (1 + rB) - 1, the note's "percentage points of
 * relative performance"), or the fall of the ratio B/A. The verdict says which one the figure matches.
 */
import { periodBaseIndex } from '../../analytics/returns/period-returns.js';
import type { ReturnPeriod } from '../../domain/period-keys.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import type { SpreadClaim } from '../claims/claim.js';
import { allMatches, COUNT_WORD, count, hedged } from '../claims/clause-words.js';
import { resolveAnaphor } from '../claims/extraction-context.js';
import { findPeriods, headerPeriods } from '../claims/period-phrases.js';
import { otherPeriod } from '../claims/return-claims.js';
import { sectorFund } from '../claims/sector-words.js';
import { findSubject } from '../claims/subject-finder.js';
import type { ClaimType, SentenceScope } from './claim-type.js';
import { claimTolerance, pct, periodWords, points } from './verdict-words.js';

/** A gap's figure and unit: "5.2 percentage points", "5.2 pts", "520 basis points", "a 5.2-point". Groups: digits, bp. */
const FIGURE =
  '(?<digits>\\d+(?:\\.\\d+)?)(?:\\s*|-)(?:percentage[- ]points?|pct\\.?\\s+points?|points?|pts?|pp|ppts?|ppt|(?<bp>bps?|basis[- ]points?))';
const ABOUT = '(?:about\\s+|roughly\\s+|nearly\\s+|some\\s+|almost\\s+|around\\s+)?';
const GAP_VERB =
  'outpac\\w*|outperform\\w*|outrun|outran|outstrip\\w*|beat|beats|beaten|beating|bested|topped|tops|led|leads|leading|lag|lagged|lags|lagging|trail|trailed|trails|trailing|underperform\\w*|ahead\\s+of|behind';
/**
 * "outpaced the S&P 500 by 5.2 points", "lag SPY by 520 bp", "trailed XLK by a 3-point margin", "ahead of SPY by 5.14
 * points". The second side's words hold no gap word of their own: in "Small caps lagged big caps this year, with IWM
 * behind SPY by 5.06 points" the gap is IWM's "behind SPY", and "this year" before it is its period.
 */
const SPREAD = new RegExp(
  `\\b(${GAP_VERB})\\s+(?:the\\s+)?((?:(?!\\b(?:${GAP_VERB})\\b).){2,80}?)\\s+by\\s+(?:a\\s+(?:margin\\s+of\\s+)?)?${ABOUT}${FIGURE}(?:\\s+margin)?\\b`,
  'i',
);
/**
 * A gap told as a noun or a place: "a 5.2-point lead over IWM", "a gap of 5.2 points over SPY", "its 870-bp
 * deficit to SPY", "sits 8.7 points behind SPY", "9.3 percentage points ahead of the S&P 500 ETF". Groups:
 * the noun, digits, bp, the preposition (the noun first or the figure first).
 */
const GAP_NOUN = '(?<noun>lead|edge|advantage|cushion|outperformance|deficit|shortfall|underperformance|gap|margin)';
const NOUN_TO = '(?<prep>over|on|versus|vs\\.?|against|to|behind)';
const SPREAD_NOUN = [
  new RegExp(
    `(?:\\b(?:a|an|its|their)|(?<=\\w)['’]s)\\s+(?:\\w+\\s+)?${ABOUT}${FIGURE}\\s+${GAP_NOUN}\\s+${NOUN_TO}\\s+`,
    'i',
  ),
  new RegExp(`\\b(?:a|an|its|their)\\s+${GAP_NOUN}\\s+of\\s+${ABOUT}${FIGURE}\\s+${NOUN_TO}\\s+`, 'i'),
  new RegExp(`\\b${ABOUT}${FIGURE}\\s+(?<prep>ahead\\s+of|behind|better\\s+than|worse\\s+than)\\s+`, 'i'),
];
const SESSIONS = new RegExp(
  `\\b(?:over|in|during|across)\\s+the\\s+(?:past|last|prior|previous)\\s+${COUNT_WORD}\\s+(?:sessions|trading\\s+days)\\b`,
  'i',
);

/** The sign of a gap told as a noun: +1 ahead, -1 behind, 0 when the words do not say which. */
function nounSign(noun: string, preposition: string): number {
  const p = preposition.toLowerCase().replace(/\s+/g, ' ');
  if (p === 'ahead of' || p === 'better than') return 1;
  if (p === 'behind' || p === 'worse than') return -1;
  const n = noun.toLowerCase();
  if (/^(?:deficit|shortfall|underperformance)$/.test(n)) return p === 'over' ? 0 : -1;
  if (/^(?:gap|margin)$/.test(n)) return p === 'over' || p === 'on' ? 1 : p === 'to' ? -1 : 0;
  return p === 'to' ? 0 : 1;
}

/** One gap found in a sentence: where its words are, the figure, its sign and where the second side starts or is named. */
interface GapMatch {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  readonly bp: boolean;
  readonly sign: number;
  /** Where the second side's words are: [from, to) in the sentence. */
  readonly versusFrom: number;
  readonly versusTo: number;
  readonly versusText: string;
  /** Whether the second side is the last name of its words ("by" ends them) rather than the first. */
  readonly lastName: boolean;
}

function gapMatches(sentence: string): GapMatch[] {
  const out: GapMatch[] = [];
  for (const m of allMatches(SPREAD, sentence)) {
    const versusFrom = m.index + m[1]!.length;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      digits: m.groups!.digits!,
      bp: m.groups!.bp !== undefined,
      sign: /^(?:lag|trail|underperform|behind)/i.test(m[1]!) ? -1 : 1,
      versusFrom,
      versusTo: m.index + m[0].lastIndexOf(m[2]!) + m[2]!.length,
      versusText: m[2]!,
      lastName: true,
    });
  }
  for (const re of SPREAD_NOUN)
    for (const m of allMatches(re, sentence)) {
      const start = m.index;
      if (out.some((g) => start < g.end && start + m[0].length > g.start)) continue;
      const { noun, digits, bp, prep } = m.groups!;
      const sign = nounSign(noun ?? '', prep!);
      if (sign === 0) continue;
      const end = m.index + m[0].length;
      const rest = /^(?:the\s+)?([^,;:.()]{2,60})/.exec(sentence.slice(end));
      out.push({
        start,
        end,
        digits: digits!,
        bp: bp !== undefined,
        sign,
        versusFrom: end,
        versusTo: end + (rest?.[0].length ?? 0),
        versusText: rest?.[1] ?? '',
        lastName: false,
      });
    }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "Amazon and Meta have significantly underperformed the Russell 2000", "XLU outperformed SPY this year": a gap
 * told by its verb alone, no figure. Groups: the verb, the second side's words.
 */
const DIRECTION_ONLY =
  /\b(?:(?:has|have|had)\s+)?(?:(?:significantly|sharply|badly|markedly|clearly|handily|easily|consistently|also|far|well|widely|massively|dramatically)\s+)?(outperform(?:ed|s|ing)?|underperform(?:ed|s|ing)?|outpaced|outpaces|lagged|lags|trailed|trails)\s+(?:the\s+)?([^,;:.()]{2,60}?)(?=\s*(?:[,;:.!]|$|\s+(?:this|last|over|in|since|so|year|YTD|MTD|QTD|during|for|and|but|while|as|on)\b))/gi;

/** The names joined by commas and "and" right before `at` ("Amazon and Meta have ..."), the last first in the list. */
function namesBefore(sentence: string, mentions: SentenceScope['mentions'], at: number): SentenceScope['mentions'] {
  const before = mentions.filter((x) => x.end <= at && !x.object);
  const out: SentenceScope['mentions'][number][] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const x = before[i]!;
    const gap = sentence.slice(x.end, out[0]?.start ?? at);
    const ok =
      out.length === 0
        ? /^\s*(?:(?:have|has|had|both|each|all)\s+)*(?:(?:significantly|sharply|badly|markedly|clearly|handily|easily|consistently|also|far|well|widely|massively|dramatically)\s+)?$/i.test(
            gap,
          )
        : /^\s*(?:,|,?\s+and|\s+as\s+well\s+as)\s*$/i.test(gap);
    if (!ok) break;
    out.unshift(x);
  }
  return out;
}

/**
 * Desk shorthand: "IWM vs SPY MTD: +2.79 pts", "IJR over SPY, MTD: +2.95 pts", "XLE vs XLU 1M: +6.5 pts": two names
 * joined by "vs"/"over", a period label, then the signed gap in points. Groups: the label, the sign, the digits.
 */
const VS_BETWEEN = /^\s+(?:vs\.?|versus|over)\s+$/i;
const VS_GAP =
  /^,?\s*\(?\s*((?:YTD|MTD|QTD|WTD|[1-9]\d?[DWMY])\b)?\s*\)?\s*:\s*([-+−–]?)(\d+(?:\.\d+)?)\s*(?:pts?|points?|pp|ppts?|percentage\s+points?)\b/i;

function versusShorthand(scope: SentenceScope): SpreadClaim[] {
  const { sentence, mentions, line } = scope;
  const out: SpreadClaim[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (!a.symbol || !b.symbol || a.symbol === b.symbol || !VS_BETWEEN.test(sentence.slice(a.end, b.start))) continue;
    const m = VS_GAP.exec(sentence.slice(b.end));
    if (!m || hedged(sentence, a.start)) continue;
    const period = m[1] ? (headerPeriods(m[1])[0] ?? null) : null;
    if (period === null) continue;
    const decimals = m[3]!.includes('.') ? m[3]!.split('.')[1]!.length : 0;
    const sign = m[2] !== '' && m[2] !== '+' ? -1 : 1;
    const end = b.end + m.index + m[0].length;
    out.push({
      metric: 'spread',
      text: sentence,
      subject: a.text.replace(/^the\s+/i, ''),
      symbol: a.symbol,
      line,
      span: { start: scope.offset + a.start, end: scope.offset + end },
      versus: b.symbol,
      period,
      value: Number(((sign * Number(m[3])) / 100).toFixed(decimals + 2)),
      decimals,
    });
  }
  return out;
}

/** Gaps told without a figure: one claim per name of the subject list, signed by the verb. */
function directionOnly(scope: SentenceScope, figured: readonly GapMatch[]): SpreadClaim[] {
  const { sentence, mentions, ctx, line } = scope;
  const out: SpreadClaim[] = [];
  for (const m of allMatches(DIRECTION_ONLY, sentence)) {
    if (hedged(sentence, m.index) || figured.some((g) => m.index < g.end && m.index + m[0].length > g.start)) continue;
    // "... underperformed the Russell 2000 by 5 points" is a gap with its figure (read above).
    if (/^\s*by\s+\S*\d/i.test(sentence.slice(m.index + m[0].length))) continue;
    const verbAt = m.index + m[0].indexOf(m[1]!);
    const sideFrom = verbAt + m[1]!.length;
    const side = mentions.filter((x) => x.start >= sideFrom && x.end <= m.index + m[0].length);
    const versus = side[0]?.symbol ?? sectorFund(m[2]!, scope.resolver);
    if (!versus) continue;
    const subjects = namesBefore(sentence, mentions, m.index);
    if (subjects.length === 0) continue;
    const tail = sentence.slice(m.index + m[0].length);
    const stated = findPeriods(tail)
      .map((p) => (p.period === 'other' ? otherPeriod(tail.slice(p.start, p.end), scope.noteDate) : p.period))
      .find((p): p is ReturnPeriod => p !== null && p !== 'same' && p !== 'lastweek');
    const period = (stated ?? ctx.lastPeriod ?? ctx.documentPeriod) as SpreadClaim['period'];
    // Without a figure and without a period ("RSP outperformed SPY again") there is nothing to hold it to.
    if (period === null) continue;
    for (const s of subjects) {
      if (!s.symbol || s.symbol === versus) continue;
      out.push({
        metric: 'spread',
        text: sentence,
        subject: s.text.replace(/^the\s+/i, ''),
        symbol: s.symbol,
        line,
        span: { start: scope.offset + verbAt, end: scope.offset + m.index + m[0].length },
        versus,
        period,
        value: 0,
        decimals: 2,
        direction: /^(?:under|lag|trail)/i.test(m[1]!) ? -1 : 1,
      });
    }
  }
  return out;
}

/**
 * "ahead of the basket by 28.02 points", "trailed the index by 3 points": a second side told by a noun that refers
 * back to the last basket, index, fund or stock named (in the sentence before the gap, else before the sentence).
 */
function referredSide(
  words: string,
  mentions: SentenceScope['mentions'],
  at: number,
  ctx: SentenceScope['ctx'],
  own: string | null,
): { symbol: string } | null {
  const head =
    /^\s*(?:(?:the|this|that)\s+)?(?:[\w-]+\s+)?(basket|index|benchmark|gauge|fund|ETF|stock|sector)\s*$/i.exec(words);
  if (!head) return null;
  // "SPY is ahead of the fund": the fund is another than the gap's own subject.
  const earlier = mentions.filter((m) => m.end <= at && !m.object && m.symbol !== own);
  const ref = resolveAnaphor(`the ${head[1]}`, earlier, ctx);
  return ref?.mention.symbol && ref.mention.symbol !== own ? { symbol: ref.mention.symbol } : null;
}

function extract(scope: SentenceScope): SpreadClaim[] {
  const { sentence, mentions, ctx, line } = scope;
  const out: SpreadClaim[] = [];
  let prevEnd = 0;
  for (const g of gapMatches(sentence)) {
    if (hedged(sentence, g.start)) continue;
    const subject =
      findSubject(sentence, mentions, prevEnd, g.start, ctx) ?? findSubject(sentence, mentions, 0, g.start, ctx);
    const { end } = g;
    prevEnd = end;
    if (!subject) continue;
    // The second side: the last name in its words ("by" ends them in the verb form: "the S&P 500 ETF (SPY)" is
    // SPY), else a sector word.
    const side = mentions.filter((x) => x.start >= g.versusFrom && x.start < g.versusTo);
    const named = (g.lastName ? side.at(-1) : side[0])?.symbol ?? null;
    const versus = named
      ? { symbol: named }
      : (() => {
          const fund = sectorFund(g.versusText, scope.resolver);
          return fund ? { symbol: fund } : referredSide(g.versusText, mentions, g.start, ctx, subject.symbol);
        })();
    // A figure in basis points is a gap in hundredths of a point: "520 basis points" is 5.20 points.
    const points = g.bp ? String(Number(g.digits) / 100) : g.digits;
    const decimals = (g.digits.includes('.') ? g.digits.split('.')[1]!.length : 0) + (g.bp ? 2 : 0);
    const tail = sentence.slice(end);
    // "in 2025" (the note's year) and "in December" (its month) are the gap's period too.
    const known = (text: string) =>
      findPeriods(text)
        .map((p) =>
          p.period === 'other' ? { ...p, period: otherPeriod(text.slice(p.start, p.end), scope.noteDate) } : p,
        )
        .filter((p) => p.period !== null && p.period !== 'other' && p.period !== 'same');
    const periods = known(tail);
    const sessions = SESSIONS.exec(tail) ?? SESSIONS.exec(sentence.slice(0, g.start));
    const before = known(sentence.slice(0, g.start));
    const period = (periods[0]?.period ??
      (sessions ? null : (before.pop()?.period ?? ctx.lastPeriod))) as SpreadClaim['period'];
    const claim: SpreadClaim = {
      metric: 'spread',
      text: sentence,
      subject: subject.subject,
      symbol: subject.symbol,
      line,
      span: { start: scope.offset + g.start, end: scope.offset + end },
      versus: versus?.symbol ?? null,
      period: sessions && !periods[0] ? null : period,
      ...(sessions && !periods[0] ? { sessions: count(sessions[1]) ?? undefined } : {}),
      value: Number(((g.sign * Number(points)) / 100).toFixed(decimals + 2)),
      decimals,
    };
    // A second side that names nothing known gives no claim: a gap against an unknown is not a claim to check.
    if (!versus?.symbol || versus.symbol === subject.symbol) continue;
    out.push(subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim);
  }
  return [...out, ...directionOnly(scope, gapMatches(sentence)), ...versusShorthand(scope)].sort(
    (a, b) => a.span.start - b.span.start,
  );
}

export const spreadClaimType: ClaimType<SpreadClaim> = {
  metric: 'spread',
  hasBasis: true,
  extract,
  extraSymbols: (c) => (c.versus ? [c.versus] : []),
  precheck(c) {
    if (c.versus === null) return c.unresolved ?? 'the text does not name what the gap is measured against';
    return c.period === null && !c.sessions ? 'the text gives no period for this gap' : null;
  },
  evaluate(c, { series: a, k, field, options: o, seriesFor, oneCloseBasis }) {
    const other = seriesFor(c.versus!);
    if ('missing' in other) return { unverifiable: other.missing };
    const b = other.series;
    const words = periodWords(c.period, c.sessions);
    const baseA = c.period ? periodBaseIndex(a.dates, k, c.period) : k - (c.sessions ?? 0);
    const kb = indexOnOrBefore(b.dates, a.dates[k]!);
    const baseB = baseA < 0 ? -1 : indexOnOrBefore(b.dates, a.dates[baseA]!);
    if (baseA < 0 || kb < 0 || baseB < 0)
      return { unverifiable: `${a.symbol} and ${b.symbol} lack the history for a gap ${words}` };
    const ra = a[field][k]! / a[field][baseA]! - 1;
    const rb = b[field][kb]! / b[field][baseB]! - 1;
    // Three readings of "A outpaced B by x points": the difference of returns, the change of the ratio
    // A/B, and the fall of the ratio B/A (the note's "mega caps outpaced SPSM by 5.1 points" is SPSM/MAG7 down 5.1%).
    const readings: [number, string][] = [
      [ra - rb, 'difference of returns'],
      [(1 + ra) / (1 + rb) - 1, `change of the ${a.symbol}/${b.symbol} ratio`],
      [1 - (1 + rb) / (1 + ra), `fall of the ${b.symbol}/${a.symbol} ratio`],
    ];
    if (c.direction !== undefined) {
      // Only the sign is claimed: the three readings always share it.
      const gap = ra - rb;
      const way = gap > 0 ? 'ahead' : gap < 0 ? 'behind' : 'level';
      return {
        ok: Math.sign(gap) === c.direction,
        actual: way,
        fact: `${a.symbol} ${gap >= 0 ? 'outpaced' : 'lagged'} ${b.symbol} by ${points(Math.abs(gap))} ${words}`,
        detail: `difference of returns: ${a.symbol} ${(ra * 100).toFixed(2)}% and ${b.symbol} ${(rb * 100).toFixed(2)}% on ${field === 'close' ? 'closes' : 'adjusted closes'} from ${formatIsoDate(a.dates[baseA]!)} to ${formatIsoDate(a.dates[k]!)}`,
      };
    }
    const tol = claimTolerance(c.decimals, o.tolerance);
    const [actual, how] = (c.reading === 'ratio' ? [readings[1]!] : readings).reduce((best, r) =>
      Math.abs(r[0] - c.value) < Math.abs(best[0] - c.value) ? r : best,
    );
    const verb = actual >= 0 ? 'outpaced' : 'lagged';
    return {
      ok: Math.abs(actual - c.value) <= tol,
      actual,
      fact:
        c.reading === 'ratio'
          ? `the ${a.symbol}/${b.symbol} ratio moved ${actual >= 0 ? '+' : '-'}${pct(Math.abs(actual))} ${words}`
          : `${a.symbol} ${verb} ${b.symbol} by ${points(Math.abs(actual))} ${words} (${how})`,
      // The basis in full: the unit, both series, which closes, and the window's two dates.
      detail: `percentage points, ${how}: ${a.symbol} ${(ra * 100).toFixed(2)}% and ${b.symbol} ${(rb * 100).toFixed(2)}% on ${oneCloseBasis ? `${oneCloseBasis === 'total' ? 'adjusted closes' : 'closes'} (${oneCloseBasis} returns)` : field === 'close' ? 'closes' : 'adjusted closes'} from ${formatIsoDate(a.dates[baseA]!)} to ${formatIsoDate(a.dates[k]!)}`,
    };
  },
  claimed: (c) => (c.direction === undefined ? c.value : c.direction > 0 ? 'ahead' : 'behind'),
  claimedText: (c) =>
    c.direction !== undefined
      ? `${c.direction > 0 ? 'ahead of' : 'behind'} ${c.versus}`
      : c.reading === 'ratio'
        ? `${c.value >= 0 ? '+' : '-'}${pct(Math.abs(c.value))}`
        : points(c.value),
  describe: (c) =>
    c.direction !== undefined
      ? `${c.direction > 0 ? 'ahead of' : 'behind'} ${c.versus}`
      : c.reading === 'ratio'
        ? `the ${c.symbol}/${c.versus} ratio ${c.value >= 0 ? 'up' : 'down'} ${pct(Math.abs(c.value))}`
        : `${c.value >= 0 ? 'ahead of' : 'behind'} ${c.versus ?? 'another'} by ${points(Math.abs(c.value))}`,
  period: (c) => c.period ?? (c.sessions ? `${c.sessions} sessions` : null),
};
