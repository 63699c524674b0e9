#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, make the two scans (one of a landscape page), then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh11 --headless"

docx() {  # STEM.py -> STEM.docx -> STEM.pdf
    $PY "$1.py" "$1.docx"
    $LO --convert-to pdf:writer_pdf_Export --outdir . "$1.docx" >/dev/null 2>&1
}
xlsx() {  # STEM.py -> STEM.xlsx -> STEM.pdf (LibreOffice Calc)
    $PY "$1.py" "$1.xlsx"
    $LO --convert-to pdf:calc_pdf_Export --outdir . "$1.xlsx" >/dev/null 2>&1
}
fodp() {  # STEM.py -> STEM.fodp (flat ODF presentation) -> STEM.pdf (LibreOffice Impress)
    $PY "$1.py" "$1.fodp"
    $LO --convert-to pdf:impress_pdf_Export --outdir . "$1.fodp" >/dev/null 2>&1
}
htmllo() { # STEM.html -> STEM.pdf (LibreOffice Writer, not Writer/Web)
    $LO --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir . "$1.html" >/dev/null 2>&1
}
tex() {   # STEM.tex -> STEM.pdf ($2: engine)
    mkdir -p /tmp/tex-fresh11
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh11 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh11/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh11 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed, $6 noise,
    # $7 page size for img2pdf (default A4; A4^T for a landscape source)
    d=/tmp/scan-fresh11-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate "$6" +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize "${7:-A4}" -o "$2.pdf" "$d"/p-*.png.jpg
}

if [ $# -gt 0 ]; then "$@"; exit; fi   # e.g. ./make.sh docx 05-... (one step)

fodp   01-kmf-social-report-slides-2024-en
tex    02-pnhz-gri-data-table-2025-en xelatex
xlsx   03-atyrau-memoranda-summary-2025-ru
docx   04-sekisovskoye-glubokoe-development-agreement-2025-kk
html   05-foodmaster-turksib-email-thread-2025-ru
tex    06-maikuben-bayanaul-akim-report-2024-kk xelatex
html   07-shymkentpivo-abai-memorandum-latin-2025-kk
htmllo 08-transtelecom-fund-grant-competition-2025-ru
html   09-home-credit-kostanay-press-release-2025-en
docx   10-asphaltbeton-alatau-letter-memorandum-2026-ru
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed, noise attenuation[, page size]
scan   03-atyrau-memoranda-summary-2025-ru 11-atyrau-memoranda-summary-2025-ru-scan 150 -1.2 11 0.4 A4^T
scan   06-maikuben-bayanaul-akim-report-2024-kk 12-maikuben-bayanaul-akim-report-2024-kk-scan 200 1.4 5 0.35
rm -rf __pycache__
$PY verify.py
