/**
 * The smoothed tail of a rotation-chart series, as StockCharts' RRG draws it: a curve through every weekly
 * reading (the readings themselves stay exact: drawing only) with no corner anywhere, even where the tail
 * turns back. The curve is a centripetal Catmull-Rom spline (knots spaced by the square root of each step's
 * length; Yuksel, Schaefer and Keyser, "Parameterization and applications of Catmull-Rom curves",
 * Computer-Aided Design 43(7), 2011): unlike the uniform one it never forms a cusp or a loop within a week and
 * keeps close to the straight path of the readings, and unlike the per-axis monotone tangents drawn before
 * (zero where a coordinate turned back, so a corner where both turned at once) its direction at a reading is
 * the same on both sides (G1). An exact reversal (the tail returning the way it came) turns at right angles
 * to its path. Each week is one cubic Bézier piece. Pure; unit-tested.
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

/** The centripetal knot interval of a step: the square root of its length. */
function knot(a: Point, b: Point): number {
  return Math.sqrt(Math.hypot(b.x - a.x, b.y - a.y));
}

/**
 * The derivative at each point per unit of knot (Barry-Goldman form of the non-uniform Catmull-Rom tangent):
 * (P1 - P0)/d0 - (P2 - P0)/(d0 + d1) + (P2 - P1)/d1 inside, the step's own direction at the two ends.
 */
function tangents(pts: readonly Point[]): Point[] {
  const n = pts.length;
  return pts.map((p1, i) => {
    if (i === 0 || i === n - 1) {
      const [a, b] = i === 0 ? [p1, pts[1]!] : [pts[n - 2]!, p1];
      const d = knot(a, b);
      return { x: (b.x - a.x) / d, y: (b.y - a.y) / d };
    }
    const p0 = pts[i - 1]!;
    const p2 = pts[i + 1]!;
    const [d0, d1] = [knot(p0, p1), knot(p1, p2)];
    const m = {
      x: (p1.x - p0.x) / d0 - (p2.x - p0.x) / (d0 + d1) + (p2.x - p1.x) / d1,
      y: (p1.y - p0.y) / d0 - (p2.y - p0.y) / (d0 + d1) + (p2.y - p1.y) / d1,
    };
    // the tail returning exactly the way it came: turn at right angles to the path, not in a cusp
    if (Math.hypot(m.x, m.y) <= 1e-9 * (Math.hypot(p1.x - p0.x, p1.y - p0.y) / d0))
      return { x: -(p1.y - p0.y) / d0, y: (p1.x - p0.x) / d0 };
    return m;
  });
}

/** The Bézier pieces of a smooth tail through `points` (in drawing order, head last). */
export function tailCurve(points: readonly Point[]): BezierPiece[] {
  const pts = distinctPoints(points);
  if (pts.length < 2) return [];
  const t = tangents(pts);
  const out: BezierPiece[] = [];
  for (let i = 0; i < pts.length - 1; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const k = knot(a, b) / 3;
    out.push({
      c1: { x: a.x + t[i]!.x * k, y: a.y + t[i]!.y * k },
      c2: { x: b.x - t[i + 1]!.x * k, y: b.y - t[i + 1]!.y * k },
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
