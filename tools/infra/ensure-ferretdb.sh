#!/usr/bin/env bash
# Make a MongoDB-compatible store answer on 127.0.0.1:27017 for local runs and CI:
# FerretDB v1 (SQLite backend) built from tools/infra/ferretdb into .local/bin,
# data in .local/ferretdb-data, log in .local/logs/ferretdb.log,
# pid in .local/run/ferretdb.pid. Skipped when MONGO_URL is set.
#
# Env: MONGO_URL (use that store instead), FERRETDB_PORT (default 27017).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ -n "${MONGO_URL:-}" ]]; then
  info "ferretdb: MONGO_URL is set, using it ($(redact_url "$MONGO_URL"))"
  exit 0
fi

FERRETDB_HOST=127.0.0.1
FERRETDB_PORT=${FERRETDB_PORT:-27017}
FERRETDB_SRC="tools/infra/ferretdb"
FERRETDB_BIN="$BIN_DIR/ferretdb"
FERRETDB_STAMP="$BIN_DIR/ferretdb.stamp"
FERRETDB_PID="$RUN_DIR/ferretdb.pid"
FERRETDB_LOG="$LOG_DIR/ferretdb.log"
FERRETDB_DATA="$LOCAL_DIR/ferretdb-data"

build_ferretdb() {
  have go || die "ferretdb: go not found (expected in PATH or /usr/local/go/bin)"
  local started=$SECONDS
  info "ferretdb: building $FERRETDB_SRC -> .local/bin/ferretdb (first build takes a minute or two)"
  mkdir -p "$BIN_DIR"
  (
    cd "$REPO_ROOT/$FERRETDB_SRC"
    export GOTOOLCHAIN=local CGO_ENABLED=0
    run_logged ferretdb-build go build -trimpath -buildvcs=false -o "$FERRETDB_BIN.tmp" .
  ) || die "ferretdb: build failed"
  mv -f "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  write_stamp "$FERRETDB_STAMP" "$1"
  info "ferretdb: built in $((SECONDS - started)) s"
}

cd "$REPO_ROOT"

# 1. Binary: (re)build when missing or when its sources changed.
shopt -s nullglob
src_files=("$FERRETDB_SRC"/*.go "$FERRETDB_SRC/go.mod" "$FERRETDB_SRC/go.sum")
shopt -u nullglob
src_hash=$(hash_files "${src_files[@]}")
rebuilt=
if [[ ! -x "$FERRETDB_BIN" ]] || ! stamp_ok "$FERRETDB_STAMP" "$src_hash"; then
  build_ferretdb "$src_hash"
  rebuilt=1
fi

# A running instance of ours started from an older binary: restart it.
if [[ -n "$rebuilt" ]] && pid_alive "$FERRETDB_PID" "$FERRETDB_BIN"; then
  info "ferretdb: restarting with the new binary"
  stop_pidfile "$FERRETDB_PID" "$FERRETDB_BIN" || true
fi

# 2. Server: start unless something already answers on the port.
if port_open "$FERRETDB_HOST" "$FERRETDB_PORT"; then
  info "ferretdb: $FERRETDB_HOST:$FERRETDB_PORT already answers"
  exit 0
fi

# Drop a stale pid file (process gone or not listening) before starting anew.
stop_pidfile "$FERRETDB_PID" "$FERRETDB_BIN" 2 || true

# (the binary creates the data directory itself)
start_detached "$FERRETDB_PID" "$FERRETDB_LOG" \
  "$FERRETDB_BIN" --listen-addr "$FERRETDB_HOST:$FERRETDB_PORT" --sqlite-dir "$FERRETDB_DATA"
pid=$(cat "$FERRETDB_PID")

rc=0
wait_for_port "$FERRETDB_HOST" "$FERRETDB_PORT" 30 "$pid" || rc=$?
if ((rc != 0)); then
  if ((rc == 2)); then
    rm -f "$FERRETDB_PID"
    echo "[infra] ERROR: ferretdb exited before listening on $FERRETDB_HOST:$FERRETDB_PORT; last lines of .local/logs/ferretdb.log:" >&2
  else
    echo "[infra] ERROR: ferretdb did not listen on $FERRETDB_HOST:$FERRETDB_PORT within 30 s; last lines of .local/logs/ferretdb.log:" >&2
    stop_pidfile "$FERRETDB_PID" "$FERRETDB_BIN" 2 || true
  fi
  tail -n 20 "$FERRETDB_LOG" >&2 || true
  exit 1
fi
info "ferretdb: started on $FERRETDB_HOST:$FERRETDB_PORT (pid $pid, data .local/ferretdb-data)"
