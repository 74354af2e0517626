/**
 * End to end for `trend`, `ratio --trend`, `events` and `baserate`: generated series with known answers
 * in a temporary DuckDB file, the CLI run as a child process. AAA carries the planted multi-year
 * downtrend of src/analytics/trend/planted-trend.fixture.ts (anchors 2019-06-07 and 2021-03-12, break in
 * week 73 after the last touch, confirmed in week 75, failed in week 79); ONE is 1 every day, so the pair
 * AAA/ONE is the planted series itself. RISE climbs 1 a day: a new all-time high and an up streak.
 * On real data (../shared/data), the 2025-12-11 events are checked against pandas figures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phaseTail, plantedDowntrend } from '../../src/analytics/trend/planted-trend.fixture.js';
import { closeOnlySeries } from '../../src/domain/price-series.js';
import { formatIsoDate } from '../../src/domain/trading-date.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { writeRealCsvs } from '../support/cli-store.js';
import { type CliResult, runCli } from '../support/run-cli.js';
import { describeWithSharedData, repoRoot } from '../support/shared-data.js';

const planted = plantedDowntrend(phaseTail());
const friday = (weeksAfterLastTouch: number) =>
  formatIsoDate(planted.fridays[planted.weekAfterLastTouch(weeksAfterLastTouch)]!);

function cliWith(db: string, config: string, args: string[]): CliResult {
  return runCli(['--db', db, ...args], { env: { MARKETDASH_CONFIG: config } });
}

describe('trend, ratio --trend, events and baserate on generated series', () => {
  let dir: string;
  let db: string;
  let config: string;
  const cli = (...args: string[]) => cliWith(db, config, args);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-ta-cli-'));
    db = join(dir, 'test.duckdb');
    config = join(dir, 'config.json');
    const base = JSON.parse(readFileSync(join(repoRoot, 'src', 'config', 'default-config.json'), 'utf8')) as {
      symbols: Record<string, unknown>;
    };
    const test = (name: string) => ({ name, kind: 'index', aliases: [] });
    const symbols = {
      ...base.symbols,
      AAA: test('planted downtrend'),
      ONE: test('constant 1'),
      RISE: test('rising 1 a day'),
    };
    writeFileSync(config, JSON.stringify({ ...base, symbols, pairs: ['AAA/ONE'] }));
    const store = await DuckDbStore.open(db);
    const n = planted.dates.length;
    await store.writeBars([
      { series: closeOnlySeries('AAA', planted.dates, planted.values), source: 'test' },
      { series: closeOnlySeries('ONE', planted.dates, new Float64Array(n).fill(1)), source: 'test' },
      {
        series: closeOnlySeries(
          'RISE',
          planted.dates,
          Float64Array.from({ length: n }, (_, i) => 100 + i),
        ),
        source: 'test',
      },
    ]);
    await store.close();
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trend --format json finds the planted line and the confirmed state', () => {
    const r = cli('trend', 'AAA', '--as-of', friday(75), '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['symbol', 'asOf', 'last', 'trend', 'breakout', 'stale', 'demo', 'warnings']);
    expect([out.demo, out.warnings]).toEqual([false, []]);
    expect(Object.keys(out.trend)).toEqual([
      'kind',
      'anchors',
      'touches',
      'touchDates',
      'slopeLogPerYear',
      'levelAtAsOf',
      'distance',
    ]);
    expect(out.trend.kind).toBe('downtrend');
    expect(out.trend.anchors.map((a: { date: string }) => a.date)).toEqual(['2019-06-07', '2021-03-12']);
    expect(out.trend.touches).toBe(3);
    expect(out.trend.touchDates).toEqual(['2019-06-07', '2021-03-12', '2023-01-13']);
    expect(out.trend.slopeLogPerYear).toBeCloseTo(-0.15, 9);
    expect(
      Math.abs(out.trend.levelAtAsOf / planted.level(planted.fridays[planted.weekAfterLastTouch(75)]!) - 1),
    ).toBeLessThan(0.01);
    expect(out.trend.distance).toBeCloseTo(Math.exp(0.03) - 1, 9);
    // Confirmed on the Monday of week 75 (see trend-analysis.test.ts): 4 days before the Friday.
    expect(out.breakout).toEqual({
      state: 'confirmed',
      since: formatIsoDate(planted.fridays[planted.weekAfterLastTouch(75)]! - 4),
    });
  });

  it('ratio --trend adds exactly the trend and breakout keys; without --trend they are absent', () => {
    const r = cli('ratio', 'AAA', 'ONE', '--trend', '--as-of', friday(40), '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ratioKeys = ['numerator', 'denominator', 'asOf', 'last', 'returns', 'stale'];
    expect(Object.keys(out)).toEqual([...ratioKeys, 'trend', 'breakout', 'demo', 'warnings']);
    expect(out.breakout.state).toBe('below');
    expect(out.trend.anchors[0]).toEqual({ date: '2019-06-07', value: 100 });
    const plain = JSON.parse(cli('ratio', 'AAA', 'ONE', '--as-of', friday(40), '--format', 'json').stdout);
    expect(Object.keys(plain)).toEqual([...ratioKeys, 'demo', 'warnings']);
  });

  it('ratio --trend reports null trend and breakout when no line qualifies (RISE has no pivots)', () => {
    const out = JSON.parse(cli('ratio', 'RISE', 'ONE', '--trend', '--format', 'json').stdout);
    expect(out.trend).toBeNull();
    expect(out.breakout).toBeNull();
  });

  it('events --format json: the pair trend_state, and RISE new_ath + streak, each with a base rate', () => {
    const r = cli('events', '--as-of', friday(73), '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const events = JSON.parse(r.stdout).rows as Record<string, unknown>[];
    const ts = events.find((e) => e.type === 'trend_state')!;
    expect(ts).toMatchObject({
      symbol: 'AAA/ONE',
      date: friday(73),
      kind: 'downtrend',
      state: 'breaking',
      since: formatIsoDate(planted.fridays[planted.weekAfterLastTouch(73)]! - 3),
      previousState: 'testing',
    });
    expect((ts.baseRate as { count: number }).count).toBe(0);
    const rise = events.filter((e) => e.symbol === 'RISE');
    expect(rise.map((e) => e.type)).toEqual(['new_ath', 'streak']);
    for (const e of events) {
      expect(Object.keys(e).slice(0, 3)).toEqual(['type', 'symbol', 'date']);
      expect(e.baseRate).toBeDefined();
    }
    // ONE never moves: every close equals the all-time high (a tie is not a new high), distance 0.
    expect(events.filter((e) => e.symbol === 'ONE').map((e) => [e.type, e.distance])).toEqual([['near_ath', 0]]);
  });

  it('baserate --event breakout --pair AAA/ONE counts the one earlier break and that it did not hold', () => {
    const r = cli('baserate', '--event', 'breakout', '--pair', 'AAA/ONE', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      event: 'breakout',
      series: 'AAA/ONE',
      count: 1,
      stillAboveLine3m: { n: 1, share: 0 },
      cooldownTradingDays: null,
    });
    expect(out.occurrences[0].date).toBe(friday(73));
    expect(Object.keys(out.horizons)).toEqual(['1m', '3m', '6m']);
    expect(out.horizons['3m'].tradingDays).toBe(63);
    const table = cli('baserate', '--event', 'new_ath', '--symbol', 'RISE');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/new_ath on RISE/);
  });

  it('usage mistakes exit 2 naming the parameter; an unknown symbol exits 1; no stack trace', () => {
    const bad = cli('baserate', '--event', 'moonshot', '--symbol', 'AAA');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--event: 'moonshot' is not one of breakout, new_ath/);
    const both = cli('baserate', '--event', 'new_ath', '--symbol', 'AAA', '--pair', 'AAA/ONE');
    expect(both.code).toBe(2);
    const dir2 = cli('baserate', '--event', 'new_ath', '--symbol', 'AAA', '--direction', 'up');
    expect(dir2.code).toBe(2);
    expect(dir2.stderr).toMatch(/--direction/);
    const lb = cli('trend', 'AAA', '--lookback-years', '9-3');
    expect(lb.code).toBe(2);
    expect(lb.stderr).toMatch(/--lookback-years/);
    const missing = cli('trend', 'NOPE');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/unknown symbol 'NOPE'/);
    expect(missing.stderr).not.toMatch(/ at /);
  });
});

describeWithSharedData('events on the real data as of 2025-12-11', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-ta-real-'));
    db = join(dir, 'real.duckdb');
    await writeRealCsvs(db, [
      'etfs-and-megacaps/IWM.csv',
      'etfs-and-megacaps/XLK.csv',
      'etfs-and-megacaps/ORCL.csv',
      'indices/^VIX.csv',
    ]);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds what the column says; figures as computed with pandas on the same files', () => {
    const r = cliWith(db, '', ['events', '--as-of', '2025-12-11', '--format', 'json']);
    expect(r.code).toBe(0);
    const events = JSON.parse(r.stdout).rows as Record<string, unknown>[];
    const find = (type: string, symbol: string) => events.find((e) => e.type === type && e.symbol === symbol);
    // pandas: IWM 255.873642 > previous max 252.905991 (2025-12-10); up 4 days in a row.
    expect(find('new_ath', 'IWM')).toMatchObject({
      close: 255.873642,
      previousHigh: { close: 252.905991, date: '2025-12-10' },
    });
    expect(find('streak', 'IWM')).toMatchObject({ direction: 'up', length: 4 });
    // pandas: ^VIX 14.85, the last lower close 14.76 on 2025-09-12.
    expect(find('lowest_since', '^VIX')).toMatchObject({ close: 14.85, since: '2025-09-12', sinceClose: 14.76 });
    // pandas: XLK up 13 days to 2025-12-10, then -0.5110%; ORCL up 7 days, then -10.8336%.
    expect(find('streak_end', 'XLK')).toMatchObject({ direction: 'up', length: 13 });
    expect((find('streak_end', 'XLK') as { change: number }).change).toBeCloseTo(-0.005109829965945889, 12);
    expect(find('streak_end', 'ORCL')).toMatchObject({ direction: 'up', length: 7 });
    expect((find('streak_end', 'ORCL') as { change: number }).change).toBeCloseTo(-0.10833592022647676, 12);
  });
});
