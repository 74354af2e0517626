/**
 * Checks on one stored series against the NYSE calendar: trading days with no bar between its first
 * and last bar (gaps), how many trading days its last bar is behind (stale), and one-day moves that
 * look like a split nobody back-adjusted (detectSuspectedSplits). Rates skip the calendar checks
 * (FRED publishes on its own calendar); baskets follow their members.
 */

import { detectSuspectedSplits } from '../../analytics/data-quality/split-detection.js';
import { ensureDefined } from '../../domain/ensure.js';
import { isTradingDay, tradingDayOnOrBefore } from '../../domain/nyse-calendar.js';
import type { PriceSeries } from '../../domain/price-series.js';
import type { SymbolKind } from '../../domain/symbol-info.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';

export interface SeriesCheckOptions {
  /** The day checked against (default: today); staleness counts trading days up to it. */
  readonly asOf: DayNumber;
  /** Stale when the last bar is more than this many trading days behind the as-of day (default 5). */
  readonly staleAfter?: number;
}

export interface SeriesCheck {
  readonly symbol: string;
  readonly kind: SymbolKind;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly rows: number;
  /** NYSE trading days between the first and last bar with no bar, ascending (ISO). */
  readonly missingDays: readonly string[];
  /** Trading days after the last bar up to the as-of day. */
  readonly tradingDaysBehind: number;
  readonly stale: boolean;
  readonly suspectedSplits: readonly { readonly date: string; readonly label: string; readonly move: number }[];
  /** One line per finding, for `update` and `import` to print. */
  readonly warnings: readonly string[];
}

/** NYSE trading days in [dates[0], dates[last]] that have no bar. */
export function missingTradingDays(dates: Int32Array): DayNumber[] {
  const out: DayNumber[] = [];
  for (let i = 1; i < dates.length; i++) {
    for (let d = dates[i - 1]! + 1; d < dates[i]!; d++) if (isTradingDay(d)) out.push(d);
  }
  return out;
}

/** Trading days strictly after `last` up to and including the last trading day on or before `asOf`. */
export function tradingDaysAfter(last: DayNumber, asOf: DayNumber): number {
  const end = tradingDayOnOrBefore(asOf);
  let n = 0;
  for (let d = last + 1; d <= end; d++) if (isTradingDay(d)) n++;
  return n;
}

/** Collapses sorted days into `a..b` runs for short messages: 2025-01-02..2025-01-06, 2025-02-03. */
export function dayRuns(days: readonly string[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= days.length; i++) {
    const gapped = i === days.length || !isNextTradingDay(days[i - 1]!, days[i]!);
    if (gapped) {
      out.push(i - 1 === start ? days[start]! : `${days[start]}..${days[i - 1]}`);
      start = i;
    }
  }
  return days.length ? out : [];
}

function isNextTradingDay(a: string, b: string): boolean {
  const da = Date.parse(`${a}T00:00:00Z`) / 86_400_000;
  const db = Date.parse(`${b}T00:00:00Z`) / 86_400_000;
  for (let d = da + 1; d < db; d++) if (isTradingDay(d)) return false;
  return true;
}

export function checkSeries(series: PriceSeries, kind: SymbolKind, options: SeriesCheckOptions): SeriesCheck {
  const n = series.dates.length;
  const staleAfter = options.staleAfter ?? 5;
  const calendarChecks = kind !== 'rate' && kind !== 'basket';
  const missing = calendarChecks && n > 1 ? missingTradingDays(series.dates).map(formatIsoDate) : [];
  const behind = n > 0 ? tradingDaysAfter(series.dates[n - 1]!, options.asOf) : 0;
  const stale = n > 0 && behind > staleAfter;
  const splits = kind === 'rate' || kind === 'basket' ? [] : detectSuspectedSplits(series.dates, series.close);
  const warnings: string[] = [];
  const symbol = series.symbol;
  if (missing.length) {
    const runs = dayRuns(missing);
    warnings.push(
      `${symbol}: ${missing.length} missing trading day${missing.length === 1 ? '' : 's'} (${runs.slice(0, 5).join(', ')}${runs.length > 5 ? ', ...' : ''})`,
    );
  }
  if (stale)
    warnings.push(
      `${symbol}: stale, last bar ${formatIsoDate(series.dates[n - 1]!)} is ${behind} trading days behind ${formatIsoDate(tradingDayOnOrBefore(options.asOf))}`,
    );
  for (const s of splits) {
    warnings.push(
      `${symbol}: suspected unadjusted ${s.label} split on ${formatIsoDate(s.date)} (close ${round(s.previousClose)} -> ${round(s.close)}, x${s.move.toFixed(3)})`,
    );
  }
  return {
    symbol,
    kind,
    firstDate: n ? formatIsoDate(ensureDefined(series.dates[0], `first day of ${symbol}`)) : null,
    lastDate: n ? formatIsoDate(series.dates[n - 1]!) : null,
    rows: n,
    missingDays: missing,
    tradingDaysBehind: behind,
    stale,
    suspectedSplits: splits.map((s) => ({ date: formatIsoDate(s.date), label: s.label, move: s.move })),
    warnings,
  };
}

function round(x: number): string {
  return x.toFixed(2);
}
