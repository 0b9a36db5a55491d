# Sourced by scripts/start and scripts/test: everything a fresh Debian machine with Node 20 needs.
# When DATABASE_URL / REDIS_URL are set they are used as they are; otherwise project-local
# PostgreSQL and Redis run from Debian's packages with their data under .data/.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="$ROOT/.data"
PG_PORT="${FOOTPRINT_PG_PORT:-54329}"
REDIS_PORT="${FOOTPRINT_REDIS_PORT:-63799}"
STARTED_PG=""
STARTED_REDIS=""
mkdir -p "$DATA"

log() { printf '\033[1m[footprint]\033[0m %s\n' "$*" >&2; }

apt_install() {
  if [ "$(id -u)" != 0 ]; then log "need root to install $*"; return 1; fi
  if [ ! -f "$DATA/.apt-updated" ]; then apt-get update -qq >&2 && touch "$DATA/.apt-updated"; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

ensure_node_deps() {
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "10.34.8" ]; then
    log "installing pnpm 10.34.8"
    npm install -g pnpm@10.34.8 >&2
  fi
  if [ ! -d "$ROOT/node_modules/.pnpm" ] || [ "$ROOT/pnpm-lock.yaml" -nt "$ROOT/node_modules/.modules.yaml" ]; then
    log "installing dependencies"
    (cd "$ROOT" && pnpm install --frozen-lockfile >&2)
  fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then return; fi
  if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then log "installing PostgreSQL"; apt_install postgresql; fi
  local bin pgdata sock
  bin="$(pg_bin)"; pgdata="$DATA/pg"; sock="$DATA/pg-run"
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DATA" postgres
  # PostgreSQL refuses to run as root, so its user must be able to reach .data: where a folder above
  # the checkout is closed to others (a mktemp folder is 0700), open it for traversal only (o+x).
  local dir="" part
  local IFS=/
  for part in ${DATA#/}; do
    dir="$dir/$part"
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      log "letting PostgreSQL's user pass through $dir (chmod o+x)"
      chmod o+x "$dir"
    fi
  done
  unset IFS
  mkdir -p "$sock"; chown postgres "$sock"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    log "creating a local PostgreSQL cluster in .data/pg"
    mkdir -p "$pgdata"; chown postgres "$pgdata"; chmod 700 "$pgdata"
    # Trust on loopback only: a developer cluster on its own port, never a deployment.
    runuser -u postgres -- "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! runuser -u postgres -- "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    runuser -u postgres -- "$bin/pg_ctl" -D "$pgdata" -l "$sock/postgres.log" -w -t 60 start \
      -o "-p $PG_PORT -k $sock -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c shared_buffers=256MB" >/dev/null
    STARTED_PG=1
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then return; fi
  command -v redis-server >/dev/null 2>&1 || { log "installing Redis"; apt_install redis-server; }
  mkdir -p "$DATA/redis"
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "starting Redis on 127.0.0.1:$REDIS_PORT"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$DATA/redis" --daemonize yes \
      --pidfile "$DATA/redis/redis.pid" --logfile "$DATA/redis/redis.log" --save "" --appendonly no
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    STARTED_REDIS=1
  fi
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
}

ensure_keys() {
  if [ -n "${AUTH_PUBLIC_KEY:-}" ]; then return; fi
  if [ ! -f "$DATA/keys/auth-public.pem" ]; then
    mkdir -p "$DATA/keys"; chmod 700 "$DATA/keys"
    (cd "$ROOT" && pnpm exec tsx scripts/generate-keys.ts "$DATA/keys")
  fi
  AUTH_PRIVATE_KEY="$(cat "$DATA/keys/auth-private.pem")"
  AUTH_PUBLIC_KEY="$(cat "$DATA/keys/auth-public.pem")"
  export AUTH_PRIVATE_KEY AUTH_PUBLIC_KEY
}

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then return; fi
  command -v chromium >/dev/null 2>&1 || { log "installing Chromium"; apt_install chromium; }
  export CHROMIUM_PATH="$(command -v chromium)"
}

stop_what_we_started() {
  if [ -n "$STARTED_REDIS" ]; then redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; fi
  if [ -n "$STARTED_PG" ]; then runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$DATA/pg" -m fast stop >/dev/null 2>&1 || true; fi
}
