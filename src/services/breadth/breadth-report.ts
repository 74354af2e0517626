/**
 * The breadth use-case: a group's members and its benchmark in one store round trip, the breadth
 * history over their union of dates (analytics/breadth), read as of the requested day.
 * The benchmark is `--benchmark`, else the group's own (groups file), else SPY.
 */

import { type BreadthHistory, breadthHistory, type MemberCloses } from '../../analytics/breadth/breadth-history.js';
import { type BreadthPoint, breadthSeries } from '../../analytics/breadth/breadth-series.js';
import { type BreadthSnapshot, breadthAt } from '../../analytics/breadth/breadth-snapshot.js';
import { DataError, NotFoundError, UsageError } from '../../domain/errors.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { asOfAfterData, type DataWarning, latestDay, notComputed, warningList } from '../data-warnings.js';
import { holdsDemoBars } from '../demo-label.js';
import { noMemberBarsError } from '../groups/group-closes.js';
import { resolveGroup } from '../groups/group-registry.js';
import { loadClosesOrBaskets } from '../groups/member-closes.js';
import type { GroupRequest } from '../service-request.js';

export const DEFAULT_BREADTH_BENCHMARK = 'SPY';

export interface BreadthRequest extends GroupRequest {
  readonly benchmark?: string | undefined;
  /** Benchmark comparison window: `Nd` trading days, or `Nw` / `Nm` / `Ny` (5 / 21 / 252 trading days each). */
  readonly window?: string | undefined;
  /** Days of daily breadth points to include (0 = none). */
  readonly history?: number | undefined;
}

/** The day's counts, as the breadth snapshot has them. */
type DayCounts = Pick<
  BreadthSnapshot,
  'newHighs' | 'newLows' | 'netNewHighs' | 'withYear' | 'advances' | 'declines' | 'unchanged'
>;

export interface BreadthReport extends DayCounts {
  readonly group: string;
  readonly requestedAsOf: string | null;
  readonly asOf: string;
  readonly members: {
    readonly listed: number;
    readonly withData: number;
    readonly trading: number;
  };
  readonly aboveSma50: BreadthSnapshot['aboveShort'];
  readonly aboveSma200: BreadthSnapshot['aboveLong'];
  readonly adLine: BreadthSnapshot['adLine'];
  readonly beatingBenchmark: BreadthSnapshot['beating'] & { readonly benchmark: string; readonly windowBars: number };
  /** The last `history` days, oldest first (empty unless asked for). */
  readonly history: BreadthPoint[];
  readonly missing: string[];
  /** True when the store holds synthetic demo bars (outputs must say so). */
  readonly demo: boolean;
  /** The as-of day past the data, members without bars (see data-warnings.ts). */
  readonly warnings: DataWarning[];
}

/** Trading days in a window label: 63d, 4w (20), 3m (63), 1y (252). */
export function windowBars(label: string): number {
  const m = /^(\d{1,4})([dwmy])$/.exec(label.trim().toLowerCase());
  const bars = m ? Number(m[1]) * { d: 1, w: 5, m: 21, y: 252 }[m[2] as 'd' | 'w' | 'm' | 'y'] : 0;
  if (!m || bars < 1 || bars > 2520)
    throw new UsageError(`--window: '${label}' is not a window (expected trading days like 63d, or 4w, 3m, 1y)`, {
      parameter: '--window',
    });
  return bars;
}

/** A group's breadth history up to the as-of day, with what it was computed from. */
export interface LoadedBreadth {
  readonly group: { readonly name: string; readonly members: readonly string[] };
  readonly benchmark: string;
  readonly history: BreadthHistory;
  /** Members with stored bars (the benchmark only when it is a member). */
  readonly members: readonly MemberCloses[];
  readonly missing: string[];
  readonly asOfDay: DayNumber | null;
}

/** Resolves the group, loads its members and benchmark in one round trip and computes the breadth history. */
export async function loadBreadthHistory(store: PriceStore, req: BreadthRequest): Promise<LoadedBreadth> {
  const beatWindow = windowBars(req.window ?? '3m');
  const asOfDay = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const group = await resolveGroup(req.group, { store, groupFile: req.groupFile });
  const benchmark = normaliseTicker(req.benchmark ?? group.benchmark ?? DEFAULT_BREADTH_BENCHMARK);
  const range = asOfDay === null ? undefined : { to: formatIsoDate(asOfDay) };
  const field = req.totalReturn ? 'adjClose' : 'close';
  const wanted = group.members.includes(benchmark) ? group.members : [...group.members, benchmark];
  const loaded = await loadClosesOrBaskets(store, wanted, field, range);
  const bench = loaded.found.find((c) => c.symbol === benchmark) ?? null;
  if (!bench)
    throw new NotFoundError(
      benchmark,
      `benchmark '${benchmark}' has no stored bars${range ? ` on or before ${range.to}` : ''}`,
      { hint: 'choose another with --benchmark' },
    );
  const members = loaded.found.filter((c) => c.symbol !== benchmark || group.members.includes(benchmark));
  const missing = loaded.missing.filter((m) => m !== benchmark);
  if (members.length === 0) throw noMemberBarsError(group, asOfDay);
  return { group, benchmark, history: breadthHistory(members, bench, { beatWindow }), members, missing, asOfDay };
}

export async function breadthReport(store: PriceStore, req: BreadthRequest): Promise<BreadthReport> {
  const days = req.history ?? 0;
  if (!Number.isInteger(days) || days < 0 || days > 10000)
    throw new UsageError(`--history: ${req.history} must be a whole number of days from 0 to 10000`, {
      parameter: '--history',
    });
  const { group, benchmark, history, members, missing, asOfDay } = await loadBreadthHistory(store, req);
  const beatWindow = history.beatWindow;
  const snap =
    asOfDay === null ? breadthAt(history, history.dates[history.dates.length - 1]!) : breadthAt(history, asOfDay);
  if (!snap) throw new DataError(`group '${group.name}': no member has a bar on or before ${req.asOf}`);
  return {
    group: group.name,
    requestedAsOf: asOfDay === null ? null : formatIsoDate(asOfDay),
    asOf: snap.date,
    members: { listed: group.members.length, withData: members.length, trading: snap.members },
    aboveSma50: snap.aboveShort,
    aboveSma200: snap.aboveLong,
    newHighs: snap.newHighs,
    newLows: snap.newLows,
    netNewHighs: snap.netNewHighs,
    withYear: snap.withYear,
    advances: snap.advances,
    declines: snap.declines,
    unchanged: snap.unchanged,
    adLine: snap.adLine,
    beatingBenchmark: { benchmark, windowBars: beatWindow, ...snap.beating },
    history: breadthSeries(history, parseIsoDate(snap.date), req.history ?? 0),
    missing,
    warnings: warningList(
      asOfAfterData(asOfDay, latestDay(members.map((m) => m.dates[m.dates.length - 1]!))),
      notComputed(missing.map((m) => ({ name: m, reason: 'no stored bars' }))),
    ),
    demo: await holdsDemoBars(store),
  };
}
