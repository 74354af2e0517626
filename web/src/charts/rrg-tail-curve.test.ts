/**
 * The rotation chart's tail curve. The weeks are the real data's (GET /api/rotation?group=sectors&benchmark=SPY
 * &tail=5&asOf=2025-12-11 on ../shared/data/real): XLRE zigzags in RS-Momentum (100.36, 99.56, 101.25, 99.11),
 * the sharp turns where the old uniform Catmull-Rom curve looped past its readings.
 */
import { describe, expect, test } from 'vitest';
import { bezierAt, distinctPoints, headDirection, type Point, sampleCurve, tailCurve } from './rrg-tail-curve.js';

// [RS-Ratio, RS-Momentum] from 2025-11-14 to the head on 2025-12-11; the API's tail repeats the head last.
const weeks = (rows: [number, number][]): Point[] => rows.map(([x, y]) => ({ x, y }));
const XLRE = weeks([
  [98.64, 100.4],
  [99.44, 100.36],
  [98.89, 99.56],
  [98.34, 101.25],
  [98.23, 99.11],
  [98.23, 99.11],
]);
const XLV = weeks([
  [102.31, 99.99],
  [102.52, 100.54],
  [101.63, 99.79],
  [100.71, 99.76],
  [100.55, 98.57],
  [100.55, 98.57],
]);
const XLI = weeks([
  [98.56, 100.13],
  [98.99, 100.41],
  [98.36, 99.51],
  [98.59, 99.76],
  [100.3, 101.85],
  [100.3, 101.85],
]);

/** Uniform Catmull-Rom control points (the chart's old curve), to show the check below can fail. */
function catmullRom(pts: readonly Point[]) {
  return pts.slice(0, -1).map((p1, i) => {
    const p0 = pts[Math.max(0, i - 1)]!;
    const p2 = pts[i + 1]!;
    const p3 = pts[Math.min(pts.length - 1, i + 2)]!;
    return {
      c1: { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 },
      c2: { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 },
      to: p2,
    };
  });
}

/** The largest distance by which a sampled curve leaves the box of the two weeks each piece joins. */
function overshoot(start: Point, pieces: ReturnType<typeof tailCurve>): number {
  let worst = 0;
  let from = start;
  for (const piece of pieces) {
    const [x0, x1] = [Math.min(from.x, piece.to.x), Math.max(from.x, piece.to.x)];
    const [y0, y1] = [Math.min(from.y, piece.to.y), Math.max(from.y, piece.to.y)];
    for (let k = 0; k <= 50; k++) {
      const q = bezierAt(from, piece, k / 50);
      worst = Math.max(worst, x0 - q.x, q.x - x1, y0 - q.y, q.y - y1);
    }
    from = piece.to;
  }
  return worst;
}

describe('tailCurve', () => {
  test('drops the repeated head and passes through every weekly reading, head last', () => {
    expect(distinctPoints(XLRE)).toHaveLength(5);
    const pieces = tailCurve(XLRE);
    expect(pieces.map((p) => p.to)).toEqual(XLRE.slice(1, 5));
  });

  test.each([
    ['XLRE', XLRE],
    ['XLV', XLV],
    ['XLI', XLI],
  ])('%s: no piece leaves the box of the two weeks it joins (no loop, no overshoot)', (_name, pts) => {
    expect(overshoot(pts[0]!, tailCurve(pts))).toBeLessThanOrEqual(1e-9);
  });

  test('the old uniform Catmull-Rom curve does overshoot on the same weeks (what the check catches)', () => {
    // XLRE's turn at 101.25: the old curve rose above it, and past the repeated head it swung beyond the head.
    expect(overshoot(XLRE[0]!, catmullRom(XLRE))).toBeGreaterThan(0.05);
  });

  test('each piece is monotone in x and in y (no loop inside a week)', () => {
    for (const pts of [XLRE, XLV, XLI]) {
      const line = sampleCurve(pts[0]!, tailCurve(pts), 40);
      for (let piece = 0; piece < 4; piece++) {
        const seg = line.slice(piece * 40, piece * 40 + 41);
        const dx = seg.slice(1).map((q, k) => q.x - seg[k]!.x);
        const dy = seg.slice(1).map((q, k) => q.y - seg[k]!.y);
        expect(dx.every((d) => d >= -1e-12) || dx.every((d) => d <= 1e-12)).toBe(true);
        expect(dy.every((d) => d >= -1e-12) || dy.every((d) => d <= 1e-12)).toBe(true);
      }
    }
  });

  test('a straight run stays a straight line (tangents of a collinear, evenly spaced run)', () => {
    const run = weeks([
      [0, 0],
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
    for (const q of sampleCurve(run[0]!, tailCurve(run), 10)) expect(q.y).toBeCloseTo(2 * q.x, 12);
  });

  test('the arrowhead points the way the tail arrives, not east (the repeated head gave atan2(0, 0) = 0)', () => {
    // XLI's last week: from (98.59, 99.76) to (100.30, 101.85), up and to the right.
    const d = headDirection(XLI)!;
    expect(d.x).toBeGreaterThan(0);
    expect(d.y).toBeGreaterThan(0);
    // XLV's: from (100.71, 99.76) to (100.55, 98.57), down and a little left.
    const v = headDirection(XLV)!;
    expect(v.x).toBeLessThan(0);
    expect(v.y).toBeLessThan(0);
    expect(headDirection(weeks([[1, 1]]))).toBeNull();
  });
});
