/**
 * Vitest global setup: starts a throwaway PostgreSQL on 127.0.0.1 (scripts/pg-test-server.sh) so the
 * store contract suite and the multi-server tests run against a real server; stops it afterwards.
 * MARKETDASH_TEST_DATABASE_URL, when set, points the tests at an existing server instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const existing = process.env.MARKETDASH_TEST_DATABASE_URL;
  if (existing) {
    project.provide('postgresUrl', existing);
    return () => {};
  }
  const script = join(import.meta.dirname, '..', '..', 'scripts', 'pg-test-server.sh');
  const dir = mkdtempSync(join(tmpdir(), 'marketdash-pg-'));
  const port = await freePort();
  const url = execFileSync('bash', [script, 'start', dir, String(port)], { encoding: 'utf8' }).trim();
  project.provide('postgresUrl', url);
  return () => {
    execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
  };
}
