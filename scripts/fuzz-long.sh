#!/usr/bin/env bash
# Long fuzz run of the parsing core, then minimise what it found into fuzz/corpus-min/.
#
#   scripts/fuzz-long.sh MINUTES        e.g. scripts/fuzz-long.sh 30
#
# - one process, one core (the machine is shared);
# - starts from the seeds, the fixtures, the last minimised corpus and the past regressions;
# - a crash or a broken invariant stops the run: the input is copied into fuzz/regressions/
#   (so `cargo test --test fuzz_regressions` fails until it is fixed) and the script exits 1;
# - at the end `cargo fuzz cmin` keeps the smallest set of inputs with the same coverage in
#   fuzz/corpus-min/ (commit it: tests/fuzz_regressions.rs replays it on every `cargo test`).
set -euo pipefail

minutes="${1:?usage: scripts/fuzz-long.sh MINUTES}"
case "$minutes" in ''|*[!0-9]*) echo "MINUTES must be a whole number, got '$minutes'" >&2; exit 2 ;; esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz missing: installing it from crates.io (one time, a few minutes)"
    cargo install --locked cargo-fuzz
fi

# -s none: the code under test is safe Rust, AddressSanitizer only slows it down.
# -a: debug assertions, so an arithmetic overflow is a finding too.
fuzz_flags=(-s none -a)
work=corpus/parse
mkdir -p "$work" regressions corpus-min artifacts/parse
# Fixtures are whole notices: good starting points; only the text files.
if [ -d "$root/fixtures" ]; then
    find "$root/fixtures" -maxdepth 1 -type f -name '*.txt' -exec cp {} "$work/" \;
fi

before="$(ls artifacts/parse | wc -l)"
started=$(date +%s)
set +e
cargo +nightly fuzz run "${fuzz_flags[@]}" parse "$work" seeds corpus-min regressions -- \
    -dict=parse.dict -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | tee /tmp/fuzz-long.$$.log | grep -v -E '^#[0-9]+ +(NEW|REDUCE)|^"'
status=${PIPESTATUS[0]}
set -e
elapsed=$(( $(date +%s) - started ))

runs="$(grep -E '^stat::number_of_executed_units' /tmp/fuzz-long.$$.log | awk '{print $2}' | tail -1)"
echo "fuzz-long: ${runs:-?} executions in ${elapsed}s (exit status $status)"

found=0
for f in $(ls artifacts/parse); do
    case "$f" in crash-*|timeout-*|oom-*|leak-*) ;; *) continue ;; esac
    if [ ! -e "regressions/$f" ]; then
        cp "artifacts/parse/$f" "regressions/$f"
        echo "FINDING: fuzz/regressions/$f (from fuzz/artifacts/parse/$f)"
        found=$((found + 1))
    fi
done

echo "minimising the corpus into fuzz/corpus-min/ …"
staging="$(mktemp -d)"
cp "$work"/* corpus-min/* "$staging/" 2>/dev/null || true
rm -f "$staging/.keep"
cargo +nightly fuzz cmin "${fuzz_flags[@]}" parse "$staging" -- -timeout=10 >/tmp/fuzz-cmin.$$.log 2>&1 \
    || { tail -20 /tmp/fuzz-cmin.$$.log; echo "cmin failed (an input in the corpus crashes?)"; exit 1; }
find corpus-min -type f ! -name .keep -delete
cp "$staging"/* corpus-min/
rm -rf "$staging"
echo "fuzz/corpus-min: $(ls corpus-min | wc -l) inputs, $(du -sk corpus-min | cut -f1) KB (commit them)"

if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    echo "fuzz-long: FAILED - see the findings above and /tmp/fuzz-long.$$.log"
    exit 1
fi
echo "fuzz-long: no crash in ${minutes} minutes"
