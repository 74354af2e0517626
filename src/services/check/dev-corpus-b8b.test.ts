/**
 * The dev corpus of the streak, record, level, rate and table kinds of the eighth blind batch
 * (test/fixtures/claims/dev-sentences-b8b.txt): streaks told by ordinals, shorthand and the nouns of a run,
 * records in lists and levels after their moves, yields after a bp move and the curve in bp, FRED tables, and
 * tab-separated headers "5 Day", "1 Month", "6 Month". Written with the code (a development set): every labelled
 * claim must be found with its verdict, and nothing else. Verdicts computed with pandas from the data files.
 */
import { expect, it } from 'vitest';
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus(
  'dev-sentences-b8b.txt',
  'the dev corpus of the streak, record, rate and table kinds of batch 8',
  (items) => {
    it('holds notes of several dates, and contradicted figures so a wrong reading is caught', () => {
      expect(new Set(items.map((i) => i.date)).size).toBeGreaterThanOrEqual(3);
      expect(items.flatMap((i) => i.labels).filter((l) => l.verdict === 'contradicted').length).toBeGreaterThanOrEqual(
        3,
      );
    });
  },
);
