/**
 * `marketdash report --snapshot DIR`: writes the rows a note was made from as one CSV per symbol in
 * the Yahoo layout (`Date,Open,High,Low,Close,Adj Close,Volume`; unknown values left empty), named so
 * that `marketdash import DIR/*` takes the symbol from the file name (`^VIX.csv` -> ^VIX). Importing
 * them into an empty store and running the report with the same --as-of rebuilds the same note.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../../domain/errors.js';
import type { PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';

const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');

export function snapshotCsv(s: PriceSeries): string {
  const out = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  for (let i = 0; i < s.dates.length; i++) {
    out.push(
      `${formatIsoDate(s.dates[i]!)},${cell(s.open[i]!)},${cell(s.high[i]!)},${cell(s.low[i]!)},${cell(s.close[i]!)},${cell(s.adjClose[i]!)},${cell(s.volume[i]!)}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** Writes one file per series; returns the paths written. */
export function writeSnapshot(dir: string, series: readonly PriceSeries[]): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new DataError(`--snapshot: cannot create directory ${dir}`, { cause: e, file: dir });
  }
  const paths: string[] = [];
  for (const s of [...series].sort((a, b) => (a.symbol < b.symbol ? -1 : 1))) {
    const path = join(dir, `${s.symbol}.csv`);
    writeFileSync(path, snapshotCsv(s));
    paths.push(path);
  }
  return paths;
}
