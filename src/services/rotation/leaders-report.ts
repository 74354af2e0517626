/**
 * Leadership use-case: a group's members ranked by return over a window ending on the as-of day,
 * with their rank over the window just before and the change ("leadership is shifting").
 */

import { type LeadershipRow, leadershipRanks } from '../../analytics/leadership/leadership-ranks.js';
import { previousWindow, windowEnding } from '../../analytics/leadership/return-window.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { type DataWarning, shortHistory, warningList } from '../data-warnings.js';
import { holdsDemoBars } from '../demo-label.js';
import { loadGroupCloses } from '../groups/group-closes.js';
import { resolveGroup } from '../groups/group-registry.js';
import type { GroupRequest } from '../service-request.js';

export interface LeadersRequest extends GroupRequest {
  readonly window?: string | undefined;
}

export interface WindowDates {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export interface LeadersReport {
  readonly group: string;
  /** The day the windows end: the requested day, or the latest bar among the members. */
  readonly asOf: string;
  readonly window: WindowDates;
  readonly previousWindow: WindowDates;
  readonly rows: LeadershipRow[];
  readonly missing: string[];
  /** True when the store holds synthetic demo bars (outputs must say so). */
  readonly demo: boolean;
  /** Returns n/a for want of history: the window (or the one before) starts before a member's first bar. */
  readonly warnings: DataWarning[];
}

export async function leadersReport(store: PriceStore, req: LeadersRequest): Promise<LeadersReport> {
  const group = await resolveGroup(req.group, { store, groupFile: req.groupFile });
  const asOfDay = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const current0 = windowEnding(req.window ?? '3m', asOfDay ?? 0); // validates --window before reading
  const loaded = await loadGroupCloses(store, group, asOfDay, req.totalReturn);
  const day = loaded.day;
  const current = asOfDay === null ? windowEnding(current0.label, day) : current0;
  const previous = previousWindow(current);
  const iso = (w: { label: string; from: number; to: number }): WindowDates => ({
    label: w.label,
    from: formatIsoDate(w.from),
    to: formatIsoDate(w.to),
  });
  const rows = leadershipRanks(loaded.found, current, previous);
  const first = new Map(loaded.found.map((c) => [c.symbol, formatIsoDate(c.dates[0]!)]));
  const short = (rows: readonly LeadershipRow[]) =>
    rows.map((r) => ({ symbol: r.symbol, firstDate: first.get(r.symbol)! }));
  const asOf = formatIsoDate(day);
  const win = iso(current);
  const prior = iso(previous);
  return {
    group: group.name,
    asOf,
    window: win,
    previousWindow: prior,
    rows,
    missing: loaded.missing,
    demo: await holdsDemoBars(store),
    warnings: warningList(
      shortHistory(asOf, `the ${win.label} return (from ${win.from})`, short(rows.filter((r) => r.return === null))),
      shortHistory(
        asOf,
        `the ${prior.label} return (from ${prior.from})`,
        short(rows.filter((r) => r.return !== null && r.previousReturn === null)),
      ),
    ),
  };
}
