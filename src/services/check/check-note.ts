/**
 * The `check` use-case: reads commentary (text, Markdown or HTML), finds the date the note states
 * for itself, extracts its claims and verifies each against the store as of that day. The as-of day
 * is the `asOf` asked for, else the note's own date, else the latest stored close (with a warning).
 * Returns the JSON contract of `marketdash check`.
 */
import { defaultConfig, type UniverseConfig } from '../../config/universe-config.js';
import { DataError, UsageError } from '../../domain/errors.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { AsOfSource, CheckReport } from '../../note/check/claim-verdict.js';
import { type SeriesFor, verifyClaim } from '../../note/check/verify-claim.js';
import { DEFAULT_TOLERANCE, verifyOptions } from '../../note/check/verify-options.js';
import { parseBreadthSymbol } from '../../note/claim-types/breadth-claim-type.js';
import { claimTypeOf } from '../../note/claim-types/claim-types.js';
import { extractClaims, resolverFromConfig } from '../../note/claims/extract-claims.js';
import { htmlToText, looksLikeHtml, normaliseText } from '../../note/claims/html-text.js';
import { noteDate } from '../../note/claims/note-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { loadBreadthClaimSeries } from './breadth-claim-series.js';
import { loadClaimSeries } from './claim-series.js';

export interface CheckRequest {
  readonly text: string;
  /** YYYY-MM-DD; default the note's own date, else the latest date in the store. */
  readonly asOf?: string | undefined;
  /** Allowed difference for returns, as a fraction; default 0.0005 (0.05 percentage points). */
  readonly tolerance?: number | undefined;
  readonly config?: UniverseConfig | undefined;
}

/** The latest date stored for any symbol, and the stored tickers. */
async function storeFacts(store: PriceStore): Promise<{ latest: DayNumber; tickers: string[] }> {
  const last = await store.lastDates();
  const latest = [...last.values()].sort().pop();
  if (latest === undefined)
    throw new DataError(
      `the store at ${store.location} holds no data: import some first ('marketdash import' or 'marketdash demo')`,
    );
  return { latest: parseIsoDate(latest, 'last stored date'), tickers: [...last.keys()] };
}

/** The text the claims are read from: HTML read as text, typography normalised, control characters dropped. */
export function readableText(input: string): string {
  const text = looksLikeHtml(input) ? htmlToText(input) : input;
  // Control characters (escape sequences included) are not prose; tabs and line ends are kept.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return normaliseText(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
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
  const facts = await storeFacts(store);
  const text = readableText(req.text);
  const warnings: string[] = [];
  let asOf: DayNumber;
  let source: AsOfSource;
  const stated = noteDate(text, facts.latest);
  if (req.asOf !== undefined) {
    asOf = parseIsoDate(req.asOf, '--as-of');
    source = { date: formatIsoDate(asOf), source: 'option', why: '--as-of was given' };
    if (stated && stated.day !== asOf)
      warnings.push(
        `the note states ${formatIsoDate(stated.day)} (${stated.why}); checked as of --as-of ${formatIsoDate(asOf)}`,
      );
  } else if (stated) {
    asOf = stated.day;
    source = { date: formatIsoDate(asOf), source: 'note', why: stated.why };
    if (asOf > facts.latest)
      warnings.push(
        `the note's date ${formatIsoDate(asOf)} is after the latest stored close ${formatIsoDate(facts.latest)}`,
      );
  } else {
    asOf = facts.latest;
    source = {
      date: formatIsoDate(asOf),
      source: 'latest',
      why: 'the note states no date and --as-of was not given: the latest stored close',
    };
    warnings.push(
      `the note states no date: checked as of the latest stored close, ${formatIsoDate(asOf)}; give --as-of to check another day`,
    );
  }
  const resolver = resolverFromConfig(config, facts.tickers);
  const claims = extractClaims(text, resolver, { noteDate: req.asOf !== undefined || stated ? asOf : null });
  const symbols = new Set<string>();
  for (const c of claims) {
    if (c.symbol !== null) symbols.add(c.symbol);
    for (const x of claimTypeOf(c.metric)?.extraSymbols?.(c) ?? []) symbols.add(x);
  }
  // Every read ends at the as-of day: no verdict or "matches the close of" may use a later close.
  const breadth = await loadBreadthClaimSeries(store, [...symbols], asOf);
  const stored = await loadClaimSeries(
    store,
    [...symbols].filter((s) => parseBreadthSymbol(s) === null),
    config,
    asOf,
  );
  const seriesFor: SeriesFor = (symbol) => breadth(symbol) ?? stored(symbol);
  const options = verifyOptions(asOf, { tolerance, nearAthPct: config.events?.nearAthPct ?? 0.02 });
  return {
    asOf: formatIsoDate(asOf),
    asOfSource: source,
    claims: claims.map((c) => verifyClaim(c, seriesFor, options)),
    text,
    warnings,
  };
}
