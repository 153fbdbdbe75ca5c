#!/usr/bin/env bash
# Installs what is missing, starts RabbitMQ and the store, builds every app and runs the whole
# platform (services, gateway, both front ends) with the demo directory. Ctrl-C stops it.
# Replicas as compose's --scale: bash tools/start-platform.sh --scale applications=2 --scale notifications=2
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=0 bash tools/infra/up.sh
export NX_NO_CLOUD=true NX_DAEMON=false
npx nx run-many -t build -p gateway identity planning applications notifications portal console --output-style=static
node tools/platform/launch.mjs stop
exec node tools/platform/launch.mjs run "$@"
