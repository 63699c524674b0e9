#!/bin/sh
# Rebuilds the PDFs of this folder from their sources (Chromium's print, as a user's
# browser or slide tool would make them).
set -e
cd "$(dirname "$0")"
for f in *.html; do
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="${f%.html}.pdf" "$f"
done
