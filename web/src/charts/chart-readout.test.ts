/**
 * The readout's words. Expected strings written by hand from the demo's IWM bar of 2026-12-04 as the
 * screenshot review read it (O 242.35 H 250.53 L 241.86 C 250.16).
 */
import { describe, expect, test } from 'vitest';
import { ohlcText } from './chart-readout.js';

const two = (v: number) => v.toFixed(2);

describe('ohlcText', () => {
  test('each letter is tied to its value by a no-break space (a phone wrapped "C" and "250.16" apart)', () => {
    const text = ohlcText({ open: 242.35, high: 250.53, low: 241.86, close: 250.16 }, two);
    expect(text).toBe('O\u00a0242.35 H\u00a0250.53 L\u00a0241.86 C\u00a0250.16');
    // The line may break only between two pairs.
    expect(text.split(' ')).toEqual(['O\u00a0242.35', 'H\u00a0250.53', 'L\u00a0241.86', 'C\u00a0250.16']);
  });
  test('a series of closes alone reads as the close, with no letter', () => {
    expect(ohlcText({ close: 3.52 }, (v) => `${two(v)}%`)).toBe('3.52%');
    expect(ohlcText({ open: null, high: 1, low: 1, close: 255.87 }, two)).toBe('255.87');
  });
});
