#!/bin/sh
# Puts SERVICE_BASE_PATH (set by the app: /{slug}-prod behind Traefik, / locally) into the asset URLs, which were
# built with a placeholder, then runs the Next.js server on 8080. Runs as the unprivileged node user, who owns /app.
set -eu
cd /app

placeholder=/__spawner_base_path__
base=${SERVICE_BASE_PATH:-/}
case "$base" in
  /*) ;;
  *) echo "SERVICE_BASE_PATH must start with / (got: $base)" >&2 && exit 64 ;;
esac
case "$base" in
  *[!A-Za-z0-9/._~-]* | *//*) echo "SERVICE_BASE_PATH may hold only a URL path like /ada-prod (got: $base)" >&2 && exit 64 ;;
esac
base=${base%/}

# Done once per container: a restart finds the stamp and starts at once.
stamp=.next/spawner-base-path
if [ ! -f "$stamp" ]; then
  grep -rlF "$placeholder" server.js .next | xargs -r sed -i "s|$placeholder|$base|g"
  printf '%s' "$base" >"$stamp"
elif [ "$(cat "$stamp")" != "$base" ]; then
  echo "This container was first started with base path '$(cat "$stamp")'; recreate it to use '$base'." >&2
  exit 1
fi

# Docker sets HOSTNAME to the container's name; the server must listen on every interface.
export HOSTNAME=0.0.0.0 PORT="${PORT:-8080}"
echo "prod container for ${USER_SLUG:-unknown} is up on :$PORT (base path: ${base:-/})"
exec node server.js
