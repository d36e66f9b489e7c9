#!/usr/bin/env bash
# Builds the user templates and tags them as the images the app expects by default:
#   user-templates/dev  -> spawner-dev:latest   (FROM $DEBIAN_BASE_IMAGE, default debian:bookworm-slim)
#   user-templates/prod -> spawner-prod:latest  (FROM $NODE_BASE_IMAGE, default node:22-bookworm-slim)
# Unset bases mean the Dockerfiles' public defaults. TEMPLATES_NO_CACHE=1 rebuilds without Docker's layer cache
# (e.g. to pick up Debian security updates). npm in the prod build trusts the CA bundle npm on this machine uses
# (npm config cafile, or NODE_EXTRA_CA_CERTS, or TEMPLATES_BUILD_CA), for networks that inspect TLS.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/common.sh

PROD_DIR=user-templates/prod
CA_COPY=$PROD_DIR/.build-ca.pem

# npm inside the build must trust what npm on this machine trusts (a TLS-inspecting proxy's CA, say).
# The bundle only reaches the prod image's throwaway deps stage.
build_ca() {
  local ca=${TEMPLATES_BUILD_CA:-${NODE_EXTRA_CA_CERTS:-}}
  if [ -z "$ca" ] && command -v npm >/dev/null 2>&1; then
    ca=$(npm config get cafile 2>/dev/null || true)
    [ "$ca" = null ] || [ "$ca" = undefined ] && ca=""
  fi
  if [ -n "$ca" ] && [ -f "$ca" ]; then printf '%s' "$ca"; fi
}

build_template() {
  local name=$1 tag=$2 base=$3 started log=/tmp/spawner-template-$1.log
  local args=(-t "$tag")
  [ -n "$base" ] && args+=(--build-arg "BASE_IMAGE=$base")
  [ "${TEMPLATES_NO_CACHE:-}" = 1 ] && args+=(--no-cache)
  started=$(date +%s)
  log "Building $tag from user-templates/$name (base: ${base:-Dockerfile default})"
  docker build "${args[@]}" "user-templates/$name" >"$log" 2>&1 ||
    { tail -30 "$log"; die "building $tag failed (full log: $log)"; }
  log "Built $tag in $(($(date +%s) - started)) s"
}

main() {
  ensure_docker
  build_template dev spawner-dev:latest "${DEBIAN_BASE_IMAGE:-}"
  local ca
  ca=$(build_ca)
  trap 'rm -f "$CA_COPY"' EXIT
  rm -f "$CA_COPY"
  if [ -n "$ca" ]; then cp "$ca" "$CA_COPY"; fi
  build_template prod spawner-prod:latest "${NODE_BASE_IMAGE:-}"
  docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' spawner-dev:latest >&2
  docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' spawner-prod:latest >&2
}

main "$@"
