#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, make the two scans, then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh3 --headless"

docx() {  # STEM.py -> STEM.docx -> STEM.pdf
    $PY "$1.py" "$1.docx"
    $LO --convert-to pdf:writer_pdf_Export --outdir . "$1.docx" >/dev/null 2>&1
}
xlsx() {  # STEM.py -> STEM.xlsx -> STEM.pdf
    $PY "$1.py" "$1.xlsx"
    $LO --convert-to pdf:calc_pdf_Export --outdir . "$1.xlsx" >/dev/null 2>&1
}
htmllo() { # STEM.html -> STEM.pdf (LibreOffice Writer, not Writer/Web)
    $LO --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir . "$1.html" >/dev/null 2>&1
}
tex() {   # STEM.tex -> STEM.pdf ($2: engine)
    mkdir -p /tmp/tex-fresh3
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh3 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh3/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh3 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed
    d=/tmp/scan-fresh3-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate 0.35 +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize A4 -o "$2.pdf" "$d"/p-*.png.jpg
}

docx   01-cnpc-mugalzhar-memorandum-2021
htmllo 02-kazakhaltyn-stepnogorsk-memorandum-2018-kk
tex    03-ncoc-annual-report-2019-en xelatex
docx   04-karazhyra-abai-report-2023-kk
html   05-kyzylorda-news-oil-companies-2016-ru
tex    06-mangystau-maslikhat-minutes-2014-ru xelatex
htmllo 07-kazakhtelecom-nko-pressrelease-2014-en
xlsx   08-zhambyl-akimat-summary-2024-kk
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed
scan   04-karazhyra-abai-report-2023-kk 09-karazhyra-abai-report-2023-kk-scan 200 0.9 4
scan   07-kazakhtelecom-nko-pressrelease-2014-en 10-kazakhtelecom-nko-pressrelease-2014-en-scan 150 -1.2 7
rm -rf __pycache__
$PY verify.py
