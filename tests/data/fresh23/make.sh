#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, make the two scans, then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh23 --headless"

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
    mkdir -p /tmp/tex-fresh23
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh23 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh23/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh23 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed, $6 noise,
    # $7 page size for img2pdf (default A4; A4^T for a landscape source)
    d=/tmp/scan-fresh23-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate "$6" +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize "${7:-A4}" -o "$2.pdf" "$d"/p-*.png.jpg
}

if [ $# -gt 0 ]; then "$@"; exit; fi   # e.g. ./make.sh docx 05-... (one step)

htmllo 01-dtzh-abai-memorandum-2024-ru
docx   02-kazgpz-zhanaozen-memorandum-2025-kk
tex    03-sagiz-atyrau-commitment-letter-2025-en xelatex
htmllo 04-angrensor-ekibastuz-execution-report-2018-ru
tex    05-oral-et-terekti-narrative-report-2016-kk xelatex
htmllo 06-munaily-maslikhat-minutes-2022-ru
xlsx   07-zko-akimat-decree-sponsorship-2021-ru
html   08-gezhouba-shieli-news-web-2023-kk
docx   09-prommashkomplekt-ekibastuz-news-2016-en
html   10-abdi-ibrahim-almaty-sustainability-2019-en
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed, noise attenuation[, page size]
scan   04-angrensor-ekibastuz-execution-report-2018-ru 11-angrensor-ekibastuz-execution-report-2018-ru-scan 200 1.2 23 0.35
scan   02-kazgpz-zhanaozen-memorandum-2025-kk 12-kazgpz-zhanaozen-memorandum-2025-kk-scan 150 -1.4 29 0.4
rm -rf __pycache__
$PY verify.py
