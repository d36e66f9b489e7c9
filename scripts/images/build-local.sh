#!/usr/bin/env bash
# Builds every image the tests need without pulling anything: the local bases, then the templates and the
# app on top of them. Each step is quick when nothing changed (Docker keeps images and layer cache).
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/images/build-base-images.sh
DEBIAN_BASE_IMAGE=spawner-base:bookworm NODE_BASE_IMAGE=spawner-node:local bash scripts/templates-build.sh
APP_BASE_IMAGE=spawner-node:local bash scripts/app-image-build.sh
