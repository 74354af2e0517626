/**
 * One DuckDB store for the dashboard and the CLI together (issue 12, section 1), through the real CLI in
 * child processes: while `serve` holds the file, reads give the same answer as without it and writes land
 * and show in the API at once; two imports at once both land; a command waiting for the store says what it
 * waits for in one line and gives up after --wait with one line naming the holder; after the server is
 * killed with SIGKILL the next command works and the server's endpoint file is gone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, type CliResult, startServer, stopServer } from '../support/run-cli.js';
import { repoRoot } from '../support/shared-data.js';

/** tsx by URL: these commands run in temporary directories, where the bare name does not resolve. */
const TSX = import.meta.resolve('tsx');

/** Runs the CLI without blocking (several at once), in `cwd`. */
function cli(args: readonly string[], cwd: string, input?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI_ENTRY, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
    if (input !== undefined) child.stdin!.end(input);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A CSV of `n` weekdays from 2025-01-06 with closes 10, 11, ... (Yahoo layout). */
function csv(n: number, start = 10): string {
  const lines = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  const day = new Date(Date.UTC(2025, 0, 6));
  for (let i = 0; i < n; ) {
    const wd = day.getUTCDay();
    if (wd !== 0 && wd !== 6) {
      const c = start + i;
      lines.push(`${day.toISOString().slice(0, 10)},${c},${c + 1},${c - 1},${c},${c},1000`);
      i++;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return `${lines.join('\n')}\n`;
}

/** A fresh folder under `dir` whose store.duckdb holds `symbol` (a CSV of `n` rows imported by the CLI). */
async function storeWith(prefix: string, symbol: string, n: number): Promise<{ work: string; db: string }> {
  const work = mkdtempSync(join(dir, prefix));
  const db = join(work, 'store.duckdb');
  writeFileSync(join(work, `${symbol}.csv`), csv(n));
  expect((await cli(['--db', db, 'import', `${symbol}.csv`], work)).code).toBe(0);
  return { work, db };
}

/** A process that holds the DuckDB file until told to stop (a stand-in for a long import). */
async function holdStore(db: string): Promise<ChildProcess> {
  const code = `const { DuckDBInstance } = await import('@duckdb/node-api');
    await DuckDBInstance.create(${JSON.stringify(db)});
    process.stdout.write('held\\n');
    process.stdin.resume(); process.stdin.on('end', () => process.exit(0));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    child.once('exit', (c) => reject(new Error(`holder exited with ${c}`)));
  });
  return child;
}

function release(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin!.end();
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'md-shared-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the CLI while serve holds the store', () => {
  let server: { url: string; child: ChildProcess } | null = null;
  afterEach(async () => {
    if (server) await stopServer(server.child);
    server = null;
  });

  it('reads the same, writes land and the API sees them at once; files resolve against the CLI directory', async () => {
    const work = mkdtempSync(join(dir, 'serve-'));
    const db = join(work, 'store.duckdb');
    expect((await cli(['--db', db, 'demo'], work)).code).toBe(0);
    const before = await cli(['--db', db, 'perf', '--group', 'mag7', '--format', 'json'], work);
    expect(before.code).toBe(0);

    server = await startServer(['--db', db]);
    const endpoint = `${db}.serve.json`;
    expect(existsSync(endpoint)).toBe(true);
    expect(statSync(endpoint).mode & 0o777).toBe(0o600);

    const [during, symbols] = await Promise.all([
      cli(['--db', db, 'perf', '--group', 'mag7', '--format', 'json'], work),
      cli(['--db', 'store.duckdb', 'symbols', '--format', 'json'], work),
    ]);
    expect([during.code, during.stdout]).toEqual([before.code, before.stdout]);
    // the two commands reached the server together: one of them may say it waited for the other
    expect(during.stderr).toMatch(
      /^(marketdash: waiting for '.*' to finish in the server \(PID \d+; up to 60 s.*\n)?$/,
    );
    expect(symbols.code).toBe(0);

    // a relative file name is the CLI's, not the server's (the server runs in the repository)
    const sub = mkdtempSync(join(work, 'cwd-'));
    writeFileSync(join(sub, 'NEWA.csv'), csv(30));
    writeFileSync(join(sub, 'NEWB.csv'), csv(30, 50));
    const missing = await cli(['--db', db, 'perf', 'NEWA', '--format', 'json'], sub);
    expect(missing.code).toBe(1);
    const [a, b] = await Promise.all([
      cli(['--db', db, 'import', 'NEWA.csv'], sub),
      cli(['--db', db, 'import', 'NEWB.csv'], sub),
    ]);
    expect([a.code, b.code, a.stderr + b.stderr]).toEqual([0, 0, expect.any(String)]);
    expect(a.stdout).toContain('imported 30 rows');
    expect(b.stdout).toContain('imported 30 rows');
    const api = (await (await fetch(`${server.url}api/perf?symbols=NEWA,NEWB`)).json()) as { close: number }[];
    // last closes: 10 + 29 and 50 + 29
    expect(api.map((r) => r.close)).toEqual([39, 79]);

    // standard input travels with the command (`check -`)
    const check = await cli(['--db', db, 'check', '-', '--format', 'json'], sub, 'Nothing to check here.\n');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).claims).toEqual([]);

    // a second server on the same file is refused in one line
    const second = await cli(['--db', db, 'serve', '--port', '0'], work);
    expect(second.code).toBe(2);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain(`already serves ${db}`);
  }, 180_000);

  it('a server of another build is named in one line instead of running the command with its own code', async () => {
    const { work, db } = await storeWith('build-', 'B', 5);
    server = await startServer(['--db', db]);
    const file = `${db}.serve.json`;
    const endpoint = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // run from source here: the server says so (build null), and a client from source forwards to it
    expect(endpoint).toMatchObject({ build: null, command: `marketdash --db ${db} serve --port 0` });
    const same = await cli(['--db', db, 'perf', 'B', '--format', 'json'], work);
    expect([same.code, same.stderr]).toEqual([0, '']);

    // the file of a server started before build stamps has no build: an older build than this CLI
    const { build: _, ...older } = endpoint;
    writeFileSync(file, JSON.stringify(older), { mode: 0o600 });
    const refused = await cli(['--db', db, 'import', 'B.csv'], work);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    const pid = server.child.pid;
    const started = `${(endpoint.since as string).slice(0, 19).replace('T', ' ')} UTC`;
    expect(refused.stderr).toBe(
      `marketdash: the running server (PID ${pid}, started ${started}) is an older build than this CLI (one that does not say which build it is): it would run this command with its own code; restart it: stop PID ${pid}, then run 'marketdash --db ${db} serve --port 0' again\n`,
    );

    // the handshake: a client that sends another build is refused by the server itself, with the same kind of line
    const frames = await new Promise<string>((resolve) => {
      let got = '';
      const socket = connect({ host: '127.0.0.1', port: endpoint.port as number }, () => {
        const build = { id: 'other', builtAt: '2026-01-02T03:04:00.000Z' };
        socket.write(`${JSON.stringify({ token: endpoint.token, argv: ['symbols'], cwd: work, env: {}, build })}\n`);
      });
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => void (got += d));
      socket.on('close', () => resolve(got));
    });
    expect(
      frames
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      {
        e: expect.stringMatching(
          /^marketdash: the running server \(PID \d+, .*\) runs from source, not this CLI's build \(built 2026-01-02 03:04:00 UTC\): .*restart it/,
        ),
      },
      { x: 1 },
    ]);
  }, 120_000);

  it('after SIGKILL of the server, the next command works and the stale endpoint file goes', async () => {
    const { work, db } = await storeWith('kill-', 'K', 5);
    server = await startServer(['--db', db]);
    expect(existsSync(`${db}.serve.json`)).toBe(true);
    const pid = server.child.pid!;
    await new Promise<void>((resolve) => {
      server!.child.once('exit', () => resolve());
      server!.child.kill('SIGKILL');
    });
    server = null;
    expect(existsSync(`${db}.serve.json`)).toBe(true); // a killed server cannot tidy up
    const r = await cli(['--db', db, 'perf', 'K', '--format', 'json'], work);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).rows[0].close).toBe(14);
    expect(existsSync(`${db}.serve.json`)).toBe(false);
    expect(readFileSync(`${db}`).length).toBeGreaterThan(0);
    expect(pid).toBeGreaterThan(0);
  }, 120_000);
});

describe('two commands on one store without a server', () => {
  it('two imports at once both land', async () => {
    const work = mkdtempSync(join(dir, 'two-'));
    const db = join(work, 'store.duckdb');
    writeFileSync(join(work, 'ONE.csv'), csv(200));
    writeFileSync(join(work, 'TWO.csv'), csv(200, 100));
    const [a, b] = await Promise.all([
      cli(['--db', db, 'import', 'ONE.csv'], work),
      cli(['--db', db, 'import', 'TWO.csv'], work),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    for (const r of [a, b]) {
      // the one that waited said so in one line
      const waits = r.stderr.split('\n').filter((l) => l.includes('waiting for'));
      expect(waits.length).toBeLessThanOrEqual(1);
      for (const w of waits)
        expect(w).toMatch(/^marketdash: waiting for PID \d+ .*to release .*store\.duckdb \(up to 60 s/);
    }
    const perf = JSON.parse((await cli(['--db', db, 'perf', 'ONE', 'TWO', '--format', 'json'], work)).stdout);
    expect(perf.rows.map((r: { close: number }) => r.close)).toEqual([209, 299]);
  }, 120_000);

  it('a command waits for the holder with one line, then runs; --wait 0 names the holder and what to do', async () => {
    const { work, db } = await storeWith('wait-', 'W', 3);
    const holder = await holdStore(db);
    try {
      const refused = await cli(['--db', db, '--wait', '0', 'symbols'], work);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `marketdash: store ${db} is in use by PID ${holder.pid}: let it finish or stop it, or pass --wait SECONDS to wait for it\n`,
      );
      const short = await cli(['--db', db, '--wait', '0.3', 'symbols'], work);
      expect(short.stderr.trim().split('\n')).toEqual([
        `marketdash: waiting for PID ${holder.pid} to release ${db} (up to 0.3 s; --wait SECONDS to change)`,
        `marketdash: store ${db} is still in use by PID ${holder.pid} after waiting 0.3 s: let it finish or stop it, or pass a longer --wait SECONDS`,
      ]);
      // now wait for real: release the holder once the command says it waits
      const waiting = spawn(
        process.execPath,
        ['--import', TSX, CLI_ENTRY, '--db', db, 'perf', 'W', '--format', 'csv'],
        {
          cwd: work,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      let err = '';
      waiting.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
      const done = new Promise<number | null>((resolve) => waiting.on('close', (c) => resolve(c)));
      await new Promise<void>((resolve) =>
        waiting.stderr!.on('data', (d: Buffer) => {
          err += d.toString();
          if (err.includes('\n')) resolve();
        }),
      );
      expect(err).toMatch(/^marketdash: waiting for PID \d+ to release /);
      await release(holder);
      expect(await done).toBe(0);
      expect(out.split('\n')[1]).toMatch(/^W,2025-01-08,12,/);
      expect(err.trim().split('\n')).toHaveLength(1);
    } finally {
      if (holder.exitCode === null) await release(holder);
    }
  }, 120_000);

  it('--wait takes seconds, nothing else', async () => {
    const r = await cli(['--db', join(dir, 'x.duckdb'), '--wait', 'soon', 'symbols'], dir);
    expect([r.code, r.stderr]).toEqual([2, "marketdash: --wait: 'soon' is not a number of seconds (0 or more)\n"]);
  });
});
