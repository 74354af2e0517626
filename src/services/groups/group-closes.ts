/**
 * A group's member closes up to an as-of day, for the use-cases that rank members against each other
 * (leaders, rank): one store round trip, and the day they are read as of: the requested day, else
 * the latest bar among the members.
 */
import { NotFoundError } from '../../domain/errors.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import type { ResolvedGroup } from './group-registry.js';
import { type LoadedCloses, loadCloses } from './member-closes.js';

export interface GroupCloses extends LoadedCloses {
  /** The requested as-of day, or the latest bar among the members. */
  readonly day: DayNumber;
}

/** The error for a group none of whose members has stored bars (on or before the as-of day, when one was asked for). */
export function noMemberBarsError(group: ResolvedGroup, asOfDay: DayNumber | null = null): NotFoundError {
  return new NotFoundError(
    group.name,
    `group '${group.name}': none of its ${group.members.length} members has stored bars${asOfDay === null ? '' : ` on or before ${formatIsoDate(asOfDay)}`}`,
  );
}

/** Price-return closes by default, total-return (adjClose) with `totalReturn`; throws when no member has bars. */
export async function loadGroupCloses(
  store: PriceStore,
  group: ResolvedGroup,
  asOfDay: DayNumber | null,
  totalReturn: boolean | undefined,
): Promise<GroupCloses> {
  const range = asOfDay === null ? undefined : { to: formatIsoDate(asOfDay) };
  const loaded = await loadCloses(store, group.members, totalReturn ? 'adjClose' : 'close', range);
  if (loaded.found.length === 0) throw noMemberBarsError(group, asOfDay);
  const day = asOfDay ?? Math.max(...loaded.found.map((c) => c.dates[c.dates.length - 1]!));
  return { ...loaded, day };
}
