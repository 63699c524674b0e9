#!/bin/sh
# Rebuild every PDF of this evaluation set from its source, then verify the gold quotes.
#   DOCX  (python3-docx, then LibreOffice Writer PDF export): 01, 04, 09
#   LaTeX (xelatex, DejaVu Serif, hyphenation off):            02, 07, 10
#   HTML  (Chromium headless print, no header/footer):         03, 06, 08
#   XLSX  (python3-openpyxl, then LibreOffice Calc PDF export):  05
# Tools used: LibreOffice 7.4.7.2, XeTeX (TeX Live 2022), Chromium 156, python3-docx 0.8.11,
# python3-openpyxl 3.0.9, poppler-utils 22.12.0. Python is the system /usr/bin/python3.
set -e
cd "$(dirname "$0")"
PY=/usr/bin/python3
LO="soffice -env:UserInstallation=file:///tmp/lo-fresh2 --headless"

docx() {  # STEM.py -> STEM.docx -> STEM.pdf
    $PY "$1.py" "$1.docx"
    $LO --convert-to pdf:writer_pdf_Export --outdir . "$1.docx" >/dev/null 2>&1
}
xlsx() {  # STEM.py -> STEM.xlsx -> STEM.pdf
    $PY "$1.py" "$1.xlsx"
    $LO --convert-to pdf:calc_pdf_Export --outdir . "$1.xlsx" >/dev/null 2>&1
}
tex() {   # STEM.tex -> STEM.pdf
    mkdir -p /tmp/tex-fresh2
    for i in 1 2; do
        xelatex -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-fresh2 "$1.tex" >/dev/null
    done
    cp "/tmp/tex-fresh2/$1.pdf" .
}
html() {  # STEM.html -> STEM.pdf
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir=/tmp/chromium-fresh2 --print-to-pdf="$1.pdf" "file://$PWD/$1.html" >/dev/null 2>&1
}

docx 01-kazatomprom-turkestan-memorandum-2019
tex  02-kazphosphate-zhambyl-memorandum-2023
html 03-tengizchevroil-sustainability-2017-en
docx 04-polymetal-zharma-report-2020
xlsx 05-airastana-community-investment-2023-en
html 06-ekibastuz-akim-interview-2016-ru
tex  07-karaganda-council-minutes-2014-kk
html 08-altynalmas-moiynkum-pressrelease-2025-kk
docx 09-zhanaozen-akim-report-2017-kkru
tex  10-karachaganak-wko-letter-2013-en
rm -rf __pycache__

$PY verify.py
