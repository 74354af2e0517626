/**
 * The `report` use-case: reads every series of the universe up to the as-of day in one store call,
 * computes the MAG7 basket from its members when it is not stored and the small-vs-mega ratios,
 * fingerprints the rows read, and composes the note. Nothing after the as-of day is read.
 * The note is dated by a market close: the last bar on or before the day asked for of a series other
 * than a rate (FRED's fed funds rate has a row every calendar day, weekends and days past the markets'
 * last close included); a day asked for past the last market close gives the `as-of-after-data` warning.
 */

import { breadthAt } from '../../analytics/breadth/breadth-snapshot.js';
import { basketIndex } from '../../analytics/ratios-baskets/basket-index.js';
import { ratioSeries } from '../../analytics/ratios-baskets/ratio-series.js';
import { DEFAULT_TREND_OPTIONS } from '../../analytics/trend/trend-options.js';
import { defaultConfig, type UniverseConfig } from '../../config/universe-config.js';
import { ensureDefined, ensureNotNull } from '../../domain/ensure.js';
import { DataError, NotFoundError } from '../../domain/errors.js';
import { closeOnlySeries, indexOnOrBefore, type PriceSeries, sliceSeries } from '../../domain/price-series.js';
import type { SymbolSummary } from '../../domain/symbol-info.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { breadthSymbol } from '../../note/claim-types/breadth-claim-type.js';
import { composeNote, type NoteBreadth } from '../../note/report/compose-note.js';
import type { MarketNote } from '../../note/report/note-model.js';
import type { PriceStore } from '../../store/price-store.js';
import { loadBreadthHistory } from '../breadth/breadth-report.js';
import { configBasket } from '../check/claim-series.js';
import { asOfAfterData, type DataWarning, marketEnd, warningList } from '../data-warnings.js';
import { holdsDemoBars } from '../demo-label.js';
import { dataFingerprint } from './data-fingerprint.js';
import type { BreadthRows } from './report-snapshot.js';

export interface ReportRequest {
  /** YYYY-MM-DD; default the last market close (marketEnd: the latest last bar of a series other than a rate). */
  readonly asOf?: string | undefined;
  readonly config?: UniverseConfig | undefined;
}

export interface BuiltReport {
  readonly note: MarketNote;
  /** The universe's stored rows the note was made from (what --snapshot writes, one file each). */
  readonly rowsUsed: readonly PriceSeries[];
  /** The breadth group the note quotes and its members' rows (not among rowsUsed); null without a breadth section. */
  readonly breadthRows: BreadthRows | null;
  /** `as-of-after-data` when the day asked for is past the last market close (the note is as of that close). */
  readonly warnings: readonly DataWarning[];
}

const RATIOS: readonly [string, string][] = [
  ['SPSM', 'MAG7'],
  ['^SP600', 'MAG7'],
  ['IWM', 'MAG7'],
  ['IJR', 'MAG7'],
];

/** The group whose breadth the note quotes: the S&P 600 members, imported with `marketdash group import`. */
export const NOTE_BREADTH_GROUP = 'sp600';

interface FoundBreadth {
  readonly breadth: NoteBreadth;
  readonly group: { readonly name: string; readonly members: readonly string[]; readonly benchmark: string | null };
  /** The benchmark the breadth was computed against (the group's, else breadth's default). */
  readonly benchmark: string;
}

/**
 * The S&P 600 members' breadth as of the note's day, when the store holds the group and its members'
 * closes (null otherwise: the note then has no breadth section).
 */
async function noteBreadth(store: PriceStore, asOf: string): Promise<FoundBreadth | null> {
  const group = (await store.listGroups()).find((g) => g.name.toLowerCase() === NOTE_BREADTH_GROUP);
  if (!group) return null;
  try {
    // one breadth history serves the day's counts and the equal-weighted index
    const loaded = await loadBreadthHistory(store, { group: group.name, asOf });
    const { history, members } = loaded;
    const snap = breadthAt(history, parseIsoDate(asOf, '--as-of'));
    if (!snap) return null;
    const breadth: NoteBreadth = {
      group: loaded.group.name,
      date: snap.date,
      listed: loaded.group.members.length,
      withData: members.length,
      aboveSma50: snap.aboveShort,
      aboveSma200: snap.aboveLong,
      newHighs: snap.newHighs,
      newLows: snap.newLows,
      withYear: snap.withYear,
      advances: snap.advances,
      declines: snap.declines,
      unchanged: snap.unchanged,
      equalWeight: closeOnlySeries(
        breadthSymbol(loaded.group.name.toLowerCase(), 'equalWeight'),
        history.dates,
        history.equalWeight,
      ),
    };
    return { breadth, group, benchmark: loaded.benchmark };
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof DataError) return null;
    throw e;
  }
}

