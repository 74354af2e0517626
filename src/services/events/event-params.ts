/** Event thresholds from the universe config (`events`), over the defaults of analytics/events. */
import { DEFAULT_EVENT_PARAMS, type EventParams } from '../../analytics/events/market-event.js';
import type { UniverseConfig } from '../../config/universe-config.js';
import { DataError } from '../../domain/errors.js';

export function eventParams(config: UniverseConfig): EventParams {
  const e: Partial<UniverseConfig['events']> = config.events ?? {};
  const params: EventParams = {
    ...DEFAULT_EVENT_PARAMS,
    nearAthPct: e.nearAthPct ?? DEFAULT_EVENT_PARAMS.nearAthPct,
    minStreak: e.minStreak ?? DEFAULT_EVENT_PARAMS.minStreak,
    sinceMinMonths: e.sinceMinMonths ?? DEFAULT_EVENT_PARAMS.sinceMinMonths,
  };
  if (!(params.nearAthPct >= 0 && params.nearAthPct < 1))
    throw new DataError(`config events.nearAthPct: ${params.nearAthPct} is not a fraction in [0, 1) (0.02 = 2%)`);
  if (!(Number.isInteger(params.minStreak) && params.minStreak >= 1))
    throw new DataError(`config events.minStreak: ${params.minStreak} is not a positive whole number of sessions`);
  if (!(Number.isInteger(params.sinceMinMonths) && params.sinceMinMonths >= 0))
    throw new DataError(`config events.sinceMinMonths: ${params.sinceMinMonths} is not a whole number of months >= 0`);
  return params;
}
