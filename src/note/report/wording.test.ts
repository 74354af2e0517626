/** Verb thresholds: the word follows the size of the move (no "surged" for +0.3%). */
import { describe, expect, it } from 'vitest';
import { historyClosing, indefiniteArticle, listOf, moveVerb, ordinal } from './wording.js';

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

/**
 * "What history says" ends on a line that follows its numbers (the reviewer's case, SPSM/MAG7 as of
 * 2025-12-11 on the real data: three of three breaks held, median three-month change -3.7 pp, i.e. in
 * favour of the Magnificent 7; the closing line must not say "the numbers on its side").
 */
describe('historyClosing', () => {
  const onItsSide = /numbers on its side/;
  it('a rotation into small caps has the numbers on its side only when every quoted number favours it', () => {
    expect(historyClosing('into_small_caps', 0.021, 0.75)).toMatch(onItsSide);
    expect(historyClosing('into_small_caps', 0.021, null)).toMatch(onItsSide);
    expect(historyClosing('into_small_caps', null, 0.5)).toMatch(onItsSide);
  });
  it('a negative median (in favour of the Magnificent 7) never ends "on its side"', () => {
    for (const held of [null, 0, 0.4, 1])
      expect(historyClosing('into_small_caps', -0.037, held)).not.toMatch(onItsSide);
    expect(historyClosing('into_small_caps', -0.037, null)).toBe(
      'The rotation has the momentum but not the history: after the typical earlier break the ratio gave ground within three months, so the line has to hold week by week.',
    );
    expect(historyClosing('into_small_caps', -0.037, 0.25)).toContain(
      'most earlier breaks fell back through the line and the ratio typically gave ground within three months',
    );
  });
  it('says "mixed" when the breaks held but the median went the other way, and the reverse', () => {
    expect(historyClosing('into_small_caps', -0.037, 1)).toBe(
      'History is mixed: the earlier breaks held the line, but the ratio typically gave ground within three months, so the rotation has to prove itself week by week.',
    );
    expect(historyClosing('into_small_caps', 0.02, 0.25)).toMatch(/^History is mixed: most earlier breaks fell back/);
  });
  it('a zero median or no breaks at all is no evidence either way', () => {
    expect(historyClosing('into_small_caps', 0, null)).toMatch(/too little to say/);
    expect(historyClosing('into_small_caps', 0, 0.2)).toMatch(
      /^The rotation has the momentum but not the history: most earlier breaks fell back through the line within three months/,
    );
  });
  it('into the mega caps: small caps clawing back only when the median favours them', () => {
    expect(historyClosing('into_mega_caps', 0.03, 0.2)).toMatch(/small caps tended to claw back ground/);
    expect(historyClosing('into_mega_caps', -0.03, 0.8)).toMatch(/small caps have work to do/);
    expect(historyClosing('into_mega_caps', null, null)).toMatch(/small caps have work to do/);
    expect(historyClosing('no_clear_rotation', 0.03, 1)).toBe(
      'Until one side pulls away, the line is the level to watch.',
    );
  });
});
