/**
 * End to end: real files stored in a temporary DuckDB file, then `marketdash perf | ratio | basket`
 * run as a child process, checking the JSON contracts to the letter, the table wording, and exit codes
 * (2 for a usage mistake, 1 for an unknown symbol) with one-line messages. Expected figures come from
 * the pandas reference (test/reference/perf_reference.py) run on the same files.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';
import { perfRowSchema } from '../../src/contracts/perf-contract.js';
import { PERIOD_KEYS } from '../../src/domain/period-keys.js';
import { cliStore, writeRealCsvs } from '../support/cli-store.js';
import { describeWithSharedData, realFile } from '../support/shared-data.js';

// The keys and their order are the contract's (src/contracts/perf-contract.ts), one period per PERIOD_KEYS.
// (`window` is there only with --from.)
const PERF_KEYS = Object.keys(perfRowSchema.shape).filter((k) => k !== 'window');
const RETURN_KEYS: readonly string[] = PERIOD_KEYS;

const { db, cli } = cliStore('marketdash-perf-cli-', 'test.duckdb');

describeWithSharedData('perf, ratio and basket commands', () => {
  beforeAll(async () => {
    await writeRealCsvs(db, [
      'etfs-and-megacaps/SPY.csv',
      'etfs-and-megacaps/QQQ.csv',
      'etfs-and-megacaps/MAGS.csv',
      'indices/^VIX.csv',
    ]);
  }, 60_000);

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

  it('perf --from/--to: the return between two dates as pandas computes it, CAGR beyond a year, null before listing', () => {
    // pandas: the last close on or before each end (asof), end / base - 1, CAGR over calendar days / 365.25
    const py = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        `import json, sys, pandas as pd
s = pd.read_csv(sys.argv[1], parse_dates=["Date"]).set_index("Date")["Adj Close"]
out = []
for a, b in [("2025-01-01", "2025-06-30"), ("2020-03-23", "2025-12-25")]:
    base, end = s[:a], s[:b]
    r = end.iloc[-1] / base.iloc[-1] - 1
    days = (end.index[-1] - base.index[-1]).days
    out.append([str(base.index[-1].date()), str(end.index[-1].date()), r, (1 + r) ** (365.25 / days) - 1 if days > 366 else None])
print(json.dumps(out))`,
        realFile('etfs-and-megacaps/SPY.csv'),
      ],
      { encoding: 'utf8' },
    );
    expect(py.stderr).toBe('');
    type Window = [string, string, number, number | null];
    const [[from1, to1, r1], [from2, to2, r2, cagr2]] = JSON.parse(py.stdout) as [Window, Window];
    const half = cli('perf', 'SPY', '--from', '2025-01-01', '--to', '2025-06-30', '--format', 'json');
    expect(half.stderr).toBe('');
    const w1 = JSON.parse(half.stdout).rows[0].window;
    expect([w1.from, w1.to, w1.cagr]).toEqual([from1, to1, null]);
    expect(Math.abs(w1.return - r1!)).toBeLessThanOrEqual(1e-12);
    const long = JSON.parse(
      cli('perf', 'SPY', 'MAGS', '--from', '2020-03-23', '--as-of', '2025-12-25', '--format', 'json').stdout,
    );
    const w2 = long.rows[0].window;
    expect([w2.from, w2.to]).toEqual([from2, to2]);
    expect(Math.abs(w2.return - r2!)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(w2.cagr - cagr2!)).toBeLessThanOrEqual(1e-12);
    // MAGS was listed in 2023: no close on or before the start, so no window return (never "since inception")
    expect(long.rows[1].window).toEqual({ from: null, to: '2025-12-24', return: null, cagr: null });
    const table = cli('perf', 'SPY', '--from', '2020-03-23', '--to', '2025-12-25');
    expect(table.stdout).toMatch(/^Symbol\s+As of\s+Close\s+From 2020-03-23\s+Base date\s+1D/);
    expect(table.stdout).toContain(`${(r2! * 100).toFixed(2)}% (${(cagr2! * 100).toFixed(2)}%/yr)`);
    expect(table.stdout).toContain('From 2020-03-23: the return from the last close on or before 2020-03-23');
    const csv = cli('perf', 'SPY', '--from', '2025-01-01', '--to', '2025-06-30', '--format', 'csv').stdout.split('\n');
    expect(csv[0]).toMatch(/,stale,window_from,window_to,window_return,window_cagr$/);
    expect(csv[1]).toMatch(new RegExp(`,${from1},${to1},[0-9.e-]+,$`));
  });

  it('perf --from/--to validation: one line naming the parameter, exit 2', () => {
    const cases: [string[], string][] = [
      [['--from', '2025-02-30'], "marketdash: --from: '2025-02-30' is not a valid date (expected YYYY-MM-DD)"],
      [
        ['--from', '2025-01-01', '--to', '2025-13-01'],
        "marketdash: --to: '2025-13-01' is not a valid date (expected YYYY-MM-DD)",
      ],
      [['--to', '2025-06-30'], 'marketdash: --to: a window needs its start too (give --from YYYY-MM-DD)'],
      [
        ['--from', '2025-07-01', '--to', '2025-06-30'],
        'marketdash: --from: 2025-07-01 is after the end of the window, 2025-06-30 (--to)',
      ],
      [
        ['--from', '2025-07-01', '--as-of', '2025-06-30'],
        'marketdash: --from: 2025-07-01 is after the end of the window, 2025-06-30 (--as-of)',
      ],
      [
        ['--from', '2025-01-01', '--to', '2025-06-30', '--as-of', '2025-06-30'],
        "marketdash: --to: the window's end is the table's as-of day; give --to or --as-of, not both",
      ],
    ];
    for (const [args, message] of cases) {
      const r = cli('perf', 'SPY', ...args);
      expect([r.code, r.stderr.trim().split('\n')], args.join(' ')).toEqual([2, [message]]);
    }
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
    // the CLI adds its own next step to the service's message (the API sends the message alone)
    expect(unknown.stderr).toContain("unknown symbol 'NOPE'; run 'marketdash symbols' to see what is stored");
    expect(cli('perf').code).toBe(2);
    expect(cli('perf', 'SPY', '--format', 'xml').code).toBe(2);
    expect(cli('ratio', 'SPY', 'NOPE').code).toBe(1);
    expect(cli('perf', '--group', 'nosuchgroup').stderr).toMatch(
      /unknown group 'nosuchgroup' \(groups: .*\); import one with 'marketdash group import FILE --name NAME'/,
    );
    // before the first stored day: the message names --as-of and the day the data starts
    const early = cli('perf', 'SPY', '--as-of', '1900-01-01');
    expect([early.code, early.stderr]).toEqual([
      1,
      'marketdash: --as-of: no bars on or before 1900-01-01 for SPY (first stored day 1993-01-29)\n',
    ]);
  });

  it("a group's members without bars are left out with one warning (as breadth does); none with bars is an error", () => {
    // The default config's benchmarks group is SPY, QQQ, RSP, DIA: this store lacks RSP and DIA, and
    // QQQ starts on 1999-03-10.
    const warning = "group 'benchmarks': 3 of 4 members left out, no bars on or before 1995-06-30: QQQ, RSP, DIA";
    const table = cli('perf', '--group', 'benchmarks', '--as-of', '1995-06-30');
    expect([table.code, table.stderr]).toEqual([0, `marketdash: warning: ${warning}\n`]);
    expect(table.stdout).toMatch(/^SPY\s+1995-06-30/m);
    const json = cli('perf', '--group', 'benchmarks', '--as-of', '1995-06-30', '--format', 'json');
    const out = JSON.parse(json.stdout) as { rows: { symbol: string }[]; warnings: unknown[] };
    expect(out.rows.map((r) => r.symbol)).toEqual(['SPY']);
    expect(out.warnings).toEqual([{ code: 'not-computed', message: warning, symbols: ['QQQ', 'RSP', 'DIA'] }]);
    const latest = cli('perf', '--group', 'benchmarks', '--format', 'json');
    expect(latest.code).toBe(0);
    expect((JSON.parse(latest.stdout) as { rows: { symbol: string }[] }).rows.map((r) => r.symbol)).toEqual([
      'SPY',
      'QQQ',
    ]);
    expect(latest.stderr).toBe(
      "marketdash: warning: group 'benchmarks': 2 of 4 members left out, no stored bars: RSP, DIA\n",
    );
    const none = cli('perf', '--group', 'benchmarks', '--as-of', '1990-01-01');
    expect([none.code, none.stderr]).toEqual([
      1,
      "marketdash: group 'benchmarks': none of its 4 members has stored bars on or before 1990-01-01\n",
    ]);
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
    // the envelope of every list result: {rows, demo, warnings}
    const list = JSON.parse(cli('basket', 'list', '--format', 'json').stdout) as {
      rows: { ticker: string; rebalance: string }[];
      demo: boolean;
      warnings: unknown[];
    };
    expect(Object.keys(list)).toEqual(['rows', 'demo', 'warnings']);
    expect([list.demo, list.warnings]).toEqual([false, []]);
    expect(list.rows.map((b) => [b.ticker, b.rebalance])).toEqual([
      ['ONE', 'none'],
      ['PAIR', 'monthly'],
    ]);
    const show = cli('basket', 'show', 'pair');
    expect(show.stdout).toContain('SPY 60.00%, QQQ 40.00%');
    // one object ending with the envelope's demo and warnings (as ratio and trend); the bar count is `bars`
    const shown = JSON.parse(cli('basket', 'show', 'pair', '--format', 'json').stdout) as Record<string, unknown>;
    expect(Object.keys(shown)).toEqual([
      'ticker',
      'members',
      'weights',
      'rebalance',
      'baseValue',
      'firstDate',
      'lastDate',
      'bars',
      'lastLevel',
      'lastTotalReturnLevel',
      'demo',
      'warnings',
    ]);
    expect([shown.ticker, shown.weights, shown.demo, shown.warnings]).toEqual(['PAIR', [0.6, 0.4], false, []]);
    expect(cli('basket', 'show', 'NOPE').code).toBe(1);
    expect(cli('basket', 'create', 'BAD', '--members', 'SPY,QQQ', '--weights', '0.5,0.6').code).toBe(2);
    expect(cli('basket', 'create', 'BAD', '--members', 'SPY,NOPE').code).toBe(1);
    expect(cli('basket', 'create', 'SPY', '--members', 'QQQ').code).toBe(2);
    // Without --members the config's MAG7 is used; its members are not in this store.
    const mag7 = cli('basket', 'create', 'MAG7');
    expect(mag7.code).toBe(1);
    expect(mag7.stderr).toContain("basket MAG7: member 'AAPL' has no stored prices");
  });
});
