#!/usr/bin/env bash
# Builds every image the tests need: the templates and the app, on the public bases where Docker Hub answers,
# else on local bases made from Debian's archive. Each step is quick when nothing changed (Docker's cache).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/common.sh

ensure_docker
choose_base_images || die "No base images: allow Docker to pull debian:bookworm-slim and node:22-bookworm-slim, or run as root on Debian/Ubuntu."
DEBIAN_BASE_IMAGE=$DEBIAN_BASE_IMAGE NODE_BASE_IMAGE=$NODE_BASE_IMAGE bash scripts/templates-build.sh
APP_BASE_IMAGE=$NODE_BASE_IMAGE bash scripts/app-image-build.sh
