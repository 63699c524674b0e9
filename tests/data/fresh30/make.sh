#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, make the two scans, then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh30 --headless"

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
    mkdir -p /tmp/tex-fresh30
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh30 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh30/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh30 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed, $6 noise,
    # $7 page size for img2pdf (default A4; A4^T for a landscape source)
    d=/tmp/scan-fresh30-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate "$6" +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize "${7:-A4}" -o "$2.pdf" "$d"/p-*.png.jpg
}

if [ $# -gt 0 ]; then "$@"; exit; fi   # e.g. ./make.sh docx 05-... (one step)

xlsx   01-kazzinc-vko-three-year-execution-2024-ru
docx   02-pavlodar-akimat-deputy-inquiry-answer-2019-kk
tex    03-kazakhmys-financial-statements-note-2015-en xelatex
htmllo 04-karaganda-briefing-transcript-2025-ru
html   05-kazminerals-social-projects-webpage-2022-en
xlsx   06-agromashholding-kostanay-quarterly-report-2018-kk
htmllo 07-shinline-foundation-annual-report-2021-ru
tex    08-khorgos-gateway-corporate-bulletin-2023-kk xelatex
html   09-pepsico-yesik-grant-completion-report-2016-en
docx   10-vostokmashzavod-oskemen-reconciliation-act-2013-ru
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed, noise attenuation[, page size]
scan   02-pavlodar-akimat-deputy-inquiry-answer-2019-kk 11-pavlodar-akimat-deputy-inquiry-answer-2019-kk-scan 200 1.2 7 0.35
scan   07-shinline-foundation-annual-report-2021-ru 12-shinline-foundation-annual-report-2021-ru-scan 150 -1.4 13 0.4
rm -rf __pycache__
$PY verify.py
