/**
 * The root `marketdash` command without any subcommand: name, description, version, the global store
 * options, the hand-over to a server holding the store, and the one-line error output. program.ts (every command, for help and tests) and
 * lazy-program.ts (the command line itself, loading only the command it runs) both start from it.
 */
import { Command } from 'commander';
import { globalOptions } from './global-options.js';
import { setWideTables } from './output-format.js';
import { forwardIfServed } from './shared-store/forward-command.js';

export function rootProgram(): Command {
  const program = new Command('marketdash')
    .description('Market-rotation analytics: prices, returns, trends, rotation, breadth and a checked market note.')
    .version('0.1.0')
    .option('--db <path>', 'DuckDB store file (default: $MARKETDASH_DB or ./marketdash.duckdb)')
    .option('--database-url <url>', 'PostgreSQL store (default: $MARKETDASH_DATABASE_URL); overrides --db')
    .option('--wait <seconds>', 'how long to wait for a store another command is using', '60')
    .option('--wide', 'tables show every column at full width (default: at most 120 columns)')
    .exitOverride();
  // While `serve` holds the DuckDB file, a command runs inside the server (shared-store/forward-command.ts).
  program.hook('preAction', (root, action) => {
    setWideTables(root.opts<{ wide?: boolean }>().wide === true);
    return forwardIfServed(action, globalOptions(action));
  });
  // A usage mistake is one line on stderr, like every other error: `marketdash: unknown option '--x' (...)`.
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(`marketdash: ${s.replace(/^error: /, '').trim()} (run with --help for usage)\n`),
  });
  return program;
}
