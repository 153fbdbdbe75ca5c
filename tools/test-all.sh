#!/usr/bin/env bash
# Every test of the platform: unit and integration tests against the real RabbitMQ and store,
# the operators' files, then the API and browser tests against the running platform.
set -uo pipefail
cd "$(dirname "$0")/.."
export CI=true NX_NO_CLOUD=true NX_DAEMON=false
RESULTS=.local/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
failed_steps=()
step() {
  local name=$1; shift
  echo "==> $name"
  "$@" || failed_steps+=("$name")
}

bash tools/infra/up.sh || { echo "infrastructure could not be started"; exit 1; }
step lint npx eslint apps libs
step build npx nx run-many -t build -p gateway identity planning applications notifications portal console --output-style=static
step unit-and-integration npx jest --runInBand --ci --json --outputFile="$RESULTS/unit-and-integration.json"
step operators-files bash tools/check-ops.sh

node tools/platform/launch.mjs stop
if node tools/platform/launch.mjs detach; then
  step api-e2e npx jest -c apps/api-e2e/jest.e2e.config.cts --runInBand --ci --json --outputFile="$RESULTS/api-e2e.json"
  step browser-e2e npx jest -c apps/portal-e2e/jest.e2e.config.cts --runInBand --ci --json --outputFile="$RESULTS/browser-e2e.json"
else
  failed_steps+=("platform-start")
  tail -n 40 .local/logs/*.log
fi
node tools/platform/launch.mjs stop

node tools/report-results.mjs "$RESULTS" "${failed_steps[@]}"
