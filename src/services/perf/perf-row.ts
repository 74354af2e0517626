/**
 * The `perf` JSON contract for one symbol, built from a performance snapshot. Its shape is defined once,
 * as a zod schema, in src/contracts/perf-contract.ts (the CLI's JSON, the API's response, the OpenAPI
 * component and the web client's type all come from it).
 */
import type { PerformanceSnapshot } from '../../analytics/returns/performance-snapshot.js';
import type { PerfRow } from '../../contracts/perf-contract.js';
import { formatIsoDate } from '../../domain/trading-date.js';

export type { PerfRow };

const isoOrNull = (day: number | null) => (day === null ? null : formatIsoDate(day));

export function perfRow(s: PerformanceSnapshot): PerfRow {
  return {
    symbol: s.symbol,
    asOf: formatIsoDate(s.asOf),
    close: s.close,
    returns: { ...s.returns },
    cagr: { ...s.cagr },
    ath: { close: s.ath.value, date: formatIsoDate(s.ath.day), distance: s.ath.distance },
    high52w: { close: s.high52w?.value ?? null, date: isoOrNull(s.high52w?.day ?? null) },
    low52w: { close: s.low52w?.value ?? null, date: isoOrNull(s.low52w?.day ?? null) },
    highestSince: isoOrNull(s.highestSince),
    lowestSince: isoOrNull(s.lowestSince),
    streak: s.streak,
    stale: false,
  };
}
