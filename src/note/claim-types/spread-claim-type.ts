/**
 * Percentage-point spreads between two symbols: "SPSM has outpaced the Magnificent 7 basket by 5.6
 * percentage points over the past 21 sessions", "Tesla lagged the Nasdaq 100 by 12 points this year".
 * Writers mean one of three things by the gap, and all are tried: the difference of the two returns
 * (rA - rB), the change of the ratio A/B ((1 + rA) / (1 + rB) - 1, the note's "percentage points of
 * relative performance"), or the fall of the ratio B/A. The verdict says which one the figure matches.
 */
import { periodBaseIndex } from '../../analytics/returns/period-returns.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import type { SpreadClaim } from '../claims/claim.js';
import { allMatches, COUNT_WORD, count, hedged } from '../claims/clause-words.js';
import { fraction } from '../claims/percent-text.js';
import { findPeriods } from '../claims/period-phrases.js';
import { otherPeriod } from '../claims/return-claims.js';
import { sectorFund } from '../claims/sector-words.js';
import { findSubject } from '../claims/subject-finder.js';
import type { ClaimType, SentenceScope } from './claim-type.js';
import { claimTolerance, periodWords, points } from './verdict-words.js';

const SPREAD =
  /\b(outpac\w*|outperform\w*|outrun|outran|beat|beaten|beating|topped|led|leads|leading|lagged|lags|lagging|trailed|trails|trailing|underperform\w*)\s+(?:the\s+)?(.{2,80}?)\s+by\s+(?:about\s+|roughly\s+|nearly\s+|some\s+)?(\d+(?:\.\d+)?)\s*(?:percentage[- ]points?|pct\.?\s+points?|points?|pp|ppts?|ppt)\b/i;
const SESSIONS = new RegExp(
  `\\b(?:over|in|during|across)\\s+the\\s+(?:past|last|prior|previous)\\s+${COUNT_WORD}\\s+(?:sessions|trading\\s+days)\\b`,
  'i',
);

function extract(scope: SentenceScope): SpreadClaim[] {
  const { sentence, mentions, ctx, line } = scope;
  const out: SpreadClaim[] = [];
  let prevEnd = 0;
  for (const m of allMatches(SPREAD, sentence)) {
    if (hedged(sentence, m.index)) continue;
    const subject =
      findSubject(sentence, mentions, prevEnd, m.index, ctx) ?? findSubject(sentence, mentions, 0, m.index, ctx);
    const end = m.index + m[0].length;
    prevEnd = end;
    if (!subject) continue;
    const versusAt = m.index + m[1]!.length;
    const byAt = m.index + m[0].lastIndexOf(' by ');
    const named = mentions.find((x) => x.start >= versusAt && x.start < byAt)?.symbol ?? null;
    const versus = named
      ? { symbol: named }
      : (() => {
          const fund = sectorFund(m[2]!, scope.resolver);
          return fund ? { symbol: fund } : null;
        })();
    const negative = /^(?:lag|trail|underperform)/i.test(m[1]!);
    const digits = m[3]!;
    const tail = sentence.slice(end);
    // "in 2025" (the note's year) and "in December" (its month) are the gap's period too.
    const known = (text: string) =>
      findPeriods(text)
        .map((p) =>
          p.period === 'other' ? { ...p, period: otherPeriod(text.slice(p.start, p.end), scope.noteDate) } : p,
        )
        .filter((p) => p.period !== null && p.period !== 'other' && p.period !== 'same');
    const periods = known(tail);
    const sessions = SESSIONS.exec(tail) ?? SESSIONS.exec(sentence.slice(0, m.index));
    const before = known(sentence.slice(0, m.index));
    const period = (periods[0]?.period ??
      (sessions ? null : (before.pop()?.period ?? ctx.lastPeriod))) as SpreadClaim['period'];
    const claim: SpreadClaim = {
      metric: 'spread',
      text: sentence,
      subject: subject.subject,
      symbol: subject.symbol,
      line,
      span: { start: scope.offset + m.index, end: scope.offset + end },
      versus: versus?.symbol ?? null,
      period: sessions && !periods[0] ? null : period,
      ...(sessions && !periods[0] ? { sessions: count(sessions[1]) ?? undefined } : {}),
      value: fraction(negative ? -1 : 1, digits),
      decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
    };
    // A second side that names nothing known gives no claim: a gap against an unknown is not a claim to check.
    if (!versus?.symbol) continue;
    out.push(subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim);
  }
  return out;
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
  evaluate(c, { series: a, k, field, options: o, seriesFor }) {
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
    const tol = claimTolerance(c.decimals, o.tolerance);
    const [actual, how] = readings.reduce((best, r) =>
      Math.abs(r[0] - c.value) < Math.abs(best[0] - c.value) ? r : best,
    );
    const verb = actual >= 0 ? 'outpaced' : 'lagged';
    return {
      ok: Math.abs(actual - c.value) <= tol,
      actual,
      fact: `${a.symbol} ${verb} ${b.symbol} by ${points(Math.abs(actual))} ${words} (${how})`,
      // The basis in full: the unit, both series, which closes, and the window's two dates.
      detail: `percentage points, ${how}: ${a.symbol} ${(ra * 100).toFixed(2)}% and ${b.symbol} ${(rb * 100).toFixed(2)}% on ${field === 'close' ? 'closes' : 'adjusted closes'} from ${formatIsoDate(a.dates[baseA]!)} to ${formatIsoDate(a.dates[k]!)}`,
    };
  },
  claimed: (c) => c.value,
  claimedText: (c) => points(c.value),
  describe: (c) => `${c.value >= 0 ? 'ahead of' : 'behind'} ${c.versus ?? 'another'} by ${points(Math.abs(c.value))}`,
  period: (c) => c.period ?? (c.sessions ? `${c.sessions} sessions` : null),
};
