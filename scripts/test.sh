#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: system packages the tests need, build
# (which type-checks the sources and bundles the web app), type-checks of the pure layers and the
# web app, lint, then every test (unit, store contract on DuckDB and PostgreSQL, CLI, server and
# browser end-to-end). Ends with one summary line: "vitest: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm ci
bash scripts/install-system-deps.sh
npm run build
npm run typecheck
npm run lint
mkdir -p test-artifacts
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@" || status=$?
node -e '
  const fs = require("fs");
  const f = "test-artifacts/vitest.json";
  if (!fs.existsSync(f)) process.exit(0);
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0);
  console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
'
exit "$status"
