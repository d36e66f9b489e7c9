#!/bin/sh
# Starts code-server for /workspace without a password, behind Spawner's guard on 8080 (guard.mjs): forward-auth
# lets only the owner (or an admin) through Traefik, and the guard refuses anything that did not come that way.
# The home folder is not kept between containers, so the user settings the IDE needs are written at every start,
# unless a settings file is already there (a restarted container keeps the one the user edited).
set -eu

user_dir="${HOME:-/home/coder}/.local/share/code-server/User"
settings="$user_dir/settings.json"
mkdir -p "$user_dir"
if [ ! -e "$settings" ]; then
  # xterm draws on a canvas unless GPU acceleration is off (then its rows are plain DOM, readable by tests).
  cat >"$settings.tmp" <<'JSON'
{
  "terminal.integrated.gpuAcceleration": "off",
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false
}
JSON
  mv "$settings.tmp" "$settings"
fi

# code-server listens on loopback only; the guard on 8080 lets in what came through Spawner (guard.mjs).
# Old extension hosts are dropped 20 s after their window is gone (the default, 3 h, runs into the memory limit).
exec node /usr/local/lib/spawner/guard.mjs 8080 8081 -- \
  code-server --auth none --bind-addr 127.0.0.1:8081 --disable-telemetry --disable-update-check \
  --disable-workspace-trust --reconnection-grace-time 20 "$@" /workspace
