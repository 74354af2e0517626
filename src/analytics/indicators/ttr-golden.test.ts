/**
 * Golden tests: every indicator and parameter set against R's TTR 0.24.3, on the seeded series of
 * test/fixtures/ttr/ (irregular trading dates with a halt, flat stretches, a flat start, a strictly
 * rising start, leading gaps). Remake the files with `bash scripts/make-ttr-goldens.sh`.
 * Agreement to 1e-6, NaN positions (warm-up, RSI's 0/0) included; both batch and streaming forms.
 * Also real data: the CLI example over the whole VIX history (1990 on), checked on its last 250 rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRealCsv } from '../../../test/reference/real-csv.js';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { closeOnlySeries, type PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { AtrStream } from './atr.js';
import { BollingerStream } from './bollinger-bands.js';
import { EmaStream } from './ema.js';
import { type IndicatorSpec, parseIndicatorSpecs } from './indicator-spec.js';
import { computeIndicators } from './indicator-table.js';
import { MacdStream } from './macd.js';
import { RocStream } from './roc.js';
import { RsiStream } from './rsi.js';
import { SmaStream } from './sma.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'ttr');
const SPECS = parseIndicatorSpecs(
  'sma:5,sma:20,sma:50,ema:5,ema:20,ema:50,rsi:2,rsi:14,macd:12:26:9,macd:5:35:5,bbands:20:2,bbands:10:1.5,atr:5,atr:14,roc:1,roc:10',
);
const TOLERANCE = 1e-6;

interface Golden {
  readonly series: PriceSeries;
  readonly columns: Map<string, Float64Array>;
}

function readGolden(file: string): Golden {
  const lines = readFileSync(join(FIXTURES, file), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const cells = lines.slice(1).map((l) => l.split(','));
  const column = (name: string) => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`${file}: no column ${name}`);
    return Float64Array.from(cells, (row) => (row[j] === 'NA' || row[j] === 'NaN' ? Number.NaN : Number(row[j])));
  };
  const dates = Int32Array.from(cells, (row) => parseIsoDate(row[0]!));
  const series = closeOnlySeries(file, dates, column('close'));
  series.high.set(column('high'));
  series.low.set(column('low'));
  const columns = new Map(header.slice(4).map((name) => [name, column(name)] as const));
  return { series, columns };
}

/** The spec's outputs computed by feeding its streaming form one row at a time (NaN for null). */
function streamed(spec: IndicatorSpec, s: PriceSeries): Float64Array[] {
  const n = s.close.length;
  const outs = spec.columns.map(() => new Float64Array(n).fill(Number.NaN));
  const p = spec.params;
  const put = (j: number, i: number, v: number | null | undefined) => {
    if (v !== null && v !== undefined) outs[j]![i] = v;
  };
  const single = {
    sma: () => new SmaStream(p[0]!),
    ema: () => new EmaStream(p[0]!),
    rsi: () => new RsiStream(p[0]!),
    roc: () => new RocStream(p[0]!),
  } as const;
  if (spec.kind === 'macd') {
    const m = new MacdStream({ fast: p[0]!, slow: p[1]!, signal: p[2]! });
    for (let i = 0; i < n; i++) {
      const v = m.add(s.close[i]!);
      put(0, i, v?.macd);
      put(1, i, v?.signal);
      put(2, i, v?.histogram);
    }
  } else if (spec.kind === 'bbands') {
    const b = new BollingerStream({ period: p[0]!, width: p[1]! });
    for (let i = 0; i < n; i++) {
      const v = b.add(s.close[i]!);
      put(0, i, v?.lower);
      put(1, i, v?.middle);
      put(2, i, v?.upper);
    }
  } else if (spec.kind === 'atr') {
    const a = new AtrStream(p[0]!);
    for (let i = 0; i < n; i++) put(0, i, a.add({ high: s.high[i]!, low: s.low[i]!, close: s.close[i]! }));
  } else {
    if (!Object.hasOwn(single, spec.kind)) throw new Error(`no streaming form for ${spec.text}`);
    const one = single[spec.kind as keyof typeof single]();
    for (let i = 0; i < n; i++) put(0, i, one.add(s.close[i]!));
  }
  return outs;
}

