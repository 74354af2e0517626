/**
 * The `rates` use-case (issue 15, "the Fed and rates"): the 2-year and 10-year Treasury yields and
 * the effective fed funds rate (FRED DGS2, DGS10, DFF) with their changes over 1M, 3M and YTD in
 * basis points and the 10y - 2y curve; the last FOMC decision and the fed funds move since the day
 * before it; the next scheduled meeting; the rate sensitivity (beta and correlation of daily and
 * weekly returns to yield changes in bp, 63/252 days and 13/52 weeks) of the sectors, small caps
 * and large caps, ranked "most sensitive to falling rates" (most negative 252-day daily beta
 * first); and the base rates of small caps vs the Mag 7 after FOMC cuts. Everything is as of the
 * as-of day (the last value on or before it); symbols not stored are listed as missing.
 */
import { type AfterCutBaseRate, afterCutBaseRate } from '../../analytics/rates/after-fomc.js';
import { rateSensitivity, type SensitivityWindow } from '../../analytics/rates/rate-sensitivity.js';
import { ratioSeries } from '../../analytics/ratios-baskets/ratio-series.js';
import { rateChanges } from '../../analytics/regime/rate-change.js';
import { FOMC_MEETINGS, type FomcMeeting, fomcCuts } from '../../config/fomc-meetings.js';
import { loadConfig, type UniverseConfig } from '../../config/universe-config.js';
import { DataError, UsageError } from '../../domain/errors.js';
import { closeOnlySeries, indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { asOfAfterData, type DataWarning, marketEnd, shortHistory, warningList } from '../data-warnings.js';
import { holdsDemoBars } from '../demo-label.js';
import { loadClosesOrBaskets, type SymbolCloses } from '../groups/member-closes.js';

export const RATE_SYMBOLS = ['DGS2', 'DGS10', 'DFF'] as const;
export const SENSITIVITY_RATES = ['DGS10', 'DGS2'] as const;
const SMALL = ['IWM', 'SPSM', 'IJR'];
const LARGE = ['SPY', 'QQQ', 'MAG7'];
const AFTER_CUT_SESSIONS = [5, 21, 63] as const;

export type ChangeWindow = '1m' | '3m' | 'ytd';
export type ChangesBp = Record<ChangeWindow, number | null>;

export interface RateLevel {
  readonly symbol: string;
  readonly name: string;
  /** The date of the value (the last on or before the as-of day). */
  readonly date: string;
  /** Percent as published. */
  readonly level: number;
  /** Change to `level` since the last value on or before each base date, whole basis points. */
  readonly changesBp: ChangesBp;
  readonly baseDates: Record<ChangeWindow, string | null>;
}

export interface SensitivityRow {
  readonly symbol: string;
  readonly name: string;
  readonly group: 'sector' | 'small caps' | 'large caps';
  readonly windows: readonly SensitivityWindow[];
  /** The 252-day daily beta per +10 bp (the ranking key). */
  readonly betaPer10bp: number | null;
}

export interface RatesReport {
  readonly asOf: string;
  readonly levels: readonly RateLevel[];
  /** DGS10 - DGS2 in percentage points and its changes in bp, when both are stored. */
  readonly curve: { readonly level: number; readonly changesBp: ChangesBp } | null;
  /** The last decided FOMC meeting on or before the as-of day, and DFF from the decision day to now. */
  readonly lastDecision: {
    readonly date: string;
    readonly decisionBp: number;
    readonly dffBefore: number | null;
    readonly dffNow: number | null;
    readonly dffChangeBp: number | null;
  } | null;
  readonly nextMeeting: FomcMeeting | null;
  readonly sensitivityRate: string;
  /** Sectors, small and large caps, most sensitive to falling rates first (nulls last). */
  readonly sensitivity: readonly SensitivityRow[];
  readonly afterCuts: { readonly pair: string; readonly horizons: readonly AfterCutBaseRate[] } | null;
  readonly missing: readonly string[];
  readonly demo: boolean;
  /** The as-of day past the data (the figures are then as of the data's last day). */
  readonly warnings: DataWarning[];
}

export interface RatesRequest {
  readonly asOf?: string | undefined;
  /** The yield the sensitivities are measured against: DGS10 (default) or DGS2. */
  readonly rate?: string | undefined;
  readonly config?: UniverseConfig | undefined;
}

function changes(
  c: SymbolCloses,
  asOf: DayNumber,
): { level: number; date: string; ch: ChangesBp; base: RateLevel['baseDates'] } | null {
  const at = indexOnOrBefore(c.dates, asOf);
  const w = rateChanges(c.dates, c.closes, asOf);
  if (at < 0 || !w) return null;
  return { level: c.closes[at]!, date: formatIsoDate(c.dates[at]!), ch: w.changesBp, base: w.baseDates };
}

export async function ratesReport(store: PriceStore, req: RatesRequest = {}): Promise<RatesReport> {
  const config = req.config ?? loadConfig();
  const rate = (req.rate ?? 'DGS10').toUpperCase();
  if (!(SENSITIVITY_RATES as readonly string[]).includes(rate))
    throw new UsageError(`--rate: '${req.rate}' is not one of ${SENSITIVITY_RATES.join(', ')}`, {
      parameter: '--rate',
    });
  const sectors = config.groups.sectors ?? [];
  const assets = [...sectors, ...SMALL, ...LARGE];
  const range = req.asOf === undefined ? undefined : { to: req.asOf };
  const asOfDayRequested = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const loaded = await loadClosesOrBaskets(store, [...RATE_SYMBOLS, ...assets], 'close', range, config);
  const by = new Map(loaded.found.map((c) => [c.symbol, c] as const));
  const rateSeries = RATE_SYMBOLS.map((r) => by.get(r)).filter((c) => c !== undefined);
  if (rateSeries.length === 0)
    throw new DataError(
      `none of the rates ${RATE_SYMBOLS.join(', ')} is stored${req.asOf === undefined ? '' : ` on or before ${req.asOf}`}`,
      {
        hint: `import FRED's files into ${store.location} (marketdash import DGS2.csv ...) or run 'marketdash update'`,
      },
    );
  // The answer's day is the market's last close (marketEnd), as in every answer: a rate's own later row
  // (DFF has one every calendar day) is shown on its own card with its own date, never made the page's day.
  const dataEnd =
    (await marketEnd(store)) ??
    Math.max(...loaded.found.map((c) => c.dates[c.dates.length - 1] ?? Number.NEGATIVE_INFINITY));
  // Past the data: the figures are as of the data's last day, and the answer says so.
  const pastData = asOfAfterData(asOfDayRequested, dataEnd);
  const asOf = asOfDayRequested === null ? dataEnd : Math.min(asOfDayRequested, dataEnd);
  const name = (t: string) => config.symbols[t]?.name ?? t;

  const levels: RateLevel[] = [];
  for (const c of rateSeries) {
    const x = changes(c, asOf);
    if (x)
      levels.push({
        symbol: c.symbol,
        name: name(c.symbol),
        date: x.date,
        level: x.level,
        changesBp: x.ch,
        baseDates: x.base,
      });
  }
  const two = levels.find((l) => l.symbol === 'DGS2');
  const ten = levels.find((l) => l.symbol === 'DGS10');
  const curve =
    two && ten
      ? {
          level: Math.round((ten.level - two.level) * 1e6) / 1e6,
          changesBp: Object.fromEntries(
            (['1m', '3m', 'ytd'] as const).map((w) => {
              const a = ten.changesBp[w];
              const b = two.changesBp[w];
              return [w, a === null || b === null ? null : a - b];
            }),
          ) as ChangesBp,
        }
      : null;

  const asOfIso = formatIsoDate(asOf);
  const decided = FOMC_MEETINGS.filter((x) => x.decisionBp !== null && x.date <= asOfIso);
  const last = decided.at(-1);
  const dff = by.get('DFF');
  let lastDecision: RatesReport['lastDecision'] = null;
  if (last) {
    const before = dff ? indexOnOrBefore(dff.dates, parseIsoDate(last.date)) : -1;
    const now = dff ? indexOnOrBefore(dff.dates, asOf) : -1;
    const dffBefore = before >= 0 ? dff!.closes[before]! : null;
    const dffNow = now >= 0 ? dff!.closes[now]! : null;
    lastDecision = {
      date: last.date,
      decisionBp: last.decisionBp!,
      dffBefore,
      dffNow,
      dffChangeBp: dffBefore === null || dffNow === null ? null : Math.round((dffNow - dffBefore) * 100),
    };
  }
  const nextMeeting = FOMC_MEETINGS.find((x) => x.date > asOfIso) ?? null;

  const y = by.get(rate);
  const sensitivity: SensitivityRow[] = [];
  if (y) {
    for (const t of assets) {
      const c = by.get(t);
      if (!c) continue;
      const windows = rateSensitivity(c, y, asOf);
      const group = SMALL.includes(t) ? 'small caps' : LARGE.includes(t) ? 'large caps' : 'sector';
      const key = windows.find((w) => w.frequency === 'daily' && w.window === 252)?.betaPer10bp ?? null;
      sensitivity.push({ symbol: t, name: name(t), group, windows, betaPer10bp: key });
    }
    sensitivity.sort(
      (a, b) => (a.betaPer10bp ?? Number.POSITIVE_INFINITY) - (b.betaPer10bp ?? Number.POSITIVE_INFINITY),
    );
  }

  let afterCuts: RatesReport['afterCuts'] = null;
  const mag7 = by.get('MAG7');
  const small = SMALL.map((t) => by.get(t)).find((c) => c !== undefined);
  if (mag7 && small) {
    const r = ratioSeries(
      closeOnlySeries(small.symbol, small.dates, small.closes),
      closeOnlySeries('MAG7', mag7.dates, mag7.closes),
    );
    const cuts = fomcCuts().map((x) => x.date);
    afterCuts = {
      pair: `${small.symbol}/MAG7`,
      horizons: AFTER_CUT_SESSIONS.map((n) => afterCutBaseRate(r.dates, r.close, cuts, n, asOf)),
    };
  }
  return {
    asOf: asOfIso,
    levels,
    curve,
    lastDecision,
    nextMeeting,
    sensitivityRate: rate,
    sensitivity,
    afterCuts,
    missing: loaded.missing,
    demo: await holdsDemoBars(store),
    warnings: warningList(pastData, ...shortChanges(levels, by, asOfIso)),
  };
}

/** Levels whose 1M, 3M or YTD change is n/a because the base day is before the rate's first stored value. */
function shortChanges(
  levels: readonly RateLevel[],
  by: ReadonlyMap<string, { readonly dates: Int32Array }>,
  asOf: string,
): (DataWarning | null)[] {
  const short = new Map<string, { symbol: string; firstDate: string }[]>();
  for (const l of levels) {
    const missing = (Object.keys(l.changesBp) as ChangeWindow[]).filter((k) => l.changesBp[k] === null);
    const first = by.get(l.symbol)?.dates[0];
    if (missing.length === 0 || first === undefined) continue;
    const what = `the ${missing.map((k) => k.toUpperCase()).join(', ')} change${missing.length > 1 ? 's' : ''}`;
    short.set(what, [...(short.get(what) ?? []), { symbol: l.symbol, firstDate: formatIsoDate(first) }]);
  }
  return [...short].map(([what, items]) => shortHistory(asOf, what, items));
}
