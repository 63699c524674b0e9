#!/bin/sh
# Rebuilds every source and PDF of this folder.
# Needs: python3-docx and python3-openpyxl (Debian's /usr/bin/python3), LibreOffice,
# texlive-xetex (DejaVu fonts), chromium, poppler-utils.
set -eu
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh --headless"
only="${1:-}"

want() { [ -z "$only" ] || [ "$only" = "$1" ]; }

docx() {  # NN slug : src/genNN.py writes the DOCX, LibreOffice makes the PDF
    $PY src/gen$1.py "$2.docx"
    $LO --convert-to pdf:writer_pdf_Export --outdir . "$2.docx" >/dev/null 2>&1
}
xlsx() {  # NN slug : src/genNN.py writes the XLSX, LibreOffice Calc makes the PDF
    $PY src/gen$1.py "$2.xlsx"
    $LO --convert-to pdf:calc_pdf_Export --outdir . "$2.xlsx" >/dev/null 2>&1
}
tex() {   # slug : xelatex twice
    d=$(mktemp -d)
    xelatex -interaction=nonstopmode -halt-on-error -output-directory="$d" "$1.tex" >/dev/null
    xelatex -interaction=nonstopmode -halt-on-error -output-directory="$d" "$1.tex" >/dev/null
    cp "$d/$1.pdf" . && rm -rf "$d"
}
html() {  # slug [extra chromium flags]
    s="$1"; shift
    chromium --headless --no-sandbox --disable-gpu --user-data-dir=/tmp/chromium-fresh \
        "$@" --print-to-pdf="$s.pdf" "file://$PWD/$s.html" >/dev/null 2>&1
}

web() {   # slug url : serve the HTML at a web address (local server, host mapped), print with
          # Chromium's own header and footer (date, title, address, page numbers)
    s="$1"; url="$2"; host=$(echo "$url" | cut -d/ -f3); path=$(echo "$url" | cut -d/ -f4-)
    root=$(mktemp -d); mkdir -p "$root/$path"; cp "$s.html" "$root/$path/index.html"
    python3 -m http.server 8765 --bind 127.0.0.1 --directory "$root" >/dev/null 2>&1 &
    srv=$!; sleep 1
    chromium --headless --no-sandbox --disable-gpu --user-data-dir=/tmp/chromium-fresh \
        --host-resolver-rules="MAP $host 127.0.0.1:8765" --print-to-pdf="$s.pdf" "$url" >/dev/null 2>&1 || true
    kill $srv; rm -rf "$root"
}

want 01 && docx 01 01-karaganda-akimat-protocol-2021
want 02 && docx 02 02-kazatomprom-sozak-letter-2020
want 03 && html 03-tengizchevroil-atyrau-press-2019 --no-pdf-header-footer
want 04 && tex 04-polymetal-kazakhstan-annual-report-2016
want 05 && web 05-kpo-aksai-news-2016 http://batys-aqparat.kz/kk/aimaq/2016/09/02/aqsajda-zhana-mektep-ashyldy/
want 06 && docx 06 06-kazmunaygas-mangystau-memorandum-2018
want 07 && xlsx 07 07-ekibastuz-akimat-summary-2022
want 08 && html 08-kazzinc-vko-execution-report-2015 --no-pdf-header-footer
want 09 && tex 09-qarmet-sustainability-2024-kk
want 10 && docx 10 10-kazakhmys-karaganda-memorandum-2014
[ -n "$only" ] || python3 verify.py
