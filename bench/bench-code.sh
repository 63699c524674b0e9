#!/usr/bin/env bash
# bench-code.sh: the whole pipeline (kelisim-cli code) against pdftotext alone over the
# same PDFs, and kelisim-cli's peak memory as the batch grows.
# Usage: bench/bench-code.sh [N_FILES] (default 300; REPEAT=3 runs of each, median;
# MEMORY_POINTS="30 300 3000" the batch sizes whose peak memory is measured, made of links
# to the same files; TIMES=0 measures the memory alone).
# The N files are copies of every PDF with a text layer in tests/data/corpus, corpus2 and
# heldout (33 documents in three languages), taken in turn.
# Goals (issue 19): one thread's CPU <= 0.6x pdftotext's; all cores' wall time <= 0.35x
# pdftotext's (run one file after another); peak memory flat as N grows.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300}
reps=${REPEAT:-3}
cli=${KELISIM_CLI:-build/src/cli/kelisim-cli}
[ -x "$cli" ] || { echo "build first: scripts/setup.sh build" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is missing" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (package time) is missing" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t src < <(printf '%s\n' tests/data/{corpus,corpus2,heldout}/*.pdf | grep -v '\.scanned\.pdf$')
for i in $(seq 1 "$n"); do
  cp "${src[$(( (i - 1) % ${#src[@]} ))]}" "$work/doc-$(printf %04d "$i").pdf"
done
files=("$work"/doc-*.pdf)

# timed CMD…: prints "wall cpu" (seconds; cpu = user + system, children included)
timed() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>&1
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time"
}
# median of the lines of "wall cpu" on stdin, column $1
median() { awk -v c="$1" '{ print $c }' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

if [ "${TIMES:-1}" != 0 ]; then
: >"$work/pdf" ; : >"$work/one" ; : >"$work/all"
for _ in $(seq 1 "$reps"); do
  timed bash -c 'for f; do pdftotext "$f" /dev/null; done' _ "${files[@]}" >>"$work/pdf"
  timed "$cli" code --ocr=never -j 1 -o "$work/out.csv" "${files[@]}" >>"$work/one"
  timed "$cli" code --ocr=never -o "$work/out.csv" "${files[@]}" >>"$work/all"
done
pdf_wall=$(median 1 <"$work/pdf"); pdf_cpu=$(median 2 <"$work/pdf")
one_wall=$(median 1 <"$work/one"); one_cpu=$(median 2 <"$work/one")
all_wall=$(median 1 <"$work/all")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

printf 'files: %d (median of %d runs)\n' "$n" "$reps"
printf 'pdftotext, one by one:       wall %6.2f s   CPU %6.2f s\n' "$pdf_wall" "$pdf_cpu"
printf 'kelisim-cli code -j 1:       wall %6.2f s   CPU %6.2f s   CPU ratio %s (goal <= 0.6)\n' \
  "$one_wall" "$one_cpu" "$(ratio "$one_cpu" "$pdf_cpu")"
printf 'kelisim-cli code -j %d:       wall %6.2f s                  wall ratio %s (goal <= 0.35)\n' \
  "$(nproc)" "$all_wall" "$(ratio "$all_wall" "$pdf_wall")"
fi

# Peak memory as the batch grows (30, 300, 3,000 files): it should stay flat. The larger
# batches are links to the same files, so only the number of documents grows.
mkdir "$work/links"
for m in ${MEMORY_POINTS:-30 300 3000}; do
  rm -f "$work/links"/*
  for i in $(seq 1 "$m"); do
    ln -s "${src[$(( (i - 1) % ${#src[@]} ))]/#/$PWD/}" "$work/links/doc-$(printf %05d "$i").pdf"
  done
  peak=$(/usr/bin/time -f %M "$cli" code --ocr=never -o /dev/null "$work/links"/doc-*.pdf \
           2>&1 >/dev/null | tail -n1)
  printf 'peak RSS, %5d files:        %d KiB\n' "$m" "$peak"
done
