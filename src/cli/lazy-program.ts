/**
 * The command line's program: only the command named on the command line is loaded (its module and
 * what that imports), so `marketdash perf SPY` never loads the server, the providers, the note engine
 * or the other commands. With no command, an unknown one, or root --help/--version, the full program
 * of program.ts answers (a test keeps the two lists equal).
 */
import type { Command } from 'commander';
import { commandNameIn } from './command-name.js';
import { addHelpExamples } from './help-examples.js';
import { rootProgram } from './root-program.js';

type Register = (program: Command) => void;

/** Each command's registration function, loaded on demand; in program.ts's order. */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<Register>>> = {
  baserate: async () => (await import('./commands/baserate-command.js')).registerBaserateCommand,
  basket: async () => (await import('./commands/basket-command.js')).registerBasketCommand,
  breadth: async () => (await import('./commands/breadth-command.js')).registerBreadthCommand,
  check: async () => (await import('./commands/check-command.js')).registerCheckCommand,
  db: async () => (await import('./commands/db-command.js')).registerDbCommand,
  demo: async () => (await import('./commands/demo-command.js')).registerDemoCommand,
  events: async () => (await import('./commands/events-command.js')).registerEventsCommand,
  group: async () => (await import('./commands/group-command.js')).registerGroupCommand,
  import: async () => (await import('./commands/import-command.js')).registerImportCommand,
  indicators: async () => (await import('./commands/indicators-command.js')).registerIndicatorsCommand,
  init: async () => (await import('./commands/init-command.js')).registerInitCommand,
  leaders: async () => (await import('./commands/leaders-command.js')).registerLeadersCommand,
  perf: async () => (await import('./commands/perf-command.js')).registerPerfCommand,
  rank: async () => (await import('./commands/rank-command.js')).registerRankCommand,
  ratio: async () => (await import('./commands/ratio-command.js')).registerRatioCommand,
  report: async () => (await import('./commands/report-command.js')).registerReportCommand,
  regime: async () => (await import('./commands/regime-command.js')).registerRegimeCommand,
  rates: async () => (await import('./commands/rates-command.js')).registerRatesCommand,
  seasonality: async () => (await import('./commands/seasonality-command.js')).registerSeasonalityCommand,
  rotation: async () => (await import('./commands/rotation-command.js')).registerRotationCommand,
  scoreboard: async () => (await import('./commands/scoreboard-command.js')).registerScoreboardCommand,
  serve: async () => (await import('./commands/serve-command.js')).registerServeCommand,
  symbols: async () => (await import('./commands/symbols-command.js')).registerSymbolsCommand,
  trend: async () => (await import('./commands/trend-command.js')).registerTrendCommand,
  update: async () => (await import('./commands/update-command.js')).registerUpdateCommand,
};

/** The program for `argv` (as process.argv: node, script, then the user's arguments). */
export async function buildProgramFor(argv: readonly string[]): Promise<Command> {
  const name = commandNameIn(argv.slice(2));
  const load = name === null ? undefined : COMMAND_LOADERS[name];
  if (load === undefined) {
    // root help, an unknown command, or one added to program.ts but not yet here: the full program
    const { buildProgram } = await import('./program.js');
    return buildProgram();
  }
  const program = rootProgram();
  (await load())(program);
  addHelpExamples(program);
  return program;
}
