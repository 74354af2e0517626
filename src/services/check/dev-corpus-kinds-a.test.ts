/**
 * The dev corpus of Group A of the sixth blind batch's failure kinds (test/fixtures/claims/dev-sentences-kinds-a.txt):
 * day labels heading a broker's line ("Tue: IWM +0.8%"), a day name without "on" ("closed Tuesday at"),
 * the sign of movement verbs ("gave up"), shorthand with the period after the figure ("+1.0% 1M") and
 * streaks told in prose ("the first down day in eight"). Written with the code (a development set): every
 * labelled claim must be found with its verdict, and nothing else. Verdicts computed by hand from the data
 * files (each item's '# basis:' line).
 */
import { describeDevCorpus } from '../../../test/support/claim-corpus.js';

describeDevCorpus('dev-sentences-kinds-a.txt', 'the dev corpus of failure kinds A1-A5, as of 2025-12-11');
