/**
 * Reads the real Yahoo/Stooq-layout CSV files of ../shared/data/real into PriceSeries for the
 * reference cross-check and CLI tests (the product's import service has its own, stricter reader).
 * A `Date,Adj Close` file has close = adjClose; a file without Adj Close has adjClose = close.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type PriceSeries, seriesOfLength } from '../../src/domain/price-series.js';
import { parseIsoDate } from '../../src/domain/trading-date.js';

export function readRealCsv(path: string): PriceSeries {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  const header = lines[0]!.split(',').map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const [iDate, iOpen, iHigh, iLow, iClose, iAdj, iVol] = [
    'Date',
    'Open',
    'High',
    'Low',
    'Close',
    'Adj Close',
    'Volume',
  ].map(col) as number[];
  const s = seriesOfLength(basename(path).replace(/\.csv$/, ''), lines.length - 1);
  const num = (cells: string[], i: number) => (i! < 0 ? Number.NaN : Number(cells[i]!));
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r]!.split(',');
    const k = r - 1;
    s.dates[k] = parseIsoDate(cells[iDate!]!);
    s.open[k] = num(cells, iOpen!);
    s.high[k] = num(cells, iHigh!);
    s.low[k] = num(cells, iLow!);
    s.volume[k] = num(cells, iVol!);
    const close = iClose! >= 0 ? Number(cells[iClose!]) : Number(cells[iAdj!]);
    s.close[k] = close;
    s.adjClose[k] = iAdj! >= 0 ? Number(cells[iAdj!]) : close;
  }
  return s;
}
