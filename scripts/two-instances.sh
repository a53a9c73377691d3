#!/usr/bin/env bash
# Two hub instances on one machine, the topology of docker-compose.yml without Docker:
#   hub-1 on http://127.0.0.1:3001 and hub-2 on http://127.0.0.1:3002, sharing the local PostgreSQL
#   (database innomed_dev, created if missing) and the local Redis, so socket.io rooms and GraphQL
#   subscriptions reach clients of either instance.
#
# Usage: scripts/two-instances.sh [--build]
#   --build  rebuild (npx nest build api) even when a build exists; without it, builds only if missing.
# Ctrl-C stops both instances. Logs: data/two-instances/hub-1.log and hub-2.log.
#
# Overridable: HUB1_PORT (3001), HUB2_PORT (3002), HUB_DB (innomed_dev), PGHOST_ADDR (127.0.0.1),
# PGPORT_NUM (5432), REDIS_URL (redis://127.0.0.1:6379), JWT_SECRET (a development placeholder),
# HUB_START_TIMEOUT seconds per instance (90).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

HUB1_PORT="${HUB1_PORT:-3001}"
HUB2_PORT="${HUB2_PORT:-3002}"
HUB_DB="${HUB_DB:-innomed_dev}"
PG_HOST="${PGHOST_ADDR:-127.0.0.1}"
PG_PORT="${PGPORT_NUM:-5432}"
HUB_REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
# Both instances must share the secret so a token issued by one is accepted by the other.
# Development placeholder only; never use it for anything reachable by others.
HUB_JWT_SECRET="${JWT_SECRET:-two-instances-dev-secret-change-me-0123456789}"
START_TIMEOUT="${HUB_START_TIMEOUT:-90}"
MAIN_JS="dist/apps/api/apps/api/src/main.js"
LOG_DIR="data/two-instances"

BUILD=false
case "${1:-}" in
  '') ;;
  --build) BUILD=true ;;
  -h | --help)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "unknown argument: $1 (try --help)" >&2
    exit 2
    ;;
esac

say() { echo "[two-instances] $*"; }
fail() {
  echo "[two-instances] $*" >&2
  exit 1
}

# ---- shared services ----
pg_isready -h "$PG_HOST" -p "$PG_PORT" -q \
  || fail "PostgreSQL does not answer on ${PG_HOST}:${PG_PORT}. Start it: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start"
redis_host_port="${HUB_REDIS_URL#redis://}"
redis_host_port="${redis_host_port%%/*}"
redis_host_port="${redis_host_port##*@}"
[ "$(redis-cli -h "${redis_host_port%%:*}" -p "${redis_host_port##*:}" ping 2>/dev/null || true)" = "PONG" ] \
  || fail "Redis does not answer at ${HUB_REDIS_URL}. Start it: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log"

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '${HUB_DB}'")" != "1" ]; then
  say "creating database ${HUB_DB}"
  psql_admin -c "CREATE DATABASE ${HUB_DB}"
fi
DATABASE_URL="postgres://postgres@${PG_HOST}:${PG_PORT}/${HUB_DB}"

# ---- build ----
if [ "$BUILD" = true ] || [ ! -f "$MAIN_JS" ]; then
  say "building (npx nest build api)"
  npx nest build api
fi
[ -f "$MAIN_JS" ] || fail "no build at ${MAIN_JS}"

for port in "$HUB1_PORT" "$HUB2_PORT"; do
  if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/${port}" 2>/dev/null; then
    fail "port ${port} is already in use; stop what listens there or set HUB1_PORT / HUB2_PORT"
  fi
done

# ---- instances ----
mkdir -p "$LOG_DIR"
PIDS=()
STOPPING=false

stop_all() {
  [ "$STOPPING" = true ] && return
  STOPPING=true
  trap - INT TERM
  local pid alive
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  if [ "${#PIDS[@]}" -eq 0 ]; then return 0; fi
  say "stopping ${#PIDS[*]} instance(s) (pids ${PIDS[*]})"
  # Each instance drains for up to SHUTDOWN_GRACE_MS (10 s by default); give it a little more.
  for _ in $(seq 1 30); do
    alive=false
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    [ "$alive" = false ] && break
    sleep 0.5
  done
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      say "pid ${pid} still running after 15 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  wait 2>/dev/null || true
  say "stopped"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ready() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/health/ready" || true)" = "200" ]
}

# Starts one instance and waits until it is ready and has finished starting (demo seeding included:
# the second instance only starts afterwards, so the two never seed the empty database at once).
start_instance() {
  local name=$1 port=$2 log="${LOG_DIR}/$1.log" pid waited=0
  say "starting ${name} on port ${port} (log: ${log})"
  NODE_ENV=development HOST=127.0.0.1 PORT="$port" PUBLIC_URL="http://127.0.0.1:${port}" \
    DATABASE_URL="$DATABASE_URL" REDIS_URL="$HUB_REDIS_URL" JWT_SECRET="$HUB_JWT_SECRET" \
    SEED_DEMO=true DATA_DIR="${LOG_DIR}/${name}-data" \
    ALLOWED_ORIGINS="http://localhost:${HUB1_PORT},http://127.0.0.1:${HUB1_PORT},http://localhost:${HUB2_PORT},http://127.0.0.1:${HUB2_PORT}" \
    node "$MAIN_JS" >"$log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  until ready "$port" && grep -q '^innomed-hub is running' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "[two-instances] ${name} exited during start; end of ${log}:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
      echo "[two-instances] ${name} not ready within ${START_TIMEOUT}s; end of ${log}:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "${name} ready after ${waited}s (pid ${pid})"
}

start_instance hub-1 "$HUB1_PORT"
start_instance hub-2 "$HUB2_PORT"

cat <<EOF

innomed-hub: two instances sharing PostgreSQL ${HUB_DB} and Redis ${HUB_REDIS_URL}
  hub-1  http://127.0.0.1:${HUB1_PORT}/graphql   ready: http://127.0.0.1:${HUB1_PORT}/health/ready
  hub-2  http://127.0.0.1:${HUB2_PORT}/graphql   ready: http://127.0.0.1:${HUB2_PORT}/health/ready
  logs   ${LOG_DIR}/hub-1.log  ${LOG_DIR}/hub-2.log
$(sed -n '/demo users/,/^  Ctrl-C/p' "${LOG_DIR}/hub-1.log" | grep -v 'Ctrl-C' || true)
Ctrl-C stops both.
EOF

# Runs until Ctrl-C, or until one instance exits on its own (then the other is stopped too).
set +e
wait -n "${PIDS[@]}"
code=$?
set -e
if [ "$STOPPING" = false ]; then
  say "an instance exited on its own (code ${code}); stopping the other"
  exit 1
fi
