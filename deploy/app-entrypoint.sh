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

node /app/scripts/migrate.mjs
exec "$@"
