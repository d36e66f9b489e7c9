# Shared steps of the start and test commands: each makes one prerequisite true, or says exactly what is missing.
# shellcheck shell=bash

log() { printf '\033[1m[spawner]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[spawner] %s\033[0m\n' "$*" >&2; exit 1; }

is_root_debian() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

# How long apt waits for another apt or dpkg (unattended-upgrades on a fresh machine) to let go of its locks.
APT_LOCK_WAIT_S=${APT_LOCK_WAIT_S:-300}

# Runs apt-get, waiting up to APT_LOCK_WAIT_S for another apt or dpkg to finish: DPkg::Lock::Timeout covers dpkg's
# lock, but apt 2.6 fails at once on the package lists' lock (apt-get update) with "Could not get lock", so that is
# retried. Any other failure prints apt's own output and returns 1.
apt_get() {
  local deadline=$(($(date +%s) + APT_LOCK_WAIT_S)) left out
  while :; do
    left=$((deadline - $(date +%s)))
    [ "$left" -gt 0 ] || left=1
    if out=$(LC_ALL=C DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout="$left" "$@" 2>&1); then
      # Warnings (a mirror that did not answer) explain a later "Unable to locate package".
      grep -E '^(W|E):' <<<"$out" >&2 || true
      return 0
    fi
    if ! grep -q 'Could not get lock' <<<"$out" || [ "$(date +%s)" -ge "$deadline" ]; then
      printf '%s\n' "$out" | tail -n 40 >&2
      return 1
    fi
    sleep 2
  done
}

# Installs Debian packages as root (returns 1 when this is not root on Debian/Ubuntu, so the caller can say what
# to install by hand). A failed install stops here with apt's own error output, not with a later, misleading one.
apt_install() {
  is_root_debian || return 1
  log "Installing Debian packages: $*"
  apt_update_once
  apt_get install -y --no-install-recommends "$@" || die "apt-get install $* failed (apt's output is above)"
}

# apt-get update once per run; when it fails, apt goes on with the package lists this machine has.
apt_update_once() {
  [ -z "${SPAWNER_APT_UPDATED:-}" ] || return 0
  if apt_get update; then
    SPAWNER_APT_UPDATED=1
  else
    log "apt-get update failed (its output is above); going on with the package lists this machine has"
  fi
}

# Copies one file out of a Debian package without installing the package (its scripts, services and dependencies
# stay out): apt_extract PACKAGE FILE DEST. As root on Debian/Ubuntu; returns 1 elsewhere or when it fails.
apt_extract() {
  is_root_debian || return 1
  local package=$1 file=$2 dest=$3 dir status
  log "Taking $file out of Debian's $package package"
  apt_update_once
  dir=$(mktemp -d)
  # apt downloads as its own user (_apt).
  chmod 777 "$dir"
  (cd "$dir" && apt_get download "$package") &&
    dpkg-deb --fsys-tarfile "$dir/${package}"_*.deb | tar -xO ".$file" >"$dest.tmp" &&
    chmod 755 "$dest.tmp" && mv "$dest.tmp" "$dest"
  status=$?
  rm -rf "$dir" "$dest.tmp"
  return "$status"
}

ensure_node() {
  command -v node >/dev/null 2>&1 || die "Node.js 20.9 or newer is required: https://nodejs.org (or apt-get install nodejs npm)."
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js 20.9 or newer is required; this machine has $(node -v)."
}

# npm install when node_modules is missing or older than the manifest; native modules compile against /usr headers.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ] ||
    [ ! -e node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
    log "Installing npm dependencies (first run compiles better-sqlite3; this takes a few minutes)"
    npm install --no-fund --no-audit --loglevel=error
    touch node_modules/.package-lock.json
  fi
  # The client's postinstall leaves a stub; the generated client carries a copy of the schema it was made from.
  if ! cmp -s prisma/schema.prisma node_modules/.prisma/client/schema.prisma; then
    log "Generating the Prisma client"
    # Without DATABASE_URL, prisma generate wants to download a query engine (impossible offline).
    DATABASE_URL="${DATABASE_URL:-file:./data/spawner.db}" node_modules/.bin/prisma generate >/dev/null
  fi
}

