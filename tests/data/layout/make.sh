#!/bin/sh
# Regenerates every PDF of tests/data/layout from its source, then the scans, then checks
# the gold (verify.py: against the sources; check_pdf.py: against the PDFs).
#
# Needs: xelatex (texlive-xetex, fonts-liberation), LibreOffice (soffice, hyphen-ru),
# chromium, python3 with python-docx (/usr/bin/python3 on Debian: python3-docx),
# poppler-utils, ImageMagick 6 (convert), img2pdf, fonts-dejavu.
#
# The sources are the .tex, .fodt, .html and .docx files; the .fodt and .docx files are
# themselves written by make_NN_*.py, which make.sh runs first.
set -eu
cd "$(dirname "$0")"
HERE=$(pwd)
PY=/usr/bin/python3                 # the system python, which has python-docx
LO="soffice -env:UserInstallation=file:///tmp/lo-layout --headless"
TMP=$(mktemp -d /tmp/layout-make.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# ---- sources written by scripts
$PY make_02_fodt.py
$PY make_04_docx.py
$PY make_05_docx.py
$PY make_06_docx.py
$PY make_08_docx.py

# ---- 01: two-column LaTeX (xelatex, twocolumn article, justified, hyphenation on)
cp 01-kazminerals-annual-2021-twocol.tex "$TMP/"
(cd "$TMP" && xelatex -interaction=nonstopmode -halt-on-error 01-kazminerals-annual-2021-twocol.tex >/dev/null \
            && xelatex -interaction=nonstopmode -halt-on-error 01-kazminerals-annual-2021-twocol.tex >/dev/null)
cp "$TMP/01-kazminerals-annual-2021-twocol.pdf" .

# ---- 02, 04, 05, 06, 08: LibreOffice Writer
for f in 02-kazakhmys-sustainability-2019-ru.fodt \
         04-amt-karaganda-memorandum-2019-ru.docx \
         05-kazzinc-vko-planfact-2022-ru.docx \
         06-kazakhmys-ulytau-memorandum-2023-kk.docx \
         08-qarmet-temirtau-memorandum-2024-kkru.docx; do
    $LO --convert-to pdf --outdir "$HERE" "$f" >/dev/null 2>&1
done

# ---- 03: a web page printed by Chromium with its default print header and footer
chromium --headless --no-sandbox --disable-gpu \
    --print-to-pdf=03-erg-pavlodar-pressrelease-2023-kk.pdf 03-erg-pavlodar-pressrelease-2023-kk.html 2>/dev/null
# ---- 07: a report page laid out in HTML/CSS (@page A4), printed without the browser's header/footer
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf=07-kazzinc-sustainability-2023-en.pdf 07-kazzinc-sustainability-2023-en.html 2>/dev/null

# ---- scans: image-only PDFs, grey, 150 and 200 dpi, each page turned by 0.6-1.4 degrees,
# light Gaussian noise, JPEG; the scans share the gold of their document
for d in 01-kazminerals-annual-2021-twocol 03-erg-pavlodar-pressrelease-2023-kk \
         05-kazzinc-vko-planfact-2022-ru 06-kazakhmys-ulytau-memorandum-2023-kk; do
    for r in 150 200; do
        q=55; [ "$r" = 200 ] && q=45
        rm -f "$TMP"/p-*
        pdftoppm -r "$r" -gray -png "$d.pdf" "$TMP/p"
        i=0
        for f in "$TMP"/p-*.png; do
            i=$((i + 1))
            case $((i % 5)) in 0) a=1.2;; 1) a=-0.8;; 2) a=0.6;; 3) a=-1.4;; *) a=1.0;; esac
            wh=$(identify -format "%wx%h" "$f")
            convert "$f" -seed "$i$r" -background white -rotate "$a" -gravity center -extent "$wh" \
                -attenuate 0.3 +noise Gaussian -colorspace Gray -strip \
                -density "$r" -units PixelsPerInch -quality "$q" "$f.jpg"
        done
        img2pdf "$TMP"/p-*.png.jpg -o "$d.scan$r.pdf"
    done
done

# ---- checks
python3 verify.py
python3 check_pdf.py --quiet
du -sh "$HERE"
