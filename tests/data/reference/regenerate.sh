#!/usr/bin/env bash
# regenerate.sh: writes the reference datasets that tests/dataset/test-reference.c compares
# kelisim-cli's output with, byte for byte: one CSV per folder of test documents (every PDF
# with a text layer, all segments, no OCR).
#
# The files in git were written by the coder as it was before the matcher was made faster
# (issue 19): the test proves the faster matcher codes exactly as the old one did. When the
# coding rules change on purpose, run this from the source tree after building and commit
# the new references with the change:
#
#   ninja -C build && tests/data/reference/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
cli=${KELISIM_CLI:-build/src/cli/kelisim-cli}
[ -x "$cli" ] || { echo "build first: ninja -C build" >&2; exit 2; }
export LC_ALL=C.UTF-8 KELISIM_DATA_DIR=$PWD/data KEL_DATA_DIR=$PWD/data
for d in corpus corpus2 heldout; do
  # the same files in the same order as the test: byte order of the names, no scans
  mapfile -t files < <(printf '%s\n' tests/data/$d/*.pdf | grep -v '\.scanned\.pdf$' | LC_ALL=C sort)
  "$cli" code --ocr never --all-segments -j 1 -o "tests/data/reference/$d.csv" "${files[@]}"
done
