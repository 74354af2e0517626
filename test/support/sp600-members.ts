/** The real S&P 600 member closes (../shared/data/real/sp600-members-adjclose-2015.csv.gz) as one series per member. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { MemberCloses } from '../../src/analytics/breadth/breadth-history.js';
import { parseIsoDate } from '../../src/domain/trading-date.js';
import { realFile } from './shared-data.js';

export const SP600_MEMBERS_FILE = realFile('sp600-members-adjclose-2015.csv.gz');

/** Reads Symbol,Date,AdjClose rows (grouped by symbol, dates ascending) into columnar series. */
export function loadSp600Members(): MemberCloses[] {
  const text = gunzipSync(readFileSync(SP600_MEMBERS_FILE)).toString('utf8');
  const by = new Map<string, { d: number[]; v: number[] }>();
  for (const line of text.split('\n').slice(1)) {
    const [s, d, v] = line.split(',');
    if (!s || !d || !v) continue;
    let e = by.get(s);
    if (!e) by.set(s, (e = { d: [], v: [] }));
    e.d.push(parseIsoDate(d));
    e.v.push(Number(v));
  }
  return [...by].map(([symbol, e]) => ({ symbol, dates: Int32Array.from(e.d), closes: Float64Array.from(e.v) }));
}
