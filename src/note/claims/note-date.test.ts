/**
 * The date a note states for itself, read the ways newsrooms write it. Dates worked out by hand from
 * the text (2025-12-11 was a Thursday).
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { noteDate } from './note-date.js';

const latest = parseIsoDate('2026-08-03');
const day = (text: string, last = latest) => {
  const d = noteDate(text, last);
  return d === null ? null : [formatIsoDate(d.day), d.why];
};

describe('noteDate', () => {
  it('reads "As of the close of December 11, 2025", with the line it came from', () => {
    expect(day('# Title\n\n*As of the close of December 11, 2025. Data fingerprint ...*')).toEqual([
      '2025-12-11',
      "the note says 'As of the close of December 11, 2025' (line 3)",
    ]);
    expect(day('Prices as of Dec. 11, 2025.')?.[0]).toBe('2025-12-11');
    expect(day('Figures as of the close on Thursday, December 11, 2025.')?.[0]).toBe('2025-12-11');
    expect(day('Data as of 2025-12-11.')?.[0]).toBe('2025-12-11');
  });

  it('reads a wire dateline, taking the year from another date in the note or the last stored close', () => {
    expect(day('Stocks rally\n\nNEW YORK, Dec 11 (Wire) - The Russell 2000 rose.')).toEqual([
      '2025-12-11',
      "the dateline reads 'NEW YORK, Dec 11' (line 3)",
    ]);
    // No year anywhere: the latest Dec 11 not after the last stored close (2026-08-03) is 2025-12-11.
    expect(day('LONDON, December 11 — Shares fell.')?.[0]).toBe('2025-12-11');
    expect(day('NEW YORK, Dec 11 (Wire) - Shares fell.', parseIsoDate('2026-12-31'))?.[0]).toBe('2026-12-11');
    expect(day('NEW YORK, Dec 11 (Wire) - Shares fell. Published December 12, 2024.')?.[0]).toBe('2024-12-11');
  });

  it('reads a dated title or first lines, in several layouts', () => {
    expect(day('The Morning Brief — Friday, December 12, 2025\n\nGood morning.')?.[0]).toBe('2025-12-12');
    expect(day('Market wrap 2025-12-11\nStocks rose.')?.[0]).toBe('2025-12-11');
    expect(day('Weekly note, 11 December 2025\nStocks rose.')?.[0]).toBe('2025-12-11');
  });

  it('finds no date where the note states none, and never reads an impossible one', () => {
    expect(day('Nvidia is up 36.8% year-to-date. 11 hours ago.')).toBeNull();
    expect(day('As of February 30, 2025, nothing.')).toBeNull();
    // A month and a year is not a day: "December 2025" is not December 20, nor "2025 March" the 25th.
    expect(day('Monthly letter, December 2025\nStocks rose.')).toBeNull();
    expect(day('Review of 2025 March flows\nStocks rose.')).toBeNull();
    // A date deep in the body is not the note's date.
    expect(day(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'The company was founded on March 3, 1999.'].join('\n'))).toBeNull();
  });
});
