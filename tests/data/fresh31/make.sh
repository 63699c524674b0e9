#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, make the two scans, then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh31 --headless"

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
    mkdir -p /tmp/tex-fresh31
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh31 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh31/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh31 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed, $6 noise,
    # $7 page size for img2pdf (default A4; A4^T for a landscape source)
    d=/tmp/scan-fresh31-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate "$6" +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize "${7:-A4}" -o "$2.pdf" "$d"/p-*.png.jpg
}

if [ $# -gt 0 ]; then "$@"; exit; fi   # e.g. ./make.sh docx 01-... (one step)

docx   01-altai-polimetally-ulan-memorandum-2025-ru
tex    02-tsesna-astyk-shortandy-memorandum-2019-kk xelatex
htmllo 03-orda-glass-kyzylorda-letter-of-intent-2023-en
html   04-pavlodar-investment-forum-memoranda-news-2017-ru
htmllo 05-kazbeef-tselinograd-tv-news-script-2021-kk
tex    06-bekem-metals-chairman-statement-2014-en xelatex
xlsx   07-eurasian-foods-alatau-roadmap-2026-ru
docx   08-karakiya-akimat-information-note-2022-kk
html   09-dala-mining-community-web-page-2024-en
htmllo 10-almaty-region-rsk-briefing-transcript-2018-ru
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed, noise attenuation[, page size]
scan   01-altai-polimetally-ulan-memorandum-2025-ru 11-altai-polimetally-ulan-memorandum-2025-ru-scan 200 1.2 31 0.35
scan   08-karakiya-akimat-information-note-2022-kk 12-karakiya-akimat-information-note-2022-kk-scan 150 -1.4 17 0.4
rm -rf __pycache__
$PY verify.py
