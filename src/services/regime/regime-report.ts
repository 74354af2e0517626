/**
 * The regime panel: the VIX (level, 1- and 5-year percentile, lowest/highest close since) and the
 * 2- and 10-year Treasury yields (FRED DGS2, DGS10) with their change since a date (default: the
 * previous year end), when those series are stored. A series not stored is listed as missing.
 */
import { type RateChange, rateChange } from '../../analytics/regime/rate-change.js';
import { type VolatilityRegime, volatilityRegime } from '../../analytics/regime/volatility-regime.js';
import { UsageError } from '../../domain/errors.js';
import { type DayNumber, formatIsoDate, parseIsoDate, previousYearEnd } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { holdsDemoBars } from '../demo-label.js';
import { loadCloses } from '../groups/member-closes.js';

export const DEFAULT_VOLATILITY = '^VIX';
export const DEFAULT_RATES = ['DGS2', 'DGS10'] as const;

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
  readonly rates: ({ readonly symbol: string } & RateChange)[];
  /** 10-year minus 2-year yield, percentage points, when both are stored. */
  readonly curve2s10s: { readonly level: number; readonly change: number | null } | null;
  readonly missing: string[];
  /** True when the store holds synthetic demo bars (outputs must say so). */
  readonly demo: boolean;
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
  const rateRows: RegimeReport['rates'] = [];
  for (const r of rates) {
    const c = loaded.found.find((x) => x.symbol === r);
    const rc = c && sinceDay !== null ? rateChange(c.dates, c.closes, at(c.dates), sinceDay) : null;
    if (rc) rateRows.push({ symbol: r, ...rc });
  }
  const two = rateRows.find((r) => r.symbol === 'DGS2');
  const ten = rateRows.find((r) => r.symbol === 'DGS10');
  const curve2s10s =
    two && ten
      ? {
          level: round6(ten.level - two.level),
          change: ten.change !== null && two.change !== null ? round6(ten.change - two.change) : null,
        }
      : null;
  return {
    requestedAsOf: asOfDay === null ? null : formatIsoDate(asOfDay),
    volatility: volatility && v ? { symbol: vix, ...volatility } : null,
    since: sinceDay === null ? null : formatIsoDate(sinceDay),
    rates: rateRows,
    curve2s10s,
    missing,
    demo: await holdsDemoBars(store),
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The latest day any loaded series reaches, or null when nothing was loaded. */
function latest(found: readonly { dates: Int32Array }[]): DayNumber | null {
  let d: DayNumber | null = null;
  for (const f of found) if (f.dates.length > 0) d = Math.max(d ?? f.dates[0]!, f.dates[f.dates.length - 1]!);
  return d;
}
