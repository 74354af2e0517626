/**
 * The dev corpus of Group B of the sixth blind batch's failure kinds (test/fixtures/claims/dev-sentences-b6.txt):
 * spreads in points, basis points and as a noun, yield moves in words and "unchanged", rate and curve
 * shorthand, "the sector", "the ratio" and "the pair" across sentences, unstored tickers with their level
 * first. Written with the code (a development set): every labelled claim must be found with its verdict,
 * and nothing else. Verdicts computed by hand from the data files (each item's '# basis:' line).
 */
import { expect, it } from 'vitest';
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus('dev-sentences-b6.txt', 'the dev corpus of the sixth batch, group B, as of 2025-12-11', (items) => {
  it('has items that make no claim (a Fed decision, a beat of estimates, a forecast, the credit curve)', () => {
    expect(items.filter((i) => i.labels.length === 0).length).toBeGreaterThanOrEqual(5);
  });
});
