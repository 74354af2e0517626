/** The VIX card's rule, by hand: a since-date within a month of the day is not news. */
import { expect, test } from 'vitest';
import { notableClose, notableText } from './notable-close.js';

test('the column day: VIX 14.85 on 2025-12-11, lowest close since 2025-09-12 (checked with pandas in the acceptance test)', () => {
  const n = notableClose({ asOf: '2025-12-11', lowestSince: '2025-09-12', highestSince: '2025-12-10' });
  expect(notableText(n)).toBe('Lowest close since 2025-09-12');
});
test('lower than the previous session only is not a low', () => {
  const n = notableClose({ asOf: '2025-12-11', lowestSince: '2025-12-09', highestSince: '2025-12-10' });
  expect(n.kind).toBe('none');
});
test('a jump: highest close since a day more than a month back', () => {
  const n = notableClose({ asOf: '2025-04-08', lowestSince: '2025-04-07', highestSince: '2023-03-13' });
  expect(notableText(n)).toBe('Highest close since 2023-03-13');
});
test('exactly one month back counts (2025-12-11 - 1 month = 2025-11-11); a day later does not', () => {
  expect(notableClose({ asOf: '2025-12-11', lowestSince: '2025-11-11', highestSince: null }).kind).toBe('lowest');
  expect(notableClose({ asOf: '2025-12-11', lowestSince: '2025-11-12', highestSince: null }).kind).toBe('record-high');
});
