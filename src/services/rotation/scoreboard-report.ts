/**
 * The small-cap vs mega-cap scoreboard the reference column leads with: YTD and one-year returns of
 * the S&P 600 and Russell 2000 (indices and their ETFs) beside the MAG7 basket, and the
 * equal-weight vs cap-weight spreads (RSP vs SPY, MAG7 basket vs MAGS). Each figure is as of the
 * symbol's last bar on or before the as-of day; a symbol not stored is shown as missing. The MAG7
 * basket is read from the store, or computed from its stored members when only its definition
 * exists (store or universe config).
 */
import { type SPREAD_PERIODS, type SpreadPeriod, weightSpread } from '../../analytics/leadership/weight-spread.js';
import { periodReturn } from '../../analytics/returns/period-returns.js';
import { loadConfig, type UniverseConfig } from '../../config/universe-config.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { asOfBeforeData, type DataWarning, shortHistory, warningList } from '../data-warnings.js';
import { holdsDemoBars } from '../demo-label.js';
import { loadClosesOrBaskets, type SymbolCloses } from '../groups/member-closes.js';

export const SCOREBOARD_SYMBOLS = ['^SP600', 'SPSM', '^RUT', 'IWM', 'MAG7'] as const;
export const SPREAD_PAIRS = [
  { equal: 'RSP', cap: 'SPY' },
  { equal: 'MAG7', cap: 'MAGS' },
] as const;

export interface ScoreboardRow {
  readonly symbol: string;
  readonly name: string | null;
  /** The symbol's bar used, null when it is not stored. */
  readonly date: string | null;
  readonly ytd: number | null;
  readonly '1y': number | null;
}

export interface SpreadRow {
  readonly equal: string;
  readonly cap: string;
  readonly date: string | null;
  readonly periods: Record<(typeof SPREAD_PERIODS)[number], SpreadPeriod> | null;
}

export interface Scoreboard {
  readonly requestedAsOf: string | null;
  readonly rows: ScoreboardRow[];
  readonly spreads: SpreadRow[];
  readonly missing: string[];
  /** True when the store holds synthetic demo bars (outputs must say so). */
  readonly demo: boolean;
  /** An as-of day before a stored symbol's history; YTD or 1Y n/a for want of history (data-warnings.ts). */
  readonly warnings: DataWarning[];
}

export interface ScoreboardRequest {
  readonly asOf?: string | undefined;
  readonly symbols?: readonly string[] | undefined;
  readonly totalReturn?: boolean | undefined;
  readonly config?: UniverseConfig;
}

export async function scoreboard(store: PriceStore, req: ScoreboardRequest = {}): Promise<Scoreboard> {
  const config = req.config ?? loadConfig();
  const field = req.totalReturn ? 'adjClose' : 'close';
  const asOfDay = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const symbols = (req.symbols ?? SCOREBOARD_SYMBOLS).map(normaliseTicker);
  const wanted = [...new Set([...symbols, ...SPREAD_PAIRS.flatMap((p) => [p.equal, p.cap])])];
  const loaded = await loadClosesOrBaskets(store, wanted, field, undefined, config);
  const byTicker = new Map<string, SymbolCloses>(loaded.found.map((c) => [c.symbol, c]));
  const missing = loaded.missing;
  const rows: ScoreboardRow[] = symbols.map((t) => {
    const c = byTicker.get(t);
    const name = config.symbols[t]?.name ?? null;
    const i = c ? (asOfDay === null ? c.dates.length - 1 : indexOnOrBefore(c.dates, asOfDay)) : -1;
    if (!c || i < 0) return { symbol: t, name, date: null, ytd: null, '1y': null };
    return {
      symbol: t,
      name,
      date: formatIsoDate(c.dates[i]!),
      ytd: periodReturn(c.dates, c.closes, i, 'ytd'),
      '1y': periodReturn(c.dates, c.closes, i, '1y'),
    };
  });
  const spreads: SpreadRow[] = SPREAD_PAIRS.map((p) => {
    const e = byTicker.get(p.equal);
    const c = byTicker.get(p.cap);
    const s =
      e && c
        ? weightSpread(e, c, asOfDay ?? Math.min(e.dates[e.dates.length - 1]!, c.dates[c.dates.length - 1]!))
        : null;
    return { equal: p.equal, cap: p.cap, date: s ? formatIsoDate(s.day) : null, periods: s?.periods ?? null };
  });
  const requestedAsOf = asOfDay === null ? null : formatIsoDate(asOfDay);
  return {
    requestedAsOf,
    rows,
    spreads,
    missing,
    demo: await holdsDemoBars(store),
    warnings: historyWarnings(requestedAsOf, rows, spreads, byTicker),
  };
}

/**
 * Why figures are empty though their symbols are stored: the as-of day is before a symbol's first bar (rows and
 * the spread pairs), or a row's history is too short for YTD or 1Y (the base close is before its first bar).
 */
function historyWarnings(
  asOf: string | null,
  rows: readonly ScoreboardRow[],
  spreads: readonly SpreadRow[],
  byTicker: ReadonlyMap<string, SymbolCloses>,
): DataWarning[] {
  const first = (t: string) => formatIsoDate(byTicker.get(t)!.dates[0]!);
  const before = new Set<string>();
  const short = new Map<string, { symbol: string; firstDate: string }[]>();
  for (const r of rows) {
    if (!byTicker.has(r.symbol)) continue;
    if (r.date === null) {
      before.add(r.symbol);
      continue;
    }
    const what = [r.ytd === null ? 'YTD' : null, r['1y'] === null ? '1Y' : null]
      .filter((w) => w !== null)
      .join(' and ');
    if (what !== '') short.set(what, [...(short.get(what) ?? []), { symbol: r.symbol, firstDate: first(r.symbol) }]);
  }
  if (asOf !== null)
    // a pair with one side not stored is n/a for that reason (`missing`), whatever the day
    for (const p of spreads)
      if (p.date === null && byTicker.has(p.equal) && byTicker.has(p.cap))
        for (const t of [p.equal, p.cap]) {
          const c = byTicker.get(t);
          if (c && indexOnOrBefore(c.dates, parseIsoDate(asOf)) < 0) before.add(t);
        }
  return warningList(
    asOf === null
      ? null
      : asOfBeforeData(
          asOf,
          [...before].map((t) => ({ symbol: t, firstDate: first(t) })),
        ),
    ...[...short].map(([what, items]) => shortHistory(asOf ?? 'the last bar', what, items)),
  );
}
