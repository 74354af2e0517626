/**
 * The schedule: the cron pattern fires at 17:30 New York time on weekdays (22:30 UTC in winter,
 * 21:30 UTC in summer), non-trading days are skipped by the NYSE calendar, and a run is
 * update -> events -> alerts in that order.
 */
import { Cron } from 'croner';
import { expect, test } from 'vitest';
import { isTradingDay } from '../domain/nyse-calendar.js';
import { parseIsoDate } from '../domain/trading-date.js';
import { AlertCenter } from './alert-center.js';
import { parseAlertRules } from './alert-rules.js';
import { AFTER_CLOSE_PATTERN, DailySchedule, NEW_YORK, newYorkDay } from './daily-schedule.js';
import { EventFeed } from './event-feed.js';

test('the job runs at 17:30 in New York on weekdays, across the DST change', () => {
  const job = new Cron(AFTER_CLOSE_PATTERN, { timezone: NEW_YORK, paused: true });
  // Friday 2025-11-21 23:00 UTC is after that day's run: the next is Monday 2025-11-24 17:30 EST = 22:30 UTC.
  expect(job.nextRun(new Date('2025-11-21T23:00:00Z'))!.toISOString()).toBe('2025-11-24T22:30:00.000Z');
  // In summer (EDT, UTC-4): Wednesday 2025-07-02 17:30 = 21:30 UTC.
  expect(job.nextRun(new Date('2025-07-02T12:00:00Z'))!.toISOString()).toBe('2025-07-02T21:30:00.000Z');
  job.stop();
});

test('newYorkDay is the calendar day in New York, not in UTC', () => {
  expect(newYorkDay(new Date('2025-03-10T03:30:00Z'))).toBe('2025-03-09');
  expect(newYorkDay(new Date('2025-03-10T16:00:00Z'))).toBe('2025-03-10');
});

function scheduleWithLog() {
  const log: string[] = [];
  const feed = new EventFeed();
  const alerts = new AlertCenter({ rules: parseAlertRules([{ type: 'new_ath' }]), feed, ledgerPath: null });
  const schedule = new DailySchedule(
    {
      update: async () => {
        log.push('update');
        return { updated: 3 };
      },
      events: async () => {
        log.push('events');
        return [{ type: 'new_ath', symbol: 'IWM', date: '2025-12-11' }];
      },
      isTradingDay: (iso) => isTradingDay(parseIsoDate(iso)),
    },
    feed,
    alerts,
    () => log.push('changed'),
  );
  return { log, feed, schedule };
}

test('on an NYSE holiday (Christmas 2025, a Thursday) nothing runs', async () => {
  const { log, schedule } = scheduleWithLog();
  const run = await schedule.runOnce(new Date('2025-12-25T22:30:00Z'));
  expect(run).toMatchObject({ day: '2025-12-25', skipped: true });
  expect(log).toEqual([]);
});

test('on a trading day: update, then events, then alerts to the feed', async () => {
  const { log, feed, schedule } = scheduleWithLog();
  const run = await schedule.runOnce(new Date('2025-12-11T22:30:00Z'));
  expect(run.skipped).toBe(false);
  expect(run.update).toEqual({ updated: 3 });
  expect(run.alerts!.fired.map((a) => a.event.symbol)).toEqual(['IWM']);
  expect(log).toEqual(['update', 'changed', 'events']);
  expect(feed.recent().map((m) => m.type)).toEqual(['schedule', 'update', 'alert', 'schedule']);
});

test('when another server on the store holds the job lock, this one skips the run', async () => {
  const log: string[] = [];
  const feed = new EventFeed();
  const schedule = new DailySchedule(
    {
      update: async () => log.push('update'),
      events: async () => [],
      isTradingDay: () => true,
      exclusive: async () => ({ ran: false }),
    },
    feed,
    null,
  );
  const run = await schedule.runOnce(new Date('2025-12-11T22:30:00Z'));
  expect(run.skipped).toBe(true);
  expect(log).toEqual([]);
  expect(feed.recent().at(-1)?.data).toMatchObject({ message: expect.stringMatching(/another server/) });
});
