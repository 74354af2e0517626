/**
 * The server side of sharing a DuckDB store: `serve` holds the file, so CLI commands on it come here.
 * A loopback TCP socket (port chosen by the OS) takes one command per connection from a client that
 * presents the random token of `<store>.serve.json` (mode 0600: only the user who started the server can
 * read it). Commands run one at a time, in arrival order, in this process and on its open store, with the
 * client's working directory, MARKETDASH_* environment and terminal facts; their output streams back
 * as it is written, then the exit code. After each command the server's response cache is dropped, so
 * the dashboard sees a write at once.
 *
 * Why one at a time: a command's relative paths and environment are the process's (`process.chdir`,
 * `process.env`), and writers must queue anyway. A command waiting behind another says so in one line
 * and gives up after the client's `--wait` seconds.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import {
  endpointPath,
  removeIfOwned,
  type ServerEndpoint,
  writePrivateJson,
} from '../../services/shared-store/store-side-files.js';
import { runWithCommandIo } from '../command-io.js';
import { buildMismatch, currentBuild, serverCommand } from './build-stamp.js';
import type { ForwardedCommand, ForwardedFrame } from './forward-command.js';

/** The server's build, read once when `serve` loads this module: a rebuild after that does not change its code. */
const SERVER_BUILD = currentBuild();

export interface CommandBridgeOptions {
  /** The DuckDB file the server holds. */
  readonly storePath: string;
  /** The dashboard's URL, for messages. */
  readonly url: string;
  /** Runs a command line (node-style argv) to its exit code. */
  readonly run: (argv: string[]) => Promise<number>;
  /** Called after every command (drops the response cache). */
  readonly afterCommand: () => void;
}

export interface CommandBridge {
  readonly port: number;
  close(): Promise<void>;
}

/** The first line of a connection is at most this long (it carries standard input for `check -`). */
const MAX_REQUEST_BYTES = 32 << 20;

export async function startCommandBridge(options: CommandBridgeOptions): Promise<CommandBridge> {
  const token = randomBytes(32).toString('hex');
  const since = new Date().toISOString();
  const command = serverCommand();
  /** What this server says of itself to a client of another build. */
  const self = { pid: process.pid, since, build: SERVER_BUILD, command };
  let queue: Promise<unknown> = Promise.resolve();
  let running: string | null = null;

  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    const onData = (chunk: string) => {
      buffer += chunk;
      const nl = buffer.indexOf('\n');
      if (nl < 0) {
        if (buffer.length > MAX_REQUEST_BYTES) socket.destroy();
        return;
      }
      socket.off('data', onData);
      const request = parseRequest(buffer.slice(0, nl), token);
      if (request === null) {
        socket.destroy();
        return;
      }
      const send = (frame: ForwardedFrame) => {
        if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
      };
      // the client says which build it is (clients older than build stamps say nothing)
      const mismatch = request.build === undefined ? null : buildMismatch(self, request.build);
      if (mismatch !== null) {
        send({ e: `marketdash: ${mismatch}\n` });
        send({ x: 1 });
        socket.end();
        return;
      }
      const description = `marketdash ${request.argv.join(' ')}`.slice(0, 120);
      const ahead = running;
      let timedOut = false;
      const timer =
        ahead === null
          ? null
          : setTimeout(() => {
              timedOut = true;
              send({
                e: `marketdash: the server is still running '${running}' after ${request.waitSeconds} s: try again when it ends, or pass a longer --wait SECONDS\n`,
              });
              send({ x: 1 });
              socket.end();
            }, request.waitSeconds * 1000);
      if (ahead !== null)
        send({
          e: `marketdash: waiting for '${ahead}' to finish in the server (PID ${process.pid}; up to ${request.waitSeconds} s, --wait SECONDS to change)\n`,
        });
      const run = queue.then(async () => {
        if (timer) clearTimeout(timer);
        if (timedOut || socket.destroyed) return;
        running = description;
        try {
          send({ x: await runForClient(request, send, options.run) });
        } finally {
          running = null;
          options.afterCommand();
          socket.end();
        }
      });
      queue = run.catch(() => undefined);
    };
    socket.on('data', onData);
    socket.on('error', () => undefined);
  });

  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const file = endpointPath(options.storePath);
  const endpoint: ServerEndpoint = {
    pid: process.pid,
    port,
    token,
    url: options.url,
    store: resolve(options.storePath),
    since,
    build: SERVER_BUILD,
    command,
  };
  writePrivateJson(file, endpoint);
  const removeFile = () => removeIfOwned(file, process.pid);
  process.once('exit', removeFile);
  return {
    port,
    async close() {
      process.off('exit', removeFile);
      removeFile();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function parseRequest(line: string, token: string): ForwardedCommand | null {
  let r: ForwardedCommand;
  try {
    r = JSON.parse(line) as ForwardedCommand;
  } catch {
    return null;
  }
  if (typeof r?.token !== 'string' || !Array.isArray(r.argv) || typeof r.cwd !== 'string') return null;
  const given = Buffer.from(r.token);
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!r.argv.every((a) => typeof a === 'string')) return null;
  const wait = Number(r.waitSeconds);
  const b = r.build as { id?: unknown; builtAt?: unknown } | null | undefined;
  const build =
    b === undefined || b === null
      ? b
      : typeof b.id === 'string' && typeof b.builtAt === 'string'
        ? { id: b.id, builtAt: b.builtAt }
        : { id: '?', builtAt: '' };
  return { ...r, env: r.env ?? {}, waitSeconds: Number.isFinite(wait) && wait >= 0 ? wait : 60, build };
}

/** Runs one command with the client's directory, environment and terminal, restoring the server's after. */
async function runForClient(
  request: ForwardedCommand,
  send: (frame: ForwardedFrame) => void,
  run: (argv: string[]) => Promise<number>,
): Promise<number> {
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  const savedEnv = new Map<string, string | undefined>();
  const names = new Set([
    ...Object.keys(process.env).filter((k) => /^MARKETDASH_/.test(k) || k === 'NO_COLOR' || k === 'FORCE_COLOR'),
    ...Object.keys(request.env).filter((k) => /^MARKETDASH_/.test(k) || k === 'NO_COLOR' || k === 'FORCE_COLOR'),
  ]);
  try {
    process.chdir(request.cwd);
  } catch (e) {
    send({
      e: `marketdash: the server cannot use the directory ${request.cwd} (${(e as NodeJS.ErrnoException).code})\n`,
    });
    return 1;
  }
  for (const k of names) {
    savedEnv.set(k, process.env[k]);
    const v = request.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.exitCode = undefined;
  try {
    return await runWithCommandIo(
      {
        write: (stream, text) => send(stream === 'out' ? { o: text } : { e: text }),
        stdoutTty: request.stdoutTty === true,
        stderrTty: request.stderrTty === true,
        columns: typeof request.columns === 'number' ? request.columns : undefined,
        stdin: typeof request.stdin === 'string' ? request.stdin : null,
        env: request.env,
      },
      () => run(['node', 'marketdash', ...request.argv]),
    );
  } finally {
    process.exitCode = savedExitCode;
    for (const [k, v] of savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.chdir(savedCwd);
  }
}
