/**
 * Two `marketdash serve` processes on one PostgreSQL database: they answer alike, and when data changes
 * (an import by a third process) both see it at once, since their caches key on the data version stored
 * in the database, not on anything held in one process.
 */

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.js';
import { runCli, startServer, stopServer } from '../support/run-cli.js';

describe('two servers on one PostgreSQL store', () => {
  let db: TestDatabase;
  const servers: { url: string; child: ChildProcess }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const demo = runCli(['--database-url', db.url, 'demo']);
    expect(demo.code, demo.stderr).toBe(0);
    servers.push(
      ...(await Promise.all([startServer(['--database-url', db.url]), startServer(['--database-url', db.url])])),
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServer(s.child)));
    await db.drop();
  });

  async function perf(url: string, query: string): Promise<unknown> {
    const r = await fetch(new URL(`api/perf?${query}`, url));
    expect(r.status).toBe(200);
    return r.json();
  }

  it('answer the same', async () => {
    const [a, b] = await Promise.all(servers.map((s) => perf(s.url, 'group=mag7')));
    expect(a).toEqual(b);
    expect((a as unknown[]).length).toBe(7);
  });

  it('both see an import made by another process', async () => {
    const [a1, b1] = await Promise.all(servers.map((s) => perf(s.url, 'symbols=NVDA')));
    expect(a1).toEqual(b1);
    const last = (a1 as { asOf: string; close: number }[])[0]!;
    // a new bar the day after the last one (imports refuse dates after tomorrow), 10% above its close
    const next = new Date(`${last.asOf}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const day = next.toISOString().slice(0, 10);
    const file = join(mkdtempSync(join(tmpdir(), 'marketdash-2srv-')), 'NVDA.csv');
    const close = +(last.close * 1.1).toFixed(4);
    writeFileSync(file, `Date,Close\n${day},${close}\n`);
    const imp = runCli(['--database-url', db.url, 'import', file]);
    expect(imp.code, imp.stderr).toBe(0);
    // caches trust a read of the data version for a moment at most: poll briefly
    for (const s of servers) {
      let row: { asOf: string; close: number } | undefined;
      for (let i = 0; i < 50; i++) {
        row = ((await perf(s.url, `symbols=NVDA&asOf=${day}`)) as { asOf: string; close: number }[])[0];
        if (row?.asOf === day) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(row?.asOf).toBe(day);
      expect(row?.close).toBe(close);
    }
  });
});
