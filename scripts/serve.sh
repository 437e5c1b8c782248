#!/usr/bin/env bash
# Builds the page in release mode and serves it at http://127.0.0.1:8080 (PORT=… to change),
# rebuilding when a source file changes. The page opens with the sample notice loaded.
#
#   bash scripts/serve.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

bash scripts/setup.sh
port="${PORT:-8080}"
section "serving on http://127.0.0.1:$port/ (Ctrl-C to stop; the first build takes a few minutes)"
# Its own output folder, so a test run rebuilding dist/ does not pull files from under it.
exec trunk serve --release --offline --port "$port" --dist target/serve-dist
