/**
 * The dev corpus of the ninth blind batch's failure kinds that checker engineer A took on
 * (test/fixtures/claims/dev-sentences-b9a.txt): the period of a figure (month and quarter words that are not "MTD",
 * a week in a second clause, labels heading a broker's line, "to close the quarter", "in a month", a "Q3" column),
 * a signed figure its period follows on a social line, and asides between a subject's two moves. Written with the
 * code (a development set): every labelled claim must be found with its verdict, and nothing else. Verdicts computed
 * with pandas from the data files (each item's '# basis:' line).
 */
import { expect, it } from 'vitest';
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus('dev-sentences-b9a.txt', 'the dev corpus of batch 9 kinds (engineer A)', (items) => {
  it('holds contradicted figures, so a day move read as the month is caught', () => {
    expect(items.flatMap((i) => i.labels).filter((l) => l.verdict === 'contradicted').length).toBeGreaterThanOrEqual(2);
  });
  it('spans three note dates and five styles', () => {
    expect(new Set(items.map((i) => i.date)).size).toBe(3);
    expect(new Set(items.map((i) => i.style))).toEqual(new Set(['wire', 'broker', 'table', 'social', 'newsletter']));
  });
});
