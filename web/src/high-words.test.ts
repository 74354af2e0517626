/** The name of a series' highest stored close: a rate's is never called all-time (screenshot review of DGS10). */
import { expect, test } from 'vitest';
import { highWords } from './high-words.js';

test('a yield from a FRED file that starts 2009-07-01 has a high since then, not an all-time high', () => {
  const w = highWords(true, '2009-07-01');
  expect(w).toEqual({
    label: 'High since 2009-07-01',
    fromLabel: 'From high',
    phrase: 'highest since 2009-07-01',
    axis: 'High',
  });
  expect(Object.values(w).join(' ')).not.toMatch(/ATH|all-time/);
});

test('a price series has a record close, said to be a close everywhere (its high is of closes, not intraday highs)', () => {
  // IWM's record close 250.16 was labelled "all-time high" beside a bar whose high was 250.53 (review s8).
  expect(highWords(false, '1993-01-29')).toEqual({
    label: 'Record close',
    fromLabel: 'From record close',
    phrase: 'record close',
    axis: 'record close',
  });
  expect(Object.values(highWords(false, null)).join(' ')).not.toMatch(/ATH|all-time|high/i);
});
