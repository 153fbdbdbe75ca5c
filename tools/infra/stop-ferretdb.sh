#!/usr/bin/env bash
# Stop the FerretDB started by ensure-ferretdb.sh (pid in .local/run/ferretdb.pid).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if stop_pidfile "$RUN_DIR/ferretdb.pid" "$BIN_DIR/ferretdb" 10; then
  info "ferretdb: stopped"
else
  info "ferretdb: not running (no live pid in .local/run/ferretdb.pid)"
fi
