#!/usr/bin/env bash
# Builds the user templates and tags them as the images the app expects by default:
#   user-templates/dev  -> spawner-dev:latest   (FROM $DEBIAN_BASE_IMAGE, default debian:bookworm-slim)
#   user-templates/prod -> spawner-prod:latest  (FROM $NODE_BASE_IMAGE, default node:22-bookworm-slim)
#   deploy/git-helper   -> spawner-git:latest   (FROM $DEBIAN_BASE_IMAGE: clones workspace repositories)
#   user-templates/ide  -> spawner-ide:latest   (FROM $DEBIAN_BASE_IMAGE: code-server on Node 24; a cold build
#                                                takes a few minutes, later ones come from Docker's cache)
# Unset bases mean the Dockerfiles' public defaults. IMAGES_NO_CACHE=1 rebuilds without Docker's layer cache
# (e.g. to pick up Debian security updates).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/common.sh

ensure_docker
build_image user-templates/dev spawner-dev:latest "${DEBIAN_BASE_IMAGE:-}"
build_image user-templates/prod spawner-prod:latest "${NODE_BASE_IMAGE:-}"
build_image deploy/git-helper spawner-git:latest "${DEBIAN_BASE_IMAGE:-}"
build_image user-templates/ide spawner-ide:latest "${DEBIAN_BASE_IMAGE:-}"
