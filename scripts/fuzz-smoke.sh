#!/usr/bin/env bash
# Quick fuzz check for CI and before a commit:
#   1. replays every committed fuzz input (fuzz/regressions, fuzz/seeds) and their -tokens twins
#      natively through the invariant checks (`cargo test --test fuzz_regressions`);
#   2. a 60-second fuzz run (both targets) when `cargo +nightly fuzz` is available, starting from
#      the seeds, the regressions and, where a long run left them on this machine, the local
#      minimised corpora fuzz/corpus-min*/.
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

echo "== ${seconds}-second fuzz run (parse, then tokens)"
cd fuzz
# fuzz TARGET SECONDS CORPUS_DIRS...
fuzz() {
    local target="$1" secs="$2" log="/tmp/fuzz-smoke.$1.$$.log"
    shift 2
    mkdir -p "corpus/$target"
    local dirs=() dir
    for dir in "$@"; do [ -d "$dir" ] && dirs+=("$dir"); done
    set +e
    cargo +nightly fuzz run -s none -a "$target" "corpus/$target" "${dirs[@]}" -- \
        -dict=parse.dict -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$log" 2>&1
    local status=$?
    set -e
    if [ "$status" -ne 0 ]; then
        grep -E 'panicked|SUMMARY|Test unit written|ERROR' -A2 "$log" | head -20 || true
        echo "fuzz-smoke: $target FAILED (log: $log); add the input to fuzz/regressions*/"
        exit 1
    fi
    local runs
    runs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)"
    echo "fuzz-smoke: $target ${runs:-?} executions in ${secs}s, no crash"
}
# The fixtures are whole notices: good starting points (text files only).
mkdir -p corpus/parse
if [ -d "$root/fixtures" ]; then
    find "$root/fixtures" -maxdepth 1 -type f -name '*.txt' -exec cp {} corpus/parse/ \;
fi
fuzz parse $((seconds * 2 / 3)) seeds corpus-min regressions
fuzz tokens $((seconds - seconds * 2 / 3)) seeds-tokens corpus-min-tokens regressions-tokens
