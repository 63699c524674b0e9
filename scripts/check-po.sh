#!/usr/bin/env bash
# check-po.sh: fails when a translation is incomplete: every string in the sources listed in
# po/POTFILES.in has a non-fuzzy translation in each language of po/LINGUAS, and every
# source file that marks strings for translation is listed in po/POTFILES.in.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# sources that call _() / N_() / C_() / ngettext but are not listed
for f in $(grep -lE '\b(_|N_|C_|NC_|ngettext)\s*\(' $(git ls-files 'src/*.c' 2>/dev/null || find src -name '*.c')); do
  grep -qxF "$f" po/POTFILES.in || { echo "po/POTFILES.in does not list $f"; status=1; }
done
for f in $(git ls-files 'data/ui/*.ui' 2>/dev/null); do
  grep -q 'translatable="yes"' "$f" || continue
  grep -qxF "$f" po/POTFILES.in || { echo "po/POTFILES.in does not list $f"; status=1; }
done

xgettext --from-code=UTF-8 --add-comments=xgettext --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --files-from=po/POTFILES.in --output="$work/kelisim.pot" --package-name=kelisim
for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$work/kelisim.pot" -o "$work/$lang.po"
  untranslated=$(msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  # the header entry is counted as an untranslated "msgid" only when there are others
  if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "po/$lang.po: strings without a translation:"
    msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -A1 '^msgid ' | grep -v '^--' \
      | sed -n 's/^msgid //p' | grep -v '^""$' | head -20
    status=1
  fi
  msgfmt --check --output-file=/dev/null "po/$lang.po" || status=1
done
[ "$status" -eq 0 ] && echo "translations complete: $(grep -v '^#' po/LINGUAS | xargs)"
exit "$status"
