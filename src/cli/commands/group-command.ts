/**
 * `marketdash group import <file.csv> --name NAME [--benchmark SYM]`, `group list`, `group show NAME`:
 * constituent lists kept in the store (shared by every command, the API and the dashboard, and by
 * everyone on a PostgreSQL store); the universe config's groups are the defaults. An old
 * marketdash.groups.json is moved into the store on first use.
 */
import type { Command } from 'commander';
import { holdsDemoBars } from '../../services/demo-label.js';
import { importGroup, listGroups, resolveGroup } from '../../services/groups/group-registry.js';
import { withStore } from '../../services/open-store.js';
import { globalOptions } from '../global-options.js';
import { parseFormat, renderCsv, renderResultJson, renderTable } from '../output-format.js';

export function registerGroupCommand(program: Command): void {
  const group = program
    .command('group')
    .description('Constituent lists (groups) for rotation, leaders, rank and breadth');
  group
    .command('import')
    .description('Import a CSV with a Ticker or Symbol column as a group')
    .argument('<file>', 'CSV file (e.g. sp600.csv)')
    .requiredOption('--name <name>', 'group name')
    .option('--benchmark <symbol>', 'the group benchmark for breadth (e.g. IJR)')
    .option('--group-file <path>', 'an old groups file to move into the store (default: marketdash.groups.json)')
    .action(async (file: string, opts: { name: string; benchmark?: string; groupFile?: string }, cmd: Command) => {
      const r = await withStore(globalOptions(cmd), (store) =>
        importGroup(file, opts.name, { store, groupFile: opts.groupFile, benchmark: opts.benchmark }),
      );
      process.stdout.write(
        `${r.replaced ? 'replaced' : 'imported'} group '${r.name}': ${r.members} members${r.benchmark ? `, benchmark ${r.benchmark}` : ''} -> ${r.store}\n`,
      );
    });
  group
    .command('list')
    .description('Groups imported into the store and those of the universe config')
    .option('--group-file <path>', 'an old groups file to move into the store (default: marketdash.groups.json)')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: { groupFile?: string; format: string }, cmd: Command) => {
      const format = parseFormat(opts.format);
      const { rows, demo } = await withStore(globalOptions(cmd), async (store) => ({
        rows: await listGroups({ store, groupFile: opts.groupFile }),
        demo: await holdsDemoBars(store),
      }));
      process.stdout.write(
        // the JSON envelope of every list result: {rows, demo, warnings} (docs/store-and-cli.md)
        format === 'json'
          ? renderResultJson(rows, { demo })
          : (format === 'csv' ? renderCsv : renderTable)(rows, [
              { header: 'Group', value: (r) => r.name },
              { header: 'Members', value: (r) => r.members, align: 'right' },
              { header: 'Benchmark', value: (r) => r.benchmark ?? '' },
              { header: 'From', value: (r) => r.origin },
            ]),
      );
    });
  group
    .command('show')
    .description("A group's members")
    .argument('<name>', 'group name')
    .option('--group-file <path>', 'an old groups file to move into the store (default: marketdash.groups.json)')
    .option('--format <format>', 'table or json', 'table')
    .action(async (name: string, opts: { groupFile?: string; format: string }, cmd: Command) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const { g, demo } = await withStore(globalOptions(cmd), async (store) => ({
        g: await resolveGroup(name, { store, groupFile: opts.groupFile }),
        demo: await holdsDemoBars(store),
      }));
      process.stdout.write(
        // one object with the envelope's last two fields, as `group list` ends with them (docs/store-and-cli.md)
        format === 'json'
          ? renderResultJson(g, { demo })
          : `${g.name} (${g.origin}, ${g.members.length} members${g.benchmark ? `, benchmark ${g.benchmark}` : ''}): ${g.members.join(' ')}\n`,
      );
    });
}
