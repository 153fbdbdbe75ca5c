#!/usr/bin/env bash
# Install node_modules with `npm ci` when it is missing or package-lock.json
# changed since the last successful install (stamp: node_modules/.install-stamp).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export NX_NO_CLOUD=true
cd "$REPO_ROOT"

[[ -f package-lock.json ]] || die "node deps: package-lock.json not found in $REPO_ROOT"
STAMP=node_modules/.install-stamp
lock_hash=$(hash_files package-lock.json)

if [[ -d node_modules ]] && stamp_ok "$STAMP" "$lock_hash"; then
  info "node deps: node_modules matches package-lock.json"
  exit 0
fi

have npm || die "node deps: npm not found"
started=$SECONDS
info "node deps: npm ci (node $(node --version), npm $(npm --version)); log in .local/logs/npm-ci.log"
run_logged npm-ci npm ci --no-audit --no-fund || die "node deps: npm ci failed"
write_stamp "$STAMP" "$lock_hash"
info "node deps: installed in $((SECONDS - started)) s"
