/**
 * Appositives describe the name before them and are never the subject: in "SPSM, the cheapest way to own
 * the S&P 600, has returned 10.2% this year" the figure is SPSM's, not the index's. A phrase between
 * commas right after a name that starts like a description ("the", "a", "an", "which", "whose", "its",
 * "one of") and holds no figure makes the names inside it objects.
 */
import type { Mention } from './name-resolver.js';

const APPOSITIVE = /^\s*,\s+((?:the|a|an|which|whose|its|their|one\s+of)\b[^,;()%]{0,120}?),/i;

/** `mentions` with those inside an appositive marked as objects. */
export function markAppositives(sentence: string, mentions: readonly Mention[]): Mention[] {
  const ranges: [number, number][] = [];
  for (const x of mentions) {
    if (x.object) continue;
    const m = APPOSITIVE.exec(sentence.slice(x.end));
    if (m) ranges.push([x.end + m.index, x.end + m[0].length]);
  }
  if (ranges.length === 0) return [...mentions];
  return mentions.map((x) =>
    !x.object && ranges.some(([a, b]) => x.start >= a && x.end <= b) ? { ...x, object: true } : x,
  );
}
