/**
 * End to end: a TTR golden series (test/fixtures/ttr/random-walk-gaps.csv, made by R's TTR 0.24.3
 * with scripts/make-ttr-goldens.R) is stored in a temporary DuckDB file, then
 * `marketdash indicators` runs as a child process. Its CSV must equal TTR's values to 1e-6 with
 * empty cells exactly where TTR has NA; --from/--to must cut rows without touching the warm-up.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../../../test/support/run-cli.js';
import { parseIndicatorSpecs } from '../../analytics/indicators/indicator-spec.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const GOLDEN = join(repoRoot, 'test', 'fixtures', 'ttr', 'random-walk-gaps.csv');
const EXAMPLE = 'sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14,roc:10';
// the columns parseIndicatorSpecs names for EXAMPLE (indicator-spec.test.ts checks them one by one)
const EXAMPLE_COLUMNS = parseIndicatorSpecs(EXAMPLE).flatMap((spec) => spec.columns);

let dir: string;
let db: string;

function cli(...args: string[]): CliResult {
  return runCli(['--db', db, ...args]);
}

/** Rows of a CSV as header -> cell maps. */
function parseCsv(text: string): { header: string[]; rows: Map<string, string>[] } {
  const lines = text.trim().split('\n');
  const header = lines[0]!.split(',');
  return {
    header,
    rows: lines.slice(1).map((l) => new Map(l.split(',').map((cell, j) => [header[j]!, cell] as const))),
  };
}

const golden = parseCsv(readFileSync(GOLDEN, 'utf8'));

function expectMatchesTtr(rows: Map<string, string>[], goldenOffset: number): void {
  rows.forEach((row, k) => {
    const want = golden.rows[goldenOffset + k]!;
    expect(row.get('date')).toBe(want.get('date'));
    for (const name of EXAMPLE_COLUMNS) {
      const w = want.get(name)!;
      const got = row.get(name)!;
      if (w === 'NA') expect(got, `${name} on ${row.get('date')}`).toBe('');
      else
        expect(
          Math.abs(Number(got) - Number(w)),
          `${name} on ${row.get('date')}: ${got} vs TTR ${w}`,
        ).toBeLessThanOrEqual(1e-6);
    }
  });
}

