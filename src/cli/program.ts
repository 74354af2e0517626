/**
 * Builds the commander program. Each command registers itself from its own file in `commands/`;
 * add one import and one line below per command.
 */
import { Command } from 'commander';
import { registerBaserateCommand } from './commands/baserate-command.js';
import { registerBasketCommand } from './commands/basket-command.js';
import { registerBreadthCommand } from './commands/breadth-command.js';
import { registerCheckCommand } from './commands/check-command.js';
import { registerDbCommand } from './commands/db-command.js';
import { registerDemoCommand } from './commands/demo-command.js';
import { registerEventsCommand } from './commands/events-command.js';
import { registerGroupCommand } from './commands/group-command.js';
import { registerImportCommand } from './commands/import-command.js';
import { registerIndicatorsCommand } from './commands/indicators-command.js';
import { registerInitCommand } from './commands/init-command.js';
import { registerLeadersCommand } from './commands/leaders-command.js';
import { registerPerfCommand } from './commands/perf-command.js';
import { registerRankCommand } from './commands/rank-command.js';
import { registerRatesCommand } from './commands/rates-command.js';
import { registerRatioCommand } from './commands/ratio-command.js';
import { registerRegimeCommand } from './commands/regime-command.js';
import { registerReportCommand } from './commands/report-command.js';
import { registerRotationCommand } from './commands/rotation-command.js';
import { registerScoreboardCommand } from './commands/scoreboard-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerSymbolsCommand } from './commands/symbols-command.js';
import { registerTrendCommand } from './commands/trend-command.js';
import { registerUpdateCommand } from './commands/update-command.js';
import { globalOptions } from './global-options.js';
import { addHelpExamples } from './help-examples.js';
import { forwardIfServed } from './shared-store/forward-command.js';

export function buildProgram(): Command {
  const program = new Command('marketdash')
    .description('Market-rotation analytics: prices, returns, trends, rotation, breadth and a checked market note.')
    .version('0.1.0')
    .option('--db <path>', 'DuckDB store file (default: $MARKETDASH_DB or ./marketdash.duckdb)')
    .option('--database-url <url>', 'PostgreSQL store (default: $MARKETDASH_DATABASE_URL); overrides --db')
    .option('--wait <seconds>', 'how long to wait for a store another command is using', '60')
    .exitOverride();
  // While `serve` holds the DuckDB file, a command runs inside the server (shared-store/forward-command.ts).
  program.hook('preAction', (_root, action) => forwardIfServed(action, globalOptions(action)));
  // A usage mistake is one line on stderr, like every other error: `marketdash: unknown option '--x' (...)`.
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(`marketdash: ${s.replace(/^error: /, '').trim()} (run with --help for usage)\n`),
  });

  // Commands register here (keep alphabetical).
  registerBaserateCommand(program);
  registerBasketCommand(program);
  registerBreadthCommand(program);
  registerCheckCommand(program);
  registerDbCommand(program);
  registerDemoCommand(program);
  registerEventsCommand(program);
  registerGroupCommand(program);
  registerImportCommand(program);
  registerIndicatorsCommand(program);
  registerInitCommand(program);
  registerLeadersCommand(program);
  registerPerfCommand(program);
  registerRankCommand(program);
  registerRatioCommand(program);
  registerReportCommand(program);
  registerRegimeCommand(program);
  registerRatesCommand(program);
  registerRotationCommand(program);
  registerScoreboardCommand(program);
  registerServeCommand(program);
  registerSymbolsCommand(program);
  registerTrendCommand(program);
  registerUpdateCommand(program);

  addHelpExamples(program);
  return program;
}
