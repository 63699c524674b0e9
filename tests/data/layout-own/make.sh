#!/bin/sh
# Rebuilds the PDFs of this folder from their sources (Chromium's print, as a user's
# browser or slide tool would make them).
set -e
cd "$(dirname "$0")"
for f in *.html; do
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="${f%.html}.pdf" "$f"
done

# the cards in LibreOffice Writer's text frames (13): written by make_13_fodt.py
python3 make_13_fodt.py
soffice -env:UserInstallation="file://$(mktemp -d)" --headless --convert-to pdf \
  13-cards-frames-en.fodt >/dev/null

# the news page, the memorandum's head and the news item with a dateline scanned: grey,
# 150 dpi, turned by 0.9 degrees, light Gaussian noise, JPEG
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for b in 04-news-sidebar-ru 08-memorandum-head-ru 09-news-dateline-kk; do
  rm -f "$TMP"/p-*
  pdftoppm -r 150 -gray -png "$b.pdf" "$TMP/p"
  for f in "$TMP"/p-*.png; do
    wh=$(identify -format "%wx%h" "$f")
    convert "$f" -seed 4 -background white -rotate 0.9 -gravity center -extent "$wh" \
      -attenuate 0.3 +noise Gaussian -colorspace Gray -strip \
      -density 150 -units PixelsPerInch -quality 55 "$f.jpg"
  done
  img2pdf "$TMP"/p-*.png.jpg -o "$b.scan150.pdf"
done
