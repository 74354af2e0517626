/**
 * `marketdash group import <file.csv> --name NAME [--benchmark SYM]`, `group list`, `group show NAME`:
 * constituent lists kept in the user groups file (marketdash.groups.json, editable by hand).
 */
import type { Command } from 'commander';
import { importGroup, listGroups, resolveGroup } from '../../services/groups/group-registry.js';
import { parseFormat, renderJson, renderTable } from '../output-format.js';

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
    .option('--group-file <path>', 'user groups file (default: marketdash.groups.json)')
    .action((file: string, opts: { name: string; benchmark?: string; groupFile?: string }) => {
      const r = importGroup(file, opts.name, { groupFile: opts.groupFile, benchmark: opts.benchmark });
      process.stdout.write(
        `${r.replaced ? 'replaced' : 'imported'} group '${r.name}': ${r.members} members${r.benchmark ? `, benchmark ${r.benchmark}` : ''} -> ${r.groupFile}\n`,
      );
    });
  group
    .command('list')
    .description('Groups from the groups file and the universe config')
    .option('--group-file <path>', 'user groups file (default: marketdash.groups.json)')
    .option('--format <format>', 'table or json', 'table')
    .action((opts: { groupFile?: string; format: string }) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const rows = listGroups({ groupFile: opts.groupFile });
      process.stdout.write(
        format === 'json'
          ? renderJson(rows)
          : renderTable(rows, [
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
    .option('--group-file <path>', 'user groups file (default: marketdash.groups.json)')
    .option('--format <format>', 'table or json', 'table')
    .action((name: string, opts: { groupFile?: string; format: string }) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const g = resolveGroup(name, { groupFile: opts.groupFile });
      process.stdout.write(
        format === 'json'
          ? renderJson(g)
          : `${g.name} (${g.origin}, ${g.members.length} members${g.benchmark ? `, benchmark ${g.benchmark}` : ''}): ${g.members.join(' ')}\n`,
      );
    });
}
