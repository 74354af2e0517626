/**
 * Where each series' name goes on the rotation chart: beside its arrowhead, never over another name or
 * another head, off the drawn tails where it can be (XLB's name once sat on XLI's tail), off the quadrants'
 * names (XLK's lay on "Leading" at phone width), never outside
 * the plot, and never walked away from its point (on a phone eleven heads crowd the centre; a name
 * pushed down a column of others no longer says which arrow it belongs to). Each name tries sixteen
 * spots around its head, nearest first; when none is free it takes the spot that covers the least:
 * a name or a head costs its overlapping area, a tail the length of it under the name (less: a line
 * under a haloed name stays readable). Pure: unit-tested without a canvas.
 */

export interface LabelBox {
  /** Left edge of the text, baseline y (canvas fillText with textAlign left). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Where a leader line from the head meets the label, when the label sits beyond the first ring; else null. */
  readonly leader: { readonly x: number; readonly y: number } | null;
}

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The length of the segment a-b inside the rectangle (Liang-Barsky clipping). */
export function clippedLength(
  a: { readonly x: number; readonly y: number },
  b: { readonly x: number; readonly y: number },
  r: Rect,
): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, a.x - r.left],
    [dx, r.right - a.x],
    [-dy, a.y - r.top],
    [dy, r.bottom - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return 0;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return 0;
  }
  return (t1 - t0) * Math.hypot(dx, dy);
}

