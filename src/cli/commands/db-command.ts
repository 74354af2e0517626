/**
 * `marketdash db migrate` and `marketdash db status`: the store's schema. Opening a store applies
 * pending migrations already; `db migrate` does it explicitly (as a deploy step for a shared
 * PostgreSQL store) and says what it applied.
 */
import type { Command } from 'commander';
import { withStore } from '../../services/open-store.js';
import { globalOptions } from '../global-options.js';
import { parseFormat, renderJson } from '../output-format.js';

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('The store itself: schema migrations and status');
  db.command('migrate')
    .description('Apply pending schema migrations (also done whenever a store is opened)')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: { format?: string }, cmd: Command) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const out = await withStore(globalOptions(cmd), async (store) => {
        const applied = await store.migrate();
        return {
          backend: store.backend,
          location: store.location,
          applied,
          schemaVersion: await store.schemaVersion(),
        };
      });
      process.stdout.write(
        format === 'json'
          ? renderJson(out)
          : `${out.backend} store ${out.location}: schema version ${out.schemaVersion}${out.applied.length ? '' : ' (already current)'}\n`,
      );
    });
  db.command('status')
    .description('Backend, location, schema version, data version, symbols and bars')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: { format?: string }, cmd: Command) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const out = await withStore(globalOptions(cmd), async (store) => {
        const symbols = await store.listSymbols();
        return {
          backend: store.backend,
          location: store.location,
          schemaVersion: await store.schemaVersion(),
          dataVersion: await store.dataVersion(),
          symbols: symbols.length,
          bars: symbols.reduce((n, s) => n + s.rows, 0),
        };
      });
      process.stdout.write(
        format === 'json'
          ? renderJson(out)
          : `${out.backend} store ${out.location}\nschema version ${out.schemaVersion}, data version ${out.dataVersion}\n${out.symbols} symbols, ${out.bars} bars\n`,
      );
    });
}
