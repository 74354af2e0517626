/**
 * The `seasonality` use-case: for a symbol or a ratio `A/B` (baskets such as MAG7 computed from
 * their members), the calendar-window returns of every stored year with their median and share of
 * up years and this year so far, and the monthly table. Price closes (split-adjusted).
 */

import { ratioSeries } from '../../analytics/ratios-baskets/ratio-series.js';
import {
  type MonthSeasonality,
  monthlySeasonality,
  parseCalendarWindow,
  type WindowSeasonality,
  windowSeasonality,
} from '../../analytics/seasonality/seasonality.js';
import { loadConfig, type UniverseConfig } from '../../config/universe-config.js';
import { ensureDefined } from '../../domain/ensure.js';
import { DataError, UsageError } from '../../domain/errors.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { type DataWarning, seriesFreshness, shortHistory, warningList } from '../data-warnings.js';
import { holdsDemoBars } from '../demo-label.js';
import { loadClosesOrBaskets } from '../groups/member-closes.js';
import { missingSeriesError } from '../stored-series.js';

export const DEFAULT_WINDOW = '12-15..01-05';

export interface SeasonalityReport {
  readonly subject: string;
  readonly asOf: string;
  readonly firstDate: string;
  readonly window: WindowSeasonality;
  readonly months: readonly MonthSeasonality[];
  readonly demo: boolean;
  /** The as-of day past the data (the figures are then as of the data's last day). */
  readonly warnings: DataWarning[];
}

export interface SeasonalityRequest {
  /** `XLK` or `IWM/MAG7`. */
  readonly subject: string;
  readonly window?: string | undefined;
  readonly asOf?: string | undefined;
  readonly config?: UniverseConfig | undefined;
}

export async function seasonalityReport(store: PriceStore, req: SeasonalityRequest): Promise<SeasonalityReport> {
  const parts = req.subject.split('/').map(normaliseTicker);
  if (parts.length > 2 || parts.some((p) => p === ''))
    throw new UsageError(`'${req.subject}' is not a symbol or a ratio A/B`, { parameter: 'symbol' });
  const w = parseCalendarWindow(req.window ?? DEFAULT_WINDOW);
  const asOfDay = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const range = asOfDay === null ? undefined : { to: formatIsoDate(asOfDay) };
  const loaded = await loadClosesOrBaskets(store, parts, 'close', range, req.config ?? loadConfig());
  const unknown = loaded.missing[0];
  // a stored symbol whose bars all come after --as-of is not 'unknown'
  if (unknown !== undefined) throw await missingSeriesError(store, unknown, asOfDay);
  const [a, b] = loaded.found;
  const s = b
    ? ratioSeries(closeOnlySeries(a!.symbol, a!.dates, a!.closes), closeOnlySeries(b.symbol, b.dates, b.closes))
    : closeOnlySeries(a!.symbol, a!.dates, a!.closes);
  if (s.dates.length === 0)
    throw new DataError(
      `${parts.join(' and ')} have no common trading day${asOfDay === null ? '' : ` on or before ${formatIsoDate(asOfDay)}`}`,
    );
  const dataEnd = s.dates[s.dates.length - 1]!;
  const asOf = asOfDay === null ? dataEnd : Math.min(asOfDay, dataEnd);
  // "data ends" is the market's last close; a series ending before it is stale (data-warnings.ts)
  const freshness = await seriesFreshness(store, parts.join('/'), asOf, asOfDay);
  const firstDate = formatIsoDate(ensureDefined(s.dates[0], `first day of ${parts.join('/')}`));
  const window = windowSeasonality(s.dates, s.close, w, asOf);
  const months = monthlySeasonality(s.dates, s.close, asOf);
  // no complete year of the window, or no complete month, before the as-of day: say why the tables are empty
  const empty = [
    window.years.length === 0 ? `a complete ${window.window} window` : null,
    months.every((m) => m.years === 0) ? 'a complete month' : null,
  ].filter((x) => x !== null);
  return {
    subject: parts.join('/'),
    asOf: formatIsoDate(asOf),
    firstDate,
    window,
    months,
    demo: await holdsDemoBars(store),
    warnings: warningList(
      ...freshness.warnings,
      empty.length === 0
        ? null
        : shortHistory(formatIsoDate(asOf), empty.join(' or '), [{ symbol: parts.join('/'), firstDate }]),
    ),
  };
}
