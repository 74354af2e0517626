/**
 * Runs one command line to its exit code: 0 ok, 1 data problem (or contradicted claims), 2 usage. No stack
 * trace for a user's mistake. Used by `main.ts` (the process's own command line) and by `serve` for
 * commands a CLI client sends it (src/cli/shared-store/): when a server holds the DuckDB file, the
 * command is sent there instead of run here.
 */
import { CommanderError } from 'commander';
import { cliErrorLine, isMarketDashError } from '../domain/errors.js';
import { buildProgramFor } from './lazy-program.js';
import { RunInServer, runInServer } from './shared-store/forward-command.js';

/** Runs `argv` (node-style: [node, script, ...args]) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    // only the command being run is loaded (lazy-program.ts)
    const program = await buildProgramFor(argv);
    await program.parseAsync(argv, { from: 'node' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof RunInServer) {
      const code = await runInServer(e, argv.slice(2));
      // the server vanished before taking the command: run it here after all (its stale file is gone)
      return code ?? runCli(argv);
    }
    return reportError(e);
  }
}

export function reportError(e: unknown): number {
  if (e instanceof CommanderError) {
    // commander has already printed its message (and help output exits with code 0)
    return e.exitCode === 0 ? 0 : 2;
  }
  if (isMarketDashError(e)) {
    process.stderr.write(`marketdash: ${cliErrorLine(e)}\n`);
    return e.kind === 'usage' ? 2 : 1;
  }
  process.stderr.write(`marketdash: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 1;
}
