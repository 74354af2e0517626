/** The API's data warnings in plain words (the screenshot review: "not computed ^SP600/MAG7 ..." said nothing a reader could act on). */
import { describe, expect, it } from 'vitest';
import { plainWarning } from './data-notice.js';

describe('plainWarning', () => {
  it('says why a configured pair is not computed and how to get it, without naming a command', () => {
    // The events answer on the shared real data (no ^SP600, no RSP stored).
    const text = plainWarning(
      'not computed: ^SP600/MAG7 (no bars stored for ^SP600); RSP/SPY (no bars stored for RSP)',
    );
    expect(text).toBe(
      'Not computed: ^SP600/MAG7, because no prices are stored for ^SP600; RSP/SPY, because no prices are stored for RSP. Import the price history of ^SP600 and RSP to get them.',
    );
    expect(text).not.toMatch(/marketdash|--|`/);
  });
  it('explains that MAG7 is a basket built from its members', () => {
    expect(plainWarning('not computed: SPSM/MAG7 (no bars stored for MAG7)')).toBe(
      'Not computed: SPSM/MAG7, because no prices are stored for MAG7. MAG7 is a basket: it appears once its seven members are imported.',
    );
  });
  it('a member of a group without bars (the rotation answer), and two series without a common day', () => {
    expect(plainWarning('not computed: XLC (no stored bars)')).toBe(
      'Not computed: XLC, because no prices are stored for it. Import the price history of XLC to get it.',
    );
    expect(plainWarning('not computed: IWM/SPY (no common bar within 7 days of 2026-08-03)')).toBe(
      'Not computed: IWM/SPY, because its two series have no day in common within 7 days of 2026-08-03. Import recent prices for both sides of the pair.',
    );
  });
  it('leaves the other warnings as they are, as a note', () => {
    expect(plainWarning('data ends 2026-08-03; figures are as of that day (asked for 2030-01-02)')).toBe(
      'Note: data ends 2026-08-03; figures are as of that day (asked for 2030-01-02).',
    );
  });
});
