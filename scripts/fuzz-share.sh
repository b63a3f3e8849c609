#!/usr/bin/env bash
# Fuzzes the share-link decoder in release mode with N generated inputs in all (default
# 10,000,000: arbitrary bytes, arbitrary text and damaged real links, a third each) and
# prints the executions, the refusals and the time; a panic, or a refusal without its
# message, fails. CI runs the same harnesses with 2,000 each.
set -euo pipefail
cd "$(dirname "$0")/.."
total="${1:-10000000}"
per=$(( (total + 2) / 3 ))
start=$(date +%s)
FUZZ_CASES="$per" cargo test --release --test share -- --nocapture 2>&1 | grep -E "fuzz|test result|panicked"
echo "share decoder fuzz: $(( $(date +%s) - start )) s in release mode (2 cores)"
