#!/bin/sh
# Rebuild every PDF of this evaluation set (fresh26) from its source, make the two scans, then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh26 --headless"

docx() {  # STEM.py -> STEM.docx -> STEM.pdf
    $PY "$1.py" "$1.docx"
    $LO --convert-to pdf:writer_pdf_Export --outdir . "$1.docx" >/dev/null 2>&1
}
xlsx() {  # STEM.py -> STEM.xlsx -> STEM.pdf (LibreOffice Calc)
    $PY "$1.py" "$1.xlsx"
    $LO --convert-to pdf:calc_pdf_Export --outdir . "$1.xlsx" >/dev/null 2>&1
}
htmllo() { # STEM.html -> STEM.pdf (LibreOffice Writer, not Writer/Web)
    $LO --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir . "$1.html" >/dev/null 2>&1
}
tex() {   # STEM.tex -> STEM.pdf ($2: engine)
    mkdir -p /tmp/tex-fresh26
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh26 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh26/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh26 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed, $6 noise,
    # $7 page size for img2pdf (default A4; A4^T for a landscape source)
    d=/tmp/scan-fresh26-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate "$6" +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize "${7:-A4}" -o "$2.pdf" "$d"/p-*.png.jpg
}

if [ $# -gt 0 ]; then "$@"; exit; fi   # e.g. ./make.sh docx 03-... (one step)

xlsx   01-kazzinc-altai-monotown-plan-2019-ru
htmllo 02-pavlodar-public-council-conclusion-2022-ru
docx   03-topar-settlement-akim-information-2017-ru
tex    04-erg-kazchrome-aktobe-briefing-transcript-2018-ru xelatex
docx   05-kazakhmys-ulytau-deputy-inquiry-reply-2023-kk
html   06-qarmet-karaganda-university-news-2026-kk
htmllo 07-kazminerals-aktogay-community-gathering-protocol-2021-kk
tex    08-kazzinc-ektu-cooperation-agreement-2013-en xelatex
html   09-kazminerals-community-projects-webpage-2017-en
docx   10-kazakhmys-balkhash-liaison-committee-record-2012-en
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed, noise attenuation[, page size]
scan   03-topar-settlement-akim-information-2017-ru 11-topar-settlement-akim-information-2017-ru-scan 200 1.2 11 0.35
scan   05-kazakhmys-ulytau-deputy-inquiry-reply-2023-kk 12-kazakhmys-ulytau-deputy-inquiry-reply-2023-kk-scan 150 -1.4 17 0.4
rm -rf __pycache__
$PY verify.py
