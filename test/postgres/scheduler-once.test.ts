/**
 * Two servers' schedules on one PostgreSQL store fire at the same moment: the daily update runs once,
 * because the run holds the store's job lock (a PostgreSQL advisory lock) and the other skips.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DailySchedule } from '../../src/server/daily-schedule.js';
import { EventFeed } from '../../src/server/event-feed.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

test('the daily update runs once across two servers sharing the store', async () => {
  const stores = [await PostgresStore.open(db.url), await PostgresStore.open(db.url)];
  let updates = 0;
  const schedules = stores.map(
    (store) =>
      new DailySchedule(
        {
          update: async () => {
            updates++;
            await new Promise((r) => setTimeout(r, 300));
            return { updated: 1 };
          },
          events: async () => [],
          isTradingDay: () => true,
          exclusive: (fn) => store.runExclusive('daily-update', fn),
        },
        new EventFeed(),
        null,
      ),
  );
  const runs = await Promise.all(schedules.map((s) => s.runOnce(new Date('2025-12-11T22:30:00Z'))));
  expect(updates).toBe(1);
  expect(runs.map((r) => r.skipped).sort()).toEqual([false, true]);
  await Promise.all(stores.map((s) => s.close()));
});
