/**
 * Which build of MarketDash a process runs, so that a CLI and the `serve` it forwards to can tell
 * whether they run the same code: a command sent to a server runs the server's code, which is older than
 * the CLI's when the server was started before the last `npm run build`. The stamp is dist/build-id.json
 * (a digest of every built file, scripts/write-build-id.mjs) and when it was written; null when running
 * from source (tsx), where there is no build. The server writes its stamp, read when it starts, into
 * `<store>.serve.json`; a client compares it with its own before sending a command (and sends its own id,
 * which the server checks again).
 */
import { readFileSync, statSync } from 'node:fs';
import type { BuildStamp, ServerEndpoint } from '../../services/shared-store/store-side-files.js';

/** This process's build, read from disk now (dist/cli/shared-store/ -> dist/build-id.json); null from source. */
export function currentBuild(): BuildStamp | null {
  const file = new URL('../../build-id.json', import.meta.url);
  try {
    const { id } = JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown };
    if (typeof id !== 'string') return null;
    return { id, builtAt: statSync(file).mtime.toISOString() };
  } catch {
    return null;
  }
}

/** How this server was started, as a person would type it again: `npm start`, or `marketdash serve --demo`. */
export function serverCommand(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  if (env.npm_lifecycle_event === 'start') return 'npm start';
  return `marketdash ${argv.slice(2).join(' ')}`.slice(0, 200);
}

/** `2026-12-06 10:15:30 UTC` from an ISO time (seconds: two builds a minute apart are told apart). */
const minute = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

/**
 * One line saying why this CLI must not send its command to that server (null when both run the same
 * build, or both run from source). `server` is the endpoint file's `build` field: undefined when the
 * server predates build stamps (an older build), null when it runs from source.
 * @example buildMismatch(endpoint, { id: 'b', builtAt: '2026-12-06T10:40:00Z' })
 *   // "the running server (PID 4242, started 2026-12-06 10:15:30 UTC) is an older build than this CLI (built
 *   //  2026-12-06 10:02:00 UTC; this CLI 2026-12-06 10:40:00 UTC): it would run this command with its own code;
 *   //  restart it: stop PID 4242, then run 'marketdash serve --demo' again"
 */
export function buildMismatch(
  endpoint: Pick<ServerEndpoint, 'pid' | 'since' | 'build' | 'command'>,
  own: BuildStamp | null,
): string | null {
  const server = endpoint.build;
  if (server !== undefined && (server?.id ?? null) === (own?.id ?? null)) return null;
  const who = `the running server (PID ${endpoint.pid}, started ${minute(endpoint.since)})`;
  const restart = `restart it: stop PID ${endpoint.pid}, then run '${endpoint.command ?? 'marketdash serve'}' again`;
  let what: string;
  if (server === undefined) what = 'is an older build than this CLI (one that does not say which build it is)';
  else if (server === null) what = `runs from source, not this CLI's build (built ${minute(own!.builtAt)})`;
  else if (own === null) what = `is a build (built ${minute(server.builtAt)}) and this CLI runs from source`;
  else {
    const age = server.builtAt < own.builtAt ? 'an older' : server.builtAt > own.builtAt ? 'a newer' : 'another';
    what = `is ${age} build than this CLI (built ${minute(server.builtAt)}; this CLI ${minute(own.builtAt)})`;
  }
  return `${who} ${what}: it would run this command with its own code; ${restart}`;
}
