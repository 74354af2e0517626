/**
 * Golden test of the TTR set (issue 15) against R's TTR 0.24.3 on real bars: the last 600
 * sessions of the Russell 2000 (^RUT, open/high/low/close/volume) from ../shared/data, as written
 * with their TTR outputs by scripts/make-ttr-goldens.R to test/fixtures/ttr/real/rut-ttr-set.csv
 * (the file holds its inputs, so the test runs without the shared folder; with it, the inputs are
 * also checked against the real file). Every value within 1e-8 relative (|a - e| <= 1e-8 max(1,
 * |e|)), and NaN exactly in TTR's NA rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRealCsv } from '../../../test/reference/real-csv.js';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { closeOnlySeries, type PriceSeries, seriesOfLength } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { parseIndicatorSpecs } from './indicator-spec.js';
import { computeIndicators } from './indicator-table.js';
import { runCor } from './rolling.js';

const FILE = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'ttr', 'real', 'rut-ttr-set.csv');
const RELATIVE = 1e-8;

/** The items whose columns the R script writes, in the R script's order. */
const TTR_SET_ITEMS = [
  'adx:14',
  'stoch:14:3:3',
  'wpr:14',
  'cci:20',
  'mfi:14',
  'obv',
  'cmf:20',
  'chaikinad',
  'aroon:20',
  'donchian:20',
  'keltner:20:2',
  'sar:0.02:0.2',
  'ppo:12:26:9',
  'trix:20',
  'momentum:1',
  'momentum:10',
  'wma:20',
  'dema:20',
  'zlema:10',
  'zlema:20',
  'hma:20',
  'vwma:20',
  'kst:9',
  'ultimateoscillator:7:14:28',
  'chaikinvolatility:10',
  'snr:14',
  'volatility:20:close',
  'volatility:20:garman.klass',
  'volatility:20:parkinson',
  'volatility:20:rogers.satchell',
  'volatility:20:gk.yz',
  'volatility:20:yang.zhang',
  'runpercentrank:260',
  'runsd:20',
  'runmax:20',
  'runmin:20',
];

function readGolden(): { series: PriceSeries; columns: Map<string, Float64Array> } {
  const lines = readFileSync(FILE, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const cells = lines.slice(1).map((l) => l.split(','));
  const column = (j: number) => Float64Array.from(cells, (row) => (row[j] === 'NA' ? Number.NaN : Number(row[j])));
  const series = seriesOfLength('^RUT', cells.length);
  series.dates.set(Int32Array.from(cells, (row) => parseIsoDate(row[0]!)));
  series.open.set(column(1));
  series.high.set(column(2));
  series.low.set(column(3));
  series.close.set(column(4));
  series.adjClose.set(column(4));
  series.volume.set(column(5));
  const columns = new Map(header.slice(6).map((name, k) => [name, column(k + 6)] as const));
  return { series, columns };
}

function mismatches(actual: Float64Array, expected: Float64Array): string[] {
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const ok = Number.isNaN(e) ? Number.isNaN(a) : Math.abs(a - e) <= RELATIVE * Math.max(1, Math.abs(e));
    if (!ok) bad.push(`row ${i}: ${a} vs TTR ${e}`);
  }
  return bad.slice(0, 5);
}

const golden = readGolden();
const specs = parseIndicatorSpecs(TTR_SET_ITEMS.join(','));
const computed = new Map(computeIndicators(golden.series, specs).map((c) => [c.name, c.values] as const));

describe('the TTR set agrees with R TTR 0.24.3 on 600 real ^RUT sessions (test/fixtures/ttr/real/rut-ttr-set.csv)', () => {
  it('the golden has a column for every output of every item, and nothing else but runCor', () => {
    const expected = [...specs.flatMap((s) => s.columns), 'runcor_close_volume_20'].sort();
    expect([...golden.columns.keys()].sort()).toEqual(expected);
    expect(specs.length).toBeGreaterThanOrEqual(36);
  });

  it.each(specs.map((s) => [s.text, s] as const))('%s within 1e-8 relative, NA in the same rows', (_text, spec) => {
    for (const name of spec.columns) {
      const expected = golden.columns.get(name)!;
      expect(
        expected.some((v) => !Number.isNaN(v)),
        `${name} has values`,
      ).toBe(true);
      expect(mismatches(computed.get(name)!, expected), name).toEqual([]);
    }
  });

  it('runCor(close, volume, 20) within 1e-8 relative', () => {
    const s = golden.series;
    expect(mismatches(runCor(s.close, s.volume, 20), golden.columns.get('runcor_close_volume_20')!)).toEqual([]);
  });

  it('bar indicators on a close-only series fail in one line naming the symbol and what is missing', () => {
    const s = golden.series;
    const closeOnly = closeOnlySeries('XLK', s.dates, s.close);
    for (const item of ['adx:14', 'stoch', 'mfi', 'sar', 'volatility:20:parkinson']) {
      expect(() => computeIndicators(closeOnly, parseIndicatorSpecs(item))).toThrow(
        /^XLK has closes only \(no [a-z/]+ stored\): [a-z.:0-9]+ needs [a-z, ]+$/,
      );
    }
    expect(() => computeIndicators(closeOnly, parseIndicatorSpecs('obv'))).toThrow(
      /XLK has closes only \(no volume stored\): obv needs close and volume/,
    );
    // close-based items work on it
    const ok = computeIndicators(closeOnly, parseIndicatorSpecs('wma:20,volatility:20,kst,runpercentrank:260'));
    expect(ok.map((c) => c.name)).toEqual([
      'wma_20',
      'volatility_20_close',
      'kst_9',
      'kst_signal_9',
      'runpercentrank_260',
    ]);
  });
});

describeWithSharedData('the TTR-set golden inputs are the real ^RUT bars', () => {
  it('each of the 600 rows equals the shared ^RUT.csv row of that date', () => {
    const rut = readRealCsv(realFile('indices/^RUT.csv'));
    const offset = rut.dates.length - golden.series.dates.length;
    const g = golden.series;
    for (let k = 0; k < g.dates.length; k++) {
      const i = offset + k;
      expect(formatIsoDate(rut.dates[i]!)).toBe(formatIsoDate(g.dates[k]!));
      expect([rut.open[i], rut.high[i], rut.low[i], rut.close[i], rut.volume[i]]).toEqual([
        g.open[k],
        g.high[k],
        g.low[k],
        g.close[k],
        g.volume[k],
      ]);
    }
  });
});
