#!/usr/bin/env bash
# Validate the operators' files without a Docker engine or a Kubernetes cluster:
# docker-compose.yml (compose-go, the loader of `docker compose config`, plus BuildKit's
# Dockerfile checks) and every kustomization under k8s/ (kustomize, strict decoding into the
# Kubernetes API types, and our rules; an ops-check.yaml beside a kustomization declares the
# Secrets created out of band, see k8s/README.md). Then run the validator's own tests, which
# prove that it catches broken files. See tools/ops-check/main.go.
#
#   bash tools/check-ops.sh [ops-check args...]    # e.g. k8s/overlays/prod to check one kustomization
#
# The validator is built into .local/bin/ops-check (git-ignored) only when its sources, go.mod,
# go.sum or the Go version changed (hash in .local/bin/ops-check.stamp). Needs Go (1.26, local
# toolchain) and the Go module proxy on the first build. Exit status: 0 when all passes.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

SRC=tools/ops-check
BIN_DIR=.local/bin
BIN=$BIN_DIR/ops-check
STAMP=$BIN_DIR/ops-check.stamp
LOG_DIR=.local/logs

say() { printf '[ops-check] %s\n' "$*"; }
die() { printf '[ops-check] ERROR: %s\n' "$*" >&2; exit 1; }

case ":$PATH:" in *:/usr/local/go/bin:*) ;; *) [[ -d /usr/local/go/bin ]] && PATH="$PATH:/usr/local/go/bin" ;; esac
export PATH
command -v go >/dev/null 2>&1 || die "go not found (expected in PATH or /usr/local/go/bin)"
# The machine's own Go; never download another toolchain. No cgo needed.
export GOTOOLCHAIN=local CGO_ENABLED=0

# 1. Build the validator when its inputs changed.
shopt -s nullglob
inputs=("$SRC"/go.mod "$SRC"/go.sum)
for f in "$SRC"/*.go; do
  [[ "$f" == *_test.go ]] || inputs+=("$f")
done
shopt -u nullglob
hash=$( { go env GOVERSION GOOS GOARCH; sha256sum -- "${inputs[@]}"; } | sha256sum | cut -d' ' -f1)

if [[ -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$hash" ]]; then
  say "validator up to date ($BIN)"
else
  say "building $SRC -> $BIN (the first build downloads modules and takes a minute or two)"
  mkdir -p "$BIN_DIR" "$LOG_DIR"
  started=$SECONDS
  if ! (cd "$SRC" && go build -trimpath -buildvcs=false -o "$REPO_ROOT/$BIN.tmp" .) >"$LOG_DIR/ops-check-build.log" 2>&1; then
    cat "$LOG_DIR/ops-check-build.log" >&2
    die "build failed (log: $LOG_DIR/ops-check-build.log)"
  fi
  mv -f "$BIN.tmp" "$BIN"
  printf '%s\n' "$hash" >"$STAMP"
  say "built in $((SECONDS - started)) s"
fi

# 2. Check the repository's files.
repo_status=0
"$BIN" -C "$REPO_ROOT" "$@" || repo_status=$?
status=$repo_status

# 2b. The front ends' nginx template, when this machine has nginx (optional: `apt-get install nginx-light`).
NGINX=$(command -v nginx || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true)
if [[ -n "$NGINX" ]]; then
  tmp=$(mktemp -d)
  mkdir -p "$tmp/conf.d" "$tmp/logs"
  # Rendered as the image's entrypoint does; a literal address, as `nginx -t` resolves upstreams.
  # The security headers' snippet is included from this checkout instead of where web.Dockerfile puts it.
  # shellcheck disable=SC2016  # the ${...} is nginx template text, not a shell expansion
  sed -e 's/\${GATEWAY_UPSTREAM}/127.0.0.1:3000/g' \
      -e "s#/etc/nginx/security-headers.conf#$REPO_ROOT/docker/nginx/security-headers.conf#" \
      docker/nginx/web.conf >"$tmp/conf.d/default.conf"
  cat >"$tmp/nginx.conf" <<NGINX_CONF
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log;
events {}
http {
    client_body_temp_path $tmp/client; proxy_temp_path $tmp/proxy; fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi; scgi_temp_path $tmp/scgi;
    access_log off;
    include $tmp/conf.d/*.conf;
}
NGINX_CONF
  if out=$("$NGINX" -t -q -p "$tmp" -c "$tmp/nginx.conf" 2>&1); then
    echo "checked docker/nginx/web.conf: nginx -t ok ($("$NGINX" -v 2>&1 | sed 's/^nginx version: //'))"
  else
    echo "FAIL docker/nginx/web.conf: nginx -t: $out"
    status=1 repo_status=1
  fi
  rm -rf "$tmp"
else
  say "docker/nginx/web.conf: nginx not installed, its syntax check skipped"
fi

# 3. The validator's own tests: broken compose files, Dockerfiles and manifests must be caught.
say "go test ./... in $SRC"
mkdir -p "$LOG_DIR"
test_status=0
(cd "$SRC" && go test -trimpath -count=1 -v ./...) >"$LOG_DIR/ops-check-test.log" 2>&1 || test_status=$?
if ((test_status != 0)); then
  grep -v '^=== RUN' "$LOG_DIR/ops-check-test.log"
  status=1
else
  # Each test's verdict, then go test's own summary line(s) last.
  grep -E '^(--- |ok |PASS$|FAIL)' "$LOG_DIR/ops-check-test.log" || true
fi
# 4. For tools/test-all.sh's closing count: a Jest-shaped summary in .local/results (when that
#    folder exists, or OPS_CHECK_RESULTS_DIR names one): each Go test, plus the repository check.
results_dir=${OPS_CHECK_RESULTS_DIR:-.local/results}
if [[ -d "$results_dir" ]]; then
  passed=$(grep -c '^--- PASS' "$LOG_DIR/ops-check-test.log" || true)
  failed=$(grep -c '^--- FAIL' "$LOG_DIR/ops-check-test.log" || true)
  if ((test_status != 0 && failed == 0)); then failed=1; fi # the tests did not even build
  if ((repo_status == 0)); then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  printf '{"numPassedTests":%d,"numFailedTests":%d,"testResults":[]}\n' "$passed" "$failed" >"$results_dir/operators-files.json"
fi
exit "$status"
