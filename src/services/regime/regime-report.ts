/**
 * The regime panel: the VIX (level, 1- and 5-year percentile, lowest/highest close since), the 2- and
 * 10-year Treasury yields and the effective fed funds rate (FRED DGS2, DGS10, DFF) with their change
 * since a date (default: the previous year end) and over 1M/3M/YTD, all in basis points (rates are
 * levels: changes in bp, never percent returns), and the 10y - 2y curve on the days both yields have,
 * when those series are stored. A series not stored is listed as missing.
 */

import {
  type RateChange,
  type RateChanges,
  rateChange,
  rateChanges,
  rateSpread,
} from '../../analytics/regime/rate-change.js';
import { type VolatilityRegime, volatilityRegime } from '../../analytics/regime/volatility-regime.js';
import { ensureDefined } from '../../domain/ensure.js';
import { UsageError } from '../../domain/errors.js';
import { type DayNumber, formatIsoDate, parseIsoDate, previousYearEnd } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { asOfBeforeData, type DataWarning, firstStoredDays, shortHistory, warningList } from '../data-warnings.js';
import { holdsDemoBars } from '../demo-label.js';
import { loadCloses } from '../groups/member-closes.js';

export const DEFAULT_VOLATILITY = '^VIX';
export const DEFAULT_RATES = ['DGS2', 'DGS10', 'DFF'] as const;

export interface RegimeRequest {
  readonly asOf?: string | undefined;
  readonly since?: string | undefined;
  readonly volatility?: string | undefined;
  readonly rates?: readonly string[] | undefined;
}

export interface RegimeReport {
  readonly requestedAsOf: string | null;
  readonly volatility: ({ readonly symbol: string } & VolatilityRegime) | null;
  /** Base date of the rate changes: --since, else the year end before the as-of day (null when nothing is stored). */
  readonly since: string | null;
  /** Each rate's level (percent), its change since `since` (points and bp) and over 1M/3M/YTD (bp). */
  readonly rates: ({ readonly symbol: string } & RateChange & RateChanges)[];
  /**
   * 10-year minus 2-year yield in percentage points on the last day both have, its change since
   * `since` (points) and over 1M/3M/YTD (bp), when both are stored.
   */
  readonly curve2s10s:
    | ({ readonly date: string; readonly level: number; readonly change: number | null } & RateChanges)
    | null;
  readonly missing: string[];
  /** True when the store holds synthetic demo bars (outputs must say so). */
  readonly demo: boolean;
  /**
   * An as-of day before a stored series' history (it is then in `missing` too); figures n/a for want of history
   * (the VIX percentiles, the rate changes) (data-warnings.ts).
   */
  readonly warnings: DataWarning[];
}

