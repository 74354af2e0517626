/**
 * The dev corpus of the tenth blind batch's failure kinds that checker engineer A took on
 * (test/fixtures/claims/dev-sentences-b10a.txt): whole tables (columns headed by the note's day, a month, a quarter and
 * the year; a streaks table titled by its way; a Treasury table of tenors with bp moves; a tab rates block's short
 * curve row), periods carried by a label or by the sentence before, two periods in one sentence, "since <event>", and
 * the extra claims those caused. Written with the code (a development set): every labelled claim must be found with
 * its verdict, and nothing else. Verdicts computed with pandas from the data files (each item's '# basis:' lines).
 */
import { expect, it } from 'vitest';
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus('dev-sentences-b10a.txt', 'the dev corpus of batch 10 kinds (engineer A)', (items) => {
  it('holds contradicted figures in tables, labels and prose, so a period read wrong is caught', () => {
    expect(items.flatMap((i) => i.labels).filter((l) => l.verdict === 'contradicted').length).toBeGreaterThanOrEqual(6);
  });
  it('spans three note dates and five styles', () => {
    expect(new Set(items.map((i) => i.date)).size).toBe(3);
    expect(new Set(items.map((i) => i.style))).toEqual(new Set(['wire', 'broker', 'table', 'social', 'newsletter']));
  });
});
