/**
 * The data version a note was made from: sha256 over the rows it read, in a canonical text form
 * (symbols sorted; per row `symbol,date,close,adjClose` with shortest round-trip numbers), then, for
 * each group whose members the note quotes (breadth), one line `group,name,benchmark,member member ...`.
 * The same rows and groups always give the same fingerprint, whichever store or import path they came through.
 */
import { createHash } from 'node:crypto';
import type { PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';

export interface FingerprintGroup {
  readonly name: string;
  readonly members: readonly string[];
  readonly benchmark: string | null;
}

export function dataFingerprint(
  series: readonly PriceSeries[],
  groups: readonly FingerprintGroup[] = [],
): { fingerprint: string; rows: number } {
  const hash = createHash('sha256');
  let rows = 0;
  // a few thousand distinct days across all the series: each day's text is made once (the members of a
  // breadth group share them: 1.5 million rows: 0.5 s instead of 0.7 s)
  const dayText = new Map<number, string>();
  for (const s of [...series].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0))) {
    const lines: string[] = [];
    for (let i = 0; i < s.dates.length; i++) {
      const day = s.dates[i]!;
      let iso = dayText.get(day);
      if (iso === undefined) {
        iso = formatIsoDate(day);
        dayText.set(day, iso);
      }
      lines.push(`${s.symbol},${iso},${s.close[i]},${s.adjClose[i]}\n`);
    }
    hash.update(lines.join(''));
    rows += s.dates.length;
  }
  for (const g of groups) hash.update(`group,${g.name},${g.benchmark ?? ''},${g.members.join(' ')}\n`);
  return { fingerprint: hash.digest('hex'), rows };
}
