/** The one formatter of numbers, percentages and dates that the CLI, the note and the dashboard share. Values by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../trading-date.js';
import {
  fixed,
  formatLongDate,
  formatNumber,
  formatOrdinalNumber,
  formatPercent,
  formatPercentagePoints,
  formatPrice,
  formatShortDate,
  formatSignedPercent,
  formatUnsignedPercent,
  monthName,
} from './display-format.js';

describe('percentages', () => {
  it('prints a fraction with two decimals, n/a when unknown', () => {
    expect(formatPercent(0.368)).toBe('36.80%');
    expect(formatPercent(-0.0512)).toBe('-5.12%');
    expect(formatPercent(0.1234, 1)).toBe('12.3%');
    expect(formatPercent(null)).toBe('n/a');
    expect(formatPercent(undefined)).toBe('n/a');
    expect(formatPercent(Number.NaN)).toBe('n/a');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('n/a');
  });

  // Regression: the dashboard printed "-0.00%" where the CLI printed "0.00%" (issue 18).
  it('never prints a negative zero', () => {
    expect(formatPercent(-0.00001)).toBe('0.00%');
    expect(formatPercent(-0)).toBe('0.00%');
    expect(formatPercent(-0.004, 0)).toBe('0%');
    expect(formatSignedPercent(-0.00001)).toBe('0.00%');
    expect(formatSignedPercent(0.00001)).toBe('0.00%');
    expect(fixed(-0.0004, 2)).toBe('0.00');
    expect(fixed(-0.04, 0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(formatPercentagePoints(-0.0004)).toBe('0.0 percentage points');
  });

  it('signs a rise and leaves a fall to its minus sign', () => {
    expect(formatSignedPercent(0.05)).toBe('+5.00%');
    expect(formatSignedPercent(0.0001)).toBe('+0.01%');
    expect(formatSignedPercent(-0.05)).toBe('-5.00%');
    expect(formatSignedPercent(12.5)).toBe('+1250.00%');
    expect(formatSignedPercent(null)).toBe('n/a');
  });

  it('drops the sign for prose that says the direction in words', () => {
    expect(formatUnsignedPercent(-0.0123)).toBe('1.23%');
    expect(formatUnsignedPercent(0.0655)).toBe('6.55%');
    expect(formatPercentagePoints(0.0312)).toBe('3.1 percentage points');
    expect(formatPercentagePoints(-0.0312)).toBe('-3.1 percentage points');
  });
});

describe('numbers and prices', () => {
  it('groups thousands the en-US way with fixed decimals', () => {
    expect(formatNumber(12345.6)).toBe('12,345.60');
    expect(formatNumber(-1234.5, 1)).toBe('-1,234.5');
    expect(formatNumber(null)).toBe('n/a');
    expect(fixed(-1.25, 1)).toBe('-1.3');
  });
  it('keeps four decimals for a price under 1', () => {
    expect(formatPrice(0.12345)).toBe('0.1235');
    expect(formatPrice(1)).toBe('1.00');
    expect(formatPrice(5321.456)).toBe('5,321.46');
    expect(formatPrice(undefined)).toBe('n/a');
  });
});

describe('ordinal numbers', () => {
  // English ordinal suffixes (CLDR "ordinal" plural rules: one -> st, two -> nd, few -> rd, other -> th).
  it('suffixes by the last digits, with the teens as th', () => {
    expect(
      ['1', '2', '3', '4', '11', '12', '13', '21', '22', '23', '101', '111', '112', '113', '1001'].map((n) =>
        formatOrdinalNumber(Number(n)),
      ),
    ).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
      '113th',
      '1001st',
    ]);
  });
});

describe('dates', () => {
  const asOf = daysFromCivil(2025, 12, 11);
  it('prints the year only when it differs from the as-of year', () => {
    expect(formatLongDate(daysFromCivil(2025, 9, 12), asOf)).toBe('September 12');
    expect(formatLongDate(daysFromCivil(2021, 8, 18), asOf)).toBe('August 18, 2021');
    expect(formatLongDate(daysFromCivil(2021, 8, 18))).toBe('August 18');
    expect(formatShortDate(daysFromCivil(2025, 12, 10), asOf)).toBe('Dec 10');
    expect(formatShortDate(daysFromCivil(2024, 9, 3), asOf)).toBe('Sep 3, 2024');
  });
  it('names months and refuses a month outside 1..12', () => {
    expect(monthName(1)).toBe('January');
    expect(monthName(9, true)).toBe('Sep');
    expect(() => monthName(13)).toThrow(RangeError);
  });
});

describe('formatNumber without Intl', () => {
  it('prints exactly what toLocaleString en-US prints, over random values and digit counts (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }),
          fc.integer(),
          // decimals that sit on a rounding half (1.005, 2.675 ...)
          fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 5 })).map(([m, k]) => m / 10 ** k),
        ),
        fc.integer({ min: 0, max: 6 }),
        (value, digits) => {
          const reference = value.toLocaleString('en-US', {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
          const expected = /^-[0.,]*$/.test(reference) ? reference.slice(1) : reference;
          expect(formatNumber(value, digits)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(-1234.5)).toBe('-1,234.50');
    expect(formatNumber(1.005)).toBe('1.01'); // ICU rounds the shortest decimal, 1.005, not the double below it
    expect(formatNumber(999.995)).toBe('1,000.00');
    expect(formatNumber(-0.001)).toBe('0.00');
  });
});
