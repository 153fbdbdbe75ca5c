#!/usr/bin/env bash
# Make RabbitMQ answer on 127.0.0.1:5672 (guest/guest) for local runs and CI.
# Skipped when AMQP_URL is set. Installs Debian's rabbitmq-server if needed.
#
# Env: AMQP_URL (use that broker instead), RABBITMQ_NODE_PORT (default 5672,
# also read by rabbitmq-server itself).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ -n "${AMQP_URL:-}" ]]; then
  info "rabbitmq: AMQP_URL is set, using it ($(redact_url "$AMQP_URL"))"
  exit 0
fi

RABBITMQ_HOST=127.0.0.1
RABBITMQ_PORT=${RABBITMQ_NODE_PORT:-5672}

if port_open "$RABBITMQ_HOST" "$RABBITMQ_PORT"; then
  info "rabbitmq: $RABBITMQ_HOST:$RABBITMQ_PORT already answers"
  exit 0
fi

if ! have rabbitmq-server; then
  apt_install rabbitmq-server
  # The package's post-install may have started it already.
  if port_open "$RABBITMQ_HOST" "$RABBITMQ_PORT"; then
    info "rabbitmq: installed and running on $RABBITMQ_HOST:$RABBITMQ_PORT"
    exit 0
  fi
fi

info "rabbitmq: starting (rabbitmq-server -detached)"
run_logged rabbitmq-start rabbitmq-server -detached || die "rabbitmq: rabbitmq-server -detached failed"

rc=0
wait_for_port "$RABBITMQ_HOST" "$RABBITMQ_PORT" 60 || rc=$?
if ((rc != 0)); then
  echo "[infra] ERROR: rabbitmq did not listen on $RABBITMQ_HOST:$RABBITMQ_PORT within 60 s (see .local/logs/rabbitmq-start.log and /var/log/rabbitmq/)" >&2
  exit 1
fi
if have rabbitmqctl; then
  run_logged rabbitmq-await rabbitmqctl await_startup --timeout 60 || die "rabbitmq: rabbitmqctl await_startup failed"
fi
info "rabbitmq: started on $RABBITMQ_HOST:$RABBITMQ_PORT"
