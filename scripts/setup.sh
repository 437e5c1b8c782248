#!/usr/bin/env bash
# Installs what building and testing notice-outline needs; skips what is already there at the
# right version, so a second run takes a second.
#
#   bash scripts/setup.sh            Rust wasm target, trunk, wasm-bindgen-cli, e2e npm packages
#   bash scripts/setup.sh --browser  also Chromium, chromedriver and CJK fonts (apt-get)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
browser=0
for arg in "$@"; do
    case "$arg" in
        --browser) browser=1 ;;
        *) echo "usage: bash scripts/setup.sh [--browser]" >&2; exit 2 ;;
    esac
done

section "setup: toolchain"
command -v cargo >/dev/null || die "cargo not found: install Rust from https://rustup.rs first"
# (grep without -q: under pipefail, -q quitting early can fail the pipeline with SIGPIPE.)
if rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
    say "rust target wasm32-unknown-unknown: installed"
else
    say "rust target wasm32-unknown-unknown: adding"
    rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
    if rustup component list --installed | grep "^$component" >/dev/null; then
        say "rustup component $component: installed"
    else
        say "rustup component $component: adding"
        rustup component add "$component"
    fi
done

if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: installed"
else
    say "trunk $TRUNK_VERSION: installing with cargo (a few minutes)"
    cargo install --locked "trunk@$TRUNK_VERSION"
fi

# The CLI must match the wasm-bindgen library exactly; Cargo.lock says which one that is.
bindgen_version="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$bindgen_version" ] || die "no wasm-bindgen in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $bindgen_version" ] &&
   [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" = "wasm-bindgen-test-runner $bindgen_version" ]; then
    say "wasm-bindgen-cli $bindgen_version (as in Cargo.lock): installed"
else
    say "wasm-bindgen-cli $bindgen_version (as in Cargo.lock): installing with cargo (a few minutes)"
    cargo install --force "wasm-bindgen-cli@$bindgen_version"
fi

section "setup: e2e packages (playwright-core, axe-core, binaryen's wasm-opt)"
command -v npm >/dev/null || die "npm not found: install Node.js 20 or later"
# node_modules is current when it was installed from this exact package-lock.json.
stamp="e2e/node_modules/.installed-from-lock"
lock_sum="$(sha256sum e2e/package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
    say "e2e/node_modules: up to date with package-lock.json"
else
    say "e2e/node_modules: npm ci"
    (cd e2e && npm ci --no-audit --no-fund)
    echo "$lock_sum" > "$stamp"
fi
say "$(wasm-opt --version)"

if [ "$browser" = 1 ]; then
    section "setup: browser (Chromium, chromedriver, Noto CJK fonts)"
    missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    command -v chromedriver >/dev/null || missing+=(chromium-driver)
    fc-list : family 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
    if [ "${#missing[@]}" -eq 0 ]; then
        say "chromium, chromedriver and Noto Sans CJK: installed"
    else
        say "installing with apt-get: ${missing[*]}"
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi
    say "$(chromium --version 2>/dev/null | head -n1); $(chromedriver --version 2>/dev/null | head -n1)"
fi
say "setup done"
