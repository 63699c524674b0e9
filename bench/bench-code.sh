#!/usr/bin/env bash
# bench-code.sh: the whole pipeline (kelisim-cli code) against pdftotext alone, run over
# the same PDFs one after another, and kelisim-cli's peak memory as the batch grows.
# Usage: bench/bench-code.sh [N_FILES] (default 300). Goal: ratio <= 1, memory flat.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300}
cli=${KELISIM_CLI:-build/src/cli/kelisim-cli}
[ -x "$cli" ] || { echo "build first: scripts/setup.sh build" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is missing" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=(tests/data/corpus/*.pdf)
for i in $(seq 1 "$n"); do
  cp "${src[$(( (i - 1) % ${#src[@]} ))]}" "$work/doc-$(printf %04d "$i").pdf"
done
files=("$work"/doc-*.pdf)

now() { date +%s.%N; }

t0=$(now)
for f in "${files[@]}"; do pdftotext "$f" /dev/null; done
t1=$(now)
"$cli" code -o "$work/out.csv" "${files[@]}"
t2=$(now)

pdf=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
kel=$(awk -v a="$t1" -v b="$t2" 'BEGIN { print b - a }')
printf 'files:                    %d\n' "$n"
printf 'pdftotext, one by one:    %.2f s\n' "$pdf"
printf 'kelisim-cli code (-j %d):  %.2f s\n' "$(nproc)" "$kel"
printf 'ratio kelisim/pdftotext:  %.2f  (goal: <= 1)\n' "$(awk -v a="$kel" -v b="$pdf" 'BEGIN { print a / b }')"

# Peak memory for a tenth of the batch and for all of it: it should not grow with n.
small=("${files[@]:0:$(( n / 10 > 1 ? n / 10 : 2 ))}")
m_small=$(/usr/bin/time -f %M "$cli" code -o /dev/null "${small[@]}" 2>&1 >/dev/null | tail -n1)
m_all=$(/usr/bin/time -f %M "$cli" code -o /dev/null "${files[@]}" 2>&1 >/dev/null | tail -n1)
printf 'peak RSS, %4d files:      %d KiB\n' "${#small[@]}" "$m_small"
printf 'peak RSS, %4d files:      %d KiB\n' "$n" "$m_all"
