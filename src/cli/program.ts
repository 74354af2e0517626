/**
 * Builds the commander program. Each command registers itself from its own file in `commands/`;
 * add one import and one line below per command.
 */
import { Command } from 'commander';

export interface GlobalOptions {
  db?: string;
  databaseUrl?: string;
}

export function buildProgram(): Command {
  const program = new Command('marketdash')
    .description('Market-rotation analytics: prices, returns, trends, rotation, breadth and a checked market note.')
    .version('0.1.0')
    .option('--db <path>', 'DuckDB store file (default: $MARKETDASH_DB or ./marketdash.duckdb)')
    .option('--database-url <url>', 'PostgreSQL store (default: $MARKETDASH_DATABASE_URL); overrides --db')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });

  // Commands register here (keep alphabetical).

  return program;
}

/** The global store options of the root program, as seen from a subcommand's action. */
export function globalOptions(cmd: Command): GlobalOptions {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  return root.opts<GlobalOptions>();
}