/** What a pixel of tail under a name costs against a pixel² of name or head covered. */
const TAIL_WEIGHT = 4;
/** What each ring further out costs: below a pixel of tail (a free far spot beats a covered near one). */
const RING_COST = 1;

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * Places one label per head (in the heads' order: put the highlighted series last so it wins ties).
 * `widths` are the measured text widths, `height` the text height, `bounds` the plot area, `gap` the
 * distance from the head to the nearest edge of its label (the arrowhead's radius); `tails` the drawn
 * tails as polylines in canvas pixels.
 */
export function placeRrgLabels(
  heads: readonly { readonly x: number; readonly y: number }[],
  widths: readonly number[],
  options: {
    readonly height: number;
    readonly bounds: Rect;
    readonly gap: number;
    readonly tails?: readonly (readonly { readonly x: number; readonly y: number }[])[];
    /** Other words on the plot no name may cover (the quadrants' names in their corners). */
    readonly keepClear?: readonly Rect[];
  },
): LabelBox[] {
  const { height: h, bounds, gap } = options;
  const tails = options.tails ?? [];
  const keepClear = options.keepClear ?? [];
  // Every head keeps a small box of its own that no label may cover.
  const headBoxes: Rect[] = heads.map((p) => ({
    left: p.x - gap,
    top: p.y - gap,
    right: p.x + gap,
    bottom: p.y + gap,
  }));
  // The candidate boxes of each head: the sixteen spots, nearest first (right, left, above, below, the four
  // diagonals, then the sides slid along the head), then every 2 px along each side of the head's box (a
  // free spot between two tails is often a few pixels off the sixteen), all kept inside the plot.
  // Rings at the gap and two, three and four times it: a name goes further out (with a leader line to its
  // head, see `leader`) only when every spot of the nearer rings covers something.
  const rings = [gap, 2 * gap, 3 * gap, 4 * gap];
  const ringOf: number[][] = [];
  const candidates = heads.map((p, i) => {
    const w = widths[i] ?? 0;
    const spots: [number, number][] = [];
    const ring: number[] = [];
    rings.forEach((d, r) => {
      const before = spots.length;
      spots.push(
        [p.x + d, p.y - h / 2],
        [p.x - d - w, p.y - h / 2],
        [p.x - w / 2, p.y - d - h],
        [p.x - w / 2, p.y + d],
        [p.x + d * 0.7, p.y - d * 0.7 - h],
        [p.x + d * 0.7, p.y + d * 0.7],
        [p.x - d * 0.7 - w, p.y - d * 0.7 - h],
        [p.x - d * 0.7 - w, p.y + d * 0.7],
        [p.x + d, p.y - h + 2],
        [p.x + d, p.y - 2],
        [p.x - d - w, p.y - h + 2],
        [p.x - d - w, p.y - 2],
        [p.x - 4, p.y - d - h],
        [p.x - w + 4, p.y - d - h],
        [p.x - 4, p.y + d],
        [p.x - w + 4, p.y + d],
      );
      for (let t = 0; t <= h; t += 2) spots.push([p.x + d, p.y - t], [p.x - d - w, p.y - t]);
      for (let t = 0; t <= w; t += 2) spots.push([p.x - t, p.y - d - h], [p.x - t, p.y + d]);
      for (let k = before; k < spots.length; k++) ring.push(r);
    });
    ringOf.push(ring);
    return spots.map(([left0, top0]): Rect => {
      // Kept inside the plot: shifted in when it would cross an edge.
      const left = Math.min(Math.max(left0, bounds.left), bounds.right - w);
      const top = Math.min(Math.max(top0, bounds.top), bounds.bottom - h);
      return { left, top, right: left + w, bottom: top + h };
    });
  });
  const tailCost = (box: Rect) => {
    let cost = 0;
    for (const line of tails)
      for (let k = 1; k < line.length; k++) cost += TAIL_WEIGHT * clippedLength(line[k - 1]!, line[k]!, box);
    return cost;
  };
  const tailCosts = candidates.map((boxes) => boxes.map(tailCost));
  const cost = (i: number, c: number, others: readonly (Rect | null)[]) => {
    const box = candidates[i]![c]!;
    // A farther ring costs a little: less than a pixel of tail, more than nothing.
    let total = tailCosts[i]![c]! + RING_COST * ringOf[i]![c]!;
    // Names keep 3 px apart side by side ("XLCXLB" read as one word) and a pixel above and below.
    others.forEach((o, k) => {
      if (o && k !== i)
        total += overlap(box, { left: o.left - 3, top: o.top - 1, right: o.right + 3, bottom: o.bottom + 1 });
    });
    // A head's own box too: shifting to stay inside may push the box onto its own head.
    for (const hb of headBoxes) total += overlap(box, hb);
    // A quadrant's name (XLK's name lay on "Leading" at phone width), kept 2 px clear; weighed like a tail.
    for (const k of keepClear)
      total +=
        TAIL_WEIGHT * overlap(box, { left: k.left - 2, top: k.top - 2, right: k.right + 2, bottom: k.bottom + 2 });
    return total;
  };
  // Greedy in the heads' order, then a few rounds in which each label that still covers something moves
  // to its best spot given all the others (a name placed early no longer blocks the only free spot of a later one).
  const chosen: (Rect | null)[] = heads.map(() => null);
  const best = (i: number) => {
    let at = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let c = 0; c < candidates[i]!.length; c++) {
      const v = cost(i, c, chosen);
      if (v < bestCost) {
        bestCost = v;
        at = c;
      }
    }
    return { at, bestCost };
  };
  heads.forEach((_, i) => {
    chosen[i] = candidates[i]![best(i).at]!;
  });
  for (let round = 0; round < 4; round++) {
    let moved = false;
    heads.forEach((_, i) => {
      const now = candidates[i]!.indexOf(chosen[i]!);
      if (cost(i, now, chosen) === 0) return;
      const { at } = best(i);
      if (at !== now && cost(i, at, chosen) < cost(i, now, chosen)) {
        chosen[i] = candidates[i]![at]!;
        moved = true;
      }
    });
    if (!moved) break;
  }
  return chosen.map((box, i) => {
    const b = box ?? candidates[i]![0]!;
    const p = heads[i]!;
    // The box's nearest point to its head: beyond the first ring a leader line joins them.
    const nx = Math.min(Math.max(p.x, b.left), b.right);
    const ny = Math.min(Math.max(p.y, b.top), b.bottom);
    const far = Math.hypot(nx - p.x, ny - p.y) > gap + 1;
    return { x: b.left, y: b.bottom - 2, width: b.right - b.left, height: h, leader: far ? { x: nx, y: ny } : null };
  });
}
