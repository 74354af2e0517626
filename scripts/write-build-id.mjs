// Part of `npm run build`, last: dist/build-id.json, a digest of every file built into dist/. Outputs
// kept per data version (src/services/kept-results.ts) are keyed by it too, so a rebuilt or upgraded
// marketdash never answers with what older code computed from the same data, and `serve` and the CLI compare
// it (src/cli/shared-store/build-stamp.ts). The same sources give the same id: dist/cli-bundle/ is left out,
// as it is made from the other files of dist/ but starts with a random line (and holds V8's code cache), so
// an identical rebuild (`npx marketdash` in the repository runs `prepare`) is not taken for other code.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const out = join(dist, 'build-id.json');
const hash = createHash('sha256');
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath ?? e.path, e.name))
  .filter((f) => f !== out && !relative(dist, f).startsWith(`cli-bundle${sep}`))
  .sort();
for (const f of files) hash.update(relative(dist, f)).update('\0').update(readFileSync(f)).update('\0');
writeFileSync(out, `${JSON.stringify({ id: hash.digest('hex').slice(0, 32) })}\n`);
