/**
 * `serve --schedule`: after the US close on NYSE trading days (17:30 America/New_York, Monday to
 * Friday, holidays skipped by the trading calendar) run the update, then recompute the day's events
 * and hand them to the alert center. Each step is reported on the live feed. Runs never overlap.
 */
import { Cron } from 'croner';
import type { AlertCenter, AlertRunResult } from './alert-center.js';
import type { MarketEventLike } from './alert-rules.js';
import type { EventFeed } from './event-feed.js';

export const NEW_YORK = 'America/New_York';
/** 17:30 New York time on weekdays: the close is 16:00 and vendors publish the day's bar soon after. */
export const AFTER_CLOSE_PATTERN = '30 17 * * 1-5';

export interface ScheduleJobs {
  /** Fetches what is missing; its outcome is reported on the feed. */
  readonly update: () => Promise<unknown>;
  /** The market events as of the latest stored day. */
  readonly events: () => Promise<readonly MarketEventLike[]>;
  /** Whether a New York calendar day (YYYY-MM-DD) is an NYSE trading day. */
  readonly isTradingDay: (isoDay: string) => boolean;
  /**
   * Runs the scheduled job unless another process sharing the store is running it already (the store's
   * job lock: a PostgreSQL advisory lock), so several servers on one database update once. Default: just run.
   */
  readonly exclusive?: <T>(fn: () => Promise<T>) => Promise<{ ran: true; value: T } | { ran: false }>;
}

export interface ScheduleRun {
  readonly day: string;
  readonly skipped: boolean;
  readonly update: unknown;
  readonly alerts: AlertRunResult | null;
}

/** The calendar day in New York at `now`, as YYYY-MM-DD. */
export function newYorkDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: NEW_YORK,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export class DailySchedule {
  private job: Cron | null = null;
  private running: Promise<ScheduleRun> | null = null;

  constructor(
    private readonly jobs: ScheduleJobs,
    private readonly feed: EventFeed,
    private readonly alerts: AlertCenter | null,
    private readonly onDataChanged: () => void = () => undefined,
  ) {}

  start(pattern = AFTER_CLOSE_PATTERN): void {
    this.job = new Cron(pattern, { timezone: NEW_YORK, protect: true }, async () => {
      await this.runOnce(new Date()).catch((e: unknown) =>
        this.feed.publish('schedule', { message: `scheduled run failed: ${(e as Error).message}` }),
      );
    });
  }

  /** When the job next runs (null when stopped). */
  nextRun(): Date | null {
    return this.job?.nextRun() ?? null;
  }

  stop(): void {
    this.job?.stop();
    this.job = null;
  }

  /** One scheduled run for the New York day of `now`: skipped on a non-trading day. */
  async runOnce(now: Date, force = false): Promise<ScheduleRun> {
    if (this.running) return this.running;
    this.running = this.run(now, force).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Update, then events and alerts: what `POST /api/update` runs too. */
  async updateAndAlert(): Promise<{ update: unknown; alerts: AlertRunResult | null }> {
    const update = await this.jobs.update();
    this.onDataChanged();
    this.feed.publish('update', { message: 'data updated', outcome: update });
    const events = await this.jobs.events();
    const alerts = this.alerts ? await this.alerts.process(events) : null;
    return { update, alerts };
  }

  private async run(now: Date, force: boolean): Promise<ScheduleRun> {
    const day = newYorkDay(now);
    if (!force && !this.jobs.isTradingDay(day)) {
      this.feed.publish('schedule', { message: `${day} is not an NYSE trading day: no update` });
      return { day, skipped: true, update: null, alerts: null };
    }
    this.feed.publish('schedule', { message: `scheduled update for ${day} started` });
    const exclusive =
      this.jobs.exclusive ?? (async <T>(fn: () => Promise<T>) => ({ ran: true as const, value: await fn() }));
    const outcome = await exclusive(() => this.updateAndAlert());
    if (!outcome.ran) {
      this.feed.publish('schedule', {
        message: `scheduled update for ${day} is running in another server on this store`,
      });
      return { day, skipped: true, update: null, alerts: null };
    }
    const { update, alerts } = outcome.value;
    this.feed.publish('schedule', {
      message: `scheduled update for ${day} finished${alerts ? `: ${alerts.fired.length} new alert(s)` : ''}`,
    });
    return { day, skipped: false, update, alerts };
  }
}
