/**
 * The data version a note was made from: sha256 over the rows it read, in a canonical text form
 * (symbols sorted; per row `symbol,date,close,adjClose` with shortest round-trip numbers). The same
 * rows always give the same fingerprint, whichever store or import path they came through.
 */
import { createHash } from 'node:crypto';
import type { PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';

export function dataFingerprint(series: readonly PriceSeries[]): { fingerprint: string; rows: number } {
  const hash = createHash('sha256');
  let rows = 0;
  for (const s of [...series].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0))) {
    const lines: string[] = [];
    for (let i = 0; i < s.dates.length; i++)
      lines.push(`${s.symbol},${formatIsoDate(s.dates[i]!)},${s.close[i]},${s.adjClose[i]}\n`);
    hash.update(lines.join(''));
    rows += s.dates.length;
  }
  return { fingerprint: hash.digest('hex'), rows };
}
