/**
 * The relative-rotation use-case: one store round trip for a group and its benchmark, then each
 * member's rotation snapshot (analytics/rotation) as of the benchmark's last bar on or before the
 * requested day. Members without bars are listed as missing, never invented.
 */

import { DEFAULT_ROTATION_PARAMS, type RotationParams } from '../../analytics/rotation/relative-rotation.js';
import {
  type RotationInterval,
  type RotationSnapshot,
  rotationSnapshot,
} from '../../analytics/rotation/rotation-snapshot.js';
import { NotFoundError, UsageError } from '../../domain/errors.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import {
  asOfAfterData,
  type DataWarning,
  marketEnd,
  notComputed,
  shortHistory,
  staleRows,
  tradingDayBetween,
  warningList,
} from '../data-warnings.js';
import { holdsDemoBars } from '../demo-label.js';
import { resolveGroup } from '../groups/group-registry.js';
import { loadClosesOrBaskets, type SymbolCloses } from '../groups/member-closes.js';
import type { GroupRequest } from '../service-request.js';

export interface RotationRequest extends GroupRequest {
  readonly benchmark: string;
  readonly tail?: number | undefined;
  readonly interval?: string | undefined;
  readonly params?: Partial<RotationParams> | undefined;
}

export interface RotationReport {
  readonly group: string;
  readonly benchmark: string;
  readonly interval: RotationInterval;
  readonly params: RotationParams;
  readonly requestedAsOf: string | null;
  /** The benchmark's bar the figures describe. */
  readonly asOf: string;
  /** Each member's quadrant; `asOf` is the member's own last bar used, `stale` when before the benchmark's. */
  readonly rows: (RotationSnapshot & { readonly asOf: string; readonly stale: boolean })[];
  readonly missing: string[];
  /** The as-of day past the data, stale members, members without bars (see data-warnings.ts). */
  readonly warnings: DataWarning[];
  /** True when the store holds synthetic demo bars (outputs must say so). */
  readonly demo: boolean;
}

export function parseInterval(text: string | undefined): RotationInterval {
  const v = (text ?? 'weekly').toLowerCase();
  if (v !== 'weekly' && v !== 'daily')
    throw new UsageError(`--interval: '${text}' is not one of weekly, daily`, { parameter: '--interval' });
  return v;
}

export async function rotationReport(store: PriceStore, req: RotationRequest): Promise<RotationReport> {
  const interval = parseInterval(req.interval);
  const tail = req.tail ?? 8;
  if (!Number.isInteger(tail) || tail < 1 || tail > 520)
    throw new UsageError(`--tail: ${req.tail} must be a whole number from 1 to 520`, { parameter: '--tail' });
  const params: RotationParams = { ...DEFAULT_ROTATION_PARAMS, ...req.params };
  const group = await resolveGroup(req.group, { store, groupFile: req.groupFile });
  const benchmark = normaliseTicker(req.benchmark);
  const asOfDay = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const members = group.members.filter((m) => m !== benchmark);
  const range = asOfDay === null ? undefined : { to: formatIsoDate(asOfDay) };
  const loaded = await loadClosesOrBaskets(
    store,
    [benchmark, ...members],
    req.totalReturn ? 'adjClose' : 'close',
    range,
  );
  const bench = loaded.found.find((c) => c.symbol === benchmark);
  if (!bench)
    throw new NotFoundError(
      benchmark,
      `benchmark '${benchmark}': no prices stored for ${benchmark}${range ? ` on or before ${range.to}` : ''}`,
    );
  const end = asOfDay === null ? bench.dates.length - 1 : indexOnOrBefore(bench.dates, asOfDay);
  if (end < 0) throw new NotFoundError(benchmark, `benchmark '${benchmark}' has no bar on or before ${req.asOf}`);
  const day = bench.dates[end]!;
  const rows = loaded.found
    .filter((c) => c.symbol !== benchmark)
    .map((c) => {
      const last = indexOnOrBefore(c.dates, day);
      const own = last < 0 ? null : c.dates[last]!;
      const snap = rotationSnapshot({
        symbol: c.symbol,
        dates: c.dates,
        closes: c.closes,
        benchmarkDates: bench.dates,
        benchmarkCloses: bench.closes,
        asOf: day,
        tail,
        interval,
        params,
      });
      return { ...snap, asOf: own === null ? '' : formatIsoDate(own), stale: own === null || own < day };
    });
  const benchEnd = bench.dates[bench.dates.length - 1]!;
  // "data ends" names the market's last close, as every answer does; a benchmark ending before it is stale
  const market = await marketEnd(store);
  const dataEnd = market === null || benchEnd > market ? benchEnd : market;
  const pageDay = asOfDay === null || asOfDay > dataEnd ? dataEnd : asOfDay;
  const benchStale = tradingDayBetween(day, pageDay)
    ? staleRows([benchmark], pageDay, 'series ending before {day} (marked stale)')
    : null;
  return {
    group: group.name,
    benchmark,
    interval,
    params,
    requestedAsOf: asOfDay === null ? null : formatIsoDate(asOfDay),
    asOf: formatIsoDate(day),
    rows,
    missing: loaded.missing,
    demo: await holdsDemoBars(store),
    warnings: warningList(
      asOfAfterData(asOfDay, dataEnd),
      benchStale,
      staleRows(
        rows.filter((r) => r.stale).map((r) => r.symbol),
        day,
      ),
      notComputed(loaded.missing.map((m) => ({ name: m, reason: 'no stored bars' }))),
      // a member with its bar on the day but no RS-Ratio: its history (or the benchmark's) is too short for the
      // smoothing windows before that day
      shortHistory(
        formatIsoDate(day),
        `an RS-Ratio (${interval} smoothing)`,
        rows
          .filter((r) => !r.stale && r.rsRatio === null)
          .map((r) => ({ symbol: r.symbol, firstDate: firstDay(loaded.found, r.symbol, bench) })),
      ),
    ),
  };
}

/** The later of a member's and the benchmark's first stored day: their common history starts there. */
function firstDay(found: readonly SymbolCloses[], symbol: string, bench: SymbolCloses): string {
  const own = found.find((c) => c.symbol === symbol)!.dates[0]!;
  return formatIsoDate(Math.max(own, bench.dates[0]!));
}