describe('marketdash indicators', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-indicators-'));
    db = join(dir, 'test.duckdb');
    const num = (r: Map<string, string>, k: string) => Number(r.get(k));
    const dates = golden.rows.map((r) => parseIsoDate(r.get('date')!));
    const walk = closeOnlySeries(
      'WALK',
      dates,
      golden.rows.map((r) => num(r, 'close')),
    );
    walk.open.set(walk.close);
    walk.high.set(golden.rows.map((r) => num(r, 'high')));
    walk.low.set(golden.rows.map((r) => num(r, 'low')));
    walk.volume.fill(1000);
    // adjClose at half the close: total-return indicators scale by exactly one half
    walk.adjClose.set(walk.close.map((c) => c / 2));
    const closeOnly = closeOnlySeries('CLOSEONLY', dates, walk.close);
    const store = await DuckDbStore.open(db);
    await store.writeBars([
      { series: walk, source: 'test' },
      { series: closeOnly, source: 'test' },
    ]);
    await store.close();
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the example's columns as CSV, equal to TTR to 1e-6, with empty cells during warm-up", () => {
    const r = cli('indicators', 'walk', '--ind', EXAMPLE);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = parseCsv(r.stdout);
    expect(out.header).toEqual(['date', ...EXAMPLE_COLUMNS]);
    expect(out.rows.length).toBe(golden.rows.length);
    expectMatchesTtr(out.rows, 0);
    expect(out.rows[18]!.get('sma_20')).toBe('');
    expect(out.rows[19]!.get('sma_20')).not.toBe('');
  });

  it('computes on the full history, then cuts to --from/--to (a non-trading --from starts at the next session)', () => {
    const from = golden.rows[10]!.get('date')!;
    const to = golden.rows[60]!.get('date')!;
    const r = cli('indicators', 'WALK', '--ind', EXAMPLE, '--from', from, '--to', to);
    expect(r.code).toBe(0);
    const out = parseCsv(r.stdout);
    expect(out.rows.length).toBe(51);
    expectMatchesTtr(out.rows, 10);
    // a Saturday --from starts at the next stored session, whose values are still TTR's
    const friday = golden.rows.findIndex(
      (row, i) => i > 30 && new Date(`${row.get('date')}T00:00:00Z`).getUTCDay() === 5,
    );
    const saturday = new Date(Date.parse(`${golden.rows[friday]!.get('date')}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const s = cli(
      'indicators',
      'WALK',
      '--ind',
      EXAMPLE,
      '--from',
      saturday,
      '--to',
      golden.rows[friday + 3]!.get('date')!,
    );
    expect(s.code).toBe(0);
    const weekend = parseCsv(s.stdout).rows;
    expect(weekend.length).toBe(3);
    expectMatchesTtr(weekend, friday + 1);
  });

  it('prints JSON rows with null during warm-up', () => {
    const r = cli(
      'indicators',
      'WALK',
      '--ind',
      'sma:5,macd:12:26:9',
      '--to',
      golden.rows[40]!.get('date')!,
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      symbol: string;
      field: string;
      from: string;
      to: string;
      indicators: string[];
      columns: string[];
      rows: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual([
      'symbol',
      'field',
      'from',
      'to',
      'indicators',
      'columns',
      'rows',
      'demo',
      'warnings',
    ]);
    expect(json.symbol).toBe('WALK');
    expect(json.field).toBe('close');
    expect(json.from).toBe(golden.rows[0]!.get('date'));
    expect(json.indicators).toEqual(['sma:5', 'macd:12:26:9']);
    expect(json.columns).toEqual(['sma_5', 'macd_12_26_9', 'macd_signal_12_26_9', 'macd_hist_12_26_9']);
    expect(json.rows.length).toBe(41);
    expect(Object.keys(json.rows[0]!)).toEqual(['date', ...json.columns]);
    expect(json.rows[3]!.sma_5).toBeNull();
    expect(json.rows[4]!.sma_5).toBeCloseTo(Number(golden.rows[4]!.get('sma_5')), 9);
    expect(json.rows[32]!.macd_signal_12_26_9).toBeNull();
    expect(json.rows[33]!.macd_signal_12_26_9).toBeCloseTo(Number(golden.rows[33]!.get('macd_signal_12_26_9')), 9);
  });

  it('--total-return reads the adjusted closes', () => {
    const price = parseCsv(cli('indicators', 'WALK', '--ind', 'sma:20').stdout).rows;
    const total = parseCsv(cli('indicators', 'WALK', '--ind', 'sma:20', '--total-return').stdout).rows;
    expect(Number(total[100]!.get('sma_20'))).toBeCloseTo(Number(price[100]!.get('sma_20')) / 2, 9);
  });

  it('says what is wrong, with exit 2 for usage and 1 for data', () => {
    const bad = cli('indicators', 'WALK', '--ind', 'sma:20,rsi:0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("marketdash: --ind: 'rsi:0': period must be a whole number >= 1, got '0'\n");
    const closeOnly = cli('indicators', 'CLOSEONLY', '--ind', 'sma:20,atr:14');
    expect(closeOnly.code).toBe(1);
    expect(closeOnly.stderr).toBe(
      'marketdash: CLOSEONLY has closes only (no high/low stored): atr:14 needs high, low and close\n',
    );
    const tr = cli('indicators', 'WALK', '--ind', 'atr:14', '--total-return');
    expect(tr.code).toBe(2);
    expect(tr.stderr).toMatch(/atr:14 cannot use --total-return/);
    expect(cli('indicators', 'NOPE', '--ind', 'sma:5').code).toBe(1);
    const range = cli('indicators', 'WALK', '--ind', 'sma:5', '--from', '2030-01-01');
    expect(range.code).toBe(1);
    expect(range.stderr).toMatch(/WALK has no bars from 2030-01-01 to the end \(stored: 2015-01-02 to /);
    expect(cli('indicators', 'WALK', '--ind', 'sma:5', '--from', '2020-02-30').stderr).toMatch(
      /--from: '2020-02-30' is not a valid date/,
    );
    expect(cli('indicators', 'WALK').code).toBe(2);
  });
});
