#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, make the two scans, then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh28 --headless"

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
    mkdir -p /tmp/tex-fresh28
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh28 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh28/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh28 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed, $6 noise,
    # $7 page size for img2pdf (default A4; A4^T for a landscape source)
    d=/tmp/scan-fresh28-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate "$6" +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize "${7:-A4}" -o "$2.pdf" "$d"/p-*.png.jpg
}

if [ $# -gt 0 ]; then "$@"; exit; fi   # e.g. ./make.sh docx 05-... (one step)

docx   01-kazzinc-butakovka-village-assembly-2019-ru
htmllo 02-kazakhmys-balkhash-deputy-inquiry-reply-2022-kk
tex    03-erg-toraighyrov-university-agreement-2023-en xelatex
html   04-amt-corporate-newspaper-2016-ru
html   05-kazminerals-karabulak-okrug-facebook-post-2024-kk
docx   06-kazminerals-erg-ekibastuz-ngo-project-report-2020-en
xlsx   07-qarmet-charity-committee-protocol-2025-ru
tex    08-erg-kazminerals-pavlodar-tv-script-2019-kk xelatex
htmllo 09-kazminerals-aktogay-lenders-monitoring-2016-en
html   10-erg-ssgpo-rudny-akim-blog-2017-ru
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed, noise attenuation[, page size]
scan   01-kazzinc-butakovka-village-assembly-2019-ru 11-kazzinc-butakovka-village-assembly-2019-ru-scan 200 1.2 5 0.35
scan   02-kazakhmys-balkhash-deputy-inquiry-reply-2022-kk 12-kazakhmys-balkhash-deputy-inquiry-reply-2022-kk-scan 150 -1.4 17 0.4
rm -rf __pycache__
$PY verify.py
