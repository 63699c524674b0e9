#!/bin/sh
# Regenerates the spreadsheets and their PDFs (LibreOffice Calc 7.4, python3-openpyxl).
set -e
cd "$(dirname "$0")"
/usr/bin/python3 make_sheets.py
for f in *.xlsx; do
  soffice -env:UserInstallation=file:///tmp/lo-sheets --headless --convert-to pdf --outdir . "$f"
done
