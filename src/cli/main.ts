#!/usr/bin/env node
/**
 * The `marketdash` command line. Commands live one per file in `commands/` and are registered in
 * `program.ts`; `run-cli.ts` runs them and maps errors to exit codes. Output piped into a reader that
 * stops early (`| head`) ends quietly: EPIPE is not an error.
 */
import { runCli } from './run-cli.js';

export { reportError } from './run-cli.js';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function main(argv: string[]): Promise<number> {
  return runCli(argv);
}

const code = await main(process.argv);
process.exitCode = code;
