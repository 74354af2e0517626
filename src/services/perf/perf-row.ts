/**
 * The `perf` JSON contract for one symbol, built from a performance snapshot: returns as fractions,
 * dates as YYYY-MM-DD, null where history is too short. Other tools script against this shape:
 * {"symbol","asOf","close","returns":{<one per PERIOD_KEYS: "1d","5d",...>},
 *  "ath":{"close","date","distance"},"high52w":{"close","date"},"low52w":{"close","date"},
 *  "highestSince","lowestSince","streak","stale"}
 */
import type { PerformanceSnapshot } from '../../analytics/returns/performance-snapshot.js';
import type { PeriodReturns } from '../../domain/period-keys.js';
import { formatIsoDate } from '../../domain/trading-date.js';

export interface PerfRow {
  readonly symbol: string;
  readonly asOf: string;
  readonly close: number;
  readonly returns: PeriodReturns;
  readonly ath: { readonly close: number; readonly date: string; readonly distance: number };
  readonly high52w: { readonly close: number | null; readonly date: string | null };
  readonly low52w: { readonly close: number | null; readonly date: string | null };
  readonly highestSince: string | null;
  readonly lowestSince: string | null;
  readonly streak: number;
  /** True when this symbol's last bar is before the day the rest of its table is as of (`asOf` says which). */
  readonly stale: boolean;
}

const isoOrNull = (day: number | null) => (day === null ? null : formatIsoDate(day));

export function perfRow(s: PerformanceSnapshot): PerfRow {
  return {
    symbol: s.symbol,
    asOf: formatIsoDate(s.asOf),
    close: s.close,
    returns: { ...s.returns },
    ath: { close: s.ath.value, date: formatIsoDate(s.ath.day), distance: s.ath.distance },
    high52w: { close: s.high52w?.value ?? null, date: isoOrNull(s.high52w?.day ?? null) },
    low52w: { close: s.low52w?.value ?? null, date: isoOrNull(s.low52w?.day ?? null) },
    highestSince: isoOrNull(s.highestSince),
    lowestSince: isoOrNull(s.lowestSince),
    streak: s.streak,
    stale: false,
  };
}
