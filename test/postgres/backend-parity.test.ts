/**
 * The same files imported into DuckDB and into PostgreSQL give identical `perf --all` JSON: the store is
 * an implementation detail. Real data (../shared/data/real), as of the reference column's date.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.js';
import { runCli } from '../support/run-cli.js';
import { describeWithSharedData, realFile } from '../support/shared-data.js';

describeWithSharedData('DuckDB and PostgreSQL agree', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'marketdash-parity-'));
  const duck = join(dir, 'parity.duckdb');
  const files = () => [
    ...readdirSync(realFile('etfs-and-megacaps')).map((f) => realFile(`etfs-and-megacaps/${f}`)),
    realFile('indices/^VIX.csv'),
    realFile('indices/^RUT.csv'),
  ];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the same files into both and prints identical perf --all JSON', () => {
    const a = runCli(['--db', duck, 'import', ...files()]);
    expect(a.code, a.stderr).toBe(0);
    const b = runCli(['--database-url', db.url, 'import', ...files()]);
    expect(b.code, b.stderr).toBe(0);
    for (const asOf of ['2025-12-11', '2024-02-29']) {
      const fromDuck = runCli(['--db', duck, 'perf', '--all', '--as-of', asOf, '--format', 'json']);
      const fromPg = runCli(['--database-url', db.url, 'perf', '--all', '--as-of', asOf, '--format', 'json']);
      expect(fromDuck.code, fromDuck.stderr).toBe(0);
      expect(fromPg.code, fromPg.stderr).toBe(0);
      const { rows } = JSON.parse(fromDuck.stdout) as { rows: { symbol: string }[] };
      expect(rows.length).toBeGreaterThanOrEqual(28);
      expect(fromPg.stdout).toBe(fromDuck.stdout);
    }
  });

  it('symbols list the same history extent on both', () => {
    const fromDuck = JSON.parse(runCli(['--db', duck, 'symbols', '--format', 'json']).stdout) as unknown[];
    const fromPg = JSON.parse(runCli(['--database-url', db.url, 'symbols', '--format', 'json']).stdout) as unknown[];
    expect(fromPg).toEqual(fromDuck);
  });
});
