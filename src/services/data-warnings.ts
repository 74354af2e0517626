/**
 * What a result says about the data behind it, beside its figures: the `warnings` of every JSON output
 * (CLI and API) and the one stderr line each of them gives a person. Three facts:
 * - the as-of day asked for is past the last stored bar (figures are as of the data's last day);
 * - rows are stale: their own last bar is before the day the rest of the result is as of;
 * - a configured pair or basket could not be computed (its members are missing).
 *
 * "Past the data" means a NYSE trading day lies between the last bar and the day asked for: asking for a
 * Saturday when Friday is the last bar is not past the data.
 */
import { isTradingDay, NYSE_CALENDAR_LAST_YEAR } from '../domain/nyse-calendar.js';
import { type DayNumber, daysFromCivil, formatIsoDate, parseIsoDate, weekday } from '../domain/trading-date.js';
import type { PriceStore } from '../store/price-store.js';

export type DataWarningCode =
  | 'as-of-after-data'
  | 'as-of-before-data'
  | 'short-history'
  | 'stale-rows'
  | 'not-computed';

export interface DataWarning {
  readonly code: DataWarningCode;
  /** One line for a person (the CLI prints it on stderr as `marketdash: warning: <message>`). */
  readonly message: string;
  /** The symbols, pairs or baskets concerned, when the warning is about some of them. */
  readonly symbols?: readonly string[];
}

const CALENDAR_END = daysFromCivil(NYSE_CALENDAR_LAST_YEAR, 12, 31);

/** True when the exchange trades on some day d with after < d <= until (weekdays past the calendar's range). */
export function tradingDayBetween(after: DayNumber, until: DayNumber): boolean {
  for (let d = after + 1; d <= until; d++) {
    if (d > CALENDAR_END) {
      const wd = weekday(d);
      if (wd !== 0 && wd !== 6) return true;
    } else if (isTradingDay(d)) return true;
  }
  return false;
}

/**
 * The warning for an as-of day past the data: null when nothing was asked for, when there is no data,
 * or when no trading day lies between the data's end and the day asked for.
 * @example asOfAfterData(day('2030-01-01'), day('2026-08-03'))?.message
 *   // 'data ends 2026-08-03; figures are as of that day (asked for 2030-01-01)'
 */
export function asOfAfterData(requested: DayNumber | null, dataEnd: DayNumber | null): DataWarning | null {
  if (requested === null || dataEnd === null || requested <= dataEnd) return null;
  if (!tradingDayBetween(dataEnd, requested)) return null;
  return {
    code: 'as-of-after-data',
    message: `data ends ${formatIsoDate(dataEnd)}; figures are as of that day (asked for ${formatIsoDate(requested)})`,
  };
}

/**
 * The warning for rows whose own last bar is before the result's day; null when there are none.
 * `what` names them and what was done ("rows ... (marked stale, each as of its own last bar)" by default).
 */
export function staleRows(
  symbols: readonly string[],
  resultDay: DayNumber,
  what = 'rows with data ending before {day} (marked stale, each as of its own last bar)',
): DataWarning | null {
  if (symbols.length === 0) return null;
  return {
    code: 'stale-rows',
    message: `${what.replace('{day}', formatIsoDate(resultDay))}: ${firstFew(symbols)}`,
    symbols: [...symbols],
  };
}

/** The first six names, then how many more: 'A, B, C, D, E, F and 19 more'. */
function firstFew(symbols: readonly string[]): string {
  return symbols.length <= 6 ? symbols.join(', ') : `${symbols.slice(0, 6).join(', ')} and ${symbols.length - 6} more`;
}

/**
 * The warning for a group's members left out of a result because they have no bars (on or before the
 * as-of day, when one was asked for): how many of the group's, and which (the first few); null when none.
 * @example leftOutMembers('sectors', 11, ['XLC'], '2016-01-04')?.message
 *   // "group 'sectors': 1 of 11 members left out, no bars on or before 2016-01-04: XLC"
 */
export function leftOutMembers(
  group: string,
  listed: number,
  missing: readonly string[],
  asOf: string | null,
): DataWarning | null {
  if (missing.length === 0) return null;
  const when = asOf === null ? 'no stored bars' : `no bars on or before ${asOf}`;
  return {
    code: 'not-computed',
    message: `group '${group}': ${missing.length} of ${listed} members left out, ${when}: ${firstFew(missing)}`,
    symbols: [...missing],
  };
}

/** The warning for configured pairs or baskets that could not be computed, each with its reason. */
export function notComputed(items: readonly { readonly name: string; readonly reason: string }[]): DataWarning | null {
  if (items.length === 0) return null;
  return {
    code: 'not-computed',
    message: `not computed: ${items.map((i) => `${i.name} (${i.reason})`).join('; ')}`,
    symbols: items.map((i) => i.name),
  };
}

/**
 * Symbols grouped by their first stored day: `SPSM, IWM (first stored day 2015-01-02); ^RUT (first stored day
 * 1987-09-10)`.
 */
function byFirstDay(items: readonly { readonly symbol: string; readonly firstDate: string }[]): string {
  const groups = new Map<string, string[]>();
  for (const i of items) groups.set(i.firstDate, [...(groups.get(i.firstDate) ?? []), i.symbol]);
  return [...groups].map(([first, symbols]) => `${firstFew(symbols)} (first stored day ${first})`).join('; ');
}

/**
 * The warning for stored symbols that have no bar on or before the as-of day asked for (it is before their
 * history), naming the first stored day; null when there are none.
 * @example asOfBeforeData('2000-01-01', [{ symbol: '^VIX', firstDate: '2015-01-02' }])?.message
 *   // 'no bars on or before 2000-01-01, before the stored history: ^VIX (first stored day 2015-01-02)'
 */
