#!/bin/sh
# Clones $REPO ($BRANCH when set) into $DEST, which may already hold files (an image's own); once a repository is
# there it stays. Credentials, when given, are in /tmp/.git-credentials (written by the app, mode 0600), never in
# the URL or the environment, and they are not left behind in the clone's configuration.
set -eu
if [ -e "$DEST/.git" ]; then
  echo "The data folder already holds a git repository; keeping it."
  exit 0
fi
tmp="$DEST/.spawner-clone-$$"
trap 'rm -rf "$tmp"' EXIT
set -- clone --quiet
if [ -n "${BRANCH:-}" ]; then set -- "$@" --branch "$BRANCH"; fi
if [ -f /tmp/.git-credentials ]; then
  git -c "credential.helper=store --file=/tmp/.git-credentials" "$@" -- "$REPO" "$tmp"
else
  git "$@" -- "$REPO" "$tmp"
fi
cp -a "$tmp/." "$DEST/"
echo "Cloned into $DEST."