export async function regimeReport(store: PriceStore, req: RegimeRequest = {}): Promise<RegimeReport> {
  const asOfDay = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const vix = (req.volatility ?? DEFAULT_VOLATILITY).toUpperCase();
  const rates = (req.rates ?? DEFAULT_RATES).map((r) => r.toUpperCase());
  const range = asOfDay === null ? undefined : { to: formatIsoDate(asOfDay) };
  // FRED values are the close column; adjusted closes of an index equal its closes
  const loaded = await loadCloses(store, [vix, ...rates], 'close', range);
  const missing = [...loaded.missing];
  const at = (dates: Int32Array): DayNumber => asOfDay ?? dates[dates.length - 1]!;
  const v = loaded.found.find((c) => c.symbol === vix);
  const volatility = v ? volatilityRegime(v.dates, v.closes, at(v.dates)) : null;
  const endDay = asOfDay ?? latest(loaded.found);
  const sinceDay =
    req.since !== undefined ? parseIsoDate(req.since, '--since') : endDay === null ? null : previousYearEnd(endDay);
  if (asOfDay !== null && sinceDay !== null && sinceDay > asOfDay)
    throw new UsageError(`--since: ${req.since} is after --as-of ${req.asOf}`, { parameter: '--since' });
  if (asOfDay === null && endDay !== null && sinceDay !== null && sinceDay > endDay)
    throw new UsageError(`--since: ${req.since} is after the last stored value, ${formatIsoDate(endDay)}`, {
      parameter: '--since',
    });
  const rateRows: RegimeReport['rates'] = [];
  for (const r of rates) {
    const c = loaded.found.find((x) => x.symbol === r);
    const rc = c && sinceDay !== null ? rateChange(c.dates, c.closes, at(c.dates), sinceDay) : null;
    const windows = c ? rateChanges(c.dates, c.closes, at(c.dates)) : null;
    if (rc && windows) rateRows.push({ symbol: r, ...rc, ...windows });
  }
  const two = loaded.found.find((x) => x.symbol === 'DGS2');
  const ten = loaded.found.find((x) => x.symbol === 'DGS10');
  let curve2s10s: RegimeReport['curve2s10s'] = null;
  if (two && ten && sinceDay !== null) {
    const curve = rateSpread({ dates: ten.dates, values: ten.closes }, { dates: two.dates, values: two.closes });
    const rc = curve.dates.length > 0 ? rateChange(curve.dates, curve.values, at(curve.dates), sinceDay) : null;
    const windows = rc ? rateChanges(curve.dates, curve.values, at(curve.dates)) : null;
    if (rc && windows) curve2s10s = { date: rc.date, level: rc.level, change: rc.change, ...windows };
  }
  const requestedAsOf = asOfDay === null ? null : formatIsoDate(asOfDay);
  const first = (t: string) => formatIsoDate(loaded.found.find((c) => c.symbol === t)!.dates[0]!);
  const asOf = requestedAsOf ?? 'the last value';
  // stored, but only after the as-of day: "before the stored history", not "not stored"
  const firsts =
    requestedAsOf !== null && missing.length > 0 ? await firstStoredDays(store) : new Map<string, string>();
  const before = missing.filter((t) => firsts.has(t)).map((t) => ({ symbol: t, firstDate: firsts.get(t)! }));
  const shortRates = new Map<string, { symbol: string; firstDate: string }[]>();
  for (const r of rateRows) {
    const what = [
      r.change === null && sinceDay !== null ? `the change since ${formatIsoDate(sinceDay)}` : null,
      ...RATE_WINDOWS.filter(([k]) => r.changesBp[k] === null).map(([, label]) => label),
    ].filter((w) => w !== null);
    if (what.length > 0) {
      const key = listWords(what);
      shortRates.set(key, [...(shortRates.get(key) ?? []), { symbol: r.symbol, firstDate: first(r.symbol) }]);
    }
  }
  const pct = volatility
    ? [volatility.percentile1y === null ? '1-year' : null, volatility.percentile5y === null ? '5-year' : null].filter(
        (w) => w !== null,
      )
    : [];
  return {
    requestedAsOf,
    volatility: volatility && v ? { symbol: vix, ...volatility } : null,
    since: sinceDay === null ? null : formatIsoDate(sinceDay),
    rates: rateRows,
    curve2s10s,
    missing,
    demo: await holdsDemoBars(store),
    warnings: warningList(
      requestedAsOf === null ? null : asOfBeforeData(requestedAsOf, before),
      pct.length === 0
        ? null
        : shortHistory(asOf, `the ${listWords(pct)} percentile${pct.length > 1 ? 's' : ''}`, [
            { symbol: vix, firstDate: first(vix) },
          ]),
      ...[...shortRates].map(([what, items]) => shortHistory(asOf, what, items)),
    ),
  };
}

const RATE_WINDOWS = [
  ['1m', '1M'],
  ['3m', '3M'],
  ['ytd', 'YTD'],
] as const;

/** 'a', 'a and b', 'a, b and c'. */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The latest day any loaded series reaches, or null when nothing was loaded. */
function latest(found: readonly { dates: Int32Array }[]): DayNumber | null {
  let d: DayNumber | null = null;
  for (const f of found)
    if (f.dates.length > 0)
      d = Math.max(d ?? ensureDefined(f.dates[0], 'first day of a regime series'), f.dates[f.dates.length - 1]!);
  return d;
}
