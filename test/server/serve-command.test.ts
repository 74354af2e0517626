/** `marketdash serve` refuses bad options with exit code 2 and a message naming the option. */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { dashboardUrl } from '../../src/cli/commands/serve-command.js';
import { runCli } from '../support/run-cli.js';

function serve(args: string[]): { status: number | null; stderr: string } {
  const db = join(mkdtempSync(join(tmpdir(), 'md-serve-')), 'x.duckdb');
  const r = runCli(['--db', db, 'serve', ...args], { env: { MARKETDASH_TOKEN: '' }, timeoutMs: 60_000 });
  return { status: r.code, stderr: r.stderr };
}

test('a port already in use is a usage error naming --port', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const { port } = blocker.address() as { port: number };
  try {
    const r = serve(['--port', String(port)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--port: ${port} is already in use`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  } finally {
    await new Promise<void>((r) => blocker.close(() => r()));
  }
});

test.each([
  [['--port', 'http'], '--port'],
  [['--token', 'short'], '--token: use at least 16 characters'],
])('serve %j exits 2 naming the option', (args, words) => {
  const r = serve(args);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(words);
});

test.each([
  ['http://127.0.0.1:8080', true, 'http://127.0.0.1:8080/'],
  ['http://127.0.0.1:80', true, 'http://127.0.0.1/'],
  ['http://[::]:3000', true, 'http://127.0.0.1:3000/'],
  ['http://10.0.0.5:80', false, 'http://10.0.0.5/'],
  ['http://[::1]:8080', false, 'http://[::1]:8080/'],
])('the printed URL of %s (loopback %s) is %s, never an empty port', (address, loopback, shown) => {
  expect(dashboardUrl(address, loopback)).toBe(shown);
});
