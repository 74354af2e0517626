// `npm install` and `npm ci` run this (the `prepare` script): build dist/ when the dev tools are here.
// `npm ci --omit=dev` installs no TypeScript or Vite, so it skips the build instead of failing; a
// production install then runs the dist/ built beforehand (`npm run build` on a machine with them).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('typescript/package.json');
  require.resolve('vite/package.json');
} catch {
  console.log('marketdash: dev tools not installed (npm ci --omit=dev): build skipped, dist/ is used as it is');
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(build.status ?? 1);
