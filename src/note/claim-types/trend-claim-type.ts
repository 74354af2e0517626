/**
 * Trendline states of a ratio: "the ratio of the S&P 600 versus the Magnificent 7 is attempting to
 * break a multi-year downtrend", "the SPSM vs. Mag7 ratio has confirmed its breakout". Every ratio a
 * sentence names is its own claim ("X has confirmed its breakout, and the ratio of IWM versus QQQ is
 * testing its downtrend line"), each half of a compound read as it is alone. Checked with the trend analysis the `ratio --trend` command uses.
 */
import { analyseTrend } from '../../analytics/trend/trend-analysis.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import type { TrendClaim, TrendState } from '../claims/claim.js';
import { allMatches, hedged } from '../claims/clause-words.js';
import type { Mention, NameResolver } from '../claims/name-resolver.js';
import type { ClaimType, SentenceScope } from './claim-type.js';
import { pct, shortDate } from './verdict-words.js';

const RATIO_OF =
  /\bratio\s+(?:of|between)\s+(?:the\s+)?([^,;:"”]+?)\s+(?:versus|vs\.?|to|and|relative\s+to|against|over)\s+(?:the\s+)?([^,;:"”]+?)(?=\s+(?:is|has|have|was|remains|appears|looks|seems|keeps|continues|ratio|line|just|now|still)\b|[,;:"”]|$)/i;
const PAIR_RATIO = /["“]?([^"“”,;]+?)\s+(?:versus|vs\.?|to|relative\s+to)\s+([^"“”,;]+?)["”]?\s+ratio\b/i;
const VERSUS_PAIR =
  /\b((?:\$|\^)?[A-Z][A-Za-z0-9&.]*(?:\s+[A-Z0-9][A-Za-z0-9&.]*){0,3})\s+(?:versus|vs\.?|relative\s+to)\s+(?:the\s+)?((?:\$|\^)?[A-Z][A-Za-z0-9&.]*(?:\s+[A-Z0-9][A-Za-z0-9&.]*){0,3})\b/;
const TREND_WORDS =
  /down[- ]?trend|up[- ]?trend|trend\s*line|resistance|support\s+line|technical\s+levels?|breakout|break\s+out/i;
const STATES: readonly [TrendState, RegExp][] = [
  ['failed', /\bfailed\s+(?:breakout|to\s+hold)\b|\bfell\s+back\s+(?:below|under|into)\b/i],
  [
    'confirmed',
    /\bconfirmed\s+(?:a\s+|its\s+|the\s+)?break(?:out)?\b|\bbreakout\s+(?:has\s+(?:now\s+)?been\s+|was\s+|is\s+(?:now\s+)?)?confirmed\b/i,
  ],
  [
    'testing',
    /\b(?:attempting|trying|looking|poised|set|about|threatening|straining|pushing)\s+to\s+(?:break|breach|clear|pierce)\b|\btesting\b|\bpressing\s+(?:against|on)\b|\bchallenging\b/i,
  ],
  [
    'breaking',
    /\b(?:has\s+|have\s+|just\s+)?(?:broken|broke|breaking|burst)\s+(?:out\s+)?(?:above|through|out\s+of|out)\b|\bcleared\b/i,
  ],
  ['below', /\b(?:remains?|still|stuck|trapped)\s+(?:well\s+|firmly\s+)?(?:below|under|beneath|in|within)\b/i],
];

/** "the SPSM/MAG7 ratio", "IWM/QQQ": two tickers joined by a slash. */
const SLASH_RATIO = /(?<![\w/])(\^?[A-Z][A-Z0-9.]{1,6})\s*\/\s*(\^?[A-Z][A-Z0-9.]{1,6})(?![\w/])/;
/** "The ratio is testing ...", "the pair has confirmed ...": the ratio named before, in the same section. */
const RATIO_ANAPHOR = /\b(?:the|this|that)\s+(?:ratio|pair|relationship|cross)\b/i;

/** A ratio named in a sentence: where its words are and the texts of its two sides. */
interface NamedRatio {
  readonly index: number;
  readonly length: number;
  readonly num: string;
  readonly den: string;
}

const named = (m: RegExpExecArray): NamedRatio => ({ index: m.index, length: m[0].length, num: m[1]!, den: m[2]! });

/** The ratios a clause names, in the first way it names them (the ratio of, a pair and "ratio", a slash, "versus"). */
function clauseRatios(clause: string, offset: number): NamedRatio[] {
  for (const [re, all] of [
    [RATIO_OF, true],
    [PAIR_RATIO, false],
    [SLASH_RATIO, false],
    [VERSUS_PAIR, false],
  ] as const) {
    const found = allMatches(re, clause);
    if (found.length > 0)
      return (all ? found : found.slice(0, 1)).map((m) => ({ ...named(m), index: offset + m.index }));
  }
  return [];
}

/** Where a compound sentence's halves join: "..., and ...", "...; ...", "..., while ...". */
const CLAUSE_JOIN = /\s*;\s*|,\s+(?:and|but|while|whereas)\s+/gi;

/**
 * The ratios a sentence names (COMPOUND_HALVES): each half of a compound sentence is read as it is alone ("SPSM versus
 * MAG7 has confirmed its breakout, and the ratio of IWM versus QQQ is testing ..." names both ratios).
 */
function namedRatios(sentence: string): NamedRatio[] {
  const out: NamedRatio[] = [];
  let start = 0;
  for (const j of [...sentence.matchAll(CLAUSE_JOIN), null]) {
    const end = j ? j.index : sentence.length;
    out.push(...clauseRatios(sentence.slice(start, end), start));
    if (j) start = j.index + j[0].length;
  }
  return out;
}

function firstMention(resolver: NameResolver, text: string): Mention | null {
  return resolver.mentions(text)[0] ?? null;
}

function extract(scope: SentenceScope): TrendClaim[] {
  const { sentence, resolver, line, ctx } = scope;
  // "IWM versus QQQ ... testing its downtrend line": two names set against each other, without the word "ratio".
  const ratios = namedRatios(sentence);
  const resolves = (r: NamedRatio) => firstMention(resolver, r.num)?.symbol && firstMention(resolver, r.den)?.symbol;
  const earlier = ctx.lastRatio;
  const last = ratios.filter(resolves).at(-1);
  if (last) ctx.lastRatio = { numerator: last.num, denominator: last.den };
  if (!TREND_WORDS.test(sentence)) return [];
  // "The ratio has confirmed its breakout": the ratio of an earlier sentence of the section.
  const anaphor = ratios.length === 0 && earlier ? RATIO_ANAPHOR.exec(sentence) : null;
  if (anaphor && earlier)
    ratios.push({ index: anaphor.index, length: anaphor[0].length, num: earlier.numerator, den: earlier.denominator });
  const out: TrendClaim[] = [];
  ratios.forEach((m, i) => {
    const stop = ratios[i + 1]?.index ?? sentence.length;
    const rest = sentence.slice(m.index, stop);
    const found = STATES.find(([, re]) => re.test(rest));
    if (!found) return;
    const stateAt = m.index + rest.search(found[1]);
    if (hedged(sentence, stateAt) || /^\s*(?:if|should|whether)\b/i.test(sentence)) return;
    const num = firstMention(resolver, m.num);
    const den = firstMention(resolver, m.den);
    const kind = /up[- ]?trend|support\s+line/i.test(rest)
      ? 'uptrend'
      : /down[- ]?trend|resistance/i.test(rest)
        ? 'downtrend'
        : null;
    const numerator = num?.symbol ?? null;
    const denominator = den?.symbol ?? null;
    const symbol = numerator && denominator ? `${numerator}/${denominator}` : null;
    const end = stateAt + (found[1].exec(sentence.slice(stateAt))?.[0].length ?? 0);
    const claim: TrendClaim = {
      metric: 'trend',
      text: sentence,
      subject: `${m.num.trim()} vs ${m.den.trim()}`,
      symbol,
      line,
      span: { start: scope.offset + m.index, end: scope.offset + Math.max(end, m.index + m.length) },
      numerator,
      denominator,
      kind,
      state: found[0],
    };
    if (symbol) out.push(claim);
    else
      out.push({
        ...claim,
        unresolved: `no symbol in the config is named '${!numerator ? m.num.trim() : m.den.trim()}'`,
      });
  });
  return out;
}

const STATE_WORDS: Record<string, string> = {
  below: 'below',
  testing: 'testing',
  breaking: 'breaking above',
  confirmed: 'confirmed above',
  failed: 'back below after a failed break of',
};

export const trendClaimType: ClaimType<TrendClaim> = {
  metric: 'trend',
  hasBasis: false,
  extract,
  evaluate(c, { series: s, k, field, options: o }) {
    const t = analyseTrend(s.dates, s[field], o.trend, k + 1);
    if (t === null || t.line === null || t.breakout === null)
      return { ok: false, actual: null, fact: `the ${s.symbol} ratio has no multi-year trendline` };
    const state = t.breakout.state;
    const kindOk = c.kind === null || c.kind === t.line.kind;
    const ok = kindOk && (state === c.state || (c.state === 'breaking' && state === 'confirmed'));
    const dist =
      t.distance === null ? '' : `, ${pct(Math.abs(t.distance))} ${t.distance < 0 ? 'under' : 'over'} the line`;
    return {
      ok,
      actual: state,
      fact: `the ${s.symbol} ratio is ${STATE_WORDS[state] ?? state} its ${t.line.kind} line (since ${shortDate(t.breakout.sinceDay, o.asOf)}${dist})`,
      detail: `line from the weekly close of ${formatIsoDate(t.line.anchors[0].day)}`,
    };
  },
  claimed: (c) => c.state,
  claimedText: (c) => `${STATE_WORDS[c.state] ?? c.state} its ${c.kind ?? 'trend'} line`,
  period: () => null,
};
