/**
 * The composite-rank use-case: every member of a group scored (analytics/composite-rank, SCTR
 * weights by default) on its last bar on or before the as-of day, ranked 0..99 within the group.
 */

import {
  COMPOSITE_MIN_BARS,
  type CompositeWeights,
  SCTR_WEIGHTS,
  WEIGHT_KEYS,
} from '../../analytics/composite-rank/composite-score.js';
import { type RankRow, rankGroup } from '../../analytics/composite-rank/group-rank.js';
import { UsageError } from '../../domain/errors.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { type DataWarning, shortHistory, warningList } from '../data-warnings.js';
import { holdsDemoBars } from '../demo-label.js';
import { loadGroupCloses } from '../groups/group-closes.js';
import { resolveGroup } from '../groups/group-registry.js';
import type { GroupRequest } from '../service-request.js';

export interface RankRequest extends GroupRequest {
  /** Six comma-separated numbers in WEIGHT_KEYS order, e.g. "30,30,15,15,5,5". */
  readonly weights?: string | undefined;
}

export interface RankReport {
  readonly group: string;
  readonly requestedAsOf: string | null;
  readonly weights: CompositeWeights;
  readonly rows: RankRow[];
  readonly missing: string[];
  /** True when the store holds synthetic demo bars (outputs must say so). */
  readonly demo: boolean;
  /** Members left unranked for want of history (fewer than COMPOSITE_MIN_BARS closes up to their bar). */
  readonly warnings: DataWarning[];
}

/** Parses `--weights`: six non-negative numbers, not all zero, normalised to sum to 1. */
export function parseWeights(text: string | undefined): CompositeWeights {
  if (text === undefined) return SCTR_WEIGHTS;
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (
    parts.length !== WEIGHT_KEYS.length ||
    parts.some((w) => !(Number.isFinite(w) && w >= 0)) ||
    parts.every((w) => w === 0)
  ) {
    throw new UsageError(
      `--weights: '${text}' must be ${WEIGHT_KEYS.length} non-negative numbers (${WEIGHT_KEYS.join(',')}), not all zero`,
      { parameter: '--weights' },
    );
  }
  const sum = parts.reduce((a, b) => a + b, 0);
  const out = {} as Record<(typeof WEIGHT_KEYS)[number], number>;
  WEIGHT_KEYS.forEach((k, i) => {
    out[k] = parts[i]! / sum;
  });
  return out;
}

export async function rankReport(store: PriceStore, req: RankRequest): Promise<RankReport> {
  const weights = parseWeights(req.weights);
  const asOfDay = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const group = await resolveGroup(req.group, { store, groupFile: req.groupFile });
  const loaded = await loadGroupCloses(store, group, asOfDay, req.totalReturn);
  const rows = rankGroup(loaded.found, loaded.day, weights);
  const byTicker = new Map(loaded.found.map((c) => [c.symbol, c]));
  // a member with a bar to score but too few closes before it for the 200-day EMA (not a stale one: date null)
  const unranked = rows.filter((r) => r.score === null && r.date !== null && byTicker.has(r.symbol));
  return {
    group: group.name,
    requestedAsOf: asOfDay === null ? null : formatIsoDate(asOfDay),
    weights,
    rows,
    missing: loaded.missing,
    demo: await holdsDemoBars(store),
    warnings: warningList(
      shortHistory(
        formatIsoDate(loaded.day),
        `a score (${COMPOSITE_MIN_BARS} closes, for the 200-day EMA)`,
        unranked.map((r) => ({ symbol: r.symbol, firstDate: formatIsoDate(byTicker.get(r.symbol)!.dates[0]!) })),
      ),
    ),
  };
}
