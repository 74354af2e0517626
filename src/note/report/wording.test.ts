/** Verb thresholds: the word follows the size of the move (no "surged" for +0.3%). */
import { describe, expect, it } from 'vitest';
import { indefiniteArticle, listOf, moveVerb, ordinal } from './wording.js';

describe('moveVerb', () => {
  it('grades moves by size, both ways', () => {
    expect(moveVerb(0.003)).toBe('edged up');
    expect(moveVerb(0.012)).toBe('rose');
    expect(moveVerb(0.035)).toBe('climbed');
    expect(moveVerb(0.07)).toBe('rallied');
    expect(moveVerb(0.15)).toBe('surged');
    expect(moveVerb(-0.003)).toBe('edged down');
    expect(moveVerb(-0.012)).toBe('fell');
    expect(moveVerb(-0.035)).toBe('slid');
    expect(moveVerb(-0.07)).toBe('tumbled');
    expect(moveVerb(-0.15)).toBe('plunged');
  });

  it('puts a boundary value in the larger band (0.5% is no longer "edged")', () => {
    expect(moveVerb(0.005)).toBe('rose');
    expect(moveVerb(-0.02)).toBe('slid');
  });
});

describe('lists', () => {
  it('joins names', () => {
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('ordinal', () => {
  // Regression: ordinal(21) printed "21th". Expected suffixes by the English rule (CLDR ordinal plural rules).
  it('spells out one to twelve and suffixes larger numbers by the English rule', () => {
    expect(ordinal(4)).toBe('fourth');
    expect(ordinal(12)).toBe('twelfth');
    expect(ordinal(13)).toBe('13th');
    expect(ordinal(21)).toBe('21st');
    expect(ordinal(22)).toBe('22nd');
    expect(ordinal(23)).toBe('23rd');
    expect(ordinal(111)).toBe('111th');
    expect(ordinal(112)).toBe('112th');
    expect(ordinal(101)).toBe('101st');
  });
});

describe('indefiniteArticle', () => {
  // By how the word or number is spoken: "an eighth", "an 18-session", "an 11,000", "a 21st", "a 110".
  it('uses "an" before a vowel sound, words and numbers alike', () => {
    expect(indefiniteArticle('eighth')).toBe('an');
    expect(indefiniteArticle('eleventh')).toBe('an');
    expect(indefiniteArticle('fifth')).toBe('a');
    expect(indefiniteArticle('8')).toBe('an');
    expect(indefiniteArticle('80')).toBe('an');
    expect(indefiniteArticle('11')).toBe('an');
    expect(indefiniteArticle('18')).toBe('an');
    expect(indefiniteArticle('18th')).toBe('an');
    expect(indefiniteArticle('11000')).toBe('an');
    expect(indefiniteArticle('21st')).toBe('a');
    expect(indefiniteArticle('110')).toBe('a');
    expect(indefiniteArticle('13')).toBe('a');
  });
});
