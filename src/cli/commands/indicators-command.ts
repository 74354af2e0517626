/**
 * `marketdash indicators <SYMBOL> --ind sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14,roc:10
 * [--from DATE] [--to DATE] [--total-return] [--format csv|json|table]`: technical indicators that match
 * R's TTR, one column per output (`sma_20`, `macd_signal_12_26_9`, `bb_upper_20_2` ...), empty
 * during warm-up. They are computed on the symbol's FULL stored history and only then cut to
 * --from/--to, so a value never depends on where the printed range starts.
 * JSON: {symbol, field, from, to, indicators, columns, rows: [{date, <column>: number|null}]}.
 */

import type { Command } from 'commander';
import { parseIndicatorSpecs } from '../../analytics/indicators/indicator-spec.js';
import { computeIndicators, type IndicatorColumn } from '../../analytics/indicators/indicator-table.js';
import { ensureDefined } from '../../domain/ensure.js';
import { DataError, UsageError } from '../../domain/errors.js';
import { indexOnOrAfter, indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { withStore } from '../../services/open-store.js';
import { unknownSymbolError } from '../../services/stored-series.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable } from '../output-format.js';

interface IndicatorsOptions {
  ind: string;
  from?: string;
  to?: string;
  totalReturn?: boolean;
  format?: string;
}

export function registerIndicatorsCommand(program: Command): void {
  program
    .command('indicators')
    .description(
      "Technical indicators matching R's TTR 0.24.3 (36 kinds, SMA to ADX, stoch, MFI, SAR and the volatility estimators: docs/analytics.md), one column per output",
    )
    .argument('<symbol>', 'a stored symbol')
    .requiredOption('--ind <list>', 'comma-separated, e.g. sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14,roc:10')
    .option('--from <date>', 'first date printed, YYYY-MM-DD (the warm-up still uses the history before it)')
    .option('--to <date>', 'last date printed, YYYY-MM-DD')
    .option(
      '--total-return',
      'compute on adjusted closes (dividends reinvested); not with bar-based ones (atr, adx ...)',
    )
    .option('--format <format>', 'csv, json or table (a table for people: 6 significant digits)', 'csv')
    .action(async (symbol: string, opts: IndicatorsOptions, cmd: Command) => {
      const format = parseFormat(opts.format, ['csv', 'json', 'table']);
      const specs = parseIndicatorSpecs(opts.ind, '--ind');
      const from = opts.from === undefined ? undefined : parseIsoDate(opts.from, '--from');
      const to = opts.to === undefined ? undefined : parseIsoDate(opts.to, '--to');
      if (from !== undefined && to !== undefined && from > to) {
        throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`, { parameter: '--from' });
      }
      const barBased = specs.find((s) => s.inputs !== 'close');
      if (opts.totalReturn && barBased) {
        throw new UsageError(
          `${barBased.text} cannot use --total-return: it reads high, low, open or volume, which are not adjusted for dividends`,
          {
            parameter: '--total-return',
          },
        );
      }
      const { series, demo } = await withDataStore(globalOptions(cmd), async (store, facts) => ({
        series: await store.readSeries(symbol),
        demo: facts.demo,
      }));
      if (series === null) throw await withStore(globalOptions(cmd), (store) => unknownSymbolError(store, symbol));
      const field = opts.totalReturn ? 'adjClose' : 'close';
      const columns = computeIndicators(series, specs, field);

      const start = from === undefined ? 0 : indexOnOrAfter(series.dates, from);
      const end = to === undefined ? series.dates.length : indexOnOrBefore(series.dates, to) + 1;
      if (start >= end) {
        const span = `${formatIsoDate(ensureDefined(series.dates[0], `first day of ${series.symbol}`))} to ${formatIsoDate(series.dates[series.dates.length - 1]!)}`;
        throw new DataError(
          `${series.symbol} has no bars from ${opts.from ?? 'the start'} to ${opts.to ?? 'the end'} (stored: ${span})`,
        );
      }
      const rows = Array.from({ length: end - start }, (_, k) => start + k);
      const dateOf = (i: number) => formatIsoDate(series.dates[i]!);
      if (format === 'json') {
        process.stdout.write(
          renderResultJson(
            {
              symbol: series.symbol,
              field,
              from: dateOf(start),
              to: dateOf(end - 1),
              indicators: specs.map((s) => s.text),
              columns: columns.map((c) => c.name),
              rows: rows.map((i) => jsonRow(dateOf(i), columns, i)),
            },
            { demo },
          ),
        );
      } else if (format === 'table') {
        const tableColumns: Column<number>[] = [
          { header: 'Date', value: dateOf },
          ...columns.map(
            (c): Column<number> => ({
              header: c.name,
              value: (i) => (Number.isFinite(c.values[i]!) ? Number(c.values[i]!.toPrecision(6)) : ''),
              align: 'right',
            }),
          ),
        ];
        process.stdout.write(`${renderTable(rows, tableColumns)}${demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`);
      } else {
        const csvColumns: Column<number>[] = [
          { header: 'date', value: dateOf },
          ...columns.map((c): Column<number> => ({ header: c.name, value: (i) => finiteOrNull(c.values[i]!) })),
        ];
        process.stdout.write(renderCsv(rows, csvColumns));
      }
    });
}

/** A number, or null for warm-up (NaN) and TTR's undefined values, so JSON and CSV never say NaN. */
function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function jsonRow(date: string, columns: readonly IndicatorColumn[], i: number): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = { date };
  for (const c of columns) row[c.name] = finiteOrNull(c.values[i]!);
  return row;
}
