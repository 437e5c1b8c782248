#!/usr/bin/env bash
# A profiling build, only for measuring (never shipped): dist-profile/ is dist/ with a wasm that
# keeps its function names, so a Chromium trace says `notice_outline::parse::…` or
# `yew::dom_bundle::…` instead of `$func1234`. Same cargo profile and wasm-opt level as the
# release build; the only difference is `-g` (wasm-opt keeps the name section) and
# wasm-bindgen's `--keep-debug`.
#
#   bash scripts/profile-build.sh        then: node e2e/trace-paste.mjs   (reads dist-profile/)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

if [ ! -f dist/index.html ]; then
    section "profile build: dist/ first (trunk build --release --offline)"
    trunk build --release --offline
fi

section "profile build: the wasm crate (wasm-release profile)"
cargo build --manifest-path web/Cargo.toml --target wasm32-unknown-unknown --profile wasm-release
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/notice_outline_web.wasm"
bindgen_out="$target_dir/profile-bindgen"

section "profile build: wasm-bindgen --keep-debug, wasm-opt -Oz -g"
rm -rf "$bindgen_out" dist-profile
wasm-bindgen --target web --keep-debug --out-dir "$bindgen_out" --out-name notice-outline-web "$wasm"
cp -r dist dist-profile
# -g keeps the name section (wasm-opt drops it otherwise); the features are what rustc emits.
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$bindgen_out/notice-outline-web_bg.wasm" -o dist-profile/notice-outline-web_bg.wasm
cp "$bindgen_out/notice-outline-web.js" dist-profile/notice-outline-web.js
say "dist-profile/: $(du -k dist-profile/notice-outline-web_bg.wasm | cut -f1) KiB wasm with names"
