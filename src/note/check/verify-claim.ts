/**
 * Holds one claim against a symbol's closes as of a day. Each metric has a test that can be run at
 * any bar (`evaluateAt`); a claim is supported when it holds at the as-of close, and when it does not,
 * the closes up to five sessions either side are tried, nearest first, because writers often quote a
 * slightly earlier close ("matches the close of Dec 10"). Price returns read `close`; when a figure
 * fails on price but matches the total return (adjusted close), the reason says so.
 */

import { allTimeHigh } from '../../analytics/returns/highs-lows.js';
import { periodBaseIndex, periodReturn } from '../../analytics/returns/period-returns.js';
import { highestSince, lowestSince } from '../../analytics/returns/since.js';
import { streak } from '../../analytics/returns/streak.js';
import { analyseTrend } from '../../analytics/trend/trend-analysis.js';
import type { TrendOptions } from '../../analytics/trend/trend-options.js';
import { fixed, formatPercent, formatShortDate, monthName } from '../../domain/format/display-format.js';
import type { PeriodKey } from '../../domain/period-keys.js';
import { indexOnOrBefore, type PriceSeries } from '../../domain/price-series.js';
import { civilFromDays, type DayNumber, daysFromCivil, daysInMonth, formatIsoDate } from '../../domain/trading-date.js';
import type { AthClaim, Claim, ReturnClaim, SinceClaim, StreakClaim, TrendClaim } from '../claims/claim.js';
import type { ClaimVerdict } from './claim-verdict.js';

export interface VerifyOptions {
  readonly asOf: DayNumber;
  /** Allowed difference for a return or distance, as a fraction (0.0005 = 0.05 percentage points). */
  readonly tolerance: number;
  /** "within spitting distance" of a record: at most this far below it (config events.nearAthPct). */
  readonly nearAthPct: number;
  /** "approaching its lowest close since": within this fraction of the mark. */
  readonly approachPct: number;
  readonly trend: TrendOptions;
  /** Sessions either side tried when the as-of close contradicts a claim. */
  readonly sessionsAround: number;
  /** A series whose last bar is more than this many days before the as-of day is stale. */
  readonly staleDays: number;
}

/** The series a claim needs, or why there is none ("no data for ^SP600 in the store"). */
export type SeriesFor = (symbol: string) => { readonly series: PriceSeries } | { readonly missing: string };

interface Evaluation {
  readonly ok: boolean;
  readonly actual: number | string | null;
  /** What the data says, for the reason ("YTD return 6.12% (base 2024-12-31)"). */
  readonly says: string;
}
type Outcome = Evaluation | { readonly unverifiable: string };

const PERIOD_LABEL: Record<PeriodKey, string> = {
  '1d': 'one-day',
  '5d': 'five-day',
  mtd: 'month-to-date',
  qtd: 'quarter-to-date',
  ytd: 'YTD',
  '1y': 'one-year',
  '3y': 'three-year',
  '5y': 'five-year',
};

/** A stated figure is held to the precision it is printed with, and never tighter than the tolerance. */
export function claimTolerance(decimals: number, tolerance: number): number {
  return Math.max(tolerance, 0.5 * 10 ** -(decimals + 2) + 1e-12);
}

function evaluateReturn(
  c: ReturnClaim,
  s: PriceSeries,
  k: number,
  o: VerifyOptions,
  field: 'close' | 'adjClose' = 'close',
): Outcome {
  const period = c.period!;
  const actual = periodReturn(s.dates, s[field], k, period);
  if (actual === null) {
    const base = periodBaseIndex(s.dates, k, period);
    return {
      unverifiable: `${s.symbol} has too little history for a ${PERIOD_LABEL[period]} return as of ${formatIsoDate(s.dates[k]!)}${base < 0 ? ` (its first close is ${formatIsoDate(s.dates[0]!)})` : ''}`,
    };
  }
  const base = periodBaseIndex(s.dates, k, period);
  const ok = Math.abs(actual - c.value) <= claimTolerance(c.decimals, o.tolerance);
  return {
    ok,
    actual,
    says: `${PERIOD_LABEL[period]} return ${formatPercent(actual)} (base close ${formatIsoDate(s.dates[base]!)})`,
  };
}

