/**
 * FRED's own CSV layout, as downloaded from fred.stlouisfed.org and saved in ../shared/data/real/
 * rates: `observation_date,DGS10` (older files `DATE,DGS10`), one value per row, empty (or '.')
 * on market holidays. `import` stores such a file as kind `rate` under the series name of its
 * header (or --symbol), the value as the close, holidays skipped; any other bad line is a
 * one-line DataError naming the file and the line.
 */

import { barDateBounds, type DateBounds } from '../../domain/data-limits.js';
import { DataError } from '../../domain/errors.js';
import { editDistance } from '../../domain/nearest-names.js';
import { closeOnlySeries, type PriceSeries } from '../../domain/price-series.js';
import { normaliseTicker, type SymbolInfo, tickerProblem } from '../../domain/symbol-info.js';
import { tryParseIsoDate } from '../../domain/trading-date.js';
import { visible } from '../../domain/visible-text.js';
import { splitCsvLine } from './csv-fields.js';
import { readLines } from './csv-file-reader.js';
import { normaliseHeader } from './csv-layout.js';
import { parseDateCell, parseNumberCell } from './row-rules.js';

export interface FredFile {
  readonly series: PriceSeries;
  readonly info: SymbolInfo;
  /** Rows skipped for an empty value (holidays). */
  readonly blanks: number;
}

const PRICE_NAMES = new Set([
  'open',
  'high',
  'low',
  'close',
  'adjclose',
  'adjustedclose',
  'volume',
  'symbol',
  'ticker',
]);

/**
 * True for FRED's two-column header: the date column (`observation_date`, or `DATE` in older
 * files) and a series name that is not a price column (`Date,Close` stays a close-only file), nor one
 * edit away from one (`Date,Clsoe` is a typo the layout check names, not a rate series called CLSOE).
 * @example isFredHeader(['observation_date', 'DGS2']) // true
 */
export function isFredHeader(columns: readonly string[]): boolean {
  if (columns.length !== 2) return false;
  const [dateColumn = '', seriesColumn = ''] = columns;
  const first = normaliseHeader(dateColumn);
  const second = normaliseHeader(seriesColumn);
  if (!(first === 'observationdate' || first === 'date') || second === '' || PRICE_NAMES.has(second)) return false;
  return second.length < 4 || ![...PRICE_NAMES].some((name) => editDistance(second, name) <= 1);
}

/** Reads a whole FRED file (a few thousand lines) into a close-only series of kind `rate`. */
export async function readFredFile(
  path: string,
  gzip: boolean,
  symbol: string | undefined,
  bounds: DateBounds = barDateBounds(),
): Promise<FredFile> {
  const dates: number[] = [];
  const values: number[] = [];
  let ticker = '';
  let blanks = 0;
  let n = 0;
  for await (const raw of readLines(path, gzip)) {
    n++;
    const line = raw.trim();
    if (line === '') continue;
    const fields = splitCsvLine(line);
    if (ticker === '') {
      ticker = symbol ?? normaliseTicker(fields[1] ?? '');
      if (ticker === '') throw new DataError(`${path} line ${n}: the header names no series`, { file: path, line: n });
      const problem = tickerProblem(ticker);
      if (problem !== null)
        throw new DataError(`${path} line ${n}: the series name ${problem}; give one with --symbol`, {
          file: path,
          line: n,
        });
      continue;
    }
    const bad = (why: string) => new DataError(`${path} line ${n}: ${why}`, { file: path, line: n });
    if (fields.length !== 2) throw bad(`expected 2 fields (date,value), got ${fields.length}`);
    const iso = parseDateCell(fields[0]!);
    if (iso === null) throw bad(`'${visible(fields[0]!)}' is not a date (YYYY-MM-DD)`);
    if (iso < bounds.min || iso > bounds.max) throw bad(`${iso} is outside ${bounds.min} .. ${bounds.max}`);
    const day = tryParseIsoDate(iso)!;
    const text = fields[1]!.trim();
    if (text === '' || text === '.') {
      blanks++;
      continue;
    }
    const cell = parseNumberCell(text);
    if (cell.kind !== 'number' || !Number.isFinite(cell.value)) throw bad(`'${visible(text)}' is not a number`);
    const value = cell.value;
    if (dates.length > 0 && day <= dates[dates.length - 1]!) throw bad(`${fields[0]} is not after the date before`);
    dates.push(day);
    values.push(value);
  }
  return {
    series: closeOnlySeries(ticker, dates, values),
    info: { ticker, name: null, kind: 'rate', currency: 'USD' },
    blanks,
  };
}
