#!/usr/bin/env bash
# setup.sh: the one entry point for setting up Kelisim on Debian 12.
#   scripts/setup.sh run    install what is needed, build, and open the workbench on the sample memoranda
#   scripts/setup.sh test   install what is needed, build, and run the whole test suite
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

run_tests() {
  meson test -C "$build" --print-errorlogs "$@"
}

case "${1:-}" in
  deps) deps ;;
  build) deps; do_build ;;
  run) deps; do_build; run_samples ;;
  test) deps; do_build; shift; run_tests "$@" ;;
  sanitize)
    deps
    configure build-sanitize -Db_sanitize=address,undefined
    ninja -C build-sanitize
    ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions="$here/tests/lsan.supp" \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      meson test -C build-sanitize --print-errorlogs --timeout-multiplier 4
    ;;
  *)
    echo "usage: $0 run|test|deps|build|sanitize" >&2
    exit 2
    ;;
esac
