#!/bin/sh
# Rebuilds the PDFs of this folder from their sources, made the way fresh16 and fresh18 make
# theirs (LibreOffice Calc from openpyxl's XLSX, XeLaTeX with booktabs).
set -e
cd "$(dirname "$0")"
/usr/bin/python3 01-merged-unit-ru.py 01-merged-unit-ru.xlsx
soffice -env:UserInstallation=file:///tmp/lo-tables-own --headless \
    --convert-to pdf:calc_pdf_Export --outdir . 01-merged-unit-ru.xlsx >/dev/null 2>&1
mkdir -p /tmp/tex-tables-own
for i in 1 2; do
    xelatex -interaction=nonstopmode -halt-on-error -output-directory=/tmp/tex-tables-own \
        02-wrapped-cells-en.tex >/dev/null
done
cp /tmp/tex-tables-own/02-wrapped-cells-en.pdf .
