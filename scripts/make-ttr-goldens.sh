#!/usr/bin/env bash
# Remakes the TTR golden files of the indicator tests (test/fixtures/ttr/*.csv).
# Installs R's TTR from Debian (r-cran-ttr) when it is missing, then runs make-ttr-goldens.R.
# Usage: bash scripts/make-ttr-goldens.sh [out-dir]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'suppressPackageStartupMessages(library(TTR))' >/dev/null 2>&1; then
  echo "R's TTR package is missing: installing r-cran-ttr with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends r-cran-ttr
fi

Rscript scripts/make-ttr-goldens.R "${1:-test/fixtures/ttr}"
