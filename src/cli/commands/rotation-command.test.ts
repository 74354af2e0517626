/**
 * End to end on a temporary DuckDB store with generated data whose answers are known by
 * construction: `group import`, `rotation`, `leaders`, `rank`, `breadth`, `regime` and `scoreboard`
 * run through the real commander program (in process), and two runs of the real binary entry
 * (child process) check the exit codes of a usage error (2) and an unknown group (1).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { weekdays } from '../../../test/support/weekdays.js';
import { SCTR_WEIGHTS } from '../../analytics/composite-rank/composite-score.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { buildProgram } from '../program.js';

const N = 600;
let dir: string;
let db: string;
let groups: string;
let lastDay: string;

async function run(...args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await buildProgram().parseAsync(['--db', db, ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marketdash-rotation-'));
  db = join(dir, 'test.duckdb');
  groups = join(dir, 'groups.json');
  const dates = weekdays(N, '2022-01-03');
  lastDay = formatIsoDate(dates[N - 1]!);
  const spy = new Float64Array(N);
  for (let i = 0; i < N; i++) spy[i] = 400 * (1 + 0.1 * Math.sin(i / 40)) * (1 + 0.0002 * i);
  const series = [closeOnlySeries('SPY', dates, spy)];
  // LEAD: relative strength flat with a wobble, then accelerating up over the last 20 weeks; LAG: its mirror
  const rel = (i: number) => 1 + 0.003 * Math.sin(i * 1.3) + (i > N - 100 ? 0.00004 * (i - (N - 100)) ** 2 : 0);
  series.push(
    closeOnlySeries(
      'LEAD',
      dates,
      spy.map((v, i) => v * rel(i)),
    ),
  );
  series.push(
    closeOnlySeries(
      'LAG',
      dates,
      spy.map((v, i) => v / rel(i)),
    ),
  );
  // M0..M9: nine rise steadily, one falls; breadth above the 200-day average must read 90%
  for (let j = 0; j < 10; j++)
    series.push(
      closeOnlySeries(
        `M${j}`,
        dates,
        Float64Array.from({ length: N }, (_, i) => (j < 9 ? 20 + j + (0.02 + 0.01 * j) * i : 80 - 0.05 * i)),
      ),
    );
  // VIX: a hump, then the lowest close for 100 days on the last day; yields with known changes
  series.push(
    closeOnlySeries(
      '^VIX',
      dates,
      Float64Array.from({ length: N }, (_, i) => (i === N - 1 ? 11 : 20 + 5 * Math.sin(i / 30))),
    ),
  );
  series.push(
    closeOnlySeries(
      'DGS2',
      dates,
      Float64Array.from({ length: N }, (_, i) => 4 - i / 1000),
    ),
  );
  series.push(
    closeOnlySeries(
      'DGS10',
      dates,
      Float64Array.from({ length: N }, () => 4.25),
    ),
  );
  const store = await DuckDbStore.open(db);
  await store.writeBars(series.map((s) => ({ series: s, source: 'test' })));
  await store.close();
  const csv = join(dir, 'members.csv');
  writeFileSync(
    csv,
    `Ticker,Company\n${Array.from({ length: 10 }, (_, j) => `M${j},"Member ${j}, Inc."`).join('\n')}\nNOPE,Not stored\n`,
  );
  await run('group', 'import', csv, '--name', 'tenner', '--benchmark', 'SPY', '--group-file', groups);
  writeFileSync(groups.replace('groups.json', 'pair.json'), JSON.stringify({ groups: { pair: ['LEAD', 'LAG'] } }));
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The JSON rows of `rotation` on the "pair" group of pair.json, with `args` added. */
async function pairRotationRows(...args: string[]) {
  const out = await run(
    'rotation',
    '--group',
    'pair',
    ...args,
    '--group-file',
    join(dir, 'pair.json'),
    '--format',
    'json',
  );
  return JSON.parse(out).rows;
}

describe('marketdash rotation', () => {
  it('puts the member that leads by construction in "leading" and its mirror in "lagging", with the JSON contract', async () => {
    const rows = await pairRotationRows('--benchmark', 'SPY');
    expect(rows.map((r: { symbol: string; quadrant: string }) => [r.symbol, r.quadrant])).toEqual([
      ['LEAD', 'leading'],
      ['LAG', 'lagging'],
    ]);
    const lead = rows[0];
    expect(Object.keys(lead)).toEqual([
      'symbol',
      'rsRatio',
      'rsMomentum',
      'quadrant',
      'heading',
      'tail',
      'asOf',
      'stale',
    ]);
    expect(lead.tail).toHaveLength(8);
    expect(Object.keys(lead.tail[0])).toEqual(['date', 'rsRatio', 'rsMomentum']);
    expect(lead.tail.at(-1)).toEqual({ date: lastDay, rsRatio: lead.rsRatio, rsMomentum: lead.rsMomentum });
    expect(lead.rsRatio).toBeGreaterThan(100);
  });

  it('--as-of and --interval daily: the tail ends on the as-of day and holds daily points', async () => {
    const rows = await pairRotationRows('--interval', 'daily', '--tail', '3', '--as-of', '2023-06-04');
    expect(rows[0].tail.map((p: { date: string }) => p.date)).toEqual(['2023-05-31', '2023-06-01', '2023-06-02']);
  });
});

