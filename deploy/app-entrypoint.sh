#!/bin/sh
# Container start: a persistent secret on the data volume unless one is given (or a file of it), migrations, then
# the server.
set -eu

# A file instead of the value, e.g. a Swarm secret (deploy/swarm/stack.yml): the value then never sits in a spec.
if [ -z "${AUTH_SECRET:-}" ] && [ -n "${AUTH_SECRET_FILE:-}" ]; then
  AUTH_SECRET=$(cat "$AUTH_SECRET_FILE")
  export AUTH_SECRET
fi

if [ -z "${AUTH_SECRET:-}" ]; then
  if [ ! -s /data/auth-secret ]; then
    (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("hex"))' >/data/auth-secret)
  fi
  AUTH_SECRET=$(cat /data/auth-secret)
  export AUTH_SECRET
fi

# The usual first-deploy mistake is a socket this user may not open: name the group to add.
socket=${DOCKER_HOST:-unix:///var/run/docker.sock}
socket=${socket#unix://}
if [ -S "$socket" ] && { [ ! -r "$socket" ] || [ ! -w "$socket" ]; }; then
  echo "[spawner] cannot use the Docker socket $socket: set DOCKER_GID=$(stat -c %g "$socket") in .env (its group)" >&2
fi

node /app/scripts/migrate.mjs
exec "$@"
