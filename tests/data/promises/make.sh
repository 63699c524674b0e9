#!/bin/sh
# Rebuild every PDF of this set from its source, then verify the gold.
#   src/NN-*.txt  --(src/build_docx.py, python3-docx)-->  NN-*.docx  --(LibreOffice)-->  NN-*.pdf
#   NN-*.html     --(Chromium headless print)-->  NN-*.pdf
set -eu
cd "$(dirname "$0")"
PY_DOCX=/usr/bin/python3          # the interpreter that has python3-docx (Debian package)
LO_PROFILE=file:///tmp/lo-prom
CHROME_PROFILE=/tmp/chrome-prom

for src in src/[0-9][0-9]-*.txt; do
    name=$(basename "$src" .txt)
    "$PY_DOCX" src/build_docx.py "$src" "$name.docx"
    soffice -env:UserInstallation=$LO_PROFILE --headless --convert-to pdf --outdir . "$name.docx" >/dev/null
done

for html in [0-9][0-9]-*.html; do
    name=$(basename "$html" .html)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=$CHROME_PROFILE \
        --print-to-pdf="$PWD/$name.pdf" "file://$PWD/$html" 2>/dev/null
done

python3 verify.py
