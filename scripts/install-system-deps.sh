#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium (browser tests),
# PostgreSQL (store tests on the team backend), python3-pandas (independent cross-checks).
# R's TTR (r-cran-ttr) is only needed to remake golden files: scripts/make-ttr-goldens.sh installs it.
set -euo pipefail
need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || need+=(python3-pandas)
if ((${#need[@]})); then
  echo "installing Debian packages: ${need[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
