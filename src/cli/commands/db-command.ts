/**
 * `marketdash db migrate` and `marketdash db status`: the store's schema. Opening a store applies
 * pending migrations already; `db migrate` does it explicitly (as a deploy step for a shared
 * PostgreSQL store) and says what it applied.
 */
import type { Command } from 'commander';
import { barDateBounds } from '../../domain/data-limits.js';
import { checkBaskets } from '../../services/baskets/basket-check.js';
import { holdsDemoBars } from '../../services/demo-label.js';
import { withStore } from '../../services/open-store.js';
import type { IntegrityReport } from '../../store/store-maintenance.js';
import { globalOptions } from '../global-options.js';
import { parseFormat, renderResultJson } from '../output-format.js';

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
          demo: await holdsDemoBars(store),
        };
      });
      // JSON: the envelope of every result, an object ending with demo and warnings (docs/store-and-cli.md)
      const { demo, ...body } = out;
      process.stdout.write(
        format === 'json'
          ? renderResultJson(body, { demo, warnings: [] })
          : `${out.backend} store ${out.location}: schema version ${out.schemaVersion}${out.applied.length ? '' : ' (already current)'}\n`,
      );
    });
  db.command('check')
    .description(
      'Check the stored data against the data rules (dates, prices, high/low, duplicates, orphans, close snapshot, baskets); --fix repairs it',
    )
    .option(
      '--fix',
      'repair what is found: delete bad bars, keep the latest of duplicates, add orphan symbols, rebuild the snapshot',
    )
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: { fix?: boolean; format?: string }, cmd: Command) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const fix = opts.fix === true;
      const report = await withStore(globalOptions(cmd), async (store) => {
        const found = await store.checkIntegrity({ fix, dateBounds: barDateBounds() });
        // baskets after the store's own repairs, so a fix computes them from the repaired members
        const baskets = await checkBaskets(store, fix);
        return {
          ...found,
          findings: [...found.findings, ...baskets.findings],
          fixed: fix && (found.fixed || baskets.findings.length > 0),
        };
      });
      process.stdout.write(
        format === 'json'
          ? renderResultJson(
              {
                rows: report.findings,
                fixed: report.fixed,
                barsDeleted: report.barsDeleted,
                symbolsAdded: report.symbolsAdded,
                snapshotRebuilt: report.snapshotRebuilt,
              },
              { demo: false },
            )
          : integrityText(report),
      );
      // problems left in the store: exit 1, so a script or a cron job notices
      if (report.findings.length > 0 && !report.fixed) process.exitCode = 1;
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
          demo: await holdsDemoBars(store),
        };
      });
      const { demo, ...body } = out;
      process.stdout.write(
        format === 'json'
          ? renderResultJson(body, { demo, warnings: [] })
          : `${out.backend} store ${out.location}\nschema version ${out.schemaVersion}, data version ${out.dataVersion}\n${out.symbols} symbols, ${out.bars} bars\n`,
      );
    });
}

/** One line per finding (what, where, how many, what --fix does or did), then a summary line. */
export function integrityText(report: IntegrityReport): string {
  if (report.findings.length === 0) return 'db check: no problems found\n';
  const lines = report.findings.map(
    (f) =>
      `${f.kind} ${f.symbol}: ${f.rows} bar${f.rows === 1 ? '' : 's'}${f.firstDate === null ? '' : ` (first ${f.firstDate})`}: ${report.fixed ? 'fixed' : '--fix would'} ${f.fix}`,
  );
  lines.push(
    report.fixed
      ? `db check --fix: ${report.barsDeleted} bar(s) deleted, ${report.symbolsAdded} symbol(s) added${report.snapshotRebuilt ? ', close snapshot rebuilt' : ''} (one transaction), baskets rewritten from their members`
      : `db check: ${report.findings.length} problem(s); run 'marketdash db check --fix' to repair them`,
  );
  return `${lines.join('\n')}\n`;
}
