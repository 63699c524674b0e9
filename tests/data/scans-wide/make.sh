#!/bin/sh
# Scans of text-layer documents of ../fresh5, ../fresh6 and ../fresh7 (issue 13: measure OCR
# on more unshared documents). Each source PDF is printed to images at 150 and 200 dpi, grey,
# each page turned by 0.8-1.5 degrees (sign alternating), light Gaussian noise, a slight blur,
# JPEG, wrapped with img2pdf -- as ../fresh8/make.sh does.
#
#   make.sh OUT [SET/STEM ...]
#
# writes OUT/SET/STEM.scan150.pdf and .scan200.pdf beside symlinks to the source's
# gold, corporations.tsv and usd.txt, so that
#   kel-score --suffix .scan150.pdf OUT/SET
# scores the scans against the source's gold. Needs poppler-utils, ImageMagick 6, img2pdf.
# With no STEM, every text-layer document of the three sets that has no scan there.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$1; shift
DATA=$HERE/..
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

scan () {  # SET/STEM
    set_=${1%%/*}; stem=${1#*/}
    mkdir -p "$OUT/$set_"
    for f in gold.tsv; do ln -sf "$DATA/$set_/$stem.$f" "$OUT/$set_/$stem.$f"; done
    for f in corporations.tsv usd.txt; do
        [ -e "$DATA/$set_/$f" ] && ln -sf "$DATA/$set_/$f" "$OUT/$set_/$f"
    done
    for r in 150 200; do
        rm -f "$TMP"/p-*
        pdftoppm -r "$r" -gray -png "$DATA/$set_/$stem.pdf" "$TMP/p"
        i=0
        for f in "$TMP"/p-*.png; do
            i=$((i + 1))
            case $((i % 4)) in 0) a=-1.5;; 1) a=1.2;; 2) a=-0.8;; *) a=1.0;; esac
            [ "$r" = 150 ] && a=$(echo "0 - $a" | bc)
            wh=$(identify -format "%wx%h" "$f")
            convert "$f" -seed "$i$r" -background white -rotate "$a" -gravity center -extent "$wh" \
                -attenuate 0.35 +noise Gaussian -blur 0x0.4 -colorspace Gray -depth 8 -strip \
                -density "$r" -units PixelsPerInch -quality 60 "$f.jpg"
        done
        img2pdf "$TMP"/p-*.png.jpg -o "$OUT/$set_/$stem.scan$r.pdf"
    done
}

if [ $# -eq 0 ]; then
    set -- fresh5/02-samruk-energy-almaty-memorandum-2021-kk fresh5/03-halyk-zhambyl-pressrelease-2023-en \
        fresh5/04-atyrau-akimat-protocol-2020-ru fresh5/06-coca-cola-almaty-sustainability-2018-en \
        fresh5/07-alageum-shymkent-letter-2025-ru fresh5/08-heidelberg-bukhtarma-interview-2024-kk \
        fresh6/01-kostanay-minerals-zhitikara-agreement-2024-ru fresh6/03-nostrum-west-kazakhstan-report-2023-en \
        fresh6/05-tau-ken-samruk-ulytau-telegram-2025-kk fresh6/06-buzachi-mangystau-news-2024-en \
        fresh6/07-freedom-abai-board-decision-2025-ru fresh6/08-tele2-turkistan-bilingual-memorandum-2023-kk-ru \
        fresh7/02-eurochem-karatau-zhambyl-pressrelease-2025-kk fresh7/03-kazakh-gold-akmola-sustainability-2024-en \
        fresh7/04-kazakhstan-kagazy-karasai-memorandum-2025-ru fresh7/05-raimbek-talgar-hearing-protocol-2025-kk \
        fresh7/07-jusan-bank-astana-slide-2024-en fresh7/08-eurasian-arnur-kostanay-tripartite-memorandum-2025-ru
fi
for d in "$@"; do scan "$d"; done
