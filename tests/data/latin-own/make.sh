#!/bin/sh
# Rebuilds the PDFs of this folder from their HTML (Chromium's print, as an akimat site or
# a company's report would be saved by a user's browser).
set -e
cd "$(dirname "$0")"
for f in *.html; do
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="${f%.html}.pdf" "$f"
done
