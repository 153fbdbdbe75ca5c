#!/usr/bin/env bash
# Bring up everything local development and CI need: node_modules, RabbitMQ,
# FerretDB (unless MONGO_URL / AMQP_URL point elsewhere) and headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$INFRA_DIR/ensure-node-deps.sh"
"$INFRA_DIR/ensure-rabbitmq.sh"
"$INFRA_DIR/ensure-ferretdb.sh"
if [[ "${WITH_BROWSER:-1}" == 1 ]]; then "$INFRA_DIR/ensure-chromium.sh"; fi

if [[ -n "${MONGO_URL:-}" ]]; then
  info "MONGO_URL=$(redact_url "$MONGO_URL") (from the environment)"
else
  info "MONGO_URL=mongodb://127.0.0.1:${FERRETDB_PORT:-27017} (default)"
fi
if [[ -n "${AMQP_URL:-}" ]]; then
  info "AMQP_URL=$(redact_url "$AMQP_URL") (from the environment)"
else
  info "AMQP_URL=amqp://guest:guest@127.0.0.1:${RABBITMQ_NODE_PORT:-5672} (default)"
fi
