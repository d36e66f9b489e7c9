#!/bin/sh
# Container start: a persistent secret on the data volume unless one is given, migrations, then the server.
set -eu

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
