# shellcheck shell=bash
# shellcheck disable=SC2016  # single-quoted $ and backquotes are meant literally
# shellcheck disable=SC2034  # the paths below are used by the scripts sourcing this file
# Shared helpers for tools/infra/*.sh. Source it, do not run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Conventions: every script prints one short line per step ("[infra] ..."),
# sends the noisy output of installers/builds to .local/logs/<name>.log and
# shows its tail only on failure.

if [[ -n "${_INFRA_LIB_LOADED:-}" ]]; then return 0; fi
_INFRA_LIB_LOADED=1

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/../.." && pwd)"
LOCAL_DIR="$REPO_ROOT/.local"          # git-ignored
LOG_DIR="$LOCAL_DIR/logs"
RUN_DIR="$LOCAL_DIR/run"
BIN_DIR="$LOCAL_DIR/bin"

# Service binaries of Debian packages live in sbin; Go in /usr/local/go.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin" ;; esac
case ":$PATH:" in *:/usr/local/go/bin:*) ;; *) [[ -d /usr/local/go/bin ]] && PATH="$PATH:/usr/local/go/bin" ;; esac
export PATH

info() { printf '[infra] %s\n' "$*"; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

# redact_url URL — drop user:password@ and the query string, for printing.
redact_url() {
  local u=${1%%\?*}
  if [[ "$u" == *://*@* ]]; then u="${u%%://*}://***@${u#*@}"; fi
  printf '%s' "$u"
}

have() { command -v "$1" >/dev/null 2>&1; }

# port_open HOST PORT — true when something accepts TCP connections there.
port_open() {
  local host=$1 port=$2
  timeout 1 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null
}

# wait_for_port HOST PORT SECONDS [PID] — poll until the port answers; fail
# early when PID (the process expected to open it) has exited.
wait_for_port() {
  local host=$1 port=$2 secs=$3 pid=${4:-}
  local deadline=$((SECONDS + secs))
  while ! port_open "$host" "$port"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      return 2
    fi
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 0.2
  done
}

# hash_files FILE... — one sha256 over the names and contents of the files.
hash_files() {
  (cd "$REPO_ROOT" && sha256sum -- "$@") | sha256sum | cut -d' ' -f1
}

# stamp_ok STAMPFILE HASH — true when the stamp holds exactly HASH.
stamp_ok() {
  [[ -f "$1" ]] && [[ "$(cat "$1")" == "$2" ]]
}

write_stamp() {
  mkdir -p "$(dirname "$1")"
  printf '%s\n' "$2" >"$1"
}

# run_logged NAME CMD... — run CMD with its output in .local/logs/NAME.log;
# on failure show the log's tail and return the command's status.
run_logged() {
  local name=$1; shift
  local log="$LOG_DIR/$name.log"
  mkdir -p "$LOG_DIR"
  local rc=0
  "$@" >"$log" 2>&1 </dev/null || rc=$?
  if ((rc != 0)); then
    printf '[infra] ERROR: `%s` failed (exit %d); output (%s):\n' "$*" "$rc" "${log#"$REPO_ROOT"/}" >&2
    if (($(wc -l <"$log") > 40)); then
      head -n 15 "$log" >&2
      echo '[infra] ...' >&2
      tail -n 25 "$log" >&2
    else
      cat "$log" >&2
    fi
  fi
  return "$rc"
}

# apt_install PKG... — install Debian packages, running `apt-get update` first
# unless this repo's scripts already did so within the last hour.
apt_install() {
  have apt-get || die "apt-get not found; install $* by hand"
  export DEBIAN_FRONTEND=noninteractive
  local stamp="$RUN_DIR/apt-update.stamp"
  if [[ -z "$(find "$stamp" -mmin -60 2>/dev/null)" ]]; then
    info "apt-get update"
    run_logged apt-update apt-get update -q || die "apt-get update failed"
    mkdir -p "$RUN_DIR" && touch "$stamp"
  fi
  info "apt-get install $*"
  run_logged apt-install apt-get install -y -q --no-install-recommends "$@" || die "apt-get install $* failed"
}

# pid_alive PIDFILE [EXPECTED_CMD_SUBSTRING] — true when the pid file names a
# live process (whose command line contains the substring, if given).
pid_alive() {
  local pidfile=$1 expect=${2:-} pid
  [[ -f "$pidfile" ]] || return 1
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -n "$expect" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$expect" || return 1
  fi
}

# start_detached PIDFILE LOGFILE CMD... — start CMD in its own session,
# immune to hang-ups, output appended to LOGFILE; write its pid to PIDFILE.
start_detached() {
  local pidfile=$1 logfile=$2; shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  setsid nohup "$@" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

# stop_pidfile PIDFILE [EXPECTED_CMD_SUBSTRING] [SECONDS] — SIGTERM, wait,
# then SIGKILL. Returns 1 when nothing was running.
stop_pidfile() {
  local pidfile=$1 expect=${2:-} secs=${3:-10} pid
  if ! pid_alive "$pidfile" "$expect"; then
    rm -f "$pidfile"
    return 1
  fi
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + secs))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$pidfile"
}
