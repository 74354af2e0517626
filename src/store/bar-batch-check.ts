/**
 * The checks every store makes on bars before writing them, so a bad batch fails the whole write
 * with a message naming the symbol: the ticker rule, one batch per symbol, equal column lengths,
 * strictly ascending dates. (Whether a value is a plausible price is the import's rule, not the store's: a rate can be 0.)
 */
import { DataError, UsageError } from '../domain/errors.js';
import { tickerProblem } from '../domain/symbol-info.js';
import { tryParseIsoDate } from '../domain/trading-date.js';
import type { BarBatch, DateRange } from './price-store.js';

export function checkBarBatch(batch: BarBatch, seen: Set<string>): void {
  const s = batch.series;
  const n = s.dates.length;
  const problem = tickerProblem(s.symbol);
  if (problem !== null) throw new UsageError(`writeBars: ${problem}`, { parameter: 'symbol' });
  if (seen.has(s.symbol)) throw new DataError(`writeBars: symbol ${s.symbol} appears in more than one batch`);
  seen.add(s.symbol);
  for (const [name, col] of [
    ['open', s.open],
    ['high', s.high],
    ['low', s.low],
    ['close', s.close],
    ['adjClose', s.adjClose],
    ['volume', s.volume],
  ] as const) {
    if (col.length !== n) throw new DataError(`writeBars: ${s.symbol} has ${n} dates but ${col.length} ${name} values`);
  }
  for (let i = 1; i < n; i++) {
    if (s.dates[i]! <= s.dates[i - 1]!)
      throw new DataError(`writeBars: ${s.symbol} dates are not strictly ascending at index ${i}`);
  }
}

/** Validates a read range's ends, naming the parameter (`from`, `to`). */
export function checkDateRange(range: DateRange | undefined): void {
  for (const parameter of ['from', 'to'] as const) {
    const text = range?.[parameter];
    if (text && tryParseIsoDate(text) === null) {
      throw new UsageError(`${parameter}: '${text}' is not a valid date (expected YYYY-MM-DD)`, { parameter });
    }
  }
}
