/** Name placement on the rotation chart; positions worked by hand from the eight spots around a head. */
import { describe, expect, test } from 'vitest';
import { clippedLength, type LabelBox, placeRrgLabels } from './rrg-labels.js';

const bounds = { left: 0, top: 0, right: 300, bottom: 200 };
const opts = { height: 12, gap: 7, bounds };
const rect = (b: LabelBox) => ({ left: b.x, top: b.y + 2 - b.height, right: b.x + b.width, bottom: b.y + 2 });
const overlaps = (a: LabelBox, b: LabelBox) => {
  const [r, s] = [rect(a), rect(b)];
  return r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom;
};

describe('placeRrgLabels', () => {
  test('a lone head gets its name on the right, centred on it', () => {
    // Right spot: left = 100 + 7, top = 50 - 6 = 44, baseline = bottom - 2 = 54.
    expect(placeRrgLabels([{ x: 100, y: 50 }], [30], opts)).toEqual([
      { x: 107, y: 54, width: 30, height: 12, leader: null },
    ]);
  });

  test('a second head just right of the first: the first name moves to the left of its head', () => {
    // Head B at x 115 sits inside A's right-hand box (107..137): A takes its left spot (100 - 7 - 30 = 63).
    const out = placeRrgLabels(
      [
        { x: 100, y: 50 },
        { x: 115, y: 52 },
      ],
      [30, 30],
      opts,
    );
    expect(out[0]).toEqual({ x: 63, y: 54, width: 30, height: 12, leader: null });
    expect(out[1]).toEqual({ x: 122, y: 56, width: 30, height: 12, leader: null });
  });

  test('a name keeps off a quadrant\'s name in the corner (XLK\'s lay on "Leading" at phone width)', () => {
    // A head near the top-right corner; "Leading" drawn right-aligned at x 294, baseline 16: box 246..294 x 5..19.
    // Without it the name takes the left spot (the right one, shifted inside the plot to 270..300, covers the
    // head's own box 273..287): 280 - 7 - 30 = 243, top 6, which lies on "Leading"; with it, a spot clear of
    // the box and its 2 px margin.
    const leading = { left: 246, top: 5, right: 294, bottom: 19 };
    const [box] = placeRrgLabels([{ x: 280, y: 12 }], [30], { ...opts, keepClear: [leading] });
    const r = rect(box!);
    const clear =
      r.right <= leading.left - 2 ||
      r.left >= leading.right + 2 ||
      r.bottom <= leading.top - 2 ||
      r.top >= leading.bottom + 2;
    expect(clear, JSON.stringify(r)).toBe(true);
    const [free] = placeRrgLabels([{ x: 280, y: 12 }], [30], opts);
    expect([free!.x, free!.y]).toEqual([243, 16]);
    expect(box!.x === 243 && box!.y === 16).toBe(false);
  });

  test('a head at the right edge keeps its name inside the plot, on its left', () => {
    const [box] = placeRrgLabels([{ x: 295, y: 100 }], [30], opts);
    expect(box!.x + box!.width).toBeLessThanOrEqual(300);
    expect(box!.x).toBe(295 - 7 - 30);
  });

  test('eleven heads crowded on a phone-width plot: no two names overlap, each stays beside its head', () => {
    // The real data's crowd as of 2025-12-11 at 390 px (canvas.rrg data-points): XLB, XLC, XLE, XLK close together.
    const heads = [
      { x: 230, y: 120 },
      { x: 205, y: 63 },
      { x: 208, y: 163 },
      { x: 218, y: 160 },
      { x: 168, y: 80 },
      { x: 150, y: 117 },
      { x: 210, y: 25 },
      { x: 190, y: 140 },
      { x: 112, y: 205 - 20 },
      { x: 110, y: 170 },
      { x: 185, y: 150 },
    ];
    const widths = [24, 22, 24, 24, 24, 22, 18, 24, 24, 32, 24];
    const out = placeRrgLabels(heads, widths, {
      height: 12,
      gap: 7,
      bounds: { left: 0, top: 0, right: 300, bottom: 200 },
    });
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) expect(overlaps(out[i]!, out[j]!), `${i} and ${j}`).toBe(false);
    out.forEach((b, i) => {
      const r = rect(b);
      const h = heads[i]!;
      // The nearest point of the name's box is at most gap + 1 px from its head (never walked away).
      const dx = Math.max(r.left - h.x, 0, h.x - r.right);
      const dy = Math.max(r.top - h.y, 0, h.y - r.bottom);
      expect(Math.hypot(dx, dy), `label ${i}`).toBeLessThanOrEqual(8);
    });
  });

  test("a name keeps off another series' tail when a free spot exists (XLB's name on XLI's tail)", () => {
    // A tail runs diagonally up-right through the spot right of the head at (100, 50) and on above it:
    // the right spot (107..137, 44..56) is crossed, so is the spot above; the left one (63..93) is free.
    const tail = [
      { x: 90, y: 90 },
      { x: 150, y: 30 },
    ];
    expect(clippedLength(tail[0]!, tail[1]!, { left: 107, top: 44, right: 137, bottom: 56 })).toBeGreaterThan(10);
    const [box] = placeRrgLabels([{ x: 100, y: 50 }], [30], { ...opts, tails: [tail] });
    expect(box).toEqual({ x: 63, y: 54, width: 30, height: 12, leader: null });
    const r = rect(box!);
    expect(clippedLength(tail[0]!, tail[1]!, { left: r.left, top: r.top, right: r.right, bottom: r.bottom })).toBe(0);
    // Without the tail the name takes the right spot, as before.
    expect(placeRrgLabels([{ x: 100, y: 50 }], [30], opts)[0]!.x).toBe(107);
  });

  test('a head boxed in by a tail: the name goes to the second ring with a leader line, off the tail (390 px RRG)', () => {
    // A tail loops round the head 10 px away: every spot of the first ring (7 to 19 px out) crosses the loop.
    const loop = [
      { x: 90, y: 90 },
      { x: 110, y: 90 },
      { x: 110, y: 110 },
      { x: 90, y: 110 },
      { x: 90, y: 90 },
    ];
    const [box] = placeRrgLabels([{ x: 100, y: 100 }], [30], { ...opts, tails: [loop] });
    expect(box!.leader).not.toBeNull();
    let under = 0;
    for (let k = 1; k < loop.length; k++)
      under += clippedLength(loop[k - 1]!, loop[k]!, {
        left: box!.x,
        top: box!.y + 2 - 12,
        right: box!.x + 30,
        bottom: box!.y + 2,
      });
    expect(under).toBe(0);
    // Second ring: the right-hand spot 14 px out, centred (left 114, baseline 100 + 6 - 2), leader to (114, 100).
    expect(box).toEqual({ x: 114, y: 104, width: 30, height: 12, leader: { x: 114, y: 100 } });
  });

  test('clippedLength: a segment through a box counts only its inside part (by hand: 10 of a 30 px line)', () => {
    const box = { left: 10, top: 0, right: 20, bottom: 10 };
    expect(clippedLength({ x: 0, y: 5 }, { x: 30, y: 5 }, box)).toBeCloseTo(10, 12);
    expect(clippedLength({ x: 0, y: 20 }, { x: 30, y: 20 }, box)).toBe(0);
    // A diagonal from corner to corner: 10 * sqrt(2).
    expect(clippedLength({ x: 10, y: 0 }, { x: 20, y: 10 }, box)).toBeCloseTo(10 * Math.SQRT2, 12);
  });
});
