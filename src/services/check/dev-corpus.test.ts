/**
 * The dev corpus of the gaps the blind batch named (test/fixtures/claims/dev-sentences-gaps.txt):
 * period phrases ("for the quarter", "since Sept. 30", "for the week"), social shorthand ("4 green days
 * in a row", "-17% from highs"), records and streaks worded otherwise, a level with its move ("fell
 * 5.83% to 14.85", "VIX 14.85 (-5.83%)"), tables with header aliases and the subject carried within a
 * section. Written with the code (a development set, not held out): every labelled claim must be found
 * with its verdict, and nothing else found. Verdicts from pandas on the data files (see the file's header).
 */
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus('dev-sentences-gaps.txt', 'the dev corpus of the blind batch gaps, as of 2025-12-11');
