#!/usr/bin/env bash
# Builds every image CI needs without pulling anything: the local bases, then the templates on top of them.
# Each step is quick when its images already exist (Docker keeps them and their layer cache between runs).
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/images/build-base-images.sh
DEBIAN_BASE_IMAGE=spawner-base:bookworm NODE_BASE_IMAGE=spawner-node:local bash scripts/templates-build.sh
