/** `marketdash db migrate|status` on both backends: the schema is current and the counts are right. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/store/postgres/migrations.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.js';
import { runCli } from '../support/run-cli.js';

describe('marketdash db', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('migrates a fresh PostgreSQL database and reports its status', () => {
    const m = runCli(['--database-url', db.url, 'db', 'migrate', '--format', 'json']);
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout)).toMatchObject({ backend: 'postgres', schemaVersion: LATEST_VERSION });
    const file = join(mkdtempSync(join(tmpdir(), 'md-db-')), 'AAA.csv');
    writeFileSync(file, 'Date,Close\n2024-01-02,10\n2024-01-03,11\n');
    expect(runCli(['--database-url', db.url, 'import', file]).code).toBe(0);
    const s = runCli(['--database-url', db.url, 'db', 'status', '--format', 'json']);
    expect(JSON.parse(s.stdout)).toMatchObject({ backend: 'postgres', symbols: 1, bars: 2 });
  });

  it('reports the embedded store too', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'md-db-')), 'x.duckdb');
    const s = runCli(['--db', path, 'db', 'status', '--format', 'json']);
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ backend: 'duckdb', location: path, symbols: 0, bars: 0 });
  });
});
