#!/usr/bin/env bash
# Fuzzes the share-link decoder with N cases per harness (default 200,000) and prints
# the number of executions; any panic fails. CI runs the same harness with 2,000.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"
FUZZ_CASES="$n" cargo test --release --test share -- --nocapture 2>&1 | grep -E "fuzz|test result|panicked"
