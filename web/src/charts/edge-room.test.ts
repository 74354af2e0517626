/**
 * Room before the first bar, worked by hand: a text w px wide centred on bar i needs w / 2 + 4 - i * barPx px.
 */
import { describe, expect, test } from 'vitest';
import { leftRoom, rightRoomForTitles } from './edge-room.js';

describe('leftRoom', () => {
  test('a text on the last bar needs no room on the left (IWM 1Y: "new ATH · 4 days up" on bar 250)', () => {
    // 19 characters at 6.5 px + 8 = 131.5 px; the old pad was half of it + 4 = 69.75 px, whatever its bar.
    expect(leftRoom([{ index: 250, width: 131.5 }], 1.2)).toBe(28);
  });
  test('a text on the first bar gets half its width and 4 px', () => {
    expect(leftRoom([{ index: 0, width: 131.5 }], 4.4)).toBe(69.75);
  });
  test('a text a few bars in gets what the bars before it do not give', () => {
    // "52w low" (7 characters: 53.5 px) on bar 2 of bars 4 px apart: 26.75 + 4 - 8 = 22.75, under the minimum.
    expect(leftRoom([{ index: 2, width: 53.5 }], 4)).toBe(28);
    // The 19-character text on bar 5 of a phone's bars 1.2 px apart: 65.75 + 4 - 6 = 63.75.
    expect(leftRoom([{ index: 5, width: 131.5 }], 1.2)).toBe(63.75);
  });
  test('no text: the minimum', () => {
    expect(leftRoom([], 3)).toBe(28);
    expect(leftRoom([], 3, 10)).toBe(10);
  });
});

describe('rightRoomForTitles', () => {
  test("the lines end before the widest name's box: its text, 5 px padding each side and 4 px to spare", () => {
    // "^SP600" and "MAGS" at 12 px measure about 45 and 38 px: 45 + 14 = 59 px after the last bar.
    expect(rightRoomForTitles([38, 45], 48)).toBe(59);
    expect(rightRoomForTitles([44.2], 48)).toBe(59);
  });
  test('never less than the room a marker text needs, nor for no titles', () => {
    expect(rightRoomForTitles([20], 48)).toBe(48);
    expect(rightRoomForTitles([], 48)).toBe(48);
  });
});
