#!/usr/bin/env bash
# Quick start: installs what is missing, applies migrations, builds, and serves http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/common.sh

# Links in mails and redirects follow the port when only PORT is set.
export PORT="${PORT:-3000}"
export APP_URL="${APP_URL:-http://localhost:$PORT}"

ensure_node
ensure_node_modules
ensure_auth_secret
absolute_database_url
check_settings
ensure_docker
migrate_database
ensure_build
ensure_templates
log "Spawner is starting on $APP_URL"
[ -n "${EMAIL_SERVER:-}" ] || log "No EMAIL_SERVER set: magic links are printed in this log."
# The app drains on SIGTERM itself (lib/server/graceful-shutdown.ts); Next's own signal handler stays off.
NEXT_MANUAL_SIG_HANDLE=1 HOSTNAME="${HOST:-0.0.0.0}" exec node .next/standalone/server.js
