#!/usr/bin/env bash
# The main job on a fresh clone: install, build, then serve the dashboard on the embedded DuckDB store,
# filled with the seeded synthetic demo market when it is empty. Extra arguments go to `marketdash serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm ci
[[ -f dist/cli/main.js && -f dist/web/index.html ]] || npm run build
exec node bin/marketdash.js serve --demo "$@"
