/**
 * The note as a JSON result (`report --format json`, GET /api/report?format=json): noteJson in the envelope every
 * JSON result uses, an object ending with `demo` and `warnings` (docs/store-and-cli.md). A top-level `rows` is
 * always a list, so the note's row count is `rowsUsed`.
 */
import type { ContractInput } from '../../contracts/contract-registry.js';
import type { noteResultSchema } from '../../contracts/report-contract.js';
import type { MarketNote } from '../../note/report/note-model.js';
import { noteJson } from '../../note/report/render-note.js';
import type { DataWarning } from '../data-warnings.js';

export function noteResult(note: MarketNote, warnings: readonly DataWarning[]): ContractInput<typeof noteResultSchema> {
  const { rows, demo, ...rest } = noteJson(note);
  return { ...rest, rowsUsed: rows, demo, warnings: [...warnings] };
}
