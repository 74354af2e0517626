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

test('a price series keeps its ATH', () => {
  expect(highWords(false, '1993-01-29').label).toBe('ATH');
  expect(highWords(false, null).phrase).toBe('all-time high');
});
