/**
 * The smoothed tail of a rotation-chart series: a curve through every weekly reading that never
 * overshoots it. A uniform Catmull-Rom spline (what the chart drew before) swings past a sharp turn
 * and loops beyond the head; here each axis gets a monotone tangent (Fritsch-Carlson style): zero
 * where that coordinate turns back, otherwise the Catmull-Rom tangent cut to three times the smaller
 * neighbouring step. Both control points of each cubic Bézier then lie in the box spanned by the two
 * weeks it joins, so the segment stays in that box (convex hull) and runs monotone in x and in y:
 * no loop, no overshoot, and the curve still passes through every reading. Pure; unit-tested.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One cubic Bézier piece of the tail, from the previous piece's end (or the first point) to `to`. */
export interface BezierPiece {
  readonly c1: Point;
  readonly c2: Point;
  readonly to: Point;
}

/** The points without consecutive repeats (the API's tail ends with the head itself). */
export function distinctPoints(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last.x !== p.x || last.y !== p.y) out.push(p);
  }
  return out;
}

/** The tangent of one axis at each point: monotone (zero at a turn, limited beside a short step). */
function axisTangents(v: readonly number[]): number[] {
  const n = v.length;
  return v.map((_, i) => {
    if (i === 0) return v[1]! - v[0]!;
    if (i === n - 1) return v[n - 1]! - v[n - 2]!;
    const before = v[i]! - v[i - 1]!;
    const after = v[i + 1]! - v[i]!;
    if (before * after <= 0) return 0;
    const limit = 3 * Math.min(Math.abs(before), Math.abs(after));
    const m = (before + after) / 2;
    return Math.sign(m) * Math.min(Math.abs(m), limit);
  });
}

/** The Bézier pieces of a smooth tail through `points` (in drawing order, head last). */
export function tailCurve(points: readonly Point[]): BezierPiece[] {
  const pts = distinctPoints(points);
  if (pts.length < 2) return [];
  const tx = axisTangents(pts.map((p) => p.x));
  const ty = axisTangents(pts.map((p) => p.y));
  const out: BezierPiece[] = [];
  for (let i = 0; i < pts.length - 1; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    out.push({
      c1: { x: a.x + tx[i]! / 3, y: a.y + ty[i]! / 3 },
      c2: { x: b.x - tx[i + 1]! / 3, y: b.y - ty[i + 1]! / 3 },
      to: b,
    });
  }
  return out;
}

/** The point at `t` (0..1) of the Bézier from `from` through a piece. */
export function bezierAt(from: Point, piece: BezierPiece, t: number): Point {
  const u = 1 - t;
  const [w0, w1, w2, w3] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return {
    x: w0 * from.x + w1 * piece.c1.x + w2 * piece.c2.x + w3 * piece.to.x,
    y: w0 * from.y + w1 * piece.c1.y + w2 * piece.c2.y + w3 * piece.to.y,
  };
}

/** The curve as a polyline of `steps` points a piece (for hit tests and label placement). */
export function sampleCurve(start: Point, pieces: readonly BezierPiece[], steps = 8): Point[] {
  const out: Point[] = [start];
  let from = start;
  for (const piece of pieces) {
    for (let k = 1; k <= steps; k++) out.push(bezierAt(from, piece, k / steps));
    from = piece.to;
  }
  return out;
}

/** The direction the tail arrives at its head (the last piece's end tangent), for the arrowhead. */
export function headDirection(points: readonly Point[]): Point | null {
  const pts = distinctPoints(points);
  const pieces = tailCurve(pts);
  const last = pieces[pieces.length - 1];
  if (!last) return null;
  const dx = last.to.x - last.c2.x;
  const dy = last.to.y - last.c2.y;
  if (dx !== 0 || dy !== 0) return { x: dx, y: dy };
  const before = pts[pts.length - 2]!;
  return { x: last.to.x - before.x, y: last.to.y - before.y };
}
