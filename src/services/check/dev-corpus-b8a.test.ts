/**
 * The dev corpus of the eighth blind batch's failure kinds that checker engineer A took on
 * (test/fixtures/claims/dev-sentences-b8a.txt): "highest/lowest close since <Month> <Year>", period words and
 * periods carried into the wrong figure, a period stated once for a list, bare "Alphabet" read as GOOGL, a cashtag
 * post's own subject, a ratio's change. Written with the code (a development set): every labelled claim must be
 * found with its verdict, and nothing else. Verdicts computed with pandas from the data files (each item's
 * '# basis:' line).
 */
import { expect, it } from 'vitest';
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus('dev-sentences-b8a.txt', 'the dev corpus of batch 8 kinds (engineer A)', (items) => {
  it('holds contradicted figures, so a wrong month end or a wrong share class is caught', () => {
    expect(items.flatMap((i) => i.labels).filter((l) => l.verdict === 'contradicted').length).toBeGreaterThanOrEqual(2);
  });
});
