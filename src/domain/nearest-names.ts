/**
 * "Did you mean ...?": the known names nearest to a mistyped one, by Damerau-Levenshtein distance
 * (insertions, deletions, substitutions and swaps of neighbours each cost 1), case-insensitive.
 * A name is offered only when it is close: at most 1 edit for names up to 4 characters, 2 up to 8, 3 beyond.
 */

/** The optimal-string-alignment edit distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1).fill(0);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** Up to `max` candidates close to `word`, nearest first (ties in the candidates' order). */
export function nearestNames(word: string, candidates: Iterable<string>, max = 3): string[] {
  const w = word.toUpperCase();
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  const scored: { name: string; d: number; i: number }[] = [];
  let i = 0;
  for (const name of candidates) {
    const d = editDistance(w, name.toUpperCase());
    if (d <= limit && name.toUpperCase() !== w) scored.push({ name, d, i });
    i++;
  }
  scored.sort((x, y) => x.d - y.d || x.i - y.i);
  return scored.slice(0, max).map((s) => s.name);
}

/** `; did you mean AAPL?` / `; did you mean AAPL or AAL?`, or '' when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const near = nearestNames(word, candidates);
  if (near.length === 0) return '';
  const last = near[near.length - 1]!;
  return `; did you mean ${near.length === 1 ? last : `${near.slice(0, -1).join(', ')} or ${last}`}?`;
}
