/**
 * Holds one claim against a symbol's closes as of a day, through the claim's registered type
 * (`src/note/claim-types/`). A claim is supported when it holds at the as-of close. A return or
 * spread is tried on the price (close) and, when that misses, on the total return (adjusted close);
 * the verdict names the basis it matched. When the claim fails at the as-of close, the closes up to
 * five sessions either side are tried, nearest first, because writers often quote a slightly earlier
 * close ("matches the close of Dec 10").
 */
import { ensureDefined } from '../../domain/ensure.js';
import { type CloseField, indexOnOrBefore, type PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { AnyClaimType, Evaluation, Outcome, SeriesFor, VerifyOptions } from '../claim-types/claim-type.js';
import { claimTypeOf } from '../claim-types/claim-types.js';
import { pct, shortDate } from '../claim-types/verdict-words.js';
import type { Claim } from '../claims/claim.js';
import type { Basis, ClaimVerdict } from './claim-verdict.js';

export type { SeriesFor, VerifyOptions } from '../claim-types/claim-type.js';
export { sinceWindow } from '../claim-types/since-claim-type.js';
export { claimTolerance, pct, shortDate } from '../claim-types/verdict-words.js';

/** Whether a series holds one close (close equals adjusted close on every bar up to `k`). */
export function holdsOneClose(s: PriceSeries, k: number): boolean {
  if (s.close === s.adjClose) return true;
  for (let i = 0; i <= k; i++) if (s.close[i] !== s.adjClose[i]) return false;
  return true;
}

const FIELD_BASIS: Record<CloseField, Basis> = { close: 'price', adjClose: 'total' };
const BASIS_NAME: Record<CloseField, string> = {
  close: 'the price return',
  adjClose: 'the total return (with dividends)',
};

/**
 * Dividends a price return leaves out, at most, as a fraction a year: 2 points, the high end of the broad
 * funds' yields (SPY and IWM about 1.2%, the energy and utility funds about 3%, most stocks less).
 */
export const DIVIDEND_GAP_PER_YEAR = 0.02;

/**
 * Whether a return claim that misses a total return (the store's one, adjusted close) may be the price
 * return: the figure is below the total return by more than the tolerance and by at most
 * DIVIDEND_GAP_PER_YEAR a year of the return's window (1.2 points for a YTD figure in early August).
 */
export function dividendGap(metric: string, claimed: unknown, e: Evaluation, tolerance: number): boolean {
  if (metric !== 'return' || typeof claimed !== 'number' || typeof e.actual !== 'number' || e.years === undefined)
    return false;
  const gap = e.actual - claimed;
  return gap > tolerance && gap <= DIVIDEND_GAP_PER_YEAR * e.years + tolerance;
}

/** "XLK is down 1.20% on the day" + "Dec 11" -> "XLK is down 1.20% on Dec 11". */
function onDay(fact: string, day: string): string {
  return `${fact.replace(/ on the day$/, '')} on ${day}`;
}

/** The verdict on one claim, with the sentence and the reason an editor reads. */
export function verifyClaim(c: Claim, seriesFor: SeriesFor, options: VerifyOptions): ClaimVerdict {
  const type = claimTypeOf(c.metric);
  if (!type) throw new Error(`no claim type is registered for metric '${c.metric}'`);
  const o: VerifyOptions = c.day ? { ...options, asOf: parseIsoDate(c.day) } : options;
  // "Alphabet read as GOOGL (Class A)": a bare company name read as one of its share classes is said so.
  const readAs = c.readAs ? `; ${c.readAs}` : '';
  const base = {
    text: c.text,
    symbol: c.symbol,
    metric: c.metric,
    period: type.period(c, o),
    claimed: type.claimed(c, o),
  };
  const place = { span: c.span, line: c.line };
  const who = c.symbol ?? c.subject;
  const unverifiable = (reason: string): ClaimVerdict => ({
    ...base,
    actual: null,
    verdict: 'unverifiable',
    sentence: `${who} ${(type.describe ?? type.claimedText)(c)}: unverifiable; ${reason}`,
    reason: `${reason}${readAs}`,
    basis: null,
    matchesCloseOf: null,
    asOf: null,
    ...place,
  });
  if (c.symbol === null) return unverifiable(c.unresolved ?? `'${c.subject}' does not name a configured symbol`);
  const pre = type.precheck?.(c) ?? null;
  if (pre !== null) return unverifiable(pre);
  const found = seriesFor(c.symbol);
  if ('missing' in found) return unverifiable(found.missing);
  const s = found.series;
  const k = indexOnOrBefore(s.dates, o.asOf);
  if (k < 0)
    return unverifiable(
      `${c.symbol} has no close on or before ${formatIsoDate(o.asOf)} (its first is ${formatIsoDate(ensureDefined(s.dates[0], `first day of ${c.symbol}`))})`,
    );
  if (o.asOf - s.dates[k]! > o.staleDays)
    return unverifiable(
      `${c.symbol}'s last close on or before ${formatIsoDate(o.asOf)} is ${formatIsoDate(s.dates[k]!)}: too old to check against`,
    );
  const oneClose = holdsOneClose(s, k);
  // What the one stored close measures, when the store knows (adjusted closes: total return): named in the verdict.
  const known = type.hasBasis && oneClose ? (found.oneCloseBasis ?? null) : null;
  const named = known ? ` (${known} return)` : '';
  const fields: CloseField[] = type.hasBasis && !oneClose ? ['close', 'adjClose'] : ['close'];
  const at = (j: number, field: CloseField): Outcome =>
    type.evaluate(c, { series: s, k: j, field, options: o, seriesFor, oneCloseBasis: known ?? undefined });
  const primary = at(k, 'close');
  if ('unverifiable' in primary) return unverifiable(primary.unverifiable);
  const when = formatIsoDate(s.dates[k]!);
  const day = shortDate(s.dates[k]!, o.asOf);
  const basisOf = (f: CloseField): Basis => (oneClose ? (known ?? 'same') : FIELD_BASIS[f]);
  const oneCloseNote = !(type.hasBasis && oneClose)
    ? ''
    : known === 'total'
      ? `; the store holds ${c.symbol}'s adjusted closes only (a total return, dividends in), not its price return`
      : known === 'price'
        ? `; the store holds ${c.symbol}'s closes only (a price return, no dividends), not its total return`
        : `; the store holds one close for ${c.symbol}, so its price and total return are the same here`;
  // A figure a little off may be the other basis, which a one-close series cannot show: say so.
  const cannotTell =
    type.hasBasis && oneClose && !known
      ? `; one close is stored for ${c.symbol}, so price and total return cannot be told apart`
      : '';
  const detail = (e: Evaluation) => (e.detail ? `${e.detail}; ` : '');

  for (const field of fields) {
    const e = field === 'close' ? primary : at(k, field);
    if ('unverifiable' in e || !e.ok) continue;
    const matches = type.hasBasis && !oneClose ? `; matches ${BASIS_NAME[field]}` : '';
    const other =
      field === 'adjClose' && typeof primary.actual === 'number' ? `; the price return is ${pct(primary.actual)}` : '';
    return {
      ...base,
      actual: e.actual,
      verdict: 'supported',
      sentence: `${onDay(e.fact, day)}${named}: supported${matches}${other}`,
      reason: `${detail(e)}as of ${when}: consistent with ${type.claimedText(c)}${matches}${other}${oneCloseNote}${readAs}`,
      basis: basisOf(field),
      matchesCloseOf: null,
      asOf: when,
      ...place,
    };
  }

  let matchesCloseOf: string | null = null;
  let matchNote = '';
  for (let step = 1; step <= o.sessionsAround && matchesCloseOf === null; step++) {
    for (const j of [k - step, k + step]) {
      if (j < 1 || j >= s.dates.length || matchesCloseOf !== null) continue;
      for (const field of fields) {
        const e = at(j, field);
        if ('unverifiable' in e || !e.ok) continue;
        matchesCloseOf = formatIsoDate(s.dates[j]!);
        matchNote = `matches the close of ${shortDate(s.dates[j]!, o.asOf)}${fields.length > 1 ? ` on ${BASIS_NAME[field]}` : ''} (${e.fact})`;
        break;
      }
    }
  }
  const tail = matchesCloseOf
    ? matchNote
    : `no close within ${o.sessionsAround} sessions either side matches${type.hasBasis && !oneClose ? ', on the price or the total return' : ''}`;
  // A figure a little below the store's total return, by what dividends could be: it may be the price return.
  const dividends =
    known === 'total' && matchesCloseOf === null && dividendGap(c.metric, base.claimed, primary, o.tolerance)
      ? '; a price-return figure would be lower by the dividends paid, which this store cannot tell apart'
      : '';
  let reason = `${detail(primary)}as of ${when}: ${primary.fact}, not ${type.claimedText(c)}`;
  if (typeof primary.actual === 'number' && typeof base.claimed === 'number' && type.hasBasis)
    reason += ` (off by ${((base.claimed - primary.actual) * 100).toFixed(2)} pp)`;
  reason += `; ${tail}${dividends}${oneCloseNote}${readAs}`;
  return {
    ...base,
    actual: primary.actual,
    verdict: 'contradicted',
    sentence: `${onDay(primary.fact, day)}${named}, not ${type.claimedText(c)}: contradicted; ${tail}${dividends}${cannotTell}`,
    reason,
    basis: basisOf('close'),
    matchesCloseOf,
    asOf: when,
    ...place,
  };
}

export type { AnyClaimType };
