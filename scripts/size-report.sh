#!/usr/bin/env bash
# What a first visit downloads, from the release build in dist/: each file the page (index.html)
# and the embed (notice-outline.js) load, raw, gzip -9 and brotli (quality 11), as a Markdown
# table; also written into README.md between the size-report markers.
#
#   bash scripts/size-report.sh            build dist/ first if it is missing
#   bash scripts/size-report.sh --no-readme   print only
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

write_readme=1
for arg in "$@"; do
    case "$arg" in
        --no-readme) write_readme=0 ;;
        *) echo "usage: bash scripts/size-report.sh [--no-readme]" >&2; exit 2 ;;
    esac
done

if [ ! -f dist/index.html ]; then
    section "size report: building dist/ (trunk build --release --offline)"
    trunk build --release --offline
fi

# Brotli: the Python module (pip) or Debian's brotli command; the report says which it used.
if ! python3 -c 'import brotli' 2>/dev/null && ! command -v brotli >/dev/null; then
    say "installing the brotli Python module (pip)"
    python3 -m pip install --quiet brotli || say "could not install brotli; the brotli column will be empty"
fi

report="$(python3 - <<'PY'
import gzip, os, re, shutil, subprocess, sys

DIST = "dist"

def brotli_size(data):
    try:
        import brotli
        return len(brotli.compress(data, quality=11))
    except ImportError:
        if shutil.which("brotli"):
            return len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)
    return None

# Local files a file loads: src/href in HTML; static imports and new URL('./x', import.meta.url)
# in JS. Links to other pages (<a href>) are not loads.
# Attribute values quoted or not (a minified page drops the quotes).
HTML_REF = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)=(?:"([^"#?:]+)"|([^\s>"#?:]+)[\s>])', re.I)
JS_REF = re.compile(r'''(?:\bfrom\s*|\bimport\s*\(?\s*|new URL\(\s*)['"](\.{1,2}/[^'"]+)['"]''')

def loads(name):
    path = os.path.join(DIST, name)
    text = open(path, encoding="utf-8", errors="replace").read()
    pattern = HTML_REF if name.endswith(".html") else JS_REF if name.endswith(".js") else None
    if not pattern:
        return []
    base = os.path.dirname(name)
    found = []
    for ref in pattern.findall(text):
        ref = "".join(ref) if isinstance(ref, tuple) else ref
        ref = os.path.normpath(os.path.join(base, ref.lstrip("/") if ref.startswith("/") else ref))
        if os.path.isfile(os.path.join(DIST, ref)) and not ref.endswith(".html"):
            found.append(ref)
    return found

def closure(entry):
    seen, todo = [], [entry]
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.append(name)
        todo.extend(loads(name))
    return seen

def kind(name):
    return os.path.splitext(name)[1].lstrip(".")

def fmt(n):
    return "–" if n is None else f"{n / 1024:,.1f} KiB"

sizes = {}
def measure(name):
    if name not in sizes:
        data = open(os.path.join(DIST, name), "rb").read()
        sizes[name] = (len(data), len(gzip.compress(data, 9, mtime=0)), brotli_size(data))
    return sizes[name]

rows = ["| first load | file | type | raw | gzip -9 | brotli |", "|---|---|---|---:|---:|---:|"]
for title, entry in [("page", "index.html"), ("embed", "notice-outline.js")]:
    if not os.path.isfile(os.path.join(DIST, entry)):
        continue
    files = sorted(closure(entry), key=lambda n: (-measure(n)[0], n))
    total = [0, 0, 0]
    for name in files:
        raw, gz, br = measure(name)
        total[0] += raw; total[1] += gz
        total[2] = None if br is None or total[2] is None else total[2] + br
        rows.append(f"| {title} | `{name}` | {kind(name)} | {fmt(raw)} | {fmt(gz)} | {fmt(br)} |")
    rows.append(f"| **{title} total** | {len(files)} files | | **{fmt(total[0])}** | **{fmt(total[1])}** | **{fmt(total[2])}** |")
print("\n".join(rows))
PY
)"

section "first-load transfer of dist/ (release build)"
echo "$report"

if [ "$write_readme" = 1 ]; then
    python3 - "$report" <<'PY'
import sys
report = sys.argv[1]
start, end = "<!-- size-report:start -->", "<!-- size-report:end -->"
text = open("README.md", encoding="utf-8").read()
if start not in text or end not in text:
    sys.exit("README.md has no size-report markers; not updated")
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
note = "Measured by `bash scripts/size-report.sh` on the release build (wasm-opt -Oz --converge --low-memory-unused)."
open("README.md", "w", encoding="utf-8").write(f"{head}{start}\n{note}\n\n{report}\n{end}{tail}")
print("README.md: size table updated")
PY
fi
