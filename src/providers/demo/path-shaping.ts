/**
 * Tools that bend a random log-price path into a planned shape without losing its daily noise:
 * pinning to anchors (a piecewise-linear drift added between anchors, as in a Brownian bridge) and a
 * smooth ceiling (values above a line are folded just under it, as prices do at resistance).
 */

import { ensureDefined } from '../../domain/ensure.js';

export interface PathAnchor {
  readonly index: number;
  readonly value: number;
}

/** Running sum of `steps` starting at `start` (steps[0] is ignored: path[0] = start). */
export function cumulativePath(steps: Float64Array, start: number): Float64Array {
  const out = new Float64Array(steps.length);
  let level = start;
  for (let i = 0; i < steps.length; i++) {
    if (i > 0) level += steps[i]!;
    out[i] = level;
  }
  return out;
}

/**
 * Adds a piecewise-linear correction so that path[a.index] === a.value at every anchor; the daily
 * increments inside a segment all shift by the same amount. Before the first anchor and after the last
 * the correction is constant. Anchors must have ascending indexes.
 */
export function pinToAnchors(path: Float64Array, anchors: readonly PathAnchor[]): void {
  if (anchors.length === 0) return;
  const corr = anchors.map((a) => a.value - path[a.index]!);
  const first = ensureDefined(anchors[0], 'first path anchor');
  const before = ensureDefined(corr[0], 'correction at the first path anchor');
  for (let t = 0; t < first.index; t++) path[t] = path[t]! + before;
  for (let k = 0; k + 1 < anchors.length; k++) {
    const a = anchors[k]!;
    const b = anchors[k + 1]!;
    const span = b.index - a.index;
    for (let t = a.index; t < b.index; t++) {
      const f = span === 0 ? 0 : (t - a.index) / span;
      path[t] = path[t]! + corr[k]! + (corr[k + 1]! - corr[k]!) * f;
    }
  }
  const last = anchors[anchors.length - 1]!;
  for (let t = last.index; t < path.length; t++) path[t] = path[t]! + corr[corr.length - 1]!;
}

/**
 * For t in [from, to]: keeps path[t] below ceiling(t) - gap with a softplus fold of sharpness k (per
 * unit of log price): far below the ceiling nothing changes, above it the value lands just under it.
 */
export function foldBelow(
  path: Float64Array,
  ceiling: (t: number) => number,
  from: number,
  to: number,
  gap: number,
  k = 60,
): void {
  for (let t = Math.max(0, from); t <= Math.min(to, path.length - 1); t++) {
    const top = ceiling(t) - gap;
    const u = top - path[t]!;
    const softplus = u > 30 / k ? u : Math.log1p(Math.exp(k * u)) / k;
    path[t] = top - softplus;
  }
}

/** Daily increments of a log path (out[0] = 0). */
export function pathSteps(path: Float64Array): Float64Array {
  const out = new Float64Array(path.length);
  for (let i = 1; i < path.length; i++) out[i] = path[i]! - path[i - 1]!;
  return out;
}
