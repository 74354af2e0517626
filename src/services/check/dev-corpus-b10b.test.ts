/**
 * The dev corpus of the record, verb, streak, rate, spread and level kinds of the tenth blind batch
 * (test/fixtures/claims/dev-sentences-b10b.txt): "x% off high" and distances below a dated record, "gave back" and
 * "trimming its <Month> gain to x%", streak lists and shorthand, the curve as "the gap between them", a yield "at x%"
 * between commas, "x bp above where it started the year", spreads after a note's own "small caps (IJR)", levels in
 * parentheses and after "closed the week at", a record list that ends at its semicolon. Written with the code (a
 * development set): every labelled claim must be found with its verdict, and nothing else. Verdicts computed with
 * pandas from the data files.
 */
import { expect, it } from 'vitest';
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus(
  'dev-sentences-b10b.txt',
  'the dev corpus of the record, verb, streak, rate, spread and level kinds of batch 10',
  (items) => {
    it('holds notes of several dates, and contradicted figures so a wrong reading is caught', () => {
      expect(new Set(items.map((i) => i.date)).size).toBeGreaterThanOrEqual(3);
      expect(items.flatMap((i) => i.labels).filter((l) => l.verdict === 'contradicted').length).toBeGreaterThanOrEqual(
        3,
      );
    });
  },
);
