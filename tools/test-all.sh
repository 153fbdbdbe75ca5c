#!/usr/bin/env bash
# Every test of the platform: unit and integration tests against the real RabbitMQ and store,
# the operators' files, then the API and browser tests against the running platform, and the
# outage test against a platform with replicated services.
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
step openapi-answers node tools/build/openapi-answers.cjs --check
step build npx nx run-many -t build -p gateway identity planning applications notifications portal console --output-style=static
step unit-and-integration npx jest --runInBand --ci --json --outputFile="$RESULTS/unit-and-integration.json"
step operators-files bash tools/check-ops.sh

# The gateway limits each client address over all routes, and every test request comes from this
# one machine, hence its higher rate limit here and in the scale test (gateway.e2e checks the limit
# on a gateway of its own).
node tools/platform/launch.mjs stop
if RATE_LIMIT_PER_MINUTE=20000 node tools/platform/launch.mjs detach; then
  step api-e2e npx jest -c apps/api-e2e/jest.e2e.config.cts --runInBand --ci --json --outputFile="$RESULTS/api-e2e.json"
  step browser-e2e npx jest -c apps/portal-e2e/jest.e2e.config.cts --runInBand --ci --json --outputFile="$RESULTS/browser-e2e.json"
else
  failed_steps+=("platform-start")
  tail -n 40 .local/logs/*.log
fi
node tools/platform/launch.mjs stop

# The outage test: two replicas each of applications and notifications; 1,000 submissions and
# their decisions while replicas are stopped and killed, RabbitMQ's application is stopped and
# started, and the store's process is restarted.
if RATE_LIMIT_PER_MINUTE=20000 node tools/platform/launch.mjs detach --scale applications=2 --scale notifications=2; then
  step scale npx jest -c apps/api-e2e/jest.scale.config.cts --runInBand --ci --json --outputFile="$RESULTS/scale.json"
else
  failed_steps+=("scaled-platform-start")
  tail -n 40 .local/logs/*.log
fi
node tools/platform/launch.mjs stop

node tools/report-results.mjs "$RESULTS" "${failed_steps[@]}"
