#!/usr/bin/env bash
# What a change adds to the bundle: builds two revisions for release and prints the
# difference (brotli) of the first screen, the whole app and each file kind.
# Usage: bash scripts/feature-size.sh REV_BEFORE REV_AFTER
#   e.g. bash scripts/feature-size.sh 6941555^ 6941555   (the lessons)
# Needs what `trunk build --release` needs (scripts/setup.sh). Each build takes a few
# minutes; a target directory of its own in the cache keeps main's build untouched.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 REV_BEFORE REV_AFTER" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/env.sh
export PATH="$root/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="${BACKSTRONG_CACHE:-$HOME/.cache/backstrong}/feature-size-target"
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before" 2>/dev/null || true;
      git -C "$root" worktree remove --force "$work/after" 2>/dev/null || true; rm -rf "$work"' EXIT

for side in before after; do
  rev=$([ $side = before ] && echo "$1" || echo "$2")
  git worktree add --quiet --detach "$work/$side" "$rev"
  ln -s "$root/node_modules" "$work/$side/node_modules"
  echo "building $side ($(git rev-parse --short "$rev"))…" >&2
  (cd "$work/$side" && trunk build --release --dist "$work/dist-$side" >"$work/$side.log" 2>&1) ||
    { tail -20 "$work/$side.log" >&2; exit 1; }
done
node scripts/size.mjs --compare "$work/dist-before" "$work/dist-after"
