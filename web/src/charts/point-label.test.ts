/** Placement of a point's label (the Compare page's "^RUT ends 2026-02-23"), worked by hand. */
import { describe, expect, test } from 'vitest';
import { placePointLabel } from './point-label.js';

const pane = { width: 300, height: 200 };

describe('placePointLabel', () => {
  test('centred 8 px above the point when there is room', () => {
    // left = 150 - 90 / 2 = 105; top = 100 - 8 - 12 = 80.
    expect(placePointLabel(150, 100, 90, 12, pane)).toEqual({ left: 105, top: 80 });
  });

  test('near the left edge it slides right instead of being cut (the phone-width ^RUT label)', () => {
    // ^RUT's last point at x 20 on a phone: centred, the label would start at 20 - 45 = -25.
    const at = placePointLabel(20, 100, 90, 12, pane);
    expect(at.left).toBe(2);
    expect(at.left + 90).toBeLessThanOrEqual(pane.width);
  });

  test('near the right edge it slides left; near the top it goes under the point', () => {
    expect(placePointLabel(290, 100, 90, 12, pane).left).toBe(300 - 2 - 90);
    // y 10: above would be at 10 - 8 - 12 = -10, so below at 10 + 8.
    expect(placePointLabel(150, 10, 90, 12, pane).top).toBe(18);
  });
});
