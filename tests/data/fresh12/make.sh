#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, make the two scans, then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh12 --headless"

docx() {  # STEM.py -> STEM.docx -> STEM.pdf
    $PY "$1.py" "$1.docx"
    $LO --convert-to pdf:writer_pdf_Export --outdir . "$1.docx" >/dev/null 2>&1
}
xlsx() {  # STEM.py -> STEM.xlsx -> STEM.pdf (LibreOffice Calc)
    $PY "$1.py" "$1.xlsx"
    $LO --convert-to pdf:calc_pdf_Export --outdir . "$1.xlsx" >/dev/null 2>&1
}
pptx() {  # STEM.py -> STEM.fodp -> STEM.pptx (Impress) -> STEM.pdf (Impress)
    d=/tmp/pptx-fresh12; rm -rf "$d"; mkdir -p "$d"
    $PY "$1.py" "$d/$1.fodp"
    $LO --convert-to pptx --outdir . "$d/$1.fodp" >/dev/null 2>&1
    $LO --convert-to pdf:impress_pdf_Export --outdir . "$1.pptx" >/dev/null 2>&1
}
htmllo() { # STEM.html -> STEM.pdf (LibreOffice Writer, not Writer/Web)
    $LO --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir . "$1.html" >/dev/null 2>&1
}
tex() {   # STEM.tex -> STEM.pdf ($2: engine)
    mkdir -p /tmp/tex-fresh12
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh12 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh12/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh12 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed, $6 noise,
    # $7 page size for img2pdf (default A4; A4^T for a landscape source)
    d=/tmp/scan-fresh12-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate "$6" +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize "${7:-A4}" -o "$2.pdf" "$d"/p-*.png.jpg
}

if [ $# -gt 0 ]; then "$@"; exit; fi   # e.g. ./make.sh docx 04-... (one step)

pptx   01-nomad-insurance-social-report-slides-2024-en
tex    02-uktmp-gri-social-data-2025-en xelatex
xlsx   03-mangystau-memoranda-summary-2025-ru
docx   04-jambyl-cement-moiynkum-sed-agreement-2025-ru
html   05-centras-insurance-sponsorship-email-2025-en
htmllo 06-kaustik-pavlodar-akim-report-2024-kk
xlsx   07-aktobe-tets-csr-register-2024-kk
html   08-astana-energy-fund-grant-competition-2026-kk
tex    09-standard-cement-ordabasy-memorandum-2026-kk-latn xelatex
docx   10-kamaz-engineering-kokshetau-letter-memorandum-2024-ru
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed, noise attenuation[, page size]
scan   04-jambyl-cement-moiynkum-sed-agreement-2025-ru 11-jambyl-cement-moiynkum-sed-agreement-2025-ru-scan 200 1.3 7 0.35
scan   08-astana-energy-fund-grant-competition-2026-kk 12-astana-energy-fund-grant-competition-2026-kk-scan 150 -1.1 13 0.4
rm -rf __pycache__
$PY verify.py
