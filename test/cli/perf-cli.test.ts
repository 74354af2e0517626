/**
 * End to end: real files stored in a temporary DuckDB file, then `marketdash perf | ratio | basket`
 * run as a child process, checking the JSON contracts to the letter, the table wording, and exit codes
 * (2 for a usage mistake, 1 for an unknown symbol) with one-line messages. Expected figures come from
 * the pandas reference (test/reference/perf_reference.py) run on the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { perfRowSchema } from '../../src/contracts/perf-contract.js';
import { PERIOD_KEYS } from '../../src/domain/period-keys.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { readRealCsv } from '../reference/real-csv.js';
import { type CliResult, runCli } from '../support/run-cli.js';
import { describeWithSharedData, realFile } from '../support/shared-data.js';

// The keys and their order are the contract's (src/contracts/perf-contract.ts), one period per PERIOD_KEYS.
const PERF_KEYS = Object.keys(perfRowSchema.shape);
const RETURN_KEYS: readonly string[] = PERIOD_KEYS;

let dir: string;
let db: string;

function cli(...args: string[]): CliResult {
  return runCli(['--db', db, ...args], { env: { MARKETDASH_CONFIG: '' } });
}

describeWithSharedData('perf, ratio and basket commands', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-perf-cli-'));
    db = join(dir, 'test.duckdb');
    const store = await DuckDbStore.open(db);
    const files = [
      'etfs-and-megacaps/SPY.csv',
      'etfs-and-megacaps/QQQ.csv',
      'etfs-and-megacaps/MAGS.csv',
      'indices/^VIX.csv',
    ];
    await store.writeBars(files.map((f) => ({ series: readRealCsv(realFile(f)), source: 'csv' })));
    await store.close();
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('perf --format json prints exactly the contract, one object per symbol', () => {
    const r = cli('perf', 'spy', '^VIX', '--as-of', '2025-12-25', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: Record<string, unknown>[]; demo: boolean; warnings: unknown[] };
    expect([Object.keys(out), out.demo, out.warnings]).toEqual([['rows', 'demo', 'warnings'], false, []]);
    const rows = out.rows;
    expect(rows.map((x) => x.symbol)).toEqual(['SPY', '^VIX']);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(PERF_KEYS);
      expect(Object.keys(row.returns as object)).toEqual(RETURN_KEYS);
      expect(Object.keys(row.ath as object)).toEqual(['close', 'date', 'distance']);
      expect(Object.keys(row.high52w as object)).toEqual(['close', 'date']);
      expect(Object.keys(row.low52w as object)).toEqual(['close', 'date']);
    }
    const spy = rows[0] as {
      asOf: string;
      close: number;
      returns: Record<string, number>;
      streak: number;
      lowestSince: string;
      highestSince: null;
    };
    // pandas reference (perf_reference.py) on SPY.csv as of 2025-12-25: the 24th is used.
    expect(spy.asOf).toBe('2025-12-24');
    expect(spy.close).toBe(686.73053);
    expect(spy.returns.ytd).toBeCloseTo(0.19179521484689732, 12);
    expect(spy.returns['1y']).toBeCloseTo(0.16162849102432308, 12);
    expect(spy.streak).toBe(5);
    expect(spy.highestSince).toBeNull();
    expect(spy.lowestSince).toBe('2025-12-23');
  });

  it('perf prints a newspaper table that says which day was used and which return', () => {
    const r = cli('perf', 'SPY', '--as-of', '2025-12-25');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Symbol\s+As of\s+Close\s+1D/);
    expect(r.stdout).toContain('19.18%'); // ytd 0.191795... with two decimals
    expect(r.stdout).toContain('2025-12-25 is not a trading day');
    expect(r.stdout).toContain('2025-12-24');
    expect(r.stdout).toContain('Price return');
    expect(cli('perf', 'SPY', '--total-return').stdout).toContain('Total return');
  });

  it('perf --format csv has one header and one line per symbol', () => {
    const lines = cli('perf', '--all', '--format', 'csv').stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'symbol,asOf,close,return_1d,return_5d,return_mtd,return_1m,return_qtd,return_3m,return_6m,return_ytd,return_1y,return_3y,return_5y,return_10y,return_max,cagr_3y,cagr_5y,cagr_10y,cagr_max,ath_close,ath_date,ath_distance,high52w_close,high52w_date,low52w_close,low52w_date,highestSince,lowestSince,streak,stale',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['MAGS', 'QQQ', 'SPY', '^VIX']);
  });

  it('a bad date is a usage error (exit 2), an unknown symbol a data error (exit 1), each one line', () => {
    const bad = cli('perf', 'SPY', '--as-of', '2025-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      "marketdash: --as-of: '2025-02-30' is not a valid date (expected YYYY-MM-DD)",
    ]);
    const unknown = cli('perf', 'SPY', 'NOPE');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain("unknown symbol 'NOPE'");
    expect(cli('perf').code).toBe(2);
    expect(cli('perf', 'SPY', '--format', 'xml').code).toBe(2);
    expect(cli('ratio', 'SPY', 'NOPE').code).toBe(1);
    // The default config's benchmarks group has RSP and DIA, which this store lacks.
    const group = cli('perf', '--group', 'benchmarks');
    expect(group.code).toBe(1);
    expect(group.stderr).toContain("unknown symbol 'RSP'");
    expect(cli('perf', '--group', 'nosuchgroup').stderr).toContain("unknown group 'nosuchgroup'");
  });

  it('ratio --format json is the contract; A/A is 1 with zero returns', () => {
    const r = cli('ratio', 'SPY', 'SPY', '--as-of', '2025-12-25', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual([
      'numerator',
      'denominator',
      'asOf',
      'last',
      'returns',
      'stale',
      'demo',
      'warnings',
    ]);
    expect(j.asOf).toBe('2025-12-24');
    expect(j.last).toBe(1);
    expect(Object.values(j.returns as object)).toEqual(RETURN_KEYS.map(() => 0));
  });

  it('ratio QQQ/SPY: last is the quotient of the two closes; --from adds the window', () => {
    const perf = JSON.parse(cli('perf', 'QQQ', 'SPY', '--as-of', '2025-12-24', '--format', 'json').stdout).rows as {
      close: number;
      returns: { ytd: number };
    }[];
    const r = JSON.parse(
      cli('ratio', 'QQQ', 'SPY', '--as-of', '2025-12-24', '--from', '2024-12-31', '--format', 'json').stdout,
    ) as {
      last: number;
      returns: { ytd: number };
      window: { from: string; return: number };
    };
    expect(r.last).toBeCloseTo(perf[0]!.close / perf[1]!.close, 14);
    // Ratio return = (1 + rQQQ) / (1 + rSPY) - 1 over the same base dates.
    expect(r.returns.ytd).toBeCloseTo((1 + perf[0]!.returns.ytd) / (1 + perf[1]!.returns.ytd) - 1, 12);
    expect(r.window).toEqual({ from: '2024-12-31', return: r.returns.ytd });
  });

  it('basket create stores a basket every command can read; a one-member basket has its member returns', () => {
    const created = cli('basket', 'create', 'one', '--members', 'SPY', '--rebalance', 'none');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created basket ONE');
    const pair = cli(
      'basket',
      'create',
      'PAIR',
      '--members',
      'SPY,QQQ',
      '--weights',
      '0.6,0.4',
      '--rebalance',
      'monthly',
    );
    expect(pair.code).toBe(0);
    const rows = JSON.parse(cli('perf', 'ONE', 'SPY', '--as-of', '2025-12-24', '--format', 'json').stdout).rows as {
      returns: Record<string, number | null>;
    }[];
    for (const k of RETURN_KEYS) expect(rows[0]!.returns[k]).toBeCloseTo(rows[1]!.returns[k]!, 12);
    const list = JSON.parse(cli('basket', 'list', '--format', 'json').stdout) as {
      ticker: string;
      rebalance: string;
    }[];
    expect(list.map((b) => [b.ticker, b.rebalance])).toEqual([
      ['ONE', 'none'],
      ['PAIR', 'monthly'],
    ]);
    const show = cli('basket', 'show', 'pair');
    expect(show.stdout).toContain('SPY 60.00%, QQQ 40.00%');
    expect(cli('basket', 'show', 'NOPE').code).toBe(1);
    expect(cli('basket', 'create', 'BAD', '--members', 'SPY,QQQ', '--weights', '0.5,0.6').code).toBe(2);
    expect(cli('basket', 'create', 'BAD', '--members', 'SPY,NOPE').code).toBe(1);
    expect(cli('basket', 'create', 'SPY', '--members', 'QQQ').code).toBe(2);
    // Without --members the config's MAG7 is used; its members are not in this store.
    const mag7 = cli('basket', 'create', 'MAG7');
    expect(mag7.code).toBe(1);
    expect(mag7.stderr).toContain("basket MAG7: member 'AAPL' has no stored bars");
  });
});
