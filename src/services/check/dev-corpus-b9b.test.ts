/**
 * The dev corpus of the symbol, rate, level, streak, record, ratio and direction kinds of the ninth blind batch
 * (test/fixtures/claims/dev-sentences-b9b.txt): "the Nasdaq-100 ETF" and "the Nasdaq fund" as QQQ, rate tables with
 * bp cells under period columns and the 2s10s and fed funds rows, two bp moves in a sentence, a week of the fed funds
 * rate, VIX levels, streak shorthand, distances below a record, ratios as spreads and gaps without a figure. Written
 * with the code (a development set): every labelled claim must be found with its verdict, and nothing else.
 * Verdicts computed with pandas from the data files.
 */
import { expect, it } from 'vitest';
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus(
  'dev-sentences-b9b.txt',
  'the dev corpus of the symbol, rate, level, streak, record and ratio kinds of batch 9',
  (items) => {
    it('holds notes of several dates, and contradicted figures so a wrong reading is caught', () => {
      expect(new Set(items.map((i) => i.date)).size).toBeGreaterThanOrEqual(3);
      expect(items.flatMap((i) => i.labels).filter((l) => l.verdict === 'contradicted').length).toBeGreaterThanOrEqual(
        3,
      );
    });
  },
);
