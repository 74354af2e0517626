/**
 * The client side of sharing a DuckDB store with `serve`. DuckDB lets one process hold a file, so while
 * a server holds it, a command does not open the file: it sends its command line (with its working
 * directory, its MARKETDASH_* environment, its terminal facts and, for `-`, its standard input) to the
 * server's command socket, found through `<store>.serve.json`, and prints what comes back, ending with
 * the command's exit code. The server runs it on its own open store (command-bridge.ts).
 */
import { connect } from 'node:net';
import type { Command } from 'commander';
import { DataError, UsageError } from '../../domain/errors.js';
import { resolveStoreTarget, waitSeconds } from '../../services/open-store.js';
import {
  type BuildStamp,
  endpointPath,
  readServerEndpoint,
  removeIfOwned,
  type ServerEndpoint,
} from '../../services/shared-store/store-side-files.js';
import { runsForClient } from '../command-io.js';
import type { GlobalOptions } from '../global-options.js';
import { buildMismatch, currentBuild } from './build-stamp.js';

/** Thrown to stop running a command here: a server holds its store and runs it instead. */
export class RunInServer extends Error {
  constructor(
    readonly endpoint: ServerEndpoint,
    /** Seconds the command may wait for the server to finish earlier commands (`--wait`). */
    readonly waitSeconds: number,
  ) {
    super(`run in the server at ${endpoint.url}`);
  }
}

/** What a client sends, as the first line on the socket. */
export interface ForwardedCommand {
  readonly token: string;
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly stdin: string | null;
  readonly stdoutTty: boolean;
  readonly stderrTty: boolean;
  readonly columns: number | undefined;
  readonly waitSeconds: number;
  /** The client's build (null from source); the server refuses a command of another build. */
  readonly build?: BuildStamp | null;
}

/** One frame back from the server: stdout text, stderr text, or the exit code (last). */
export type ForwardedFrame = { readonly o: string } | { readonly e: string } | { readonly x: number };

/** The environment variables a command reads, sent along with it. */
export function forwardedEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env))
    if (v !== undefined && (/^MARKETDASH_/.test(k) || k === 'NO_COLOR' || k === 'FORCE_COLOR')) out[k] = v;
  return out;
}

/** The live server holding the DuckDB store these options name, or null (PostgreSQL and :memory: have none). */
export function serverFor(global: GlobalOptions): ServerEndpoint | null {
  const target = resolveStoreTarget(global);
  if (target.backend !== 'duckdb' || target.path === ':memory:') return null;
  return readServerEndpoint(target.path);
}

/**
 * The pre-action hook: a command on a store a server holds runs in that server. `init` needs no store;
 * a second `serve` on the same file is refused in one line.
 */
export function forwardIfServed(action: Command, global: GlobalOptions): void {
  if (runsForClient()) return;
  const name = action.name();
  if (name === 'init') return;
  const endpoint = serverFor(global);
  if (endpoint === null) return;
  if (name === 'serve')
    throw new UsageError(
      `${endpoint.url} (PID ${endpoint.pid}) already serves ${endpoint.store}: open it, or stop that server first`,
    );
  // the server would run this command with its own code: refuse when it is not this CLI's build
  const mismatch = buildMismatch(endpoint, currentBuild());
  if (mismatch !== null) throw new DataError(mismatch, { file: endpoint.store });
  throw new RunInServer(endpoint, waitSeconds(global.wait));
}

/**
 * Sends `args` to the server and relays its output; resolves to the exit code, or null when the server
 * could not be reached (its endpoint file is then removed and the caller runs the command itself).
 */
export async function runInServer(forward: RunInServer, args: readonly string[]): Promise<number | null> {
  const { endpoint } = forward;
  const stdin = args.includes('-') && !process.stdin.isTTY ? await readAll(process.stdin) : null;
  const request: ForwardedCommand = {
    token: endpoint.token,
    argv: args,
    cwd: process.cwd(),
    env: forwardedEnv(),
    stdin,
    stdoutTty: process.stdout.isTTY === true,
    stderrTty: process.stderr.isTTY === true,
    columns: process.stdout.columns,
    waitSeconds: forward.waitSeconds,
    build: currentBuild(),
  };
  return new Promise<number | null>((resolve) => {
    let connected = false;
    let exit: number | null = null;
    let buffer = '';
    const socket = connect({ host: '127.0.0.1', port: endpoint.port }, () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const frame = JSON.parse(buffer.slice(0, nl)) as ForwardedFrame;
        buffer = buffer.slice(nl + 1);
        if ('o' in frame) process.stdout.write(frame.o);
        else if ('e' in frame) process.stderr.write(frame.e);
        else exit = frame.x;
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (!connected) {
        // nothing listens there: the server died and its PID went to another process
        removeIfOwned(endpointPath(endpoint.store), endpoint.pid);
        resolve(null);
        return;
      }
      if (exit === null)
        process.stderr.write(`marketdash: the server at ${endpoint.url} stopped before the command ended\n`);
      resolve(exit ?? 1);
    });
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
