# Sourced by the other scripts: where the pinned tools live, outside the clone, so that
# a second run or a fresh clone reuses them.
BACKSTRONG_CACHE="${BACKSTRONG_CACHE:-$HOME/.cache/backstrong}"
TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$(dirname "${BASH_SOURCE[0]}")/../Cargo.lock")"
WASM_SPLIT_VERSION="0.2.4"
export PATH="$BACKSTRONG_CACHE/trunk-$TRUNK_VERSION/bin:$BACKSTRONG_CACHE/wasm-split-$WASM_SPLIT_VERSION/bin:$BACKSTRONG_CACHE/wasm-bindgen-$WASM_BINDGEN_VERSION/bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
say() { printf '\n==> %s\n' "$*"; }
