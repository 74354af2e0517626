/**
 * The README's tour, run as its reader would (issue 12, "Done when"): `serve --demo` (what `npm start` runs)
 * on a fresh store in one terminal, then every line of the tour, in order, in a second terminal (a fresh
 * directory, the default ./marketdash.duckdb). Each must exit 0; the tour's last line, a second `serve`,
 * is refused in one line naming the running server. The commands are read from README.md itself, so a
 * tour that stops working fails here.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, type CliResult, startServer, stopServer } from '../support/run-cli.js';
import { repoRoot } from '../support/shared-data.js';

const TSX = import.meta.resolve('tsx');

/** The `npx marketdash ...` lines of the README's tour, as argument lists (comments removed). */
function tourLines(): string[][] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## A tour in ten commands'));
  const block = section.slice(section.indexOf('```sh') + 5, section.indexOf('```', section.indexOf('```sh') + 5));
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('npx marketdash '))
    .map((l) => l.slice('npx marketdash '.length).split(/\s+/));
}

/** A reader's environment: no store or config chosen by variables. */
function tourEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['MARKETDASH_DB', 'MARKETDASH_DATABASE_URL', 'MARKETDASH_CONFIG', 'MARKETDASH_GROUPS']) delete env[k];
  return env;
}

function cli(args: readonly string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI_ENTRY, ...args], {
      cwd,
      env: tourEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the README tour in a second terminal while the dashboard runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'md-tour-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('works from top to bottom on a fresh store', async () => {
    const lines = tourLines();
    expect(lines.length).toBe(10);
    const db = join(dir, 'marketdash.duckdb');
    const server = await startServer(['--db', db], {}, { serveArgs: ['--demo'] });
    try {
      for (const args of lines) {
        const r = await cli(args, dir);
        if (args[0] === 'serve') {
          expect(r.code).toBe(2);
          expect(r.stderr.trim().split('\n')).toEqual([
            `marketdash: ${server.url} (PID ${server.child.pid}) already serves ${db}: open it, or stop that server first`,
          ]);
          continue;
        }
        expect({ line: args.join(' '), code: r.code, stderr: r.stderr }).toEqual({
          line: args.join(' '),
          code: 0,
          stderr: expect.not.stringMatching(/error|Error| {4}at /),
        });
        // every line prints something, but `report --out FILE`, which writes the file
        if (!args.includes('--out')) expect(r.stdout.length, args.join(' ')).toBeGreaterThan(0);
      }
      // the note the tour writes is the one it checks, and the dashboard reads the same store
      expect(readFileSync(join(dir, 'note.md'), 'utf8')).toMatch(/synthetic demo data/i);
      const symbols = (await (await fetch(`${server.url}api/symbols`)).json()) as { demo: boolean };
      expect(symbols.demo).toBe(true);
    } finally {
      await stopServer(server.child);
    }
  }, 600_000);
});
