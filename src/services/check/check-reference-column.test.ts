/**
 * `check` on the reference column (../shared/seed/the-great-rotation.txt) against the real data in
 * ../shared/data/real as of 2025-12-11. Expected values were computed independently with pandas
 * (/usr/bin/python3: adjusted close on or before 2025-12-11 over the one on or before 2024-12-31, or
 * 2024-12-11 for one year): TSLA YTD 0.106602, NVDA YTD 0.347676, IWM YTD 0.175904, ^RUT YTD 0.161625,
 * SPSM YTD 0.101865, AMZN YTD 0.049638, META YTD 0.117376. The ETF and stock files hold adjusted closes only, so
 * these are total returns (^RUT's file holds its index close).
 * The test prints every figure that does not match and by how much.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile, sharedDir } from '../../../test/support/shared-data.js';
import type { CheckReport, ClaimVerdict } from '../../note/check/claim-verdict.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { checkNote } from './check-note.js';

describeWithSharedData('check on the reference column with real data as of 2025-12-11', () => {
  let store: DuckDbStore;
  let report: CheckReport;
  const find = (symbol: string, metric: string, period: string | null = null): ClaimVerdict =>
    report.claims.find((c) => c.symbol === symbol && c.metric === metric && (period === null || c.period === period))!;

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    const dir = realFile('etfs-and-megacaps');
    const files = [
      ...readdirSync(dir).map((f) => join(dir, f)),
      realFile('indices/^RUT.csv'),
      realFile('indices/^VIX.csv'),
    ];
    await importFiles(store, { files });
    const text = readFileSync(join(sharedDir, 'seed', 'the-great-rotation.txt'), 'utf8');
    report = await checkNote(store, { text, asOf: '2025-12-11' });
    const rows = report.claims
      .filter((c) => c.verdict !== 'supported')
      .map((c) => {
        const gap =
          typeof c.claimed === 'number' && typeof c.actual === 'number'
            ? ` (${((c.claimed - c.actual) * 100).toFixed(2)} pp)`
            : '';
        return `  ${c.verdict.padEnd(12)} ${String(c.symbol).padEnd(12)} ${String(c.period ?? c.metric).padEnd(6)} says ${String(c.claimed)} data ${String(c.actual)}${gap}`;
      });
    console.log(`reference column as of ${report.asOf}: ${report.claims.length} claims\n${rows.join('\n')}`);
  }, 120_000);

  afterAll(async () => {
    await store.close();
  });

  it('finds the claims of the column: 30 of them, prose and the glued table', () => {
    expect(report.claims.length).toBe(30);
    expect(report.claims.filter((c) => c.metric === 'return')).toHaveLength(22);
  });

  it('says the S&P SmallCap 600 index claims are unverifiable because there is no ^SP600 data', () => {
    const sp600 = report.claims.filter((c) => c.symbol?.split('/')[0] === '^SP600');
    expect(sp600.map((c) => c.metric).sort()).toEqual(['ath', 'return', 'trend']);
    for (const c of sp600) {
      expect(c.verdict).toBe('unverifiable');
      expect(c.reason).toMatch(/^no prices stored for \^SP600 \(S&P SmallCap 600 Index, a symbol in the config\)/);
    }
  });

  it('flags Tesla YTD as far off: 28.02% claimed, 10.66% in the data (pandas 0.106602)', () => {
    const c = find('TSLA', 'return', 'ytd');
    expect(c.verdict).toBe('contradicted');
    expect(c.actual as number).toBeCloseTo(0.106602, 6);
    const gaps = report.claims
      .filter((x) => x.verdict === 'contradicted' && x.metric === 'return')
      .map((x) => Math.abs((x.claimed as number) - (x.actual as number)));
    expect(Math.max(...gaps)).toBeCloseTo(0.2802 - 0.106602, 5);
  });

  it('shows the true values of the other contradicted returns (pandas)', () => {
    expect(find('NVDA', 'return', 'ytd')).toMatchObject({ verdict: 'contradicted', claimed: 0.368 });
    expect(find('NVDA', 'return', 'ytd').actual as number).toBeCloseTo(0.347676, 6);
    expect(find('IWM', 'return', 'ytd').actual as number).toBeCloseTo(0.175904, 6);
    expect(find('^RUT', 'return', 'ytd').actual as number).toBeCloseTo(0.161625, 6);
    expect(find('SPSM', 'return', 'ytd').actual as number).toBeCloseTo(0.101865, 6);
  });

  it('supports what the data bears out: IWM at a record, the tech sector ending a winning streak, the VIX at its lowest since September', () => {
    expect(find('IWM', 'ath').verdict).toBe('supported');
    expect(find('XLK', 'streak').verdict).toBe('supported');
    expect(find('^VIX', 'since')).toMatchObject({ verdict: 'supported', actual: '2025-09-12' });
  });

  it('reads "Amazon and Meta have significantly underperformed the Russell 2000" over the column\'s period (YTD)', () => {
    // No figure: only the sign is claimed, over the year to date the column's numbers are given for. By hand from
    // the pandas figures above: AMZN 4.96% - ^RUT 16.16% = -11.20 points; META 11.74% - 16.16% = -4.42 points.
    const gaps = report.claims.filter((c) => c.metric === 'spread');
    expect(gaps.map((c) => [c.symbol, c.period, c.claimed, c.actual, c.verdict])).toEqual([
      ['AMZN', 'ytd', 'behind', 'behind', 'supported'],
      ['META', 'ytd', 'behind', 'behind', 'supported'],
    ]);
    expect(gaps[0]!.sentence).toMatch(/AMZN lagged \^RUT by 11\.20 points YTD/);
    expect(gaps[1]!.sentence).toMatch(/META lagged \^RUT by 4\.42 points YTD/);
  });

  it('checks the SPSM vs Mag7 trend claim against the MAG7 basket computed from its members', () => {
    const c = find('SPSM/MAG7', 'trend');
    expect(c.verdict).not.toBe('unverifiable');
    expect(c.claimed).toBe('testing');
  });
});
