/**
 * Builds the commander program with every command (help, docs and tests use it). Each command
 * registers itself from its own file in `commands/`; add one import and one line below per command,
 * and one line in lazy-program.ts (the command line loads only the command it runs).
 */
import type { Command } from 'commander';
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
import { registerSeasonalityCommand } from './commands/seasonality-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerSymbolsCommand } from './commands/symbols-command.js';
import { registerTrendCommand } from './commands/trend-command.js';
import { registerUpdateCommand } from './commands/update-command.js';
import { addHelpExamples } from './help-examples.js';
import { rootProgram } from './root-program.js';

export function buildProgram(): Command {
  const program = rootProgram();

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
  registerSeasonalityCommand(program);
  registerRotationCommand(program);
  registerScoreboardCommand(program);
  registerServeCommand(program);
  registerSymbolsCommand(program);
  registerTrendCommand(program);
  registerUpdateCommand(program);

  addHelpExamples(program);
  return program;
}
