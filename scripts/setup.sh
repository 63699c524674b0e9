#!/usr/bin/env bash
# setup.sh: the one entry point for setting up Kelisim on Debian 12.
#   scripts/setup.sh run    install what is needed, build, and open the workbench on the sample memoranda
#   scripts/setup.sh test   install what is needed, build, and run the whole test suite
#   scripts/setup.sh fuzz [SECONDS] [TARGET…]   run each fuzz target (tests/fuzz) for SECONDS (60)
#   scripts/setup.sh deps | build | sanitize
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
build=${KELISIM_BUILD_DIR:-build}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
  local missing=()
  while read -r pkg; do
    case "$pkg" in ''|'#'*) continue ;; esac
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$pkg")
  done < scripts/debian-packages.txt
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"
  fi
}

configure() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}

do_build() {
  configure "$build" -Dwerror=true
  ninja -C "$build"
}

run_samples() {
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    # the workbench, on a project of the sample memoranda (made on first start)
    exec "$build/src/gui/kelisim" --samples
  fi
  local out=${KELISIM_OUTPUT:-coded-samples.csv}
  echo "No display to open the workbench on: coding the sample memoranda with kelisim-cli."
  "$build/src/cli/kelisim-cli" code -o "$out" data/samples/*.pdf
  "$build/src/cli/kelisim-cli" summary data/samples/*.pdf
  echo
  echo "The coded dataset of the $(ls data/samples/*.pdf | wc -l) sample memoranda is in $out."
}

# Seed corpora from tests/data, one folder per target, in the fuzz build; libFuzzer adds
# what it finds there, and writes a crashing input to $fuzzdir/crashes/TARGET-….
fuzz_seeds() {
  local seeds=$1 cli=$2
  # kept between runs: what libFuzzer found last time is where it goes on from
  mkdir -p "$seeds"/{amounts,text,pipeline,lexicon,office,codings,qdpx,pdf}
  # one clause per seed for the amounts (the last column of the phrasebooks)
  python3 - "$seeds/amounts" tests/data/phrases/*.tsv <<'PY'
import os, sys
n = 0
for path in sys.argv[2:]:
    for line in open(path, encoding='utf-8'):
        text = line.rstrip('\n').split('\t')[-1]
        if text and not text.startswith('#'):
            n += 1
            open(os.path.join(sys.argv[1], '%04d' % n), 'w', encoding='utf-8').write(text)
PY
  cp tests/data/own/*.txt tests/data/cp1251.txt "$seeds/text/"
  cp tests/data/own/*.txt "$seeds/pipeline/"
  cp data/lexicons/lexicon-*.xml tests/data/*.xml tests/data/lexicon-mini/*.xml "$seeds/lexicon/"
  cp tests/data/corpus/*.docx tests/data/corpus/*.odt tests/data/office/*.docx \
     tests/data/office/*.odt "$seeds/office/"
  cp tests/data/corpus/*.pdf tests/data/encrypted.pdf "$seeds/pdf/"
  "$cli" code -o "$seeds/codings/lexicon.csv" tests/data/own/erg-ru-2024.txt
  "$cli" code --format tsv -o "$seeds/codings/lexicon.tsv" tests/data/own/erg-ru-2024.txt
  python3 - "$seeds/qdpx" tests/data/qdpx <<'PY'
import os, sys, zipfile
out, src = sys.argv[1], sys.argv[2]
for tool in sorted(os.listdir(src)):
    with zipfile.ZipFile(os.path.join(out, tool + '.qdpx'), 'w', zipfile.ZIP_DEFLATED) as z:
        for root, _dirs, files in os.walk(os.path.join(src, tool)):
            for f in files:
                p = os.path.join(root, f)
                z.write(p, os.path.relpath(p, os.path.join(src, tool)))
PY
  for t in "$seeds"/*; do cp tests/fuzz/regressions/"$(basename "$t")"/* "$t/" 2>/dev/null || true; done
}

run_fuzz() {
  local seconds=${1:-60}; shift || true
  local fuzzdir=${KELISIM_FUZZ_DIR:-build-fuzz} targets=("$@") failed=()
  [ ${#targets[@]} -gt 0 ] || targets=(amounts text pipeline lexicon office codings qdpx pdf)
  # clang++ for the one C++ file too: its objects link with the same sanitizer runtimes
  CC=clang CXX=clang++ configure "$fuzzdir" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
  ninja -C "$fuzzdir"
  fuzz_seeds "$fuzzdir/fuzz-corpus" "$fuzzdir/src/cli/kelisim-cli"
  mkdir -p "$fuzzdir/crashes"
  for t in "${targets[@]}"; do
    echo "== fuzz-$t: ${seconds} s"
    if ! ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
         UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
         "$fuzzdir/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
           -max_len=1048576 -print_final_stats=1 \
           -artifact_prefix="$fuzzdir/crashes/$t-" "$fuzzdir/fuzz-corpus/$t" \
           >"$fuzzdir/fuzz-$t.log" 2>&1; then
      failed+=("$t")
      tail -40 "$fuzzdir/fuzz-$t.log"
    else
      grep -E '^(stat::number_of_executed_units|Done)' "$fuzzdir/fuzz-$t.log" || true
    fi
  done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "Fuzzing found problems in: ${failed[*]} (inputs in $fuzzdir/crashes/; each becomes a"
    echo "file in tests/fuzz/regressions/TARGET once fixed)"
    return 1
  fi
  echo "No crash, hang or GLib-CRITICAL in ${#targets[@]} targets."
}

run_tests() {
  meson test -C "$build" --print-errorlogs "$@"
}

case "${1:-}" in
  deps) deps ;;
  build) deps; do_build ;;
  run) deps; do_build; run_samples ;;
  test) deps; do_build; shift; run_tests "$@" ;;
  fuzz) deps; shift; run_fuzz "$@" ;;
  sanitize)
    deps
    configure build-sanitize -Db_sanitize=address,undefined
    ninja -C build-sanitize
    ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions="$here/tests/lsan.supp" \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      meson test -C build-sanitize --print-errorlogs --timeout-multiplier 4
    ;;
  *)
    echo "usage: $0 run|test|fuzz [SECONDS] [TARGET…]|deps|build|sanitize" >&2
    exit 2
    ;;
esac
