/**
 * The ratio use-case: A/B on common dates (both read in one store call) and its figures as of a day:
 * the last ratio value and its period returns with the same conventions as `perf`. With `from`, also
 * the ratio's return over the window from the last common date on or before `from`. The ratio series
 * itself is returned so callers (trend fitting, charts) work on exactly what was reported.
 */

import { ratioSeries } from '../../analytics/ratios-baskets/ratio-series.js';
import { resolveAsOf } from '../../analytics/returns/as-of.js';
import { periodReturns, windowReturn } from '../../analytics/returns/period-returns.js';
import type { RatioJson } from '../../contracts/ratio-contract.js';
import { ensureDefined } from '../../domain/ensure.js';
import { DataError, UsageError } from '../../domain/errors.js';
import type { PeriodReturns } from '../../domain/period-keys.js';
import type { CloseField, PriceSeries } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { type DataWarning, seriesFreshness } from '../data-warnings.js';
import type { AsOfRequest } from '../service-request.js';
import { missingSeriesError } from '../stored-series.js';

export interface RatioRequest extends AsOfRequest {
  readonly numerator: string;
  readonly denominator: string;
  readonly from?: string | undefined;
}

export interface RatioReport {
  readonly numerator: string;
  readonly denominator: string;
  /** The common trading day used. */
  readonly asOf: string;
  readonly last: number;
  readonly returns: PeriodReturns;
  /** With `from`: the base day used (last common date on or before it) and the return since. */
  readonly window: { readonly from: string; readonly return: number } | null;
  readonly field: CloseField;
  /** The whole ratio series up to the as-of day. */
  readonly series: PriceSeries;
  readonly asOfIndex: number;
  readonly fromDay: DayNumber | null;
  /** True when the ratio's last common day is before the store's latest bar (up to the as-of day). */
  readonly stale: boolean;
  readonly warnings: DataWarning[];
}

export async function ratioReport(store: PriceStore, req: RatioRequest): Promise<RatioReport> {
  const numerator = normaliseTicker(req.numerator);
  const denominator = normaliseTicker(req.denominator);
  if (!numerator) throw new UsageError('numerator: missing symbol A', { parameter: 'A' });
  if (!denominator) throw new UsageError('denominator: missing symbol B', { parameter: 'B' });
  const asOfDay = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const fromDay = req.from === undefined ? null : parseIsoDate(req.from, '--from');
  if (fromDay !== null && asOfDay !== null && fromDay > asOfDay) {
    throw new UsageError(`--from ${req.from} is after --as-of ${req.asOf}`, { parameter: '--from' });
  }
  const field: CloseField = req.totalReturn ? 'adjClose' : 'close';

  const both = await store.readMany(
    [numerator, denominator],
    asOfDay === null ? undefined : { to: formatIsoDate(asOfDay) },
  );
  for (const t of [numerator, denominator]) {
    if (!both.has(t)) throw await missingSeriesError(store, t, asOfDay);
  }
  const series = ratioSeries(
    ensureDefined(both.get(numerator), `series ${numerator}`),
    ensureDefined(both.get(denominator), `series ${denominator}`),
  );
  const { index } = resolveAsOf(series.dates, asOfDay);
  if (index < 0)
    throw new DataError(
      `${numerator} and ${denominator} have no common trading day${asOfDay === null ? '' : ` on or before ${formatIsoDate(asOfDay)}`}`,
    );
  const values = series[field];

  let window: RatioReport['window'] = null;
  if (fromDay !== null) {
    const w = windowReturn(series.dates, values, fromDay, series.dates[index]!);
    if (w === null)
      throw new DataError(
        `--from ${formatIsoDate(fromDay)}: ${numerator}/${denominator} has no common close on or before it`,
      );
    window = { from: formatIsoDate(series.dates[w.fromIndex]!), return: w.value };
  }
  const freshness = await seriesFreshness(store, `${numerator}/${denominator}`, series.dates[index]!, asOfDay);
  return {
    numerator,
    denominator,
    asOf: formatIsoDate(series.dates[index]!),
    last: values[index]!,
    returns: periodReturns(series.dates, values, index),
    window,
    field,
    series,
    asOfIndex: index,
    fromDay,
    stale: freshness.stale,
    warnings: freshness.warnings,
  };
}

/** The `ratio` JSON contract (src/contracts/ratio-contract.ts); `window` only when --from was given. */
export function ratioJson(report: RatioReport): RatioJson {
  return {
    numerator: report.numerator,
    denominator: report.denominator,
    asOf: report.asOf,
    last: report.last,
    returns: { ...report.returns },
    stale: report.stale,
    ...(report.window === null ? {} : { window: { from: report.window.from, return: report.window.return } }),
  };
}
