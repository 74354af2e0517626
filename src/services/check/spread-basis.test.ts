/**
 * Spreads say their basis. The Treasury curve: DGS10 minus DGS2 from FRED's files in
 * ../shared/data/real/rates (2025-12-11: 4.14 - 3.52 = 62 bp; 2025-12-08: 4.17 - 3.57 = 60 bp, read off
 * the CSVs by hand). A gap in percentage points between two funds: SPSM and MAGS over five sessions,
 * whose returns (2.9474% and -0.9505%, heldout_facts.py with pandas) give a difference of 3.90 points.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import type { CheckReport } from '../../note/check/claim-verdict.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { checkNote } from './check-note.js';

describeWithSharedData('spreads checked with their basis in the reason', () => {
  let store: DuckDbStore;
  let report: CheckReport;

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await importFiles(store, {
      files: ['rates/DGS10.csv', 'rates/DGS2.csv', 'etfs-and-megacaps/SPSM.csv', 'etfs-and-megacaps/MAGS.csv'].map(
        realFile,
      ),
    });
    report = await checkNote(store, {
      text: [
        'As of the close of December 11, 2025:',
        'The 10y-2y spread stood at 62 bp.',
        'The 2s10s curve was at 0.60 percentage points, the steepest in weeks.',
        'SPSM has outpaced the Roundhill Magnificent Seven ETF by 3.90 points over the past five sessions.',
      ].join('\n'),
    });
  }, 120_000);

  afterAll(async () => {
    await store.close();
  });

  it('checks the curve as DGS10 minus DGS2 in basis points, naming both series and dates', () => {
    const [a, b] = report.claims.filter((c) => c.metric === 'rate.spread');
    expect(a).toMatchObject({ verdict: 'supported', claimed: 62, actual: 62, symbol: 'DGS10', asOf: '2025-12-11' });
    expect(a!.reason).toContain('DGS10 4.14% on 2025-12-11 minus DGS2 3.52% on 2025-12-11');
    expect(a!.sentence).toMatch(/^the 10y-2y spread \(DGS10 minus DGS2\) was \+62 bp on Dec 11: supported/);
    // 0.60 points is 60 bp: not the 62 of Dec 11, but the close of Dec 8 (4.17 - 3.57).
    expect(b).toMatchObject({ verdict: 'contradicted', claimed: 60, actual: 62, matchesCloseOf: '2025-12-08' });
  });

  it('says which series, closes and dates a gap in percentage points is measured on', () => {
    const [c] = report.claims.filter((x) => x.metric === 'spread');
    expect(c).toMatchObject({ verdict: 'supported', symbol: 'SPSM', period: '5d' });
    // the files hold adjusted closes only: the gap is one of total returns, and the reason says so
    expect(c!.reason).toMatch(
      /percentage points, difference of returns: SPSM 2\.95% and MAGS -0\.95% on adjusted closes \(total returns\) from 2025-12-04 to 2025-12-11/,
    );
  });
});
