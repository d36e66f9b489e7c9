#!/bin/sh
# Renders /etc/traefik/traefik.yml with values from the environment, then runs Traefik with it.
set -eu
: "${ACME_EMAIL:?set ACME_EMAIL in .env}"
: "${ACME_STORAGE:=/letsencrypt/acme.json}"
: "${CONTAINER_NETWORK:=spawner}"
# Values go into YAML scalars: refuse anything that could break out of one.
for value in "$ACME_EMAIL" "$ACME_STORAGE" "$CONTAINER_NETWORK"; do
  case "$value" in *[!A-Za-z0-9@._/+-]*) echo "traefik-entrypoint: unsafe value: $value" >&2; exit 1 ;; esac
done
sed -e "s|\${ACME_EMAIL}|$ACME_EMAIL|g" \
  -e "s|\${ACME_STORAGE}|$ACME_STORAGE|g" \
  -e "s|\${CONTAINER_NETWORK}|$CONTAINER_NETWORK|g" \
  /etc/traefik/traefik.yml >/tmp/traefik.yml
exec traefik --configFile=/tmp/traefik.yml "$@"
