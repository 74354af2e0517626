/**
 * Reads a constituent list: a CSV with a header naming a `Ticker` or `Symbol` column (any case;
 * other columns such as Company are ignored), one member per line, quoted fields allowed
 * ("Advance Auto Parts, Inc."). Tickers are upper-cased and de-duplicated, order kept.
 */
import { DataError } from '../../domain/errors.js';
import { tickerProblem } from '../../domain/symbol-info.js';
import { splitCsvLine } from '../import/csv-fields.js';

/** The tickers of a constituent CSV's text; `file` names it in errors. */
export function parseConstituentCsv(text: string, file: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const col = header.findIndex((h) => h === 'ticker' || h === 'symbol');
  if (col < 0)
    throw new DataError(
      `${file}:1: no Ticker or Symbol column in the header (found: ${header.join(', ') || 'nothing'})`,
      { file, line: 1 },
    );
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const ticker = (splitCsvLine(line)[col] ?? '').trim().toUpperCase();
    if (ticker === '') throw new DataError(`${file}:${i + 1}: empty ${header[col]} cell`, { file, line: i + 1 });
    const problem = tickerProblem(ticker);
    if (problem !== null) throw new DataError(`${file}:${i + 1}: ${problem}`, { file, line: i + 1 });
    if (!seen.has(ticker)) {
      seen.add(ticker);
      out.push(ticker);
    }
  }
  if (out.length === 0) throw new DataError(`${file}: no members listed`, { file });
  return out;
}
