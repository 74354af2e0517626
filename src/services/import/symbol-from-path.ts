/** The ticker a single-symbol file is about, from its name: `^VIX.csv` -> ^VIX, `NVDA.csv.gz` -> NVDA. */
import { basename } from 'node:path';
import { normaliseTicker } from '../../domain/symbol-info.js';

export function symbolFromPath(path: string): string {
  let stem = basename(path);
  stem = stem.replace(/\.gz$/i, '');
  stem = stem.replace(/\.(csv|txt)$/i, '');
  return normaliseTicker(stem);
}
