#!/usr/bin/env bash
# Kills the app at N random points while logging sets (default 500) and prints how many
# acknowledged sets were lost (must be 0). Needs a release build: bash scripts/test.sh once.
# Usage: bash scripts/soak.sh [N] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export PATH="$PWD/node_modules/.bin:$PATH"
KILL_POINTS="${1:-500}" KILL_SEED="${2:-$RANDOM}" playwright test -c tests/e2e crash.spec -g "random kills" --reporter=line
