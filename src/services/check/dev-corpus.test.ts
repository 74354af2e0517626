/**
 * The dev corpus of the gaps the blind batch named (test/fixtures/claims/dev-sentences-gaps.txt):
 * period phrases ("for the quarter", "since Sept. 30", "for the week"), social shorthand ("4 green days
 * in a row", "-17% from highs"), records and streaks worded otherwise, a level with its move ("fell
 * 5.83% to 14.85", "VIX 14.85 (-5.83%)"), tables with header aliases and the subject carried within a
 * section. Written with the code (a development set, not held out): every labelled claim must be found
 * with its verdict, and nothing else found. Verdicts from pandas on the data files (see the file's header).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCorpusStore, parseCorpus, scoreCorpus } from '../../../test/support/claim-corpus.js';
import { describeWithSharedData, repoRoot } from '../../../test/support/shared-data.js';
import type { SeriesFor } from '../../note/claim-types/claim-type.js';
import type { DuckDbStore } from '../../store/duckdb/duckdb-store.js';

const items = parseCorpus(readFileSync(join(repoRoot, 'test/fixtures/claims/dev-sentences-gaps.txt'), 'utf8'));

describeWithSharedData('the dev corpus of the blind batch gaps, as of 2025-12-11', () => {
  let store: DuckDbStore;
  let seriesFor: SeriesFor;
  let stored: string[];

  beforeAll(async () => {
    ({ store, stored, seriesFor } = await openCorpusStore(items));
  }, 120_000);

  afterAll(async () => {
    await store.close();
  });

  it('finds every labelled claim with its verdict, and nothing else', () => {
    const { extraction, verdicts } = scoreCorpus(items, stored, seriesFor);
    expect([...extraction.misses, ...verdicts.misses]).toEqual([]);
    expect(extraction.tp).toBe(items.reduce((n, i) => n + i.labels.length, 0));
    expect(verdicts.tp).toBe(items.reduce((n, i) => n + i.labels.filter((l) => l.verdict !== null).length, 0));
  });
});
