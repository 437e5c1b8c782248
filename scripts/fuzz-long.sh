#!/usr/bin/env bash
# Long fuzz run of the parsing core, then minimise what it found into the committed corpora.
#
#   scripts/fuzz-long.sh MINUTES        e.g. scripts/fuzz-long.sh 30
#
# Two targets share the time: `parse` (raw bytes → parse_bytes; 60%) and `tokens` (bytes picking
# pieces of a notice → parse; 40%). Each:
# - runs in one process on one core (the machine is shared);
# - starts from its seeds, the fixtures (parse), its last minimised corpus and past regressions;
# - stops at a crash or a broken invariant: the input is copied into fuzz/regressions[-tokens]/
#   (so `cargo test --test fuzz_regressions` fails until it is fixed) and the script exits 1;
# - ends with `cargo fuzz cmin`, which keeps the smallest set of inputs with the same coverage in
#   fuzz/corpus-min[-tokens]/. Those corpora stay on this machine (git ignores them: thousands of
#   files a reader never needs); the next long or smoke run starts from them. What git keeps is
#   fuzz/seeds*/ and every finding in fuzz/regressions*/.
set -euo pipefail

minutes="${1:?usage: scripts/fuzz-long.sh MINUTES}"
case "$minutes" in '' | *[!0-9]*)
    echo "MINUTES must be a whole number, got '$minutes'" >&2
    exit 2
    ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz missing: installing it from crates.io (one time, a few minutes)"
    cargo install --locked cargo-fuzz
fi

# -s none: the code under test is safe Rust, AddressSanitizer only slows it down.
# -a: debug assertions, so an arithmetic overflow is a finding too.
fuzz_flags=(-s none -a)
failed=0

# run TARGET SECONDS SUFFIX [EXTRA_CORPUS_DIRS...]
run() {
    local target="$1" seconds="$2" suffix="$3"
    shift 3
    local work="corpus/$target" min="corpus-min$suffix" regressions="regressions$suffix"
    local log="/tmp/fuzz-long.$target.$$.log"
    mkdir -p "$work" "$min" "$regressions" "artifacts/$target"
    echo "== $target: ${seconds}s"
    local started status
    started=$(date +%s)
    set +e
    cargo +nightly fuzz run "${fuzz_flags[@]}" "$target" "$work" "$min" "$regressions" "$@" -- \
        -dict=parse.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e
    local runs
    runs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)"
    echo "$target: ${runs:-?} executions in $(($(date +%s) - started))s (exit status $status; log $log)"
    if [ "$status" -ne 0 ]; then
        grep -E 'panicked|SUMMARY|Test unit written|ERROR' -A2 "$log" | head -20 || true
        failed=1
    fi

    local f
    for f in "artifacts/$target"/*; do
        [ -e "$f" ] || continue
        case "$(basename "$f")" in crash-* | timeout-* | oom-* | leak-*) ;; *) continue ;; esac
        if [ ! -e "$regressions/$(basename "$f")" ]; then
            cp "$f" "$regressions/"
            echo "FINDING: fuzz/$regressions/$(basename "$f")"
            failed=1
        fi
    done

    echo "$target: minimising the corpus into fuzz/$min/ …"
    local staging
    staging="$(mktemp -d)"
    find "$work" "$min" -maxdepth 1 -type f ! -name .keep -exec cp {} "$staging/" \;
    if ! cargo +nightly fuzz cmin "${fuzz_flags[@]}" "$target" "$staging" -- -timeout=10 >"$log.cmin" 2>&1; then
        tail -20 "$log.cmin"
        echo "$target: cmin failed (an input in the corpus crashes?)"
        rm -rf "$staging"
        failed=1
        return
    fi
    find "$min" -type f ! -name .keep -delete
    find "$staging" -maxdepth 1 -type f -exec cp {} "$min/" \;
    rm -rf "$staging"
    echo "$target: fuzz/$min holds $(find "$min" -type f ! -name .keep | wc -l) inputs, $(du -sk --apparent-size "$min" | cut -f1) KB (local, not committed)"
}

# Fixtures are whole notices: good starting points for the byte-level target (text files only).
mkdir -p corpus/parse
if [ -d "$root/fixtures" ]; then
    find "$root/fixtures" -maxdepth 1 -type f -name '*.txt' -exec cp {} corpus/parse/ \;
fi

total=$((minutes * 60))
run parse $((total * 6 / 10)) "" seeds
run tokens $((total - total * 6 / 10)) "-tokens" seeds-tokens

if [ "$failed" -ne 0 ]; then
    echo "fuzz-long: FAILED - see the findings above"
    exit 1
fi
echo "fuzz-long: no crash in ${minutes} minutes"
