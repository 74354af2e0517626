/**
 * `rates` on the real data as of 2025-12-11 (the day after the Fed's cut of Dec 10): the 2-year at
 * 3.52% and DFF 3.89 -> 3.64 (-25 bp) as the shared data README states, the ranking, and every
 * sensitivity of two ETFs against an independent pandas computation
 * (rate_sensitivity_reference.py) to 1e-9.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile, repoRoot } from '../../../test/support/shared-data.js';
import { defaultConfig } from '../../config/universe-config.js';
import { ratesResponseSchema } from '../../contracts/rates-contract.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { ratesReport } from './rates-report.js';

const PYTHON = '/usr/bin/python3';
const hasPandas = spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
const ETFS = ['XLRE', 'XLU', 'XLK', 'IWM', 'SPY', 'AAPL', 'MSFT', 'GOOGL', 'AMZN', 'NVDA', 'META', 'TSLA'];

describeWithSharedData('marketdash rates on the real data as of 2025-12-11', () => {
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await importFiles(store, {
      files: [
        ...['DGS2', 'DGS10', 'DFF'].map((s) => realFile(`rates/${s}.csv`)),
        ...ETFS.map((s) => realFile(`etfs-and-megacaps/${s}.csv`)),
      ],
    });
  }, 60_000);
  afterAll(async () => store.close());

  it('levels, the last cut and the ranking', async () => {
    const r = await ratesReport(store, { asOf: '2025-12-11', config: defaultConfig() });
    const level = (s: string) => r.levels.find((l) => l.symbol === s)!;
    expect(level('DGS2').level).toBe(3.52);
    expect(level('DGS10').level).toBe(4.14);
    expect(r.curve!.level).toBeCloseTo(0.62, 9);
    expect(r.lastDecision).toEqual({
      date: '2025-12-10',
      decisionBp: -25,
      dffBefore: 3.89,
      dffNow: 3.64,
      dffChangeBp: -25,
    });
    expect(r.nextMeeting!.date).toBe('2026-01-28');
    // the ranking is by the 252-day daily beta, most negative first
    const betas = r.sensitivity.map((x) => x.betaPer10bp!);
    expect([...betas].sort((a, b) => a - b)).toEqual(betas);
    expect(r.sensitivity[0]!.symbol).toBe('XLRE');
    expect(r.afterCuts!.pair).toBe('IWM/MAG7');
  });

  it('is described to the field by the RatesReport contract (nothing the contract does not name)', async () => {
    const r = await ratesReport(store, { asOf: '2025-12-11', config: defaultConfig() });
    const json: unknown = JSON.parse(JSON.stringify(r));
    expect(r.sensitivity[0]!.windows.length).toBeGreaterThan(0);
    expect(r.afterCuts!.horizons[0]!.outcomes.length).toBeGreaterThan(0);
    // zod drops fields it does not know: equal only when every field of every section is in the contract
    expect(ratesResponseSchema.parse(json)).toEqual(json);
  });

  it.skipIf(!hasPandas)('XLRE and XLK sensitivities equal pandas to 1e-9', async () => {
    const r = await ratesReport(store, { asOf: '2025-12-11', config: defaultConfig() });
    for (const t of ['XLRE', 'XLK']) {
      const out = spawnSync(
        PYTHON,
        [
          join(repoRoot, 'test', 'reference', 'rate_sensitivity_reference.py'),
          realFile(`etfs-and-megacaps/${t}.csv`),
          realFile('rates/DGS10.csv'),
          '2025-12-11',
        ],
        { encoding: 'utf8' },
      );
      expect(out.status, out.stderr).toBe(0);
      const ref = JSON.parse(out.stdout) as Record<string, { betaPer10bp: number; correlation: number }>;
      const row = r.sensitivity.find((x) => x.symbol === t)!;
      const w = (f: string, n: number) => row.windows.find((x) => x.frequency === f && x.window === n)!;
      for (const [key, win] of [
        ['daily252', w('daily', 252)],
        ['daily63', w('daily', 63)],
        ['weekly52', w('weekly', 52)],
      ] as const) {
        expect(Math.abs(win.betaPer10bp! - ref[key]!.betaPer10bp), `${t} ${key} beta`).toBeLessThan(1e-9);
        expect(Math.abs(win.correlation! - ref[key]!.correlation), `${t} ${key} corr`).toBeLessThan(1e-9);
      }
    }
  });

  it.skipIf(!hasPandas)(
    'small caps vs the Mag 7 after FOMC cuts: IWM/MAG7 at 5, 21 and 63 sessions equals pandas',
    async () => {
      const r = await ratesReport(store, { asOf: '2025-12-11', config: defaultConfig() });
      // pandas: after_cuts_reference.py (the MAG7 basket rebuilt by test/acceptance/reference_column.py)
      const out = spawnSync(
        PYTHON,
        [
          join(repoRoot, 'test', 'reference', 'after_cuts_reference.py'),
          join(realFile('rates'), '..', '..'),
          join(repoRoot, 'src', 'config', 'fomc-meetings.json'),
          '2025-12-11',
          '5',
          '21',
          '63',
        ],
        { encoding: 'utf8' },
      );
      expect(out.status, out.stderr).toBe(0);
      const ref = JSON.parse(out.stdout) as Record<
        string,
        { outcomes: [string, string, number][]; median: number; shareUp: number }
      >;
      expect(r.afterCuts!.pair).toBe('IWM/MAG7');
      for (const h of r.afterCuts!.horizons) {
        const want = ref[String(h.sessions)]!;
        expect(
          h.outcomes.map((o) => [o.date, o.base]),
          `${h.sessions} sessions`,
        ).toEqual(want.outcomes.map(([d, b]) => [d, b]));
        h.outcomes.forEach((o, i) => {
          expect(Math.abs(o.change - want.outcomes[i]![2]), `${o.date} +${h.sessions}`).toBeLessThan(1e-9);
        });
        expect(Math.abs(h.median! - want.median)).toBeLessThan(1e-9);
        expect(h.shareUp).toBe(want.shareUp);
      }
      // the Sunday emergency cut of 2020-03-15 counts, from the close of Friday 2020-03-13
      expect(r.afterCuts!.horizons[0]!.outcomes.find((o) => o.date === '2020-03-15')?.base).toBe('2020-03-13');
    },
  );
});
