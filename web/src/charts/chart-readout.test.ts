/**
 * The readout's words. Expected strings written by hand from the demo's IWM bar of 2026-12-04 as the
 * screenshot review read it (O 242.35 H 250.53 L 241.86 C 250.16).
 */
import { describe, expect, test } from 'vitest';
import { bareMarkKeys, changeFromBefore, ohlcText } from './chart-readout.js';

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

describe('changeFromBefore', () => {
  test("a line's change is from its own value before (the last one it has), as the first line's is", () => {
    // IWM rebased: 118.80 then 120.60 -> 120.60 / 118.80 - 1 = +1.515% (hand-worked).
    expect(changeFromBefore([100, 118.8, 120.6], 2)).toBeCloseTo(0.015152, 6);
    // A day the line has no value (a holiday of its own market) is skipped back over: 104.02 / 102 - 1.
    expect(changeFromBefore([102, null, 104.02], 2)).toBeCloseTo(0.019804, 6);
    // No value on the day, or none before it: no change (the readout then shows no figure, never +0.00%).
    expect(changeFromBefore([100, null], 1)).toBeNull();
    expect(changeFromBefore([100], 0)).toBeNull();
    expect(changeFromBefore([null, 50], 1)).toBeNull();
  });
});

describe('bareMarkKeys', () => {
  test('an arrow drawn without its words is keyed with them; one key per shape, colour and words', () => {
    // DGS2 at 390 px, 1Y to 2025-12-11: the 52w high's green arrow and the 52w low's red one drawn bare.
    const words = new Map([
      ['2025-01-13', '52w high'],
      ['2025-10-29', '52w low'],
      ['2025-12-10', 'figure'],
      ['2025-12-11', '3 days down'],
    ]);
    const drawn = [
      { time: '2025-01-13', shape: 'arrowDown', color: '#0a0', text: '' },
      { time: '2025-10-29', shape: 'arrowUp', color: '#c00', text: '' },
      // A square (a note figure's day) is no arrow; a marker that kept its words needs no key.
      { time: '2025-12-10', shape: 'square', color: '#f80', text: '' },
      { time: '2025-12-11', shape: 'arrowDown', color: '#f80', text: '3 days down' },
    ];
    expect(bareMarkKeys(drawn, words)).toEqual([
      { label: '52w high', colour: '#0a0', mark: 'arrow-down' },
      { label: '52w low', colour: '#c00', mark: 'arrow-up' },
    ]);
    // Two bare arrows with the same words and look: one key.
    const twice = [drawn[0]!, { ...drawn[0]!, time: '2025-02-03' }];
    expect(bareMarkKeys(twice, new Map([...words, ['2025-02-03', '52w high']]))).toHaveLength(1);
  });
});
