#!/usr/bin/env node
/**
 * The `marketdash` command line. Commands live one per file in `commands/` and are registered in
 * `program.ts`; this file only runs the program and maps errors to exit codes:
 * 0 ok, 1 data problem (or contradicted claims), 2 usage. No stack trace for a user's mistake.
 */
import { CommanderError } from 'commander';
import { isMarketDashError } from '../domain/errors.js';
import { buildProgram } from './program.js';

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'node' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return reportError(e);
  }
}

export function reportError(e: unknown): number {
  if (e instanceof CommanderError) {
    // commander has already printed its message (and help output exits with code 0)
    return e.exitCode === 0 ? 0 : 2;
  }
  if (isMarketDashError(e)) {
    process.stderr.write(`marketdash: ${e.message}\n`);
    return e.kind === 'usage' ? 2 : 1;
  }
  process.stderr.write(`marketdash: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 1;
}

const code = await main(process.argv);
process.exitCode = code;
