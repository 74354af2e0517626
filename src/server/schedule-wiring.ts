/**
 * Connects the daily schedule to the real jobs: the store update (the update service, on the
 * configured providers), the events of the latest day (the events service) and the NYSE calendar.
 */
import type { UniverseConfig } from '../config/universe-config.js';
import { isTradingDay } from '../domain/nyse-calendar.js';
import { parseIsoDate } from '../domain/trading-date.js';
import { createDefaultRegistry } from '../providers/default-providers.js';
import { eventsReport } from '../services/events/events-report.js';
import { updateSymbols } from '../services/update/update-symbols.js';
import type { PriceStore } from '../store/price-store.js';
import type { AlertCenter } from './alert-center.js';
import type { MarketEventLike } from './alert-rules.js';
import { DailySchedule } from './daily-schedule.js';
import type { EventFeed } from './event-feed.js';

export interface ScheduleWiring {
  readonly store: PriceStore;
  readonly config: UniverseConfig;
  readonly feed: EventFeed;
  readonly alerts: AlertCenter;
  /** The update job; the default runs the update service over the configured universe. */
  readonly update?: () => Promise<unknown>;
}

export function startSchedule(w: ScheduleWiring): DailySchedule {
  const schedule = new DailySchedule(
    {
      update: w.update ?? (() => runStoreUpdate(w.store, w.config)),
      events: async () =>
        (await eventsReport(w.store, { config: w.config, baseRates: false })).events.map((e): MarketEventLike => e),
      isTradingDay: (iso) => isTradingDay(parseIsoDate(iso, 'day')),
      exclusive: (fn) => w.store.runExclusive('daily-update', fn),
    },
    w.feed,
    w.alerts,
  );
  schedule.start();
  return schedule;
}

/** What a scheduled update reports on the feed: counts and the failed symbols, not every provider attempt. */
export interface UpdateSummary {
  readonly updated: number;
  readonly upToDate: number;
  readonly failed: readonly { readonly symbol: string; readonly error: string | null }[];
  readonly warnings: number;
}

/** `marketdash update --all` on the config's providers (keys from the config or environment). */
export async function runStoreUpdate(store: PriceStore, config: UniverseConfig): Promise<UpdateSummary> {
  const registry = createDefaultRegistry(config.providers, {
    keys: (config.providers as { keys?: Record<string, string> }).keys,
  });
  const report = await updateSymbols(store, registry, config, { all: true });
  return {
    updated: report.outcomes.filter((o) => o.status === 'updated').length,
    upToDate: report.outcomes.filter((o) => o.status === 'up to date').length,
    failed: report.outcomes.filter((o) => o.status === 'failed').map((o) => ({ symbol: o.symbol, error: o.error })),
    warnings: report.warnings.length,
  };
}
