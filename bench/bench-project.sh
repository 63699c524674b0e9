#!/usr/bin/env bash
# bench-project.sh: builds a project of N documents (default 2000, 40 clauses each) with
# the lexicon's codings and three coders' decisions (~200,000 codings), then times opening
# it, the agreement report, the validation and the dataset export.
# Usage: bench/bench-project.sh [N_DOCUMENTS [CLAUSES]]. Goals: open < 1 s, agreement < 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${KELISIM_BUILD:-build}
[ -d "$build" ] || { echo "build first: scripts/setup.sh build" >&2; exit 2; }
ninja -C "$build" bench/bench-project >/dev/null
KELISIM_DATA_DIR="$PWD/data" "$build/bench/bench-project" "$@"