function evaluateAth(c: AthClaim, s: PriceSeries, k: number, o: VerifyOptions): Outcome {
  const ath = allTimeHigh(s.dates, s.close, k);
  if (ath === null) return { unverifiable: `${s.symbol} has no close on or before ${formatIsoDate(s.dates[k]!)}` };
  const d = ath.distance;
  const where =
    d === 0
      ? `a record close (${formatIsoDate(ath.day)})`
      : `${formatPercent(-d)} below its record close of ${formatIsoDate(ath.day)}`;
  let ok: boolean;
  if (c.kind === 'new_high') ok = d === 0;
  else if (c.kind === 'near_high') ok = d >= -(c.distance === null ? o.nearAthPct : -c.distance) - 1e-12;
  else ok = Math.abs(d - c.distance!) <= claimTolerance(1, o.tolerance);
  return { ok, actual: d, says: where };
}

/** The first and last day of the month (or the day) a "since" claim names, in the latest year that fits before `asOf`. */
export function sinceWindow(c: SinceClaim, asOf: DayNumber): { first: DayNumber; last: DayNumber } {
  const [ay, am, ad] = civilFromDays(asOf);
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

function evaluateSince(c: SinceClaim, s: PriceSeries, k: number, o: VerifyOptions): Outcome {
  const { last } = sinceWindow(c, o.asOf);
  const values = s.close;
  const since = c.direction === 'lowest' ? lowestSince(s.dates, values, k) : highestSince(s.dates, values, k);
  const word = c.direction === 'lowest' ? 'lowest' : 'highest';
  const says =
    since === null
      ? `the ${word} close on record (${formatIsoDate(s.dates[k]!)})`
      : `the ${word} close since ${formatIsoDate(since)}`;
  if (since === null || since <= last) return { ok: true, actual: since === null ? null : formatIsoDate(since), says };
  if (!c.approaching) return { ok: false, actual: formatIsoDate(since), says };
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
    says: `${says}; ${formatPercent(Math.abs(gap))} from the ${word} close after ${formatShortDate(last, o.asOf)} (${mark.toFixed(2)})`,
  };
}

function evaluateStreak(c: StreakClaim, s: PriceSeries, k: number): Outcome {
  const now = streak(s.close, k);
  const sign = c.direction === 'winning' ? 1 : -1;
  const name = (n: number) =>
    n === 0
      ? 'an unchanged close'
      : `${Math.abs(n)} ${n > 0 ? 'up' : 'down'} close${Math.abs(n) === 1 ? '' : 's'} in a row`;
  if (c.phase === 'ongoing') {
    const ok = c.length === null ? now * sign >= 2 : now * sign === c.length;
    return { ok, actual: now, says: name(now) };
  }
  const before = streak(s.close, k - 1);
  const ok = now * sign < 0 && before * sign >= (c.length ?? 2) && (c.length === null || before * sign === c.length);
  return { ok, actual: now, says: `${name(now)}, after ${name(before)}` };
}

function evaluateTrend(c: TrendClaim, s: PriceSeries, k: number, o: VerifyOptions): Outcome {
  const t = analyseTrend(s.dates, s.close, o.trend, k + 1);
  if (t === null || t.line === null || t.breakout === null)
    return { ok: false, actual: null, says: 'no multi-year trendline found' };
  const state = t.breakout.state;
  const kindOk = c.kind === null || c.kind === t.line.kind;
  const ok = kindOk && (state === c.state || (c.state === 'breaking' && state === 'confirmed'));
  const dist =
    t.distance === null ? '' : `, ${formatPercent(Math.abs(t.distance))} ${t.distance < 0 ? 'under' : 'over'} the line`;
  return {
    ok,
    actual: state,
    says: `${state} against its ${t.line.kind} line since ${formatIsoDate(t.breakout.sinceDay)}${dist}`,
  };
}

function evaluateAt(c: Claim, s: PriceSeries, k: number, o: VerifyOptions): Outcome {
  switch (c.metric) {
    case 'return':
      return evaluateReturn(c, s, k, o);
    case 'ath':
      return evaluateAth(c, s, k, o);
    case 'since':
      return evaluateSince(c, s, k, o);
    case 'streak':
      return evaluateStreak(c, s, k);
    case 'trend':
      return evaluateTrend(c, s, k, o);
  }
}

function claimedValue(c: Claim, o: VerifyOptions): number | string | null {
  switch (c.metric) {
    case 'return':
      return c.value;
    case 'ath':
      return c.kind === 'new_high' ? 0 : c.distance;
    case 'since':
      return formatIsoDate(sinceWindow(c, o.asOf).last);
    case 'streak':
      return c.length ?? `${c.phase === 'ending' ? 'ending ' : ''}${c.direction}`;
    case 'trend':
      return c.state;
  }
}

