#!/usr/bin/env bash
# Install node_modules from package-lock.json when it is missing or the lock
# changed since the last successful install (stamp: node_modules/.install-stamp).
# `npm install` rather than `npm ci`: the registry reachable here does not serve
# other platforms' optional binaries (sass-embedded-*), which `npm ci` insists on
# finding in the lock; `npm install` still installs the locked versions.
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
info "node deps: npm install from the lock (node $(node --version), npm $(npm --version)); log in .local/logs/npm-install.log"
run_logged npm-install npm install --no-audit --no-fund || die "node deps: npm install failed"
write_stamp "$STAMP" "$lock_hash"
info "node deps: installed in $((SECONDS - started)) s"
