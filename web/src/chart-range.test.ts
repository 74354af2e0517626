/** Range starts, computed by hand on the calendar (the regression of issue 18: Aug 31 - 6 months). */
import { describe, expect, test } from 'vitest';
import { defaultLog, rangeStart } from './chart-range.js';

describe('rangeStart', () => {
  test('Aug 31 minus 6 months is Feb 28 (2025) or Feb 29 (2024), never Mar 3', () => {
    expect(rangeStart('2025-08-31', '6m')).toBe('2025-02-28');
    expect(rangeStart('2024-08-31', '6m')).toBe('2024-02-29');
  });
  test('month ends clamp: Mar 31 - 1 month, May 31 - 3 months', () => {
    expect(rangeStart('2025-03-31', '1m')).toBe('2025-02-28');
    expect(rangeStart('2025-05-31', '3m')).toBe('2025-02-28');
  });
  test('years: the same date, Feb 29 to Feb 28', () => {
    expect(rangeStart('2025-12-11', '1y')).toBe('2024-12-11');
    expect(rangeStart('2024-02-29', '1y')).toBe('2023-02-28');
    expect(rangeStart('2025-12-11', '3y')).toBe('2022-12-11');
    expect(rangeStart('2025-12-11', '5y')).toBe('2020-12-11');
  });
  test('YTD starts at the previous year end; All has no start', () => {
    expect(rangeStart('2025-12-11', 'ytd')).toBe('2024-12-31');
    expect(rangeStart('2025-12-11', 'all')).toBeUndefined();
  });
  test('log scale by default only beyond three years', () => {
    expect(defaultLog('3y')).toBe(false);
    expect(defaultLog('5y')).toBe(true);
    expect(defaultLog('all')).toBe(true);
  });
});