/**
 * The rows behind the breadth section that the universe's rows do not hold: the members' and the
 * benchmark's closes and adjusted closes up to the note's day (what the fingerprint and --snapshot need).
 */
async function breadthRowsOf(
  store: PriceStore,
  found: FoundBreadth,
  universe: ReadonlyMap<string, PriceSeries>,
  symbols: readonly SymbolSummary[],
  asOf: string,
): Promise<BreadthRows> {
  const wanted = [...new Set([...found.group.members, found.benchmark])].filter((t) => !universe.has(t));
  const read = await store.readMany(wanted, { to: asOf }, { columns: ['close', 'adjClose'] });
  const names = new Map<string, string | null>();
  const members = new Set(found.group.members);
  for (const s of symbols) if (members.has(s.ticker)) names.set(s.ticker, s.name);
  return {
    group: { name: found.group.name, members: found.group.members, benchmark: found.group.benchmark, names },
    rows: [...read.values()].filter((s) => s.dates.length > 0),
  };
}

/**
 * The note's day: the latest bar on or before `until` of a series that is not a rate (any series when
 * only rates have one). A rate's row on a weekend or after the markets' last close never dates the note.
 */
function marketDay(stored: ReadonlyMap<string, PriceSeries>, rates: ReadonlySet<string>, until: DayNumber): DayNumber {
  let market: DayNumber | null = null;
  let any: DayNumber | null = null;
  for (const s of stored.values()) {
    const k = indexOnOrBefore(s.dates, until);
    if (k < 0) continue;
    const d = s.dates[k]!;
    if (any === null || d > any) any = d;
    if (!rates.has(s.symbol) && (market === null || d > market)) market = d;
  }
  return ensureNotNull(market ?? any, 'a bar on or before the as-of day');
}

/** The series cut after `day` (itself when it ends on or before it). */
function upTo(s: PriceSeries, day: DayNumber): PriceSeries {
  const end = indexOnOrBefore(s.dates, day) + 1;
  return end === s.dates.length ? s : sliceSeries(s, 0, end);
}

export async function buildReport(store: PriceStore, req: ReportRequest = {}): Promise<BuiltReport> {
  const config = req.config ?? defaultConfig();
  const requested = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  // the last market close (rates such as DFF run days past it: they appear as of their own last value)
  const end = await marketEnd(store);
  if (requested === null && end === null)
    throw new DataError('the store holds no data', {
      hint: `${store.location} is empty: run 'marketdash demo' or 'marketdash import' first`,
    });
  const readTo = requested ?? ensureNotNull(end, 'the last market close');
  const tickers = Object.keys(config.symbols);
  const read = await store.readMany(tickers, { to: formatIsoDate(readTo) });
  if ([...read.values()].every((s) => s.dates.length === 0))
    throw new DataError(`no universe symbol has data on or before ${formatIsoDate(readTo)}`, {
      hint: `the store is ${store.location}`,
    });
  const symbols = await store.listSymbols();
  const rates = new Set(symbols.filter((s) => s.kind === 'rate').map((s) => s.ticker));
  const asOfDay = marketDay(read, rates, readTo);
  const stored = new Map<string, PriceSeries>();
  for (const [t, s] of read) {
    const cut = upTo(s, asOfDay);
    if (cut.dates.length > 0) stored.set(t, cut);
  }
  const rowsUsed = [...stored.values()];
  const warnings = warningList(asOfAfterData(requested, end));

  const series = new Map<string, PriceSeries>(stored);
  for (const ticker of Object.keys(config.baskets)) {
    if (series.has(ticker)) continue;
    const def = ensureNotNull(configBasket(config, ticker), `basket ${ticker} of the config`);
    if (!def.members.every((m) => stored.has(m))) continue;
    const b = basketIndex(
      def,
      def.members.map((m) => ensureDefined(stored.get(m), `stored series of basket member ${m}`)),
    );
    if (b.dates.length > 0) series.set(ticker, b);
  }
  for (const [a, b] of RATIOS) {
    const x = series.get(a);
    const y = series.get(b);
    if (x && y) series.set(`${a}/${b}`, ratioSeries(x, y));
  }
  const found = await noteBreadth(store, formatIsoDate(asOfDay));
  const breadthRows = found && (await breadthRowsOf(store, found, stored, symbols, formatIsoDate(asOfDay)));
  const { fingerprint, rows } = dataFingerprint(
    breadthRows ? [...rowsUsed, ...breadthRows.rows] : rowsUsed,
    breadthRows ? [breadthRows.group] : [],
  );
  const demo = await holdsDemoBars(store);
  const note = composeNote({
    asOf: asOfDay,
    series,
    config,
    trend: DEFAULT_TREND_OPTIONS,
    fingerprint,
    rows,
    demo,
    breadth: found?.breadth ?? null,
  });
  return { note, rowsUsed, breadthRows, warnings };
}
