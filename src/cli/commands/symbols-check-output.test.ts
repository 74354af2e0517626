/**
 * `marketdash symbols --check` and `--gaps` as a user runs them (a child process on a DuckDB file):
 * the real XLK file with its unadjusted 2:1 split, a series with holes, a stale one; exit code 1.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { cliStore } from '../../../test/support/cli-store.js';
import { describeWithSharedData, messyFile } from '../../../test/support/shared-data.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';

const { db, cli } = cliStore('md-checks-', 'checks.duckdb');

describeWithSharedData('symbols --check / --gaps', () => {
  beforeAll(async () => {
    const store = await DuckDbStore.open(db);
    const rows = readFileSync(messyFile('XLK-split-not-back-adjusted.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    await store.writeBars([
      {
        series: closeOnlySeries(
          'XLK',
          rows.map((r) => parseIsoDate(r[0]!)),
          rows.map((r) => Number(r[1])),
        ),
        source: 'csv',
      },
      // 2025-12-23, -24 and -31 are trading days with no bar.
      {
        series: closeOnlySeries(
          'GAPPY',
          ['2025-12-22', '2025-12-26', '2025-12-29', '2025-12-30', '2026-01-02'].map((x) => parseIsoDate(x)),
          [10, 10, 10, 10, 10],
        ),
        source: 'csv',
      },
      // a 10-year yield from a Date,Close file (the store guesses its kind); 2025-12-30, a trading day, has no
      // value: for a rate (FRED's own calendar, kind `rate` in the config) that is no missing day
      {
        series: closeOnlySeries(
          'DGS10',
          ['2025-12-22', '2025-12-23', '2025-12-24', '2025-12-26', '2025-12-29', '2025-12-31', '2026-01-02'].map((x) =>
            parseIsoDate(x),
          ),
          [4.17, 4.16, 4.14, 4.13, 4.11, 4.18, 4.19],
        ),
        source: 'csv',
      },
    ]);
    await store.close();
  }, 60_000);

  it('--check reports the split, the gaps and staleness, exit 1', () => {
    const r = cli('symbols', '--check', '--as-of', '2026-01-02', '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      rows: {
        symbol: string;
        missingDays: string[];
        suspectedSplits: { date: string; label: string }[];
        stale: boolean;
      }[];
      demo: boolean;
      warnings: unknown[];
    };
    // the envelope of every list result (it was a bare list)
    expect(Object.keys(json)).toEqual(['rows', 'demo', 'warnings']);
    expect(json.demo).toBe(false);
    const checks = json.rows;
    const xlk = checks.find((c) => c.symbol === 'XLK')!;
    expect(xlk.suspectedSplits).toMatchObject([{ date: '2025-11-17', label: '2:1' }]);
    expect(xlk.stale).toBe(false);
    expect(checks.find((c) => c.symbol === 'GAPPY')!.missingDays).toEqual(['2025-12-23', '2025-12-24', '2025-12-31']);
    // the config's kinds, as `marketdash symbols` shows them: XLK is an ETF, DGS10 a rate (no calendar checks)
    const kinds = Object.fromEntries(checks.map((c) => [c.symbol, (c as unknown as { kind: string }).kind]));
    expect(kinds).toMatchObject({ XLK: 'etf', DGS10: 'rate' });
    expect(checks.find((c) => c.symbol === 'DGS10')!.missingDays).toEqual([]);
    const table = cli('symbols', '--check', '--as-of', '2026-01-20');
    expect(table.stdout).toMatch(/XLK .* 2:1 2025-11-17/);
    expect(table.stderr).toMatch(
      /^marketdash: warning: XLK: stale, last bar 2026-01-02 is 11 trading days behind 2026-01-20$/m,
    );
  }, 60_000);

  it('--gaps lists the missing trading days as runs', () => {
    const r = cli('symbols', '--gaps');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/GAPPY\s+3\s+2025-12-23\.\.2025-12-24, 2025-12-31/);
    expect(r.stdout).not.toMatch(/^XLK/m);
  }, 60_000);
});
