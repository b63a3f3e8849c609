#!/usr/bin/env bash
# Installs what the tests need (pinned, cached outside the clone) and runs every test:
# format and lint, host tests, browser unit tests, the release build, end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
source scripts/env.sh
export PATH="$PWD/node_modules/.bin:$PATH"

say "1/6 Format and lint"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --tests --quiet -- -D warnings
# The app as built: the screens behind split points (scripts/split_build.py).
cargo clippy --target wasm32-unknown-unknown --bin backstrong --features split --quiet -- -D warnings

say "2/6 Host tests: domain rules, property and scenario tests"
cargo test --quiet
# The share-link fuzz harness again, to print how many inputs it tried (the run above
# hides test output). `bash scripts/fuzz-share.sh N` runs longer.
cargo test --test share -- --nocapture 2>&1 | grep "fuzz"

say "3/6 Browser unit tests: wasm-bindgen-test in headless Chromium"
cargo test --target wasm32-unknown-unknown --test web

say "4/6 Release build and sizes"
trunk build --release
node scripts/size.mjs

say "5/6 End-to-end: Playwright in Chromium against the release build"
playwright test -c tests/e2e

say "6/6 End-to-end in WebKit (Safari's engine): WebKitWebDriver under xvfb-run"
# A hung WebDriver call fails its test after 5 minutes instead of stalling the run.
node --test --test-concurrency=1 --test-timeout=300000 tests/webkit/
