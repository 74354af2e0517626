/**
 * The dev corpus of the failure kinds 4-16 named by the blind batches (test/fixtures/claims/dev-sentences-kinds-b.txt):
 * forecasts that make no claim, unstored and unconfigured symbols called unverifiable, distances from a
 * dated record, streaks told by their end, compound sentences, elliptical periods, appositives, spreads,
 * levels, words between a name and its move and trendline states. Written with the code (a development
 * set): every labelled claim must be found with its verdict, and nothing else. Verdicts computed by hand
 * from the data files (each item's '# basis:' line).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCorpusStore, parseCorpus, scoreCorpus } from '../../../test/support/claim-corpus.js';
import { describeWithSharedData, repoRoot } from '../../../test/support/shared-data.js';
import type { SeriesFor } from '../../note/claim-types/claim-type.js';
import type { DuckDbStore } from '../../store/duckdb/duckdb-store.js';

const items = parseCorpus(readFileSync(join(repoRoot, 'test/fixtures/claims/dev-sentences-kinds-b.txt'), 'utf8'));

describeWithSharedData('the dev corpus of failure kinds 4-16, as of 2025-12-11', () => {
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

  it('has items that make no claim at all (forecasts), so an extra reading is caught', () => {
    expect(items.filter((i) => i.labels.length === 0).length).toBeGreaterThanOrEqual(3);
  });
});
