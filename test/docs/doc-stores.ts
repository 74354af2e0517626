/**
 * The stores and working folders the doc examples run in (doc-examples.test.ts).
 *
 * Each page runs in its own folder `<tmp>/<page>/work`, beside a `<tmp>/<page>/shared` link to the
 * shared data, so `../shared/data/real/...` in a page means what it means in a checkout. Each page gets
 * its own copy of a master store per data kind, made once per run:
 * - `demo`: `marketdash demo --end 2025-12-11` (the synthetic market ending on the reference column's day);
 * - `real`: REAL_DATA_SETUP below on the shared real data (docs/data.md shows the same commands);
 * - `empty`: a store that does not exist yet;
 * - `postgres`: an empty database on the tests' throwaway PostgreSQL server (one per page).
 * Examples run the built CLI (`bin/marketdash.js`, i.e. `dist/`), as an installed `marketdash` would.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, sharedDir } from '../support/shared-data.js';
import type { DataKind } from './markdown-examples.js';

/** How the docs' real-data store is made, run in a folder beside `../shared` (docs/data.md shows these lines). */
export const REAL_DATA_SETUP: readonly string[] = [
  'marketdash import ../shared/data/real/etfs-and-megacaps/*.csv ../shared/data/real/indices/*.csv ../shared/data/real/rates/*.csv',
  'marketdash basket create MAG7',
];

export const DEMO_SETUP: readonly string[] = ['marketdash demo --end 2025-12-11'];

const CLI = join(repoRoot, 'bin', 'marketdash.js');

/** `marketdash` and `npx marketdash` as shell functions running the built CLI of this checkout. */
const PREAMBLE = [
  'set -o pipefail',
  'marketdash() { node "$MARKETDASH_DOCS_CLI" "$@"; }',
  'npx() { if [ "$1" = marketdash ]; then shift; marketdash "$@"; else command npx "$@"; fi; }',
].join('\n');

export interface ShellResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** The environment of an example: the store as a user sets it, nothing of the caller's own config. */
function shellEnv(db: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MARKETDASH_DOCS_CLI: CLI, NO_COLOR: '1' };
  delete env.MARKETDASH_DB;
  delete env.MARKETDASH_DATABASE_URL;
  // A PostgreSQL URL or a DuckDB file, passed the way a user would set it.
  if (/^postgres(ql)?:/.test(db)) env.MARKETDASH_DATABASE_URL = db;
  else env.MARKETDASH_DB = db;
  delete env.MARKETDASH_CONFIG;
  delete env.MARKETDASH_GROUPS;
  delete env.FORCE_COLOR;
  return env;
}

/**
 * Runs one line of a page in bash, in `cwd`, on the store `db`. With `mergeStderr` the output is what a
 * terminal shows (stderr into stdout, in order); without it stdout alone (for JSON).
 */
export function runShell(
  command: string,
  cwd: string,
  db: string,
  mergeStderr: boolean,
  timeoutMs = 120_000,
): ShellResult {
  const env = shellEnv(db);
  const script = `${PREAMBLE}\n${mergeStderr ? 'exec 2>&1\n' : ''}${command}\n`;
  const r: SpawnSyncReturns<string> = spawnSync('bash', ['-c', script], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut };
}

/** True for `marketdash [global options] serve ...`: a server, which runs until stopped. */
export function isServeCommand(command: string): boolean {
  return /^(?:npx\s+)?marketdash\s+(?:--[\w-]+(?:[ =](?!serve\b)\S+)?\s+)*serve\b/.test(command);
}

/**
 * Runs a `serve` example on a free port (`--port 0` appended: a later option wins), waits until it prints
 * its URL, then stops it (SIGTERM to the whole process group). Resolves with what it printed.
 */
export function runServer(command: string, cwd: string, db: string, timeoutMs = 60_000): Promise<ShellResult> {
  const child = spawn('bash', ['-c', `${PREAMBLE}\nexec 2>&1\n${command} --port 0\n`], {
    cwd,
    env: shellEnv(db),
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  return new Promise<ShellResult>((resolve) => {
    const finish = (timedOut: boolean): void => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      // Stopped by us after it served: that is a success (0); a timeout is not (null).
      child.once('exit', () => resolve({ code: timedOut ? null : 0, stdout: out, stderr: '', timedOut }));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        resolve({ code: child.exitCode, stdout: out, stderr: '', timedOut });
      }
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/dashboard: http:\/\/\S+/.test(out)) finish(false);
    });
    // Exited before it served: report its exit code and output as they are.
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: out, stderr: '', timedOut: false });
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The examples run dist/: refuse a build older than the sources rather than test stale code. */
export function assertBuildIsCurrent(): void {
  const main = join(repoRoot, 'dist', 'cli', 'main.js');
  if (!existsSync(main))
    throw new Error('dist/cli/main.js is missing: run `npm run build` (the doc examples run the built CLI)');
  if (statSync(main).mtimeMs + 1000 < newestMtime(join(repoRoot, 'src')))
    throw new Error('dist/ is older than src/: run `npm run build` (the doc examples run the built CLI)');
}

/** A folder laid out like a checkout's parent: `<root>/work` (the working folder) beside `<root>/shared`. */
export function makeWorkspace(root: string): string {
  const work = join(root, 'work');
  mkdirSync(work, { recursive: true });
  if (existsSync(sharedDir) && !existsSync(join(root, 'shared'))) symlinkSync(sharedDir, join(root, 'shared'), 'dir');
  return work;
}

/** Builds each master store at most once per run, and hands out copies. */
export class DocStores {
  private readonly root = mkdtempSync(join(tmpdir(), 'marketdash-docs-'));
  private readonly masters = new Map<DataKind, string>();

  get directory(): string {
    return this.root;
  }

  /** The master store of a kind (built on first use); throws with the command's output when setup fails. */
  master(kind: Exclude<DataKind, 'empty'>): string {
    const known = this.masters.get(kind);
    if (known) return known;
    const work = makeWorkspace(join(this.root, `master-${kind}`));
    const db = join(work, `${kind}.duckdb`);
    for (const command of kind === 'demo' ? DEMO_SETUP : REAL_DATA_SETUP) {
      const r = runShell(command, work, db, true, 600_000);
      if (r.code !== 0) throw new Error(`making the ${kind} store: '${command}' exited ${r.code}:\n${r.stdout}`);
    }
    this.masters.set(kind, db);
    return db;
  }

  /** A new copy of a master at `path` (for `empty`, the path of a store not yet created). */
  copyTo(kind: 'demo' | 'real' | 'empty', path: string): string {
    if (kind !== 'empty') copyFileSync(this.master(kind), path);
    return path;
  }
}
