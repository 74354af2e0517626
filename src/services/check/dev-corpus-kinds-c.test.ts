/**
 * The dev corpus of failure kinds 6, 9, 10 and 11 of the seventh blind batch
 * (test/fixtures/claims/dev-sentences-kinds-c.txt): "since <day>" and "since the start/end of <month>"
 * periods, the Mag 7 basket in shorthand beside $MAGS, fund names with their tickers read as the funds
 * (not their indices), and a ticker in parentheses that contradicts a company's name. Written with the
 * code (a development set): every labelled claim must be found with its verdict, and nothing else.
 * Verdicts computed with pandas from the data files (each item's '# basis:' line).
 */
import { expect, it } from 'vitest';
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus(
  'dev-sentences-kinds-c.txt',
  'the dev corpus of failure kinds 6, 9, 10 and 11 of batch 7',
  (items) => {
    it('holds notes of three dates, and contradicted figures so a wrong base is caught', () => {
      expect(new Set(items.map((i) => i.date))).toEqual(new Set(['2025-10-17', '2025-12-11', '2026-07-17']));
      expect(items.flatMap((i) => i.labels).filter((l) => l.verdict === 'contradicted').length).toBeGreaterThanOrEqual(
        3,
      );
    });
  },
);
