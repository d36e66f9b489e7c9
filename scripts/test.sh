#!/usr/bin/env bash
# Runs everything: type-check, lint, then unit, integration (real Docker + SQLite), e2e (real Chromium + SMTP) and
# swarm (a 3-node Swarm lab in network namespaces, after the others).
# The last line is always "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/common.sh

summary_printed=""
finish() {
  local status=$?
  [ -n "$summary_printed" ] || echo "0 passed, 1 failed"
  exit "$status"
}
trap finish EXIT

ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
  apt_install chromium || die "Chromium is needed for the browser tests: apt-get install chromium (or set CHROMIUM_PATH)."
}

# Test images are built FROM scratch around a static busybox (nothing can be pulled).
ensure_busybox() {
  dpkg -s busybox-static >/dev/null 2>&1 && return 0
  apt_install busybox-static || die "Test images need a static busybox: apt-get install busybox-static."
}

# The compose file is validated by Compose itself (Debian's docker-compose).
ensure_compose() {
  command -v docker-compose >/dev/null 2>&1 && return 0
  apt_install docker-compose || die "The deploy tests need Compose: apt-get install docker-compose."
}

# The clone tests make their repositories with git (a real git server serves them).
ensure_git() {
  command -v git >/dev/null 2>&1 && return 0
  apt_install git || die "The clone tests need git: apt-get install git."
}

# The image pull tests push to and pull from a real registry: Debian's docker-registry (distribution), started by the
# tests themselves on a loopback port (tests/support/registry.ts).
ensure_registry() {
  [ -x /usr/bin/docker-registry ] && return 0
  apt_install docker-registry || die "The image pull tests need a registry: apt-get install docker-registry."
}

# The metrics test reads /metrics with Prometheus' own parser, promtool: taken out of Debian's prometheus package,
# which installed would also run a Prometheus server as a service.
ensure_promtool() {
  command -v promtool >/dev/null 2>&1 && return 0
  apt_extract prometheus /usr/bin/promtool /usr/local/bin/promtool ||
    die "The metrics test needs Prometheus' promtool: apt-get install prometheus, or put promtool on PATH."
}

# The Swarm suite runs three dockerd in network namespaces (tests/support/swarm-lab.ts): it needs root, iproute2,
# unshare and cgroup v1 hierarchies, and says which is missing rather than failing later inside a test.
ensure_swarm_lab() {
  command -v ip >/dev/null 2>&1 || apt_install iproute2 || die "The Swarm tests need iproute2: apt-get install iproute2."
  command -v unshare >/dev/null 2>&1 || die "The Swarm tests need unshare (util-linux)."
  [ "$(id -u)" = 0 ] || die "The Swarm tests need root (network namespaces, mounts, three dockerd)."
  grep -q ' /sys/fs/cgroup/memory cgroup ' /proc/mounts ||
    die "The Swarm tests need cgroup v1 hierarchies under /sys/fs/cgroup (this machine has none for memory)."
  local probe="spawner-probe-$$" had_run_netns=""
  [ -d /run/netns ] && had_run_netns=1
  if ! { ip netns add "$probe" 2>/dev/null && ip netns del "$probe"; }; then
    die "The Swarm tests need network namespaces: 'ip netns add' fails here."
  fi
  # The probe's `ip netns add` made /run/netns a mount point; put it back as it was.
  [ -n "$had_run_netns" ] || { umount /run/netns 2>/dev/null; rmdir /run/netns 2>/dev/null; } || true
}

set -e
ensure_node
ensure_node_modules
ensure_docker
ensure_chromium
ensure_busybox
ensure_compose
ensure_git
ensure_registry
ensure_promtool
ensure_swarm_lab

log "Type-checking (tsc --noEmit)"
node_modules/.bin/tsc --noEmit
log "Linting and format check (biome)"
node_modules/.bin/biome check . --error-on-warnings --max-diagnostics=20
ensure_build
log "Building the production images: local bases, user templates, the app (cached by Docker)"
bash scripts/images/build-local.sh
set +e

log "Running unit, integration, e2e and then Swarm tests (vitest)"
mkdir -p test-results
rm -f test-results/*.json
# One vitest run writes a JSON report (it counts tests) and a run-end record (what the report leaves out: errors
# outside tests, aborted runs): test-results/<name>.json and <name>-run.json.
run_vitest() {
  local name=$1
  shift
  VITEST_RUN_END_FILE="test-results/$name-run.json" node_modules/.bin/vitest run --reporter=default \
    --reporter=json --outputFile.json="test-results/$name.json" --reporter=./scripts/vitest-run-reporter.mjs "$@"
}
if [ "$#" -eq 0 ]; then
  # Two runs, one after the other: vitest's sequence.groupOrder does not hold for projects with fileParallelism off
  # (they run in a pool of their own, at once with everything), and the Swarm lab's three engines would compete for
  # the two cores with the browser tests.
  run_vitest main --project unit --project integration --project e2e
  main_status=$?
  run_vitest swarm --project swarm
  swarm_status=$?
  status=$((main_status != 0 ? main_status : swarm_status))
  node scripts/test-summary.mjs test-results/main.json test-results/main-run.json "$main_status" \
    test-results/swarm.json test-results/swarm-run.json "$swarm_status" && summary_printed=1
else
  run_vitest selected "$@"
  status=$?
  node scripts/test-summary.mjs test-results/selected.json test-results/selected-run.json "$status" &&
    summary_printed=1
fi
exit "$status"