function periodOf(c: Claim, o: VerifyOptions): string | null {
  if (c.metric === 'return') return c.period;
  if (c.metric === 'since') {
    const w = sinceWindow(c, o.asOf);
    return `since ${c.since.day === null ? formatIsoDate(w.first).slice(0, 7) : formatIsoDate(w.first)}`;
  }
  return null;
}

function claimedText(c: Claim): string {
  switch (c.metric) {
    case 'return':
      return formatPercent(c.value);
    case 'ath':
      return c.kind === 'new_high'
        ? 'a new all-time high'
        : c.kind === 'near_high'
          ? `near its all-time high${c.distance === null ? '' : ` (within ${formatPercent(-c.distance)})`}`
          : `${formatPercent(-c.distance!)} below its all-time high`;
    case 'since':
      return `${c.approaching ? 'approaching ' : ''}its ${c.direction} close since ${c.since.day === null ? monthName(c.since.month, true) : `${monthName(c.since.month, true)} ${c.since.day}`}`;
    case 'streak':
      return `${c.phase === 'ending' ? 'ending' : 'on'} a ${c.length === null ? '' : `${c.length}-session `}${c.direction} streak`;
    case 'trend':
      return `${c.state} its ${c.kind ?? 'trend'} line`;
  }
}

/** The verdict on one claim, with the reason an editor reads. */
export function verifyClaim(c: Claim, seriesFor: SeriesFor, o: VerifyOptions): ClaimVerdict {
  const base = {
    text: c.text,
    symbol: c.symbol,
    metric: c.metric,
    period: periodOf(c, o),
    claimed: claimedValue(c, o),
    line: c.line,
  };
  const unverifiable = (reason: string): ClaimVerdict => ({ ...base, actual: null, verdict: 'unverifiable', reason });
  if (c.symbol === null) return unverifiable(c.unresolved ?? `'${c.subject}' does not name a configured symbol`);
  if (c.metric === 'return' && c.period === null) {
    return unverifiable(
      c.periodText
        ? `the period '${c.periodText}' is not one MarketDash computes (1d, 5d, MTD, QTD, YTD, 1Y, 3Y, 5Y)`
        : 'the text gives no period for this figure',
    );
  }
  const found = seriesFor(c.symbol);
  if ('missing' in found) return unverifiable(found.missing);
  const s = found.series;
  const k = indexOnOrBefore(s.dates, o.asOf);
  if (k < 0)
    return unverifiable(
      `${c.symbol} has no close on or before ${formatIsoDate(o.asOf)} (its first is ${formatIsoDate(s.dates[0]!)})`,
    );
  if (o.asOf - s.dates[k]! > o.staleDays)
    return unverifiable(
      `${c.symbol}'s last close on or before ${formatIsoDate(o.asOf)} is ${formatIsoDate(s.dates[k]!)}: too old to check against`,
    );
  const at = evaluateAt(c, s, k, o);
  if ('unverifiable' in at) return unverifiable(at.unverifiable);
  const when = formatIsoDate(s.dates[k]!);
  if (at.ok)
    return {
      ...base,
      actual: at.actual,
      verdict: 'supported',
      reason: `${c.symbol} ${at.says} as of ${when}: consistent with ${claimedText(c)}`,
    };

  let reason = `${c.symbol} ${at.says} as of ${when}, not ${claimedText(c)}`;
  if (c.metric === 'return' && typeof at.actual === 'number')
    reason += ` (off by ${fixed((c.value - at.actual) * 100, 2)} pp)`;
  let matchesCloseOf: string | undefined;
  for (let step = 1; step <= o.sessionsAround && matchesCloseOf === undefined; step++) {
    for (const j of [k - step, k + step]) {
      if (j < 1 || j >= s.dates.length) continue;
      const e = evaluateAt(c, s, j, o);
      if (!('unverifiable' in e) && e.ok) {
        matchesCloseOf = formatIsoDate(s.dates[j]!);
        reason += `; matches the close of ${formatShortDate(s.dates[j]!, o.asOf)} (${e.says})`;
        break;
      }
    }
  }
  if (matchesCloseOf === undefined) {
    reason += `; no close within ${o.sessionsAround} sessions either side matches`;
    if (c.metric === 'return') {
      const total = evaluateReturn(c, s, k, o, 'adjClose');
      if (!('unverifiable' in total) && total.ok && s.adjClose[k] !== s.close[k])
        reason += `; the total return with dividends, ${formatPercent(total.actual as number)}, does`;
    }
  }
  const out: ClaimVerdict = { ...base, actual: at.actual, verdict: 'contradicted', reason };
  return matchesCloseOf ? { ...out, matchesCloseOf } : out;
}
