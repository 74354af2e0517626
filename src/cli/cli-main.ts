/**
 * What the `marketdash` process runs (main.ts, and the bundle of scripts/bundle-cli.mjs, which has no
 * top-level await): its command line, to its exit code. Output piped into a reader that stops early
 * (`| head`) ends quietly: EPIPE is not an error.
 *
 * A command that reads the store at once has its DuckDB file opened before the rest of the program is
 * loaded (command-name.ts): DuckDB starts on its own threads while the main thread loads the command's
 * modules, which took 0.02-0.03 s off `marketdash perf SPY`. So run-cli.ts is imported only after that.
 */
import { storeReadAtOnce } from './command-name.js';

export async function main(argv: string[]): Promise<number> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const early = storeReadAtOnce(argv.slice(2));
  if (early !== null) await (await import('../services/open-store.js')).openDuckDbEarly(early);
  const { runCli } = await import('./run-cli.js');
  return runCli(argv);
}
