/**
 * The dev corpus of the failure kinds 4-16 named by the blind batches (test/fixtures/claims/dev-sentences-kinds-b.txt):
 * forecasts that make no claim, unstored and unconfigured symbols called unverifiable, distances from a
 * dated record, streaks told by their end, compound sentences, elliptical periods, appositives, spreads,
 * levels, words between a name and its move and trendline states. Written with the code (a development
 * set): every labelled claim must be found with its verdict, and nothing else. Verdicts computed by hand
 * from the data files (each item's '# basis:' line).
 */
import { expect, it } from 'vitest';
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus('dev-sentences-kinds-b.txt', 'the dev corpus of failure kinds 4-16, as of 2025-12-11', (items) => {
  it('has items that make no claim at all (forecasts), so an extra reading is caught', () => {
    expect(items.filter((i) => i.labels.length === 0).length).toBeGreaterThanOrEqual(3);
  });
});
