#!/usr/bin/env bash
# Quick fuzz check for CI and before a commit:
#   1. replays every committed fuzz input (fuzz/regressions, fuzz/corpus-min, fuzz/seeds)
#      natively through the invariant checks (`cargo test --test fuzz_regressions`);
#   2. a 60-second fuzz run when `cargo +nightly fuzz` is available.
#
#   scripts/fuzz-smoke.sh [--install-cargo-fuzz] [SECONDS]
#
# cargo-fuzz is installed only with --install-cargo-fuzz, to keep CI fast; without it the fuzz
# run is skipped with a clear line.
set -euo pipefail

install=0
seconds=60
for arg in "$@"; do
    case "$arg" in
        --install-cargo-fuzz) install=1 ;;
        ''|*[!0-9]*) echo "usage: scripts/fuzz-smoke.sh [--install-cargo-fuzz] [SECONDS]" >&2; exit 2 ;;
        *) seconds="$arg" ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "== replaying committed fuzz inputs"
cargo test -q --test fuzz_regressions -- --nocapture 2>&1 | grep -E 'replayed|test result|FAILED|panicked' || true
cargo test -q --test fuzz_regressions >/dev/null 2>&1 || { echo "fuzz-smoke: a committed fuzz input fails"; exit 1; }

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    echo "SKIP: ${seconds}-second fuzz run (no nightly toolchain: rustup toolchain install nightly)"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    if [ "$install" -eq 1 ]; then
        cargo install --locked cargo-fuzz
    else
        echo "SKIP: ${seconds}-second fuzz run (cargo-fuzz not installed; rerun with --install-cargo-fuzz)"
        exit 0
    fi
fi

echo "== ${seconds}-second fuzz run"
cd fuzz
mkdir -p corpus/parse
set +e
cargo +nightly fuzz run -s none -a parse corpus/parse seeds corpus-min regressions -- \
    -dict=parse.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >/tmp/fuzz-smoke.$$.log 2>&1
status=$?
set -e
runs="$(grep -E '^stat::number_of_executed_units' /tmp/fuzz-smoke.$$.log | awk '{print $2}' | tail -1)"
if [ "$status" -ne 0 ]; then
    grep -E 'panicked|SUMMARY|Test unit written|ERROR' /tmp/fuzz-smoke.$$.log | head -20
    echo "fuzz-smoke: FAILED (log: /tmp/fuzz-smoke.$$.log); add the input to fuzz/regressions/"
    exit 1
fi
echo "fuzz-smoke: ${runs:-?} executions in ${seconds}s, no crash"
