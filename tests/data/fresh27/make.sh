#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, make the two scans, then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh27 --headless"

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
    mkdir -p /tmp/tex-fresh27
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh27 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh27/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh27 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed, $6 noise,
    # $7 page size for img2pdf (default A4; A4^T for a landscape source)
    d=/tmp/scan-fresh27-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate "$6" +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize "${7:-A4}" -o "$2.pdf" "$d"/p-*.png.jpg
}

if [ $# -gt 0 ]; then "$@"; exit; fi   # e.g. ./make.sh docx 05-... (one step)

xlsx   01-kokshe-cement-kokshetau-reconciliation-act-2023-ru
docx   02-zhanakorgan-akim-deputy-inquiry-answer-2025-kk
tex    03-satbayev-university-partners-report-2024-en xelatex
htmllo 04-birsuat-village-gathering-minutes-2016-ru
html   05-rixos-borovoe-community-web-page-2025-en
html   06-kyzylorda-akimat-social-projects-register-2024-kk
tex    07-zhanatas-wind-lender-monitoring-report-2022-en xelatex
docx   08-shymkent-airport-order-social-plan-2026-ru
htmllo 09-semizbay-u-shieli-official-statement-2018-kk
htmllo 10-tzmu-corporate-foundation-annual-report-2023-ru
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed, noise attenuation[, page size]
scan   09-semizbay-u-shieli-official-statement-2018-kk 11-semizbay-u-shieli-official-statement-2018-kk-scan 200 1.2 11 0.35
scan   07-zhanatas-wind-lender-monitoring-report-2022-en 12-zhanatas-wind-lender-monitoring-report-2022-en-scan 150 -1.4 17 0.4
rm -rf __pycache__
$PY verify.py
