#!/bin/sh
# docker stack deploy of deploy/swarm/stack.yml with the settings of .env. Swarm's CLI reads no .env, and .env's
# Compose syntax is not shell (a value may hold spaces or <>), so each KEY=VALUE line is exported as it stands;
# as with Compose, a variable already set in the shell wins.
#   deploy/swarm/stack-deploy.sh [docker stack deploy options, e.g. --with-registry-auth]
# ENV_FILE (default .env) and STACK (default spawner) choose the file and the stack's name.
set -eu
env_file=${ENV_FILE:-.env}
[ -r "$env_file" ] || { echo "stack-deploy: no $env_file (cp .env.example .env and fill it in)" >&2; exit 1; }
while IFS= read -r line || [ -n "$line" ]; do
  key=${line%%=*}
  case "$key" in '' | *[!A-Z0-9_]* | [0-9]*) continue ;; esac
  [ "$key" = "$line" ] && continue
  # .env's DOCKER_HOST is the app's engine (docker-compose.yml); here the CLI would take it for its own.
  [ "$key" = DOCKER_HOST ] && continue
  # The key is [A-Z0-9_] only, so naming it in eval is safe; the value is never evaluated.
  eval "set_already=\${$key+yes}"
  [ "${set_already:-}" = yes ] || export "$key=${line#*=}"
done <"$env_file"
exec docker stack deploy -c "$(dirname "$0")/stack.yml" "$@" "${STACK:-spawner}"
