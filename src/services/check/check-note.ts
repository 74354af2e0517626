/**
 * The `check` use-case: reads commentary (text, Markdown or HTML), finds the date the note states
 * for itself, extracts its claims and verifies each against the store as of that day. The as-of day
 * is the `asOf` asked for, else the note's own date, else the `undatedAsOf` asked for (the dashboard's header
 * day), else the last market close (with a warning); a day past
 * the last market close (rates such as DFF, with a row every calendar day, never count) is checked as of that
 * close, with a warning. Warnings name no CLI option: the web page shows them as they are.
 * Returns the JSON contract of `marketdash check`.
 */
import { defaultConfig, type UniverseConfig } from '../../config/universe-config.js';
import { DataError, UsageError } from '../../domain/errors.js';
import type { SymbolSummary } from '../../domain/symbol-info.js';
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
import { asOfAfterData, marketEnd } from '../data-warnings.js';
import { loadBreadthClaimSeries } from './breadth-claim-series.js';
import { loadClaimSeries, oneCloseBases } from './claim-series.js';

export interface CheckRequest {
  readonly text: string;
  /** YYYY-MM-DD; default the note's own date, else the last market close. */
  readonly asOf?: string | undefined;
  /**
   * YYYY-MM-DD: the day a note that states no date of its own is checked as of (the dashboard's header day);
   * a note's own date still wins. Ignored when `asOf` is given.
   */
  readonly undatedAsOf?: string | undefined;
  /** Allowed difference for returns, as a fraction; default 0.0005 (0.05 percentage points). */
  readonly tolerance?: number | undefined;
  readonly config?: UniverseConfig | undefined;
}

/** What the check needs of the store: the last market close, the tickers with bars, and group members without. */
interface StoreFacts {
  /** The last market close: the latest last bar of a series that is not a rate (`marketEnd`, as `report` dates its note). */
  readonly lastClose: DayNumber;
  readonly tickers: string[];
  /** Members of stored groups that have no bars, with their groups' names. */
  readonly barless: ReadonlyMap<string, readonly string[]>;
  /** Symbols the store lists with no bars (an imported symbol list's names: ZBH), with their stored names. */
  readonly unpriced: ReadonlyMap<string, string | null>;
  readonly symbols: readonly SymbolSummary[];
}

async function storeFacts(store: PriceStore): Promise<StoreFacts> {
  const last = await store.lastDates();
  const lastClose = await marketEnd(store);
  if (lastClose === null)
    throw new DataError('the store holds no data', {
      hint: `import some into ${store.location} first ('marketdash import' or 'marketdash demo')`,
    });
  const barless = new Map<string, string[]>();
  for (const g of await store.listGroups())
    for (const m of g.members) if (!last.has(m)) barless.set(m, [...(barless.get(m) ?? []), g.name]);
  const symbols = await store.listSymbols();
  const unpriced = new Map(symbols.filter((s) => s.rows === 0 && !last.has(s.ticker)).map((s) => [s.ticker, s.name]));
  return { lastClose, tickers: [...last.keys()], barless, unpriced, symbols };
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
  const lastClose = formatIsoDate(facts.lastClose);
  // The messages name no CLI option: the web page shows them too (its date comes from the header).
  let asOf: DayNumber;
  let source: AsOfSource;
  const stated = noteDate(text, facts.lastClose);
  if (req.asOf !== undefined) {
    asOf = parseIsoDate(req.asOf, '--as-of');
    source = { date: formatIsoDate(asOf), source: 'option', why: 'the date asked for' };
    if (stated && stated.day !== asOf)
      warnings.push(
        `the note states ${formatIsoDate(stated.day)} (${stated.why}); checked as of the date asked for, ${formatIsoDate(asOf)}`,
      );
  } else if (stated) {
    asOf = stated.day;
    source = { date: formatIsoDate(asOf), source: 'note', why: stated.why };
  } else if (req.undatedAsOf !== undefined) {
    asOf = parseIsoDate(req.undatedAsOf, 'undatedAsOf');
    source = { date: formatIsoDate(asOf), source: 'option', why: 'the note states no date: the day asked for' };
  } else {
    asOf = facts.lastClose;
    source = { date: lastClose, source: 'latest', why: 'the note states no date: the last market close' };
    warnings.push(`the note states no date: checked as of the last market close, ${lastClose}`);
  }
  // A day past the last market close (a trading day between them) is checked as of that close, and says so:
  // a day asked for with the message every command and route gives, a note's own date in the check's words.
  const past = asOfAfterData(asOf, facts.lastClose);
  if (past !== null) {
    warnings.push(
      source.source === 'note'
        ? `prices end on ${lastClose}; claims are checked as of ${lastClose} (the note is dated ${formatIsoDate(asOf)})`
        : past.message,
    );
    source = { ...source, date: lastClose, why: `${source.why}; prices end on ${lastClose}` };
    asOf = facts.lastClose;
  }
  const resolver = resolverFromConfig(config, facts.tickers, [...facts.barless.keys(), ...facts.unpriced.keys()]);
  // "on Tuesday" is read against the day the note states (or the day asked for), even past the data.
  const undated = req.undatedAsOf !== undefined ? parseIsoDate(req.undatedAsOf, 'undatedAsOf') : null;
  const dated = req.asOf !== undefined ? parseIsoDate(req.asOf, '--as-of') : (stated?.day ?? undated);
  const claims = extractClaims(text, resolver, { noteDate: dated });
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
    { barless: facts.barless, unpriced: facts.unpriced, oneCloseBasis: oneCloseBases(facts.symbols) },
  );
  const seriesFor: SeriesFor = (symbol) => breadth(symbol) ?? stored(symbol);
  const options = verifyOptions(asOf, { tolerance, nearAthPct: config.events?.nearAthPct ?? 0.02 });
  const cliHints = new Set<string>();
  for (const s of symbols) {
    const found = seriesFor(s);
    if ('missing' in found && found.cliHint !== undefined) cliHints.add(found.cliHint);
  }
  return {
    asOf: formatIsoDate(asOf),
    asOfSource: source,
    claims: claims.map((c) => verifyClaim(c, seriesFor, options)),
    text,
    warnings,
    ...(cliHints.size > 0 ? { cliHints: [...cliHints] } : {}),
  };
}
