/** Placement of a point's label (the Compare page's "^RUT ends 2026-02-23"), worked by hand. */
import { describe, expect, test } from 'vitest';
import { lineLengthUnder, placePointLabel } from './point-label.js';

const pane = { width: 300, height: 200 };

describe('placePointLabel', () => {
  test('centred 8 px above the point when there is room', () => {
    // left = 150 - 90 / 2 = 105; top = 100 - 8 - 12 = 80.
    expect(placePointLabel(150, 100, 90, 12, pane)).toEqual({ left: 105, top: 80 });
  });

  test('near the left edge it slides right instead of being cut (the phone-width ^RUT label)', () => {
    // ^RUT's last point at x 20 on a phone: centred, the label would start at 20 - 45 = -25.
    const at = placePointLabel(20, 100, 90, 12, pane);
    expect(at?.left).toBe(2);
    expect((at?.left ?? 0) + 90).toBeLessThanOrEqual(pane.width);
  });

  test('near the right edge it slides left; near the top it goes under the point', () => {
    expect(placePointLabel(290, 100, 90, 12, pane)?.left).toBe(300 - 2 - 90);
    // y 10: above would be at 10 - 8 - 12 = -10, so below at 10 + 8.
    expect(placePointLabel(150, 10, 90, 12, pane)?.top).toBe(18);
  });

  test('a line through the spot above moves the label below; lines above and below move it to the side', () => {
    // A flat line at y 85 runs through the box above (top 80 to 92, with a pixel of margin 79 to 93).
    const flat = (y: number) => [
      { x: 0, y },
      { x: 300, y },
    ];
    // Below: top = 100 + 8 = 108, box 107 to 121, clear of y 85.
    expect(placePointLabel(150, 100, 90, 12, pane, { lines: [flat(85)] })).toEqual({ left: 105, top: 108 });
    // A second line at y 112 blocks below too; to the right: left 158, top 100 - 6 = 94 (box 93 to 107) is free.
    expect(placePointLabel(150, 100, 90, 12, pane, { lines: [flat(85), flat(112)] })).toEqual({ left: 158, top: 94 });
    // Another label already right of the point: the left side, 150 - 8 - 90 = 52.
    const taken = [{ left: 150, top: 90, right: 260, bottom: 110 }];
    expect(placePointLabel(150, 100, 90, 12, pane, { lines: [flat(85), flat(112)], taken })).toEqual({
      left: 52,
      top: 94,
    });
  });

  test('no free spot within reach: no label (the readout names the series)', () => {
    // Lines every 6 px across the whole pane leave no 14 px tall gap anywhere.
    const lines = Array.from({ length: 34 }, (_, k) => [
      { x: 0, y: k * 6 },
      { x: 300, y: k * 6 },
    ]);
    expect(placePointLabel(150, 100, 90, 12, pane, { lines })).toBeNull();
  });

  test('lineLengthUnder: the part of each segment inside the box', () => {
    const box = { left: 10, top: 10, right: 30, bottom: 20 };
    // A horizontal segment across the box: 20 px inside; a diagonal from (0,0) to (40,40) crosses y 10..20: x 10..20, 14.14 px.
    expect(
      lineLengthUnder(
        [
          [
            { x: 0, y: 15 },
            { x: 50, y: 15 },
          ],
        ],
        box,
      ),
    ).toBeCloseTo(20, 9);
    expect(
      lineLengthUnder(
        [
          [
            { x: 0, y: 0 },
            { x: 40, y: 40 },
          ],
        ],
        box,
      ),
    ).toBeCloseTo(Math.SQRT2 * 10, 9);
    expect(
      lineLengthUnder(
        [
          [
            { x: 0, y: 30 },
            { x: 50, y: 30 },
          ],
        ],
        box,
      ),
    ).toBe(0);
  });
});
