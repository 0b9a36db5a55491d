#!/usr/bin/env bash
# Runs a command with PostgreSQL and Redis available, as ./scripts/test has them: the configured ones
# (DATABASE_URL, REDIS_URL) or project-local ones it starts, and stops, itself. `pnpm bench` uses it.
set -euo pipefail
source "$(dirname "$0")/provision.sh"
ensure_node_deps
ensure_postgres
ensure_redis
trap stop_what_we_started EXIT
cd "$ROOT"
"$@"
