/**
 * `marketdash report --snapshot DIR`: writes every row a note was made from, so that importing them into
 * an empty store and running the report with the same --as-of rebuilds the same note (and fingerprint):
 * - one CSV per universe symbol in the Yahoo layout (`Date,Open,High,Low,Close,Adj Close,Volume`; unknown
 *   values left empty), named so that `marketdash import DIR/*` takes the symbol from the file name
 *   (`^VIX.csv` -> ^VIX);
 * - when the note has a breadth section: the group's members' rows (and its benchmark's, when it is not a
 *   universe symbol) in one gzipped long-layout file `<group>.members.csv.gz` (`Symbol,Date,...`), and the
 *   member list as `<group>.group.csv` (`Ticker,Company`), which `marketdash group import` reads back (and
 *   `import DIR/*` takes as a symbol list: it sets the members' names, nothing else).
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataError } from '../../domain/errors.js';
import type { PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { writeProblem } from '../check/note-input.js';

/** The breadth group a note quotes, as --snapshot writes it and `group import` reads it back. */
export interface SnapshotGroup {
  readonly name: string;
  readonly members: readonly string[];
  /** The group's own benchmark (`group import --benchmark`), or null for breadth's default. */
  readonly benchmark: string | null;
  /** The members' stored names (the Company column), when the store has them. */
  readonly names: ReadonlyMap<string, string | null>;
}

/** The rows a note's breadth section was made from, beside the universe's. */
export interface BreadthRows {
  readonly group: SnapshotGroup;
  /** The members' (and an outside benchmark's) rows, none of them a universe symbol. */
  readonly rows: readonly PriceSeries[];
}

const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');
const bySymbol = (a: PriceSeries, b: PriceSeries) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);

/** One row's cells after the date: `open,high,low,close,adjClose,volume`. */
function values(s: PriceSeries, i: number): string {
  return `${cell(s.open[i]!)},${cell(s.high[i]!)},${cell(s.low[i]!)},${cell(s.close[i]!)},${cell(s.adjClose[i]!)},${cell(s.volume[i]!)}`;
}

export function snapshotCsv(s: PriceSeries): string {
  const out = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  for (let i = 0; i < s.dates.length; i++) out.push(`${formatIsoDate(s.dates[i]!)},${values(s, i)}`);
  return `${out.join('\n')}\n`;
}

/** Many symbols in the long layout (`Symbol,Date,Open,High,Low,Close,Adj Close,Volume`), as bytes. */
export function snapshotLongCsv(series: readonly PriceSeries[]): Buffer {
  const parts: Buffer[] = [Buffer.from('Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n')];
  for (const s of [...series].sort(bySymbol)) {
    const lines: string[] = [];
    for (let i = 0; i < s.dates.length; i++) lines.push(`${s.symbol},${formatIsoDate(s.dates[i]!)},${values(s, i)}\n`);
    parts.push(Buffer.from(lines.join('')));
  }
  return Buffer.concat(parts);
}

/** A constituent list `group import` reads (`Ticker,Company`, names quoted). */
export function groupCsv(group: SnapshotGroup): string {
  const quote = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t);
  return `Ticker,Company\n${group.members.map((m) => `${m},${quote(group.names.get(m) ?? '')}\n`).join('')}`;
}

export const groupFileName = (group: SnapshotGroup) => `${group.name}.group.csv`;

/** Writes one file per universe series, and the breadth group's two files; returns the paths written. */
export function writeSnapshot(
  dir: string,
  series: readonly PriceSeries[],
  breadth: BreadthRows | null = null,
): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new DataError(`--snapshot: cannot create directory ${dir}`, { cause: e, file: dir });
  }
  const files: [string, string | Buffer][] = [...series].sort(bySymbol).map((s) => [`${s.symbol}.csv`, snapshotCsv(s)]);
  if (breadth) {
    files.push([`${breadth.group.name}.members.csv.gz`, gzipSync(snapshotLongCsv(breadth.rows))]);
    files.push([groupFileName(breadth.group), groupCsv(breadth.group)]);
  }
  const paths: string[] = [];
  for (const [name, body] of files) {
    const path = join(dir, name);
    try {
      writeFileSync(path, body);
    } catch (e) {
      throw new DataError(`--snapshot: cannot write ${path}: ${writeProblem(path, e)}`, { cause: e, file: path });
    }
    paths.push(path);
  }
  return paths;
}

/**
 * The commands that rebuild the note from a snapshot in `dir` (in an empty store): `marketdash import snap/*`,
 * with a breadth group `marketdash group import snap/sp600.group.csv --name sp600 --benchmark IJR`, then
 * `marketdash report --as-of 2025-12-11`.
 */
export function rebuildCommands(dir: string, breadth: BreadthRows | null, asOf: string): string {
  const out = [`marketdash import ${join(dir, '*')}`];
  if (breadth) {
    const g = breadth.group;
    const bench = g.benchmark ? ` --benchmark ${g.benchmark}` : '';
    out.push(`marketdash group import ${join(dir, groupFileName(g))} --name ${g.name}${bench}`);
  }
  out.push(`marketdash report --as-of ${asOf}`);
  return out.join(' && ');
}
