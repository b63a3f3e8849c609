#!/usr/bin/env bash
# Installs what building and testing need, each pinned, skipping whatever is present.
#   scripts/setup.sh build   the build tools (wasm32 target, Trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh test    also Chromium + ChromeDriver, WebKitGTK's WebDriver + xvfb and
#                            the npm test packages
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
what="${1:-test}"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
apt_install() {
  say "Installing Debian packages: $*"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

need_apt=()
command -v python3 >/dev/null || need_apt+=(python3)
command -v node >/dev/null || need_apt+=(nodejs npm)
if [ "$what" = test ]; then
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  [ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
  # WebKit, Safari's engine: WebKitGTK's WebDriver and MiniBrowser, on a virtual display.
  [ -x /usr/bin/WebKitWebDriver ] || need_apt+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || need_apt+=(xvfb)
fi
if [ ${#need_apt[@]} -gt 0 ]; then apt_install "${need_apt[@]}"; fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v trunk >/dev/null || [ "$(trunk --version)" != "trunk $TRUNK_VERSION" ]; then
  say "Building Trunk $TRUNK_VERSION into $BACKSTRONG_CACHE (once; about 12 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --root "$BACKSTRONG_CACHE/trunk-$TRUNK_VERSION"
fi

if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Building wasm-bindgen-cli $WASM_BINDGEN_VERSION into $BACKSTRONG_CACHE (once; about 8 minutes)"
  root="$BACKSTRONG_CACHE/wasm-bindgen-$WASM_BINDGEN_VERSION"
  # Its own lockfile can pin a crate version the registry no longer has: retry unlocked.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --root "$root" \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$root"
fi

# The splitter that cuts the app's wasm into chunks (scripts/split_build.py), as
# cargo-leptos uses it.
if ! command -v wasm-split-cli >/dev/null; then
  say "Building wasm-split-cli $WASM_SPLIT_VERSION into $BACKSTRONG_CACHE (once; about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked \
    --root "$BACKSTRONG_CACHE/wasm-split-$WASM_SPLIT_VERSION"
fi

# npm packages (wasm-opt from binaryen, Playwright, axe-core, Lighthouse) from the
# committed lockfile, installed once per lockfile into the cache and linked here.
lock_hash="$(sha256sum package-lock.json | cut -c1-16)"
modules="$BACKSTRONG_CACHE/node-$lock_hash/node_modules"
if [ ! -f "$modules/.complete" ]; then
  say "Installing npm packages from package-lock.json into $BACKSTRONG_CACHE"
  rm -rf "$BACKSTRONG_CACHE/node-$lock_hash"
  mkdir -p "$BACKSTRONG_CACHE/node-$lock_hash"
  cp package.json package-lock.json "$BACKSTRONG_CACHE/node-$lock_hash/"
  (cd "$BACKSTRONG_CACHE/node-$lock_hash" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  touch "$modules/.complete"
fi
if [ "$(readlink node_modules 2>/dev/null)" != "$modules" ]; then
  rm -rf node_modules
  ln -s "$modules" node_modules
fi

say "Tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, $(node_modules/.bin/wasm-opt --version)"