docker_answers() { timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# Starts dockerd and waits until `docker version` answers; if it does not (or dockerd exits), prints its log's tail.
start_dockerd() {
  local log_file=${DOCKERD_LOG:-/var/log/spawner-dockerd.log} pid
  log "Starting dockerd in the background (log: $log_file)"
  nohup /usr/sbin/dockerd >"$log_file" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do
    docker_answers && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  docker_answers && return 0
  if kill -0 "$pid" 2>/dev/null; then log "dockerd runs but does not answer; its log ends:"; else log "dockerd exited; its log ends:"; fi
  tail -n 30 "$log_file" >&2
  die "dockerd did not come up: docker version gets no answer (full log: $log_file)"
}

# A Docker Engine must answer; as root on Debian/Ubuntu we install and start Debian's docker.io.
ensure_docker() {
  [ -n "${DOCKER_HOST:-}" ] && docker_answers && return 0
  docker_answers && return 0
  if ! command -v dockerd >/dev/null 2>&1; then
    apt_install docker.io ||
      die "No Docker Engine is reachable. Install Docker (https://docs.docker.com/engine/install/) and start it, or set DOCKER_HOST."
  fi
  if is_root_debian; then
    start_dockerd
  else
    die "Docker is installed but not answering. Start it (sudo systemctl start docker) and make sure your user may use /var/run/docker.sock."
  fi
}

# Local default secret: generated once, kept in ./data so sessions survive restarts.
ensure_auth_secret() {
  if [ -z "${AUTH_SECRET:-}" ]; then
    mkdir -p data
    [ -s data/auth-secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' >data/auth-secret
    AUTH_SECRET=$(cat data/auth-secret)
    export AUTH_SECRET
  fi
}

# Fails with every bad variable named, before anything else starts.
check_settings() { node_modules/.bin/tsx scripts/check-env.ts; }

migrate_database() { node scripts/migrate.mjs; }

# Builds the standalone server only when sources changed since the last build.
ensure_build() {
  local stamp=.next/standalone/.next/BUILD_ID
  if [ ! -f "$stamp" ] || [ -n "$(find app lib components proxy.ts instrumentation.ts next.config.ts package.json prisma/schema.prisma -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    log "Building the app (next build)"
    node_modules/.bin/next build >/tmp/spawner-build.log 2>&1 || { tail -40 /tmp/spawner-build.log; die "next build failed (full log: /tmp/spawner-build.log)"; }
    # The standalone server serves static assets from its own folder.
    rm -rf .next/standalone/.next/static && cp -r .next/static .next/standalone/.next/static
    if [ -d public ]; then rm -rf .next/standalone/public && cp -r public .next/standalone/public; fi
    touch "$stamp"
  fi
}

# The standalone server changes into its own folder, so a relative SQLite path is made absolute first.
absolute_database_url() {
  local url="${DATABASE_URL:-file:./data/spawner.db}"
  local file="${url#file:}"
  case "$file" in
    /*) ;;
    *) file="$PWD/${file#./}" ;;
  esac
  DATABASE_URL="file:$file"
  export DATABASE_URL
}

# npm inside a Docker build must trust what npm on this machine trusts (a TLS-inspecting proxy's CA, say):
# npm's cafile, NODE_EXTRA_CA_CERTS or IMAGES_BUILD_CA. Prints the bundle's path, or nothing.
build_ca_file() {
  local ca=${IMAGES_BUILD_CA:-${NODE_EXTRA_CA_CERTS:-}}
  if [ -z "$ca" ] && command -v npm >/dev/null 2>&1; then
    ca=$(npm config get cafile 2>/dev/null || true)
    if [ "$ca" = null ] || [ "$ca" = undefined ]; then ca=""; fi
  fi
  if [ -n "$ca" ] && [ -f "$ca" ]; then printf '%s' "$ca"; fi
}

# docker build CONTEXT as TAG (BASE_IMAGE=BASE when given); the context gets the CA bundle as .build-ca.pem
# (gitignored) for its throwaway install stage, removed again afterwards. IMAGES_NO_CACHE=1 skips the cache.
build_image() {
  local context=$1 tag=$2 base=${3:-} started ca log
  log="/tmp/spawner-image-$(printf '%s' "$tag" | tr -c 'a-zA-Z0-9' '-').log"
  local args=(-t "$tag")
  [ -n "$base" ] && args+=(--build-arg "BASE_IMAGE=$base")
  [ "${IMAGES_NO_CACHE:-}" = 1 ] && args+=(--no-cache)
  ca=$(build_ca_file)
  rm -f "$context/.build-ca.pem"
  [ -z "$ca" ] || cp "$ca" "$context/.build-ca.pem"
  started=$(date +%s)
  log "Building $tag from $context (base: ${base:-Dockerfile default})"
  if ! docker build "${args[@]}" "$context" >"$log" 2>&1; then
    rm -f "$context/.build-ca.pem"
    tail -30 "$log"
    die "building $tag failed (full log: $log)"
  fi
  rm -f "$context/.build-ca.pem"
  log "Built $tag in $(($(date +%s) - started)) s ($(docker image inspect --format '{{.Size}}' "$tag" | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
}

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

# Bases of the image builds: the public Debian and Node images when Docker has or can pull them; else (no
# registry reachable, as in CI) local ones made from Debian's archive, which needs root on Debian/Ubuntu.
# Sets DEBIAN_BASE_IMAGE and NODE_BASE_IMAGE (empty = the Dockerfiles' public defaults); fails with a reason.
choose_base_images() {
  DEBIAN_BASE_IMAGE="" NODE_BASE_IMAGE=""
  if { image_present debian:bookworm-slim || timeout 60 docker pull -q debian:bookworm-slim >/dev/null 2>&1; } &&
    { image_present node:22-bookworm-slim || timeout 120 docker pull -q node:22-bookworm-slim >/dev/null 2>&1; }; then
    return 0
  fi
  is_root_debian || {
    log "Docker Hub is out of reach and local bases need root on Debian/Ubuntu (debootstrap)"
    return 1
  }
  log "Docker Hub is out of reach: using local Debian bases (debootstrap)"
  bash scripts/images/build-base-images.sh || return 1
  DEBIAN_BASE_IMAGE=spawner-base:bookworm NODE_BASE_IMAGE=spawner-node:local
}

# Quick start: the default dev, prod and ide template images, built once if missing, so "Create & Open" works at
# once. Where they can't be built, a warning names the command (the app still starts and says which image is missing).
ensure_templates() {
  local dev=${USER_TEMPLATE_IMAGE_DEV:-spawner-dev:latest} prod=${USER_TEMPLATE_IMAGE_PROD:-spawner-prod:latest}
  local ide=${USER_TEMPLATE_IMAGE_IDE:-spawner-ide:latest} git=${GIT_HELPER_IMAGE:-spawner-git:latest}
  [ "$dev" = spawner-dev:latest ] && [ "$prod" = spawner-prod:latest ] && [ "$ide" = spawner-ide:latest ] &&
    [ "$git" = spawner-git:latest ] || return 0
  image_present "$dev" && image_present "$prod" && image_present "$ide" && image_present "$git" && return 0
  log "Building the dev, prod and ide template images and the git helper (first start only; a few minutes, the IDE most)"
  if choose_base_images &&
    DEBIAN_BASE_IMAGE=$DEBIAN_BASE_IMAGE NODE_BASE_IMAGE=$NODE_BASE_IMAGE bash scripts/templates-build.sh; then
    return 0
  fi
  log "Warning: the template images are missing; build them with: npm run templates:build"
}
