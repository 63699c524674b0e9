#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, make the three scans, then
# verify the gold quotes. See README.md for the tools and their versions.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh18 --headless"

docx() {  # STEM.py -> STEM.docx -> STEM.pdf (in the folder of STEM)
    ( cd "$(dirname "$1")" && $PY "$(basename "$1").py" "$(basename "$1").docx" &&
      $LO --convert-to pdf:writer_pdf_Export --outdir . "$(basename "$1").docx" >/dev/null 2>&1 )
}
xlsx() {  # STEM.py -> STEM.xlsx -> STEM.pdf (LibreOffice Calc)
    $PY "$1.py" "$1.xlsx"
    $LO --convert-to pdf:calc_pdf_Export --outdir . "$1.xlsx" >/dev/null 2>&1
}
htmllo() { # STEM.html -> STEM.pdf (LibreOffice Writer, not Writer/Web)
    $LO --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$(dirname "$1")" "$1.html" >/dev/null 2>&1
}
tex() {   # STEM.tex -> STEM.pdf ($2: engine)
    mkdir -p /tmp/tex-fresh18
    for i in 1 2; do
        $2 -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh18 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh18/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf (Chromium print)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh18 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}
scan() {  # SOURCE.pdf -> SCAN.pdf: grey image-only PDF, rotated, light noise
    # $1 source stem, $2 scan stem, $3 dpi, $4 rotation in degrees, $5 seed, $6 noise,
    # $7 page size for img2pdf (default A4), $8 "photocopy": harder contrast, a softer image and
    # a stamp-like grey blot in the left margin
    d=/tmp/scan-fresh18-$2; rm -rf "$d"; mkdir -p "$d"
    pdftoppm -r "$3" -gray -png "$1.pdf" "$d/p"
    for f in "$d"/p-*.png; do
        if [ "${8:-}" = photocopy ]; then
            convert "$f" -level 6%,90% -fill gray72 -stroke gray48 -strokewidth 9 \
                -draw "ellipse 150,1750 95,120 0,360" -blur 0x1.1 "$f"
        fi
        convert "$f" -seed "$5" -background white -rotate "$4" -attenuate "$6" +noise Gaussian \
            -blur 0x0.4 -colorspace Gray -depth 8 -density "$3" -strip -quality 82 "$f.jpg"
    done
    img2pdf --pagesize "${7:-A4}" -o "$2.pdf" "$d"/p-*.png.jpg
}

if [ $# -gt 0 ]; then "$@"; exit; fi   # e.g. ./make.sh docx 02-... (one step)

htmllo 01-ozenmunaigas-zhanaozen-memorandum-2014-ru
docx   02-embamunaigas-makhambet-memorandum-2016-kk
tex    03-kazexportastyk-atbasar-memorandum-2017-en xelatex
html   04-nova-zinc-aktogay-memorandum-2019-kk
xlsx   05-bukhtarma-cement-ulan-report-2018-ru
docx   06-atameken-agro-esil-report-2020-kk
html   07-atf-bank-almaty-region-press-release-2015-en
html   08-kokshetau-mineral-waters-akimat-news-2018-kk
tex    09-sberbank-kazakhstan-sustainability-report-2019-en xelatex
# sources of the two scan-only documents (not part of the set)
docx   source/11-tenizservice-tupkaragan-report-2015-ru
htmllo source/12-kentau-transformer-kentau-memorandum-2013-ru
# scans: source stem, scan stem, dpi, rotation (degrees), noise seed, noise attenuation[, page size, extra]
scan   01-ozenmunaigas-zhanaozen-memorandum-2014-ru 10-ozenmunaigas-zhanaozen-memorandum-2014-ru-scan 200 1.3 5 0.35
# 300 dpi photocopy with a stamp-like grey blot in the left margin of every page
scan   source/11-tenizservice-tupkaragan-report-2015-ru 11-tenizservice-tupkaragan-report-2015-ru-scan 300 -0.4 11 0.3 A4 photocopy
scan   source/12-kentau-transformer-kentau-memorandum-2013-ru 12-kentau-transformer-kentau-memorandum-2013-ru-scan 150 -0.8 17 0.4
rm -rf __pycache__ source/__pycache__
$PY verify.py
