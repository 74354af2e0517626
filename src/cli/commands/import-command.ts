/**
 * `marketdash import <files...> [--symbol SYM]`: loads CSV files (Yahoo, Stooq, close-only, long
 * layout, gzip of any) into the store as one all-or-nothing upsert. Prints one summary line per file
 * and its warnings; a bad row imports nothing and exits 1 naming the file and line. Progress bars
 * appear only when stderr is a terminal.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { describeBasketRefresh } from '../../services/baskets/basket-refresh-text.js';
import { type ImportProgress, type ImportReport, importFiles } from '../../services/import/import-service.js';
import { withStore } from '../../services/open-store.js';
import { stderrIsTty } from '../command-io.js';
import { globalOptions } from '../global-options.js';

interface ImportOptions {
  symbol?: string;
  replace?: boolean;
  maxLineBytes?: string;
  maxInflatedBytes?: string;
}

/** A byte-count option: a whole number, optionally with k/m/g (powers of 1024). */
function byteCount(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!m)
    throw new UsageError(`${option}: '${text}' is not a byte count (like 1048576, 2m or 8g)`, { parameter: option });
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * scale;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import daily bars from CSV files (Yahoo, Stooq, Date,Close, Date,Adj Close, long Symbol/Ticker layout; .gz too)',
    )
    .argument(
      '<files...>',
      'CSV files; the symbol is the file name stem (NVDA.csv -> NVDA) unless the file has a symbol column',
    )
    .option('--symbol <ticker>', 'the ticker of a single-symbol file, instead of its name')
    .option(
      '--replace',
      'replace stored bars whose close differs even when the file lacks fields they have (a close-only file over OHLCV history)',
    )
    .option('--max-line-bytes <n>', 'the longest line accepted (default 1m)')
    .option('--max-inflated-bytes <n>', 'the largest size a gzip file may inflate to (default 4g)')
    .action(async (files: string[], opts: ImportOptions, cmd: Command) => {
      const limits = {
        ...(opts.maxLineBytes === undefined ? {} : { maxLineBytes: byteCount(opts.maxLineBytes, '--max-line-bytes') }),
        ...(opts.maxInflatedBytes === undefined
          ? {}
          : { maxInflatedBytes: byteCount(opts.maxInflatedBytes, '--max-inflated-bytes') }),
      };
      const progress = stderrIsTty() ? terminalProgress() : null;
      try {
        const report = await withStore(globalOptions(cmd), (store) =>
          importFiles(store, {
            files,
            symbol: opts.symbol,
            replace: opts.replace === true,
            limits,
            onProgress: progress?.update,
          }),
        );
        progress?.stop();
        process.stdout.write(renderImportReport(report));
      } finally {
        progress?.stop();
      }
    });
}

/** A one-line bar on stderr: file n/m, phase, percent of the phase. */
function terminalProgress(): { update: (e: ImportProgress) => void; stop: () => void } {
  const bar = new SingleBar({
    format: 'import [{bar}] {percentage}% | file {file}/{files} {phase} {name}',
    hideCursor: true,
    clearOnComplete: true,
    stream: process.stderr,
  });
  let started = false;
  let stopped = false;
  return {
    update: (e) => {
      if (stopped) return;
      const payload = {
        file: e.fileIndex + 1,
        files: e.fileCount,
        phase: e.phase,
        name: e.path.split('/').pop() ?? '',
      };
      if (!started) {
        bar.start(100, 0, payload);
        started = true;
      }
      bar.update(Math.round(e.fraction * 100), payload);
    },
    stop: () => {
      if (started && !stopped) bar.stop();
      stopped = true;
    },
  };
}

export function renderImportReport(report: ImportReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    if (f.layout === 'symbol-list') {
      out.push(`${f.path}: symbol list, ${f.symbols.length} names`);
    } else {
      const who = f.symbols.length === 1 ? f.symbols[0] : `${f.symbols.length} symbols`;
      const span = f.firstDate ? ` ${f.firstDate} .. ${f.lastDate}` : '';
      out.push(`${f.path}: ${f.layout}, ${who}, ${f.rows} rows${span}`);
    }
    for (const w of f.warnings) out.push(`  warning: ${w.message}`);
  }
  out.push(`imported ${report.rowsSeen} rows: ${report.rowsChanged} new or changed`);
  for (const b of report.baskets) out.push(`  ${describeBasketRefresh(b)}`);
  return `${out.join('\n')}\n`;
}
