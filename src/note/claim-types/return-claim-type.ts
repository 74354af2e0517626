/**
 * Percent moves over a period: "Nvidia is up 36.8% year-to-date", "slid 3.93% on Thursday",
 * "rose 1.2%, 0.8% and 3.1%". Checked on the price return (close) and, when that misses, on the total
 * return (adjusted close): the verdict says which one the figure matches.
 */

import { periodBaseIndex, periodReturn } from '../../analytics/returns/period-returns.js';
import { ensureDefined } from '../../domain/ensure.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { ReturnClaim } from '../claims/claim.js';
import { returnClaims } from '../claims/return-claims.js';
import type { ClaimType } from './claim-type.js';
import { basisWords, claimTolerance, PERIOD_LABEL, pct, periodWords, shortDate, upDown } from './verdict-words.js';

export const returnClaimType: ClaimType<ReturnClaim> = {
  metric: 'return',
  hasBasis: true,
  extract: returnClaims,
  precheck(c) {
    if (c.period !== null || c.sessions || c.sinceDay) return null;
    return c.periodText
      ? `the period '${c.periodText}' is not one MarketDash computes (1d, 5d, WTD, MTD, QTD, YTD, 1Y, 3Y, 5Y, N sessions or since a day)`
      : 'the text gives no period for this figure';
  },
  evaluate(c, { series: s, k, field, options, oneCloseBasis }) {
    const values = s[field];
    let actual: number | null;
    let base: number;
    if (c.period) {
      actual = periodReturn(s.dates, values, k, c.period);
      base = periodBaseIndex(s.dates, k, c.period);
    } else if (c.sinceDay) {
      // "since Oct. 15": the base is the close of that day (the last close on or before it).
      base = indexOnOrBefore(s.dates.subarray(0, k + 1), parseIsoDate(c.sinceDay));
      actual = base >= 0 && base < k ? values[k]! / values[base]! - 1 : null;
    } else {
      base = k - (c.sessions ?? 0);
      actual = base >= 0 ? values[k]! / values[base]! - 1 : null;
    }
    const words = c.sinceDay
      ? `since ${shortDate(parseIsoDate(c.sinceDay), s.dates[k]!)}`
      : periodWords(c.period, c.sessions);
    if (actual === null || base < 0)
      return {
        unverifiable: `${s.symbol} has too little history for a return ${words} as of ${formatIsoDate(s.dates[k]!)}${base < 0 ? ` (its first close is ${formatIsoDate(ensureDefined(s.dates[0], `first day of ${s.symbol}`))})` : ''}`,
      };
    const oneClose = s.close === s.adjClose || sameCloses(s.close, s.adjClose, base, k);
    return {
      ok: Math.abs(actual - c.value) <= claimTolerance(c.decimals, options.tolerance),
      actual,
      fact: `${s.symbol} is ${upDown(actual)} ${words}`,
      detail: `${c.period ? PERIOD_LABEL[c.period] : words} ${basisWords(field, oneClose, oneCloseBasis)} ${pct(actual)}, base close ${formatIsoDate(s.dates[base]!)}`,
      years: (s.dates[k]! - s.dates[base]!) / 365.25,
    };
  },
  claimed: (c) => c.value,
  claimedText: (c) => pct(c.value),
  describe: (c) =>
    `${upDown(c.value)} ${c.sinceDay ? `since ${c.sinceDay}` : c.period || c.sessions ? periodWords(c.period, c.sessions) : c.periodText ? `'${c.periodText}'` : '(no period stated)'}`,
  period: (c) => c.period ?? (c.sessions ? `${c.sessions} sessions` : c.sinceDay ? `since ${c.sinceDay}` : null),
};

/** Whether price and total closes agree on both ends of a window (a close-only series: one close). */
export function sameCloses(close: Float64Array, adj: Float64Array, from: number, to: number): boolean {
  return close[from] === adj[from] && close[to] === adj[to];
}
