/**
 * Where a command's output goes and what its terminal is. Normally the process's own stdout/stderr;
 * inside `serve`, a command run for a CLI client (src/cli/shared-store/) writes to that client instead,
 * so every command keeps writing `process.stdout.write(...)` and asks `stdoutIsTty()` here rather than
 * `process.stdout.isTTY`. The routing follows the async context (AsyncLocalStorage), so the server's
 * own logging is untouched while a client's command runs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';

export interface CommandIo {
  /** Receives everything the command writes to stdout ('out') or stderr ('err'). */
  write(stream: 'out' | 'err', text: string): void;
  readonly stdoutTty: boolean;
  readonly stderrTty: boolean;
  /** The client's terminal width, when it is a terminal. */
  readonly columns: number | undefined;
  /** The client's standard input, when the command reads it ('-'); null when it was not sent. */
  readonly stdin: string | null;
  /** The client's environment variables that commands read (MARKETDASH_*, NO_COLOR ...). */
  readonly env: Readonly<Record<string, string>>;
}

const context = new AsyncLocalStorage<CommandIo>();
let routed = false;

/** Routes process.stdout/stderr writes made inside `runWithCommandIo` to its CommandIo (installed once). */
function installRouting(): void {
  if (routed) return;
  routed = true;
  for (const [name, stream] of [
    ['out', process.stdout],
    ['err', process.stderr],
  ] as const) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const io = context.getStore();
      if (io === undefined) return original(chunk, ...rest);
      io.write(name, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    }) as typeof stream.write;
  }
}

export function runWithCommandIo<T>(io: CommandIo, fn: () => Promise<T>): Promise<T> {
  installRouting();
  return context.run(io, fn);
}

/** True when this command runs for a CLI client inside `serve`. */
export function runsForClient(): boolean {
  return context.getStore() !== undefined;
}

export function stdoutIsTty(): boolean {
  const io = context.getStore();
  return io ? io.stdoutTty : process.stdout.isTTY === true;
}

export function stderrIsTty(): boolean {
  const io = context.getStore();
  return io ? io.stderrTty : process.stderr.isTTY === true;
}

/** The terminal's width in columns, or undefined when output is not a terminal. */
export function terminalColumns(): number | undefined {
  const io = context.getStore();
  if (io) return io.stdoutTty ? io.columns : undefined;
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}

/** An environment variable as the command's user set it (the client's, inside `serve`). */
export function commandEnv(name: string): string | undefined {
  const io = context.getStore();
  return io ? io.env[name] : process.env[name];
}

/** All of standard input as text (`check -`). */
export function readStdinText(): string {
  const io = context.getStore();
  if (io) return io.stdin ?? '';
  return readFileSync(0, 'utf8');
}
