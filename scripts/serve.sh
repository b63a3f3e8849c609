#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:8080 (Ctrl-C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
source scripts/env.sh
export PATH="$PWD/node_modules/.bin:$PATH"
say "Building the release app"
trunk build --release
say "Serving dist/ on http://127.0.0.1:${PORT:-8080}"
exec python3 scripts/serve.py dist "${PORT:-8080}"
