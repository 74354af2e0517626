/**
 * `marketdash init [--force] [--path FILE]`: writes the default universe config
 * (./marketdash.config.json) and its JSON Schema for editing. Refuses to overwrite without --force.
 */
import type { Command } from 'commander';
import { initConfig } from '../../config/init-config.js';
import { DEFAULT_CONFIG_FILE } from '../../config/universe-config.js';
import { isMarketDashError, UsageError } from '../../domain/errors.js';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('Write the default universe config (marketdash.config.json) and its JSON Schema for editing')
    .option('--path <file>', 'where to write the config', DEFAULT_CONFIG_FILE)
    .option('--force', 'overwrite an existing config')
    .action((opts: { path: string; force?: boolean }) => {
      let r: ReturnType<typeof initConfig>;
      try {
        r = initConfig(opts.path, { force: opts.force });
      } catch (e) {
        if (isMarketDashError(e)) throw e;
        const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        throw new UsageError(`--path: cannot write '${opts.path}' (${code})`, { parameter: '--path', cause: e });
      }
      process.stdout.write(`${r.replaced ? 'replaced' : 'wrote'} ${r.configPath}\nwrote ${r.schemaPath}\n`);
    });
}
