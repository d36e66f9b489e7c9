#!/usr/bin/env bash
# Builds Spawner's own image (Dockerfile) as $SPAWNER_IMAGE (default spawner:latest), FROM $APP_BASE_IMAGE
# when set (default node:22-bookworm-slim). The same image docker-compose.yml runs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/common.sh

ensure_docker
build_image . "${SPAWNER_IMAGE:-spawner:latest}" "${APP_BASE_IMAGE:-}"
