#!/usr/bin/env bash
# Builds the local base images CI uses instead of pulled ones (nothing can be pulled here):
#   spawner-base:bookworm  Debian bookworm minbase from debootstrap, imported (stands in for debian:bookworm-slim)
#   spawner-node:local     that base + this machine's Node.js runtime (stands in for node:22-bookworm-slim)
# Fast when both exist: Docker keeps them between runs. spawner-node is rebuilt when the host's Node.js
# version or the base image changes (both are labels). SPAWNER_REBUILD_BASE=1 rebuilds everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/common.sh

BASE=spawner-base:bookworm
NODE=spawner-node:local
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }
image_label() { docker image inspect --format "{{index .Config.Labels \"$2\"}}" "$1" 2>/dev/null || true; }

ensure_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return 0
  apt_install debootstrap || die "The base image needs debootstrap: apt-get install debootstrap."
}

# Files debian:bookworm-slim also leaves out or sets: docs, man pages, locales, apt caches.
slim_rootfs() {
  local root=$1
  cat >"$root/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
EOF
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
Acquire::Languages "none";
Acquire::GzipIndexes "true"; Acquire::CompressionTypes::Order:: "gz";
EOF
  # The same three suites as the public image, so `apt-get install` in a template gets security updates.
  rm -f "$root/etc/apt/sources.list"
  cat >"$root/etc/apt/sources.list.d/debian.sources" <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$root"/usr/share/{man,info,lintian}/* "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* \
    "$root"/var/cache/debconf/*-old "$root"/var/log/* "$root"/tmp/* "$root"/dev/*
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
  # Docker provides these at run time.
  : >"$root/etc/hostname"
  : >"$root/etc/resolv.conf"
}

build_base() {
  ensure_debootstrap
  local root started
  started=$(date +%s)
  root=$(mktemp -d /var/tmp/spawner-rootfs.XXXXXX)
  # shellcheck disable=SC2064 # expand now: the path is fixed
  trap "rm -rf '$root'" EXIT
  log "Building $BASE (debootstrap --variant=minbase bookworm from $MIRROR; about a minute)"
  debootstrap --variant=minbase bookworm "$root" "$MIRROR" >/tmp/spawner-debootstrap.log 2>&1 ||
    { tail -20 /tmp/spawner-debootstrap.log; die "debootstrap failed (full log: /tmp/spawner-debootstrap.log)"; }
  # debootstrap unmounts /proc and /sys when it succeeds; never delete through a mount.
  if grep -q " $root/" /proc/mounts; then die "$root still has mounts; not touching it"; fi
  slim_rootfs "$root"
  tar -C "$root" --numeric-owner -c . | docker import \
    --change 'CMD ["bash"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "LABEL spawner.base=debootstrap-minbase-bookworm spawner.built=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    - "$BASE" >/dev/null
  rm -rf "$root"
  trap - EXIT
  log "Built $BASE in $(($(date +%s) - started)) s"
}

# The host's Node.js, laid out where the public node images keep it (/usr/local), with their `node` user.
build_node() {
  local node_version=$1 base_id=$2 context started
  started=$(date +%s)
  command -v node >/dev/null 2>&1 || die "spawner-node needs Node.js on this machine (apt-get install nodejs npm)."
  local node_bin npm_dir include_dir
  node_bin=$(readlink -f "$(command -v node)")
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  include_dir=$(dirname "$(dirname "$node_bin")")/include/node
  [ -f "$npm_dir/package.json" ] || die "npm not found next to node (looked in $npm_dir)."
  context=$(mktemp -d /var/tmp/spawner-node.XXXXXX)
  # shellcheck disable=SC2064
  trap "rm -rf '$context'" EXIT
  cp "$node_bin" "$context/node"
  cp -a "$npm_dir" "$context/npm"
  if [ -d "$include_dir" ]; then cp -a "$include_dir" "$context/include"; else mkdir "$context/include"; fi
  cat >"$context/Dockerfile" <<EOF
FROM $BASE
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && apt-get update && apt-get install -y --no-install-recommends ca-certificates \\
 && rm -rf /var/lib/apt/lists/*
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY include /usr/local/include/node
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && node --version && npm --version
ENV NODE_VERSION=${node_version#v}
LABEL spawner.node-version="$node_version" spawner.base-id="$base_id"
CMD ["node"]
EOF
  log "Building $NODE (Node.js $node_version from this machine)"
  docker build -t "$NODE" "$context" >/tmp/spawner-node-build.log 2>&1 ||
    { tail -20 /tmp/spawner-node-build.log; die "building $NODE failed (full log: /tmp/spawner-node-build.log)"; }
  rm -rf "$context"
  trap - EXIT
  log "Built $NODE in $(($(date +%s) - started)) s"
}

main() {
  ensure_docker
  # Several checkouts may share one engine: one build at a time, the others then find the images.
  exec 9>/tmp/spawner-base-images.lock
  flock 9
  if [ "${SPAWNER_REBUILD_BASE:-}" = 1 ] || [ -z "$(image_id "$BASE")" ]; then build_base; fi
  local node_version base_id
  node_version=$(node -v)
  base_id=$(image_id "$BASE")
  if [ "${SPAWNER_REBUILD_BASE:-}" = 1 ] ||
    [ "$(image_label "$NODE" spawner.node-version)" != "$node_version" ] ||
    [ "$(image_label "$NODE" spawner.base-id)" != "$base_id" ]; then
    build_node "$node_version" "$base_id"
  fi
  log "Base images ready: $BASE, $NODE (Node.js $node_version)"
}

main "$@"