describe('marketdash breadth, rank, leaders', () => {
  it('group import kept the tickers of the CSV; breadth reads 9 of 10 above the 200-day average as 90%', async () => {
    const r = JSON.parse(await run('breadth', '--group', 'tenner', '--group-file', groups, '--format', 'json'));
    expect(r.members).toEqual({ listed: 11, withData: 10, trading: 10 });
    expect(r.missing).toEqual(['NOPE']);
    expect(r.aboveSma200).toEqual({ count: 9, of: 10, share: 0.9 });
    expect(r.aboveSma50).toEqual({ count: 9, of: 10, share: 0.9 });
    expect([r.newHighs, r.newLows]).toEqual([9, 1]);
    expect(r.beatingBenchmark.benchmark).toBe('SPY');
    expect(r.asOf).toBe(lastDay);
    expect(r.history).toEqual([]);
    const withHistory = JSON.parse(
      await run('breadth', '--group', 'tenner', '--group-file', groups, '--history', '5', '--format', 'json'),
    );
    expect(withHistory.history).toHaveLength(5);
    expect(withHistory.history.at(-1)).toEqual({
      date: lastDay,
      aboveSma50: 0.9,
      aboveSma200: 0.9,
      netNewHighs: 8,
      adLine: withHistory.adLine.value,
      beating: 0.9,
    });
  });

  // the risers' relative slope (and so every return and distance from an average) grows with j; M9 falls
  const strongestFirst = ['M8', 'M7', 'M6', 'M5', 'M4', 'M3', 'M2', 'M1', 'M0', 'M9'];

  it('rank puts the steepest riser at 99 and the faller at 0, in order of strength', async () => {
    const r = JSON.parse(await run('rank', '--group', 'tenner', '--group-file', groups, '--format', 'json'));
    expect(r.rows.map((x: { symbol: string }) => x.symbol)).toEqual(strongestFirst);
    expect(r.rows.map((x: { rank: number }) => x.rank)).toEqual([99, 88, 77, 66, 55, 44, 33, 22, 11, 0]);
    expect(r.weights).toEqual(SCTR_WEIGHTS);
  });

  it('leaders ranks by 3-month return, strongest first', async () => {
    const r = JSON.parse(
      await run('leaders', '--group', 'tenner', '--group-file', groups, '--window', '3m', '--format', 'json'),
    );
    expect(r.rows.map((x: { symbol: string }) => x.symbol)).toEqual(strongestFirst);
    expect(r.rows.map((x: { rank: number }) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.rows.map((x: { rankChange: number }) => x.rankChange)).toEqual(Array(10).fill(0));
    expect(r.window.to).toBe(lastDay);
  });
});

describe('marketdash regime and scoreboard', () => {
  it('regime: the last VIX close is the lowest of the year, yields changed by construction', async () => {
    const r = JSON.parse(await run('regime', '--since', '2023-01-02', '--format', 'json'));
    expect(r.volatility.level).toBe(11);
    expect(r.volatility.percentile1y).toBe(0);
    expect(r.volatility.lowestSince).toBeNull(); // lowest on record
    expect(r.volatility.date).toBe(lastDay);
    const dgs2 = r.rates.find((x: { symbol: string }) => x.symbol === 'DGS2');
    // DGS2 falls 0.001 a bar; 2023-01-02 is bar 260, the last is bar 599: -0.339 points
    expect(dgs2.sinceDate).toBe('2023-01-02');
    expect(dgs2.change).toBeCloseTo(-0.339, 9);
    expect(dgs2.changeBp).toBe(-34);
    expect(r.curve2s10s.change).toBeCloseTo(0.339, 9);
  });

  it('scoreboard lists what is not stored instead of inventing it', async () => {
    const r = JSON.parse(await run('scoreboard', '--symbols', 'SPY,IWM', '--format', 'json'));
    expect(r.rows[0].symbol).toBe('SPY');
    expect(r.rows[0].date).toBe(lastDay);
    expect(r.rows[1]).toEqual({ symbol: 'IWM', name: 'iShares Russell 2000 ETF', date: null, ytd: null, '1y': null });
    expect(r.missing).toEqual(expect.arrayContaining(['IWM', 'RSP', 'MAGS']));
  });
});

describe('exit codes of the real entry point', () => {
  function cli(...args: string[]) {
    return runCli(['--db', db, ...args], { env: { MARKETDASH_GROUPS: groups } });
  }

  it('a bad --interval is a usage error (exit 2) naming the option', () => {
    const r = cli('rotation', '--group', 'sectors', '--interval', 'monthly');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--interval: 'monthly' is not one of weekly, daily");
  });

  it('an unknown group exits 1 and says how to import one', () => {
    const r = cli('breadth', '--group', 'nosuch');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown group 'nosuch'");
    expect(r.stderr).toContain('marketdash group import');
  });
});
