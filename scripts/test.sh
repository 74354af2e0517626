#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: system packages the tests need, build
# (which type-checks), the layer check, lint, then every test (unit, store contract on DuckDB and
# PostgreSQL, CLI end-to-end, browser end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm ci
bash scripts/install-system-deps.sh
npm run build
npm run typecheck
npm run lint
npx vitest run "$@"
