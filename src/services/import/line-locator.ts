/**
 * The error path of an import: the store says a file has a bad row (or a date twice with different
 * values); this re-reads that one file as a stream to name the line and say exactly what is wrong.
 * Also finds the lines of given (symbol, date) keys, for warnings.
 */

import type { DateBounds, ReadLimits } from '../../domain/data-limits.js';
import { splitCsvLine } from './csv-fields.js';
import { readLineRecords, readLines } from './csv-file-reader.js';
import type { CsvLayout } from './csv-layout.js';
import { type CheckedRow, checkRow } from './row-rules.js';

export interface DataFile {
  readonly path: string;
  readonly gzip: boolean;
  readonly layout: CsvLayout;
  /** Physical lines before the first data row. */
  readonly skipLines: number;
  /** The ticker of a single-symbol file. */
  readonly symbol: string | null;
  /** The date bounds of the import (default: any date from 1900). */
  readonly bounds?: DateBounds;
  readonly limits?: ReadLimits;
}

export interface LocatedProblem {
  readonly line: number;
  readonly message: string;
}

/** Data lines of the file with their physical line numbers (blank lines skipped). */
async function* dataLines(file: DataFile): AsyncGenerator<[number, string]> {
  let n = 0;
  for await (const line of readLines(file.path, file.gzip, file.limits)) {
    n++;
    if (n <= file.skipLines || line.trim() === '') continue;
    yield [n, line];
  }
}

/** The first line that breaks a row rule, or null when every row passes. */
export async function findFirstBadLine(file: DataFile): Promise<LocatedProblem | null> {
  for await (const [n, line] of dataLines(file)) {
    const checked = checkRow(splitCsvLine(line), file.layout, file.bounds);
    if ('problem' in checked) return { line: n, message: checked.problem };
  }
  return null;
}

function keyOf(row: CheckedRow, file: DataFile): string {
  return `${row.symbol ?? file.symbol ?? ''}|${row.date}`;
}

/** The second line that gives `date` (of `symbol`) different values from an earlier one. */
export async function findConflictingDuplicate(
  file: DataFile,
  symbol: string,
  date: string,
): Promise<LocatedProblem | null> {
  const wanted = `${symbol}|${date}`;
  let first: { line: number; values: string } | null = null;
  for await (const [n, line] of dataLines(file)) {
    const checked = checkRow(splitCsvLine(line), file.layout, file.bounds);
    if (!('row' in checked) || keyOf(checked.row, file) !== wanted) continue;
    const values = JSON.stringify(checked.row.values);
    if (first === null) first = { line: n, values };
    else if (values !== first.values) {
      return {
        line: n,
        message: `duplicate date ${date} for ${symbol} with different values (first given on line ${first.line})`,
      };
    }
  }
  return null;
}

/** The line of each wanted `symbol|date` key (first occurrence); keys not found are absent. */
export async function findKeyLines(file: DataFile, keys: ReadonlySet<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (keys.size === 0) return out;
  // only lines that mention one of the dates are parsed (a long file has millions of others)
  const dates = [...new Set([...keys].map((k) => k.slice(k.indexOf('|') + 1)))];
  const mentionsDate = new RegExp(
    dates.map((d) => `${d.slice(0, 4)}-0?${Number(d.slice(5, 7))}-0?${Number(d.slice(8, 10))}`).join('|'),
  );
  for await (const [n, line] of dataLines(file)) {
    if (!mentionsDate.test(line)) continue;
    const checked = checkRow(splitCsvLine(line), file.layout, file.bounds);
    if (!('row' in checked)) continue;
    const key = keyOf(checked.row, file);
    if (keys.has(key) && !out.has(key)) {
      out.set(key, n);
      if (out.size === keys.size) break;
    }
  }
  return out;
}

const ENDING_NAME = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' } as const;

/** The first line whose ending differs from the first line's (mixed LF / CRLF / CR), or null. */
export async function findMixedLineEnding(file: DataFile): Promise<LocatedProblem | null> {
  let first: '\n' | '\r\n' | '\r' | null = null;
  let n = 0;
  for await (const r of readLineRecords(file.path, file.gzip, file.limits)) {
    n++;
    if (r.ending === '') continue;
    if (first === null) first = r.ending;
    else if (r.ending !== first) {
      return {
        line: n,
        message: `ends with ${ENDING_NAME[r.ending]} where line 1 ends with ${ENDING_NAME[first]}: mixed line endings (convert the file to one kind, for example with dos2unix)`,
      };
    }
  }
  return null;
}
