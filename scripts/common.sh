# Shared by the scripts in this folder (sourced, not run): the repo root, PATH, messages.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
# cargo-installed tools (trunk, wasm-bindgen) and the npm wasm-opt that Trunk must find on PATH.
export PATH="$ROOT/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
    _bold=$'\e[1m' _dim=$'\e[2m' _red=$'\e[31m' _reset=$'\e[0m'
else
    _bold='' _dim='' _red='' _reset=''
fi

# A section header before each step.
section() { printf '\n%s==> %s%s\n' "$_bold" "$*" "$_reset"; }
# What a step is doing (or skipping).
say() { printf '%s  - %s%s\n' "$_dim" "$*" "$_reset"; }
die() { printf '%serror: %s%s\n' "$_red" "$*" "$_reset" >&2; exit 1; }

# Runs a command as root (apt-get), with sudo when we are not root.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root for: $*"
    fi
}
