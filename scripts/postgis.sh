#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS server for the history tests.
#   scripts/postgis.sh start   initdb into a temporary folder, listen on 127.0.0.1 on a free port,
#                              CREATE EXTENSION postgis; prints the GDAL connection string
#                              (PG:dbname=… host=127.0.0.1 port=… user=…) and writes it to
#                              .build/postgis/connection, where the tests find it (or set CAKUPAN_TEST_PG).
#   scripts/postgis.sh stop    stop the server and remove its folder.
#   scripts/postgis.sh run CMD…  start, run CMD with CAKUPAN_TEST_PG set, stop (also on failure).
# initdb refuses root: as root the server runs as the `postgres` system user (Debian's package makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
state=.build/postgis
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  [ -n "$bindir" ] || { echo "postgis.sh: PostgreSQL is not installed (scripts/install-deps.sh db)" >&2; exit 1; }
  if [ -f "$state/connection" ]; then stop; fi
  mkdir -p "$state"
  local dir port user
  dir=$(mktemp -d /tmp/cakupan-postgis.XXXXXX)
  user=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; user=postgres; fi
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  echo "$dir" > "$state/dir"
  as_owner "$bindir/initdb" -D "$dir/data" -A trust -U "$user" --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" cakupan_test
  as_owner "$bindir/psql" -q -h 127.0.0.1 -p "$port" -U "$user" -d cakupan_test -c "CREATE EXTENSION postgis" >/dev/null
  local conn="PG:dbname=cakupan_test host=127.0.0.1 port=$port user=$user"
  echo "$conn" > "$state/connection"
  echo "$conn"
}

stop() {
  [ -f "$state/dir" ] || { rm -f "$state/connection"; return 0; }
  local dir
  dir=$(cat "$state/dir")
  rm -f "$state/connection" "$state/dir"
  if [ -d "$dir/data" ]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  run)
    shift
    trap stop EXIT
    CAKUPAN_TEST_PG=$(start | tail -n 1)
    export CAKUPAN_TEST_PG
    "$@"
    ;;
  *) echo "usage: scripts/postgis.sh start|stop|run CMD…" >&2; exit 2 ;;
esac
