/**
 * The `check` use-case: reads commentary, extracts its claims and verifies each against the store as
 * of a day (default: the latest stored close). Returns the JSON contract of `marketdash check`.
 */
import { DEFAULT_TREND_OPTIONS } from '../../analytics/trend/trend-options.js';
import { defaultConfig, type UniverseConfig } from '../../config/universe-config.js';
import { DataError, UsageError } from '../../domain/errors.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { CheckReport } from '../../note/check/claim-verdict.js';
import { type VerifyOptions, verifyClaim } from '../../note/check/verify-claim.js';
import { extractClaims, resolverFromConfig } from '../../note/claims/extract-claims.js';
import { htmlToText, looksLikeHtml } from '../../note/claims/html-text.js';
import type { PriceStore } from '../../store/price-store.js';
import { loadClaimSeries } from './claim-series.js';

export interface CheckRequest {
  readonly text: string;
  /** YYYY-MM-DD; default the latest date in the store. */
  readonly asOf?: string | undefined;
  /** Allowed difference for returns, as a fraction; default 0.0005 (0.05 percentage points). */
  readonly tolerance?: number | undefined;
  readonly config?: UniverseConfig | undefined;
}

export const DEFAULT_TOLERANCE = 0.0005;
/** "approaching its lowest close since": within 5% of the mark. */
export const APPROACH_PCT = 0.05;

/** The day to check as of: the requested one, else the latest date stored for any symbol. */
async function checkDay(store: PriceStore, asOf: string | undefined): Promise<DayNumber> {
  if (asOf !== undefined) return parseIsoDate(asOf, '--as-of');
  const last = [...(await store.lastDates()).values()].sort().pop();
  if (last === undefined)
    throw new DataError(
      `the store at ${store.location} holds no data: import some first ('marketdash import' or 'marketdash demo')`,
    );
  return parseIsoDate(last, 'last stored date');
}

export async function checkNote(store: PriceStore, req: CheckRequest): Promise<CheckReport> {
  const tolerance = req.tolerance ?? DEFAULT_TOLERANCE;
  if (!(Number.isFinite(tolerance) && tolerance >= 0 && tolerance < 1)) {
    throw new UsageError(
      `--tolerance: '${req.tolerance}' must be a fraction in [0, 1), e.g. 0.0005 for 0.05 percentage points`,
      { parameter: '--tolerance' },
    );
  }
  const config = req.config ?? defaultConfig();
  const asOf = await checkDay(store, req.asOf);
  const text = looksLikeHtml(req.text) ? htmlToText(req.text) : req.text;
  const claims = extractClaims(text, resolverFromConfig(config));
  const symbols = [...new Set(claims.map((c) => c.symbol).filter((s): s is string => s !== null))];
  const seriesFor = await loadClaimSeries(store, symbols, config);
  const options: VerifyOptions = {
    asOf,
    tolerance,
    nearAthPct: config.events?.nearAthPct ?? 0.02,
    approachPct: APPROACH_PCT,
    trend: DEFAULT_TREND_OPTIONS,
    sessionsAround: 5,
    staleDays: 7,
  };
  return { asOf: formatIsoDate(asOf), claims: claims.map((c) => verifyClaim(c, seriesFor, options)), text };
}