function mismatches(actual: Float64Array, expected: Float64Array): string[] {
  const bad: string[] = [];
  if (actual.length !== expected.length) return [`length ${actual.length} vs ${expected.length}`];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const ok = Number.isNaN(e) ? Number.isNaN(a) : Math.abs(a - e) <= TOLERANCE;
    if (!ok) bad.push(`row ${i}: ${a} vs TTR ${e}`);
  }
  return bad.slice(0, 5);
}

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv'));

describe('indicators agree with R TTR 0.24.3 (test/fixtures/ttr)', () => {
  it('has the five golden series, each with every output column of every parameter set', () => {
    expect(files.sort()).toEqual([
      'flat-start.csv',
      'flat-stretches.csv',
      'leading-gaps.csv',
      'random-walk-gaps.csv',
      'rising-then-falling.csv',
    ]);
    for (const f of files)
      expect([...readGolden(f).columns.keys()].sort()).toEqual(SPECS.flatMap((s) => s.columns).sort());
  });

  describe.each(files)('%s', (file) => {
    const golden = readGolden(file);
    const batch = computeIndicators(golden.series, SPECS);

    it.each(SPECS.map((s) => [s.text, s] as const))('%s (batch) to 1e-6 with NaN in the same rows', (_text, spec) => {
      for (const name of spec.columns) {
        const column = batch.find((c) => c.name === name)!;
        expect(mismatches(column.values, golden.columns.get(name)!), name).toEqual([]);
      }
    });

    it.each(SPECS.map((s) => [s.text, s] as const))(
      '%s (streaming) to 1e-6 with null in the same rows',
      (_text, spec) => {
        streamed(spec, golden.series).forEach((values, j) => {
          const name = spec.columns[j]!;
          expect(mismatches(values, golden.columns.get(name)!), name).toEqual([]);
        });
      },
    );
  });

  it('the goldens exercise what they claim: a halt in the dates, zero widths, RSI 0/0 and 100, leading gaps', () => {
    const walk = readGolden('random-walk-gaps.csv').series.dates;
    let longest = 0;
    for (let i = 1; i < walk.length; i++) longest = Math.max(longest, walk[i]! - walk[i - 1]!);
    expect(longest).toBeGreaterThanOrEqual(14);
    const flat = readGolden('flat-stretches.csv').columns;
    expect(flat.get('atr_5')![169]).toBeLessThan(1e-3);
    expect(flat.get('bb_upper_20_2')![169]! - flat.get('bb_lower_20_2')![169]!).toBe(0);
    const start = readGolden('flat-start.csv').columns;
    expect(start.get('rsi_14')!.slice(14, 39).every(Number.isNaN)).toBe(true);
    expect(start.get('atr_14')![30]).toBe(0);
    expect(readGolden('rising-then-falling.csv').columns.get('rsi_14')![40]).toBeCloseTo(100, 9);
    const gaps = readGolden('leading-gaps.csv').columns;
    // closes from row 10: SMA(5) from row 14; high/low from row 22, whose true range has a previous close: ATR(5) from 26
    expect(gaps.get('sma_5')!.findIndex((v) => !Number.isNaN(v))).toBe(14);
    expect(gaps.get('atr_5')!.findIndex((v) => !Number.isNaN(v))).toBe(26);
  });
});

describeWithSharedData('indicators agree with R TTR 0.24.3 over 36 years of real VIX bars', () => {
  it('sma:20 ... roc:10 on the last 250 rows, computed on the whole history (no drift over decades)', () => {
    const golden = readFileSync(join(FIXTURES, 'real', 'vix-last-250.csv'), 'utf8')
      .trim()
      .split('\n');
    const header = golden[0]!.split(',');
    const rows = golden.slice(1).map((l) => l.split(','));
    const vix = readRealCsv(realFile('indices/^VIX.csv'));
    expect(vix.dates.length).toBeGreaterThan(9000);
    const columns = computeIndicators(
      vix,
      parseIndicatorSpecs('sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14,roc:10'),
    );
    expect(columns.map((c) => c.name)).toEqual(header.slice(1));
    const offset = vix.dates.length - rows.length;
    rows.forEach((row, k) => {
      expect(formatIsoDate(vix.dates[offset + k]!)).toBe(row[0]);
      columns.forEach((c, j) => {
        expect(Math.abs(c.values[offset + k]! - Number(row[j + 1])), `${c.name} on ${row[0]}`).toBeLessThanOrEqual(
          TOLERANCE,
        );
      });
    });
  });
});
