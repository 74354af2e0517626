// `npm install` and `npm ci` run this (the `prepare` script): build dist/ when the dev tools are here.
// `npm ci --omit=dev` installs no TypeScript or Vite, so it skips the build instead of failing; a
// production install then runs the dist/ built beforehand (`npm run build` on a machine with them).
// A dist/ already built from the sources as they are is kept: `npx marketdash` in the repository runs
// prepare on its first call (npm installs the folder into its cache), and rebuilt dist/ from scratch
// (some 40 s on two cores) while `npm start` served from it. `npm run build` always builds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
try {
  require.resolve('typescript/package.json');
  require.resolve('vite/package.json');
} catch {
  console.log('marketdash: dev tools not installed (npm ci --omit=dev): build skipped, dist/ is used as it is');
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_INPUTS = ['src', 'web', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

/** The latest modification time of the files the build reads (0 when there are none). */
function newestInput() {
  let newest = 0;
  for (const name of BUILD_INPUTS) {
    const path = join(root, name);
    const top = statSync(path, { throwIfNoEntry: false });
    if (!top) continue;
    const files = top.isDirectory()
      ? readdirSync(path, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath ?? e.path, e.name))
      : [path];
    for (const f of files) newest = Math.max(newest, statSync(f).mtimeMs);
  }
  return newest;
}

// dist/build-id.json is the build's last step: present and newer than every input, dist/ is complete and current
const built = statSync(join(root, 'dist', 'build-id.json'), { throwIfNoEntry: false });
if (built && built.mtimeMs >= newestInput()) {
  console.log('marketdash: dist/ is up to date with the sources: build skipped (npm run build builds anyway)');
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(build.status ?? 1);
