#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the tests and prints its URL on stdout.
#   scripts/pg-test-server.sh start DIR PORT   -> initdb in DIR, start on PORT, create database marketdash_test
#   scripts/pg-test-server.sh stop DIR
# As root (CI, the dev machines) the server runs as the `postgres` user, which Debian's package creates.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data directory}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -n $BIN ]] || { echo "PostgreSQL is not installed (scripts/install-system-deps.sh installs it)" >&2; exit 1; }
run=()
if [[ $(id -u) -eq 0 ]]; then run=(runuser -u postgres --); fi
case $cmd in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    "${run[@]}" "$BIN/initdb" -D "$dir/data" -A trust -U marketdash --no-sync >/dev/null
    "${run[@]}" "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-h 127.0.0.1 -p $port -k $dir -F -c max_connections=200" start >/dev/null
    "$BIN/createdb" -h 127.0.0.1 -p "$port" -U marketdash marketdash_test
    echo "postgres://marketdash@127.0.0.1:$port/marketdash_test"
    ;;
  stop)
    "${run[@]}" "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
esac