export function asOfBeforeData(
  asOf: string,
  items: readonly { readonly symbol: string; readonly firstDate: string }[],
): DataWarning | null {
  return historyWarning('as-of-before-data', `no bars on or before ${asOf}, before the stored history`, items);
}

/**
 * The warning for figures left empty (n/a) because the history before the as-of day is too short for them;
 * `what` names the figures. Null when there are none.
 * @example shortHistory('2015-01-05', 'YTD and 1Y', [{ symbol: 'SPSM', firstDate: '2015-01-02' }])?.message
 *   // 'too little history for YTD and 1Y as of 2015-01-05 (n/a): SPSM (first stored day 2015-01-02)'
 */
export function shortHistory(
  asOf: string,
  what: string,
  items: readonly { readonly symbol: string; readonly firstDate: string }[],
): DataWarning | null {
  return historyWarning('short-history', `too little history for ${what} as of ${asOf} (n/a)`, items);
}

/** `<what>: <the symbols by first stored day>`, or null for no symbols. */
function historyWarning(
  code: DataWarningCode,
  what: string,
  items: readonly { readonly symbol: string; readonly firstDate: string }[],
): DataWarning | null {
  if (items.length === 0) return null;
  return { code, message: `${what}: ${byFirstDay(items)}`, symbols: items.map((i) => i.symbol) };
}

/** Each stored symbol's first stored day (symbols without bars are left out). One cheap store call. */
export async function firstStoredDays(store: Pick<PriceStore, 'listSymbols'>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const s of await store.listSymbols()) if (s.firstDate) out.set(s.ticker, s.firstDate);
  return out;
}

/** The non-null warnings, in order. */
export function warningList(...items: (DataWarning | null)[]): DataWarning[] {
  return items.filter((w): w is DataWarning => w !== null);
}

/** The latest of the given days (the end of the data a result used), or null when there are none. */
export function latestDay(days: Iterable<DayNumber>): DayNumber | null {
  let out: DayNumber | null = null;
  for (const d of days) if (out === null || d > out) out = d;
  return out;
}

/**
 * The end of the market data: the latest last bar of a price series. Rates are left out (FRED's fed
 * funds rate has a row every calendar day and runs days past the markets' last close: next to it every
 * ETF would look stale), unless the store holds nothing else. Null for an empty store. One cheap call.
 */
export async function marketEnd(store: PriceStore): Promise<DayNumber | null> {
  let market: DayNumber | null = null;
  let any: DayNumber | null = null;
  for (const s of await store.listSymbols()) {
    if (!s.lastDate) continue;
    const d = parseIsoDate(s.lastDate);
    if (any === null || d > any) any = d;
    if (s.kind !== 'rate' && (market === null || d > market)) market = d;
  }
  return market ?? any;
}

/** One series' standing against the rest of the store: `stale` and the warnings of a single-series result. */
export interface SeriesFreshness {
  readonly stale: boolean;
  readonly warnings: DataWarning[];
}

/**
 * For a single-series result (trend, ratio, indicators) as of `seriesDay` (its own as-of bar): past the
 * data when the day asked for is after the end of the market data (marketEnd: one "data ends" day for
 * every answer, never the series' own end), and stale when the store holds later bars (up to the day
 * asked for) than the series has (rates aside: see marketEnd). A series ending before the market (^RUT
 * in February beside ETFs in August) is stale, not "the data". One cheap store call.
 */
export async function seriesFreshness(
  store: PriceStore,
  name: string,
  seriesDay: DayNumber,
  requested: DayNumber | null,
): Promise<SeriesFreshness> {
  let storeEnd = await marketEnd(store);
  // a rate past the markets' last close (DFF) ends its own data
  const past = asOfAfterData(requested, storeEnd === null || seriesDay > storeEnd ? seriesDay : storeEnd);
  if (storeEnd !== null && requested !== null && requested < storeEnd) storeEnd = requested;
  const stale = storeEnd !== null && tradingDayBetween(seriesDay, storeEnd);
  return {
    stale,
    warnings: warningList(
      past,
      stale && storeEnd !== null ? staleRows([name], storeEnd, 'series ending before {day} (marked stale)') : null,
    ),
  };
}

/**
 * A table's warnings with "data ends" said of the market's last close (marketEnd), as every answer says it.
 * When every row of the table ends before that close (perf of ^RUT alone as of 2026-08-03, the day the ETFs
 * end), the table's own "data ends 2026-02-23" is replaced by the market's warning (only when the day asked
 * for is past the market's close too) and the rows are named stale. Other tables' warnings pass unchanged.
 */
export async function withMarketEnd(
  store: Pick<PriceStore, 'listSymbols'>,
  warnings: readonly DataWarning[],
  requested: DayNumber | null,
  rows: readonly { readonly symbol: string; readonly asOf: string }[],
): Promise<DataWarning[]> {
  const own = warnings.find((w) => w.code === 'as-of-after-data');
  if (own === undefined || requested === null) return [...warnings];
  const market = await marketEnd(store as PriceStore);
  const end = latestDay(rows.map((r) => parseIsoDate(r.asOf)));
  if (market === null || end === null || end >= market) return [...warnings];
  const day = Math.min(requested, market);
  const stale = rows.filter((r) => tradingDayBetween(parseIsoDate(r.asOf), day)).map((r) => r.symbol);
  return warningList(
    asOfAfterData(requested, market),
    ...warnings.filter((w) => w !== own && w.code !== 'stale-rows'),
    staleRows(stale, day, 'series ending before {day} (marked stale)'),
  );
}
