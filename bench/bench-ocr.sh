#!/usr/bin/env bash
# bench-ocr.sh: OCR throughput in pages per second at the resolution kelisim recognizes at
# (KEL_OCR_DPI, 300 dpi), with one and with two worker threads. Every page of the test
# corpus goes through Tesseract (`--ocr always`), which is the work a scan of it costs:
# render the page, recognize it, lay the words out into lines.
# Usage: bench/bench-ocr.sh [COPIES] (default 1: the 25 pages of the corpus once).
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-1}
cli=${KELISIM_CLI:-build/src/cli/kelisim-cli}
[ -x "$cli" ] || { echo "build first: scripts/setup.sh build" >&2; exit 2; }
command -v pdfinfo >/dev/null || { echo "pdfinfo (poppler-utils) is missing" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pages=0
for c in $(seq 1 "$copies"); do
  for f in tests/data/corpus/*.pdf; do
    cp "$f" "$work/$c-$(basename "$f")"
    pages=$(( pages + $(pdfinfo "$f" | awk '/^Pages:/ { print $2 }') ))
  done
done
files=("$work"/*.pdf)

now() { date +%s.%N; }
run() {
  local jobs=$1 t0 t1
  t0=$(now)
  "$cli" code --ocr always -j "$jobs" -o "$work/out-$jobs.csv" "${files[@]}" 2>/dev/null
  t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}

s1=$(run 1)
s2=$(run 2)
printf 'pages:                 %d (%d files)\n' "$pages" "${#files[@]}"
printf '1 thread:              %6.2f s  %.2f pages/s\n' "$s1" \
  "$(awk -v p="$pages" -v s="$s1" 'BEGIN { print p / s }')"
printf '2 threads:             %6.2f s  %.2f pages/s\n' "$s2" \
  "$(awk -v p="$pages" -v s="$s2" 'BEGIN { print p / s }')"
printf 'speed-up:              %.2f\n' "$(awk -v a="$s1" -v b="$s2" 'BEGIN { print a / b }')"
cmp -s "$work/out-1.csv" "$work/out-2.csv" && echo "datasets of -j 1 and -j 2: identical" \
  || echo "datasets of -j 1 and -j 2: DIFFER"
