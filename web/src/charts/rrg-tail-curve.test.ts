/**
 * The rotation chart's tail curve. The weeks are the real data's (GET /api/rotation?group=sectors&benchmark=SPY
 * &tail=5&asOf=2025-12-11 on ../shared/data/real): XLRE zigzags in RS-Momentum (100.36, 99.56, 101.25, 99.11),
 * XLV turns back in both coordinates at once, where the previous curve (per-axis monotone tangents) drew a
 * corner. The checks are geometric: the tangent direction on either side of each reading, the distance of the
 * curve from each week's chord, and crossings of the sampled curve.
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

/** The per-axis monotone tangents the chart drew before: a coordinate's tangent was zero where it turned back. */
function perAxisMonotone(pts: readonly Point[]) {
  const axis = (v: number[]) =>
    v.map((_, i) => {
      if (i === 0) return v[1]! - v[0]!;
      if (i === v.length - 1) return v[i]! - v[i - 1]!;
      const [before, after] = [v[i]! - v[i - 1]!, v[i + 1]! - v[i]!];
      if (before * after <= 0) return 0;
      const m = (before + after) / 2;
      return Math.sign(m) * Math.min(Math.abs(m), 3 * Math.min(Math.abs(before), Math.abs(after)));
    });
  const tx = axis(pts.map((p) => p.x));
  const ty = axis(pts.map((p) => p.y));
  return pts.slice(0, -1).map((a, i) => ({
    c1: { x: a.x + tx[i]! / 3, y: a.y + ty[i]! / 3 },
    c2: { x: pts[i + 1]!.x - tx[i + 1]! / 3, y: pts[i + 1]!.y - ty[i + 1]! / 3 },
    to: pts[i + 1]!,
  }));
}

/**
 * The sharpest bend at a reading, in degrees: the angle between the curve's direction arriving (from the
 * previous piece's second control point) and leaving (to the next piece's first). 0 is smooth; a zero-length
 * arm (no direction) counts as 180, a corner.
 */
function worstCorner(pieces: readonly { c1: Point; c2: Point; to: Point }[]): number {
  let worst = 0;
  for (let i = 0; i < pieces.length - 1; i++) {
    const p = pieces[i]!.to;
    const into = { x: p.x - pieces[i]!.c2.x, y: p.y - pieces[i]!.c2.y };
    const out = { x: pieces[i + 1]!.c1.x - p.x, y: pieces[i + 1]!.c1.y - p.y };
    const [a, b] = [Math.hypot(into.x, into.y), Math.hypot(out.x, out.y)];
    if (a < 1e-12 || b < 1e-12) return 180;
    const cos = Math.max(-1, Math.min(1, (into.x * out.x + into.y * out.y) / (a * b)));
    worst = Math.max(worst, (Math.acos(cos) * 180) / Math.PI);
  }
  return worst;
}

/** The farthest a sampled piece strays from the chord of the two weeks it joins, as a share of that chord. */
function strayFromChord(start: Point, pieces: ReturnType<typeof tailCurve>): number {
  let worst = 0;
  let from = start;
  for (const piece of pieces) {
    const [dx, dy] = [piece.to.x - from.x, piece.to.y - from.y];
    const len = Math.hypot(dx, dy);
    for (let k = 0; k <= 50; k++) {
      const q = bezierAt(from, piece, k / 50);
      const t = Math.max(0, Math.min(1, ((q.x - from.x) * dx + (q.y - from.y) * dy) / (len * len)));
      worst = Math.max(worst, Math.hypot(q.x - (from.x + t * dx), q.y - (from.y + t * dy)) / len);
    }
    from = piece.to;
  }
  return worst;
}

/** True when two segments of a polyline that are not neighbours cross (a loop). */
function selfCrosses(line: readonly Point[]): boolean {
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  for (let i = 0; i < line.length - 1; i++)
    for (let j = i + 2; j < line.length - 1; j++) {
      const [p, q, r, s] = [line[i]!, line[i + 1]!, line[j]!, line[j + 1]!];
      if (cross(p, q, r) * cross(p, q, s) < 0 && cross(r, s, p) * cross(r, s, q) < 0) return true;
    }
  return false;
}

/** A tail with a hairpin (the auditor's sharp corners) and one that returns exactly the way it came. */
const REVERSAL = weeks([
  [99, 99],
  [100, 100],
  [101, 101],
  [100, 100.2],
  [99, 99.5],
]);
const EXACT_REVERSAL = weeks([
  [99, 99],
  [100, 100],
  [99, 99],
]);

describe('tailCurve', () => {
  test('drops the repeated head and passes through every weekly reading exactly, head last', () => {
    expect(distinctPoints(XLRE)).toHaveLength(5);
    const pieces = tailCurve(XLRE);
    expect(pieces.map((p) => p.to)).toEqual(XLRE.slice(1, 5));
  });

  test.each([
    ['XLRE', XLRE],
    ['XLV', XLV],
    ['XLI', XLI],
    ['a hairpin', REVERSAL],
    ['an exact reversal', EXACT_REVERSAL],
  ])('%s: no corner at any reading, even where the tail turns back', (_name, pts) => {
    expect(worstCorner(tailCurve(pts))).toBeLessThan(1e-3);
  });

  test('the previous curve drew a corner where both coordinates turned back (XLV on 2025-11-21, the hairpin)', () => {
    // XLV's second week (102.52, 100.54): RS-Ratio and RS-Momentum both rise into it and both fall out of it.
    expect(worstCorner(perAxisMonotone(distinctPoints(XLV)))).toBe(180);
    expect(worstCorner(perAxisMonotone(REVERSAL))).toBe(180);
  });

  test.each([
    ['XLRE', XLRE],
    ['XLV', XLV],
    ['XLI', XLI],
    ['a hairpin', REVERSAL],
  ])(
    '%s: no crossing the readings’ own path does not have, never a third of a week’s step from its chord',
    (_name, pts) => {
      // the straight path through the readings does not cross itself, so neither may the curve
      expect(selfCrosses(distinctPoints(pts))).toBe(false);
      const pieces = tailCurve(pts);
      expect(strayFromChord(pts[0]!, pieces)).toBeLessThan(1 / 3);
      expect(selfCrosses(sampleCurve(pts[0]!, pieces, 30))).toBe(false);
    },
  );

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
