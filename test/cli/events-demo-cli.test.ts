/**
 * `marketdash events` on the demo market finds the story the demo plants (src/providers/demo/demo-market.ts):
 * ^RUT and IWM at new all-time highs, ^SP600 and SPSM within 2% of theirs, the VIX at its lowest close in
 * months, XLK ending a winning streak of 5+ days, the small/mega ratio testing or breaking its line.
 * Each event's figures are re-derived here by plain loops over the stored closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PriceSeries } from '../../src/domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../src/domain/trading-date.js';
import { loadDemoMarket } from '../../src/services/demo/load-demo-market.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { runCli } from '../support/run-cli.js';

type Ev = Record<string, unknown> & { type: string; symbol: string };

describe('events on the demo market', () => {
  let dir: string;
  let events: Ev[];
  const series = new Map<string, PriceSeries>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-events-demo-'));
    const db = join(dir, 'demo.duckdb');
    const store = await DuckDbStore.open(db);
    await loadDemoMarket(store, { seed: 42, today: parseIsoDate('2026-11-25') });
    for (const [t, s] of await store.readMany(['^RUT', 'IWM', '^SP600', 'SPSM', '^VIX', 'XLK'])) series.set(t, s);
    await store.close();
    const r = runCli(['--db', db, 'events', '--format', 'json'], { env: { MARKETDASH_CONFIG: '' } });
    expect(r.stderr).toBe('');
    events = JSON.parse(r.stdout).rows as Ev[];
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const find = (type: string, symbol: string) => events.find((e) => e.type === type && e.symbol === symbol);
  const closes = (t: string) => series.get(t)!.close;
  const last = (t: string) => closes(t).length - 1;
  const priorMax = (t: string) => {
    let m = -Infinity;
    let at = -1;
    for (let i = 0; i < last(t); i++) if (closes(t)[i]! > m) [m, at] = [closes(t)[i]!, i];
    return { m, at };
  };

  it('^RUT and IWM: new all-time highs over the previous record', () => {
    for (const t of ['^RUT', 'IWM']) {
      const p = priorMax(t);
      expect(find('new_ath', t), t).toMatchObject({
        close: closes(t)[last(t)],
        previousHigh: { close: p.m, date: formatIsoDate(series.get(t)!.dates[p.at]!) },
      });
    }
  });

  it('^SP600 and SPSM: within 2% of the all-time high', () => {
    for (const t of ['^SP600', 'SPSM']) {
      const p = priorMax(t);
      const e = find('near_ath', t) as { distance: number } | undefined;
      expect(e, t).toBeDefined();
      expect(e!.distance).toBeCloseTo(closes(t)[last(t)]! / p.m - 1, 12);
      expect(e!.distance).toBeGreaterThanOrEqual(-0.02);
    }
  });

  it('^VIX: lowest close since the last lower close, months back', () => {
    const v = closes('^VIX');
    let k = last('^VIX') - 1;
    while (k >= 0 && !(v[k]! < v[last('^VIX')]!)) k--;
    const e = find('lowest_since', '^VIX') as unknown as { since: string; sinceClose: number };
    expect(e.since).toBe(formatIsoDate(series.get('^VIX')!.dates[k]!));
    expect(e.sinceClose).toBe(v[k]);
    expect(last('^VIX') - k).toBeGreaterThan(63);
  });

  it('XLK: the day a winning streak of 5+ days ends', () => {
    const x = closes('XLK');
    const L = last('XLK');
    let n = 0;
    while (x[L - 1 - n]! > x[L - 2 - n]!) n++;
    expect(n).toBeGreaterThanOrEqual(5);
    expect(find('streak_end', 'XLK')).toMatchObject({ direction: 'up', length: n, change: x[L]! / x[L - 1]! - 1 });
  });

  it('SPSM/MAG7 and ^SP600/MAG7: testing or breaking a multi-year downtrend line', () => {
    for (const pair of ['SPSM/MAG7', '^SP600/MAG7']) {
      const e = find('trend_state', pair) as unknown as {
        kind: string;
        state: string;
        anchors: { date: string }[];
        baseRate: unknown;
      };
      expect(e, pair).toBeDefined();
      expect(e.kind).toBe('downtrend');
      expect(['testing', 'breaking']).toContain(e.state);
      expect(Number(e.anchors[0]!.date.slice(0, 4))).toBeLessThanOrEqual(2023);
      expect(e.baseRate).toBeDefined();
    }
  });
});
