/**
 * Where each series' name goes on the rotation chart: beside its arrowhead, never over another name or
 * another head, off the drawn tails where it can be (XLB's name once sat on XLI's tail), never outside
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
}

interface Rect {
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
  },
): LabelBox[] {
  const { height: h, bounds, gap } = options;
  const tails = options.tails ?? [];
  // Every head keeps a small box of its own that no label may cover.
  const headBoxes: Rect[] = heads.map((p) => ({
    left: p.x - gap,
    top: p.y - gap,
    right: p.x + gap,
    bottom: p.y + gap,
  }));
  const placed: Rect[] = [];
  return heads.map((p, i) => {
    const w = widths[i] ?? 0;
    // Top-left corners of the candidate boxes: right, left, above, below, the four diagonals, then the
    // same sides slid along the head (right and left raised or lowered, above and below shifted).
    const spots: [number, number][] = [
      [p.x + gap, p.y - h / 2],
      [p.x - gap - w, p.y - h / 2],
      [p.x - w / 2, p.y - gap - h],
      [p.x - w / 2, p.y + gap],
      [p.x + gap * 0.7, p.y - gap * 0.7 - h],
      [p.x + gap * 0.7, p.y + gap * 0.7],
      [p.x - gap * 0.7 - w, p.y - gap * 0.7 - h],
      [p.x - gap * 0.7 - w, p.y + gap * 0.7],
      [p.x + gap, p.y - h + 2],
      [p.x + gap, p.y - 2],
      [p.x - gap - w, p.y - h + 2],
      [p.x - gap - w, p.y - 2],
      [p.x - 4, p.y - gap - h],
      [p.x - w + 4, p.y - gap - h],
      [p.x - 4, p.y + gap],
      [p.x - w + 4, p.y + gap],
    ];
    let best: Rect | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const [left0, top0] of spots) {
      // Kept inside the plot: shifted in when it would cross an edge.
      const left = Math.min(Math.max(left0, bounds.left), bounds.right - w);
      const top = Math.min(Math.max(top0, bounds.top), bounds.bottom - h);
      const box = { left, top, right: left + w, bottom: top + h };
      let cost = 0;
      for (const other of placed) cost += overlap(box, other);
      headBoxes.forEach((hb, k) => {
        if (k !== i) cost += overlap(box, hb);
      });
      // Shifting to stay inside may push the box onto its own head: count that too.
      cost += overlap(box, headBoxes[i]!);
      for (const line of tails)
        for (let k = 1; k < line.length; k++) cost += TAIL_WEIGHT * clippedLength(line[k - 1]!, line[k]!, box);
      if (cost < bestCost) {
        bestCost = cost;
        best = box;
        if (cost === 0) break;
      }
    }
    const box = best ?? { left: p.x + gap, top: p.y - h / 2, right: p.x + gap + w, bottom: p.y + h / 2 };
    placed.push(box);
    return { x: box.left, y: box.bottom - 2, width: w, height: h };
  });
}
