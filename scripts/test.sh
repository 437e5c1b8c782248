#!/usr/bin/env bash
# Every check of the project, in the order CI runs them (`.ci/run` calls this). Stops at the
# first failure with a non-zero exit; each step ends with its test runner's own summary.
#
#   bash scripts/test.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

steps=(
    "setup"
    "format (cargo fmt --check)"
    "lint, native (cargo clippy --workspace --all-targets)"
    "lint, wasm32 (cargo clippy -p notice-outline-web --target wasm32-unknown-unknown)"
    "unit, integration, corpus and doc tests (cargo test --workspace)"
    "web crate tests in headless Chromium (wasm-bindgen-test)"
    "release build of the page and the element (trunk build --release)"
    "end-to-end tests on the release build (node --test e2e/)"
    "fuzz smoke run and fuzz regression inputs (scripts/fuzz-smoke.sh)"
)
n=0
current=""
started=$SECONDS
# Announces the next step of $steps.
step() {
    n=$((n + 1))
    current="${steps[n - 1]}"
    section "[$n/${#steps[@]}] $current"
}
on_exit() {
    local rc=$?
    if [ "$rc" -ne 0 ]; then
        printf '\n%sFAILED%s at step: %s (exit %s)\n' "$_red" "$_reset" "$current" "$rc" >&2
    fi
}
trap on_exit EXIT

step
bash scripts/setup.sh --browser

step
cargo fmt --all --check
say "formatting: ok"

step
cargo clippy --workspace --all-targets -- -D warnings
say "clippy (native): no warnings"

step
cargo clippy -p notice-outline-web --target wasm32-unknown-unknown --all-targets -- -D warnings
say "clippy (wasm32): no warnings"

step
cargo test --workspace

step
CHROMEDRIVER="$(command -v chromedriver)" cargo test -p notice-outline-web --target wasm32-unknown-unknown

step
trunk build --release --offline
ls -l dist/

step
DIST_DIR="$ROOT/dist" node --test --test-reporter=spec e2e/

step
if [ -f scripts/fuzz-smoke.sh ]; then
    bash scripts/fuzz-smoke.sh
else
    say "SKIP: scripts/fuzz-smoke.sh not found"
fi

current=""
section "all ${#steps[@]} steps passed in $(( (SECONDS - started) / 60 ))m$(( (SECONDS - started) % 60 ))s"
