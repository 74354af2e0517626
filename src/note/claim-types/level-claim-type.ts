/**
 * Closing levels: "the VIX closed at 14.85", "IWM ended the session at $255.87", "closed at a record
 * 255.87". A level is held to the precision it is printed with (14.85: within 0.005) on the stored
 * close, so it is a price, never a dividend-adjusted figure, when the store keeps both.
 */
import type { LevelClaim } from '../claims/claim.js';
import { allMatches, hedged } from '../claims/clause-words.js';
import { findSubject } from '../claims/subject-finder.js';
import type { ClaimType, SentenceScope } from './claim-type.js';

const LEVEL =
  /\b(?:(?:closed|ended|finished|settled|wrapped\s+up|closes|ends|finishes|settles|to\s+(?:close|end|finish|settle))\s+(?:the\s+(?:day|session|week)\s+|trading\s+)?(?:at|on)\s+(?:an?\s+|its\s+)?(?:(record|all[- ]time\s+high\s+of|record\s+high\s+of|new\s+high\s+of)\s+)?(?:of\s+)?|(?:to\s+)?an?\s+(record)\s+close\s+of\s+)\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|[.,]\d|[a-z%]|\s?(?:%|percent\b|per\s+cent\b|points?\b|pp\b|bps?\b|basis\b|billion\b|million\b|trillion\b|times\b|bn\b|mn\b|x\b))/i;

function extract(scope: SentenceScope): LevelClaim[] {
  const { sentence, mentions, ctx, line } = scope;
  const out: LevelClaim[] = [];
  let prevEnd = 0;
  for (const m of allMatches(LEVEL, sentence)) {
    if (hedged(sentence, m.index)) continue;
    const subject =
      findSubject(sentence, mentions, prevEnd, m.index, ctx) ?? findSubject(sentence, mentions, 0, m.index, ctx);
    prevEnd = m.index + m[0].length;
    if (!subject) continue;
    const digits = m[3]!.replace(/,/g, '');
    const claim: LevelClaim = {
      metric: 'level',
      text: sentence,
      subject: subject.subject,
      symbol: subject.symbol,
      line,
      span: { start: scope.offset + m.index, end: scope.offset + m.index + m[0].length },
      value: Number(digits),
      decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
      record: m[1] !== undefined || m[2] !== undefined,
    };
    out.push(subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim);
  }
  return out;
}

export const levelClaimType: ClaimType<LevelClaim> = {
  metric: 'level',
  hasBasis: false,
  extract,
  evaluate(c, { series: s, k }) {
    // A level is the price close; a close-only series of adjusted closes has no other to offer.
    const close = s.close[k]!;
    const ok = Math.abs(close - c.value) <= 0.5 * 10 ** -c.decimals + 1e-9 * Math.max(1, close);
    return { ok, actual: close, fact: `${s.symbol} closed at ${close.toFixed(Math.max(2, c.decimals))}` };
  },
  claimed: (c) => c.value,
  claimedText: (c) => c.value.toFixed(c.decimals),
  period: () => null,
};
