#!/bin/sh
# Scans of documents the layout set does not hold (issue 13: "unshared scans"): three
# documents of ../fresh2 and ../promises printed to images at 150 and 200 dpi, grey, each
# page turned by 0.9-1.5 degrees, light Gaussian noise, JPEG, wrapped with img2pdf; their
# gold is the source's gold with its clause numbers renumbered, every quote checked
# against the source's text layer. Needs poppler-utils, ImageMagick 6, img2pdf.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

scan () {  # source stem, new stem
    src=$1; d=$2
    for r in 150 200; do
        q=55; [ "$r" = 200 ] && q=45
        rm -f "$TMP"/p-*
        pdftoppm -r "$r" -gray -png "../$src.pdf" "$TMP/p"
        i=0
        for f in "$TMP"/p-*.png; do
            i=$((i + 1))
            case $((i % 4)) in 0) a=-1.5;; 1) a=1.3;; 2) a=-1.1;; *) a=0.9;; esac
            wh=$(identify -format "%wx%h" "$f")
            convert "$f" -seed "$i$r" -background white -rotate "$a" -gravity center -extent "$wh" \
                -attenuate 0.3 +noise Gaussian -colorspace Gray -strip \
                -density "$r" -units PixelsPerInch -quality "$q" "$f.jpg"
        done
        img2pdf "$TMP"/p-*.png.jpg -o "$d.scan$r.pdf"
    done
    python3 - "../$src" "$d" <<'PY'
import re, subprocess, sys
src, new = sys.argv[1], sys.argv[2]
old_no, new_no = src.split('/')[-1][:2], new[:2]
text = subprocess.run(['pdftotext', src + '.pdf', '-'], capture_output=True, text=True).stdout
flat = re.sub(r'\s+', ' ', text)
out = []
for n, line in enumerate(open(src + '.gold.tsv', encoding='utf-8').read().splitlines()):
    f = line.split('\t')
    if n > 0:
        assert f[0].startswith(old_no + '.'), f[0]
        f[0] = new_no + f[0][2:]
        q = re.sub(r'\s+', ' ', f[3])
        assert q in flat, 'quote not in %s.pdf: %s' % (src, q)
    out.append('\t'.join(f))
open(new + '.gold.tsv', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
PY
}

scan fresh2/01-kazatomprom-turkestan-memorandum-2019 09-kazatomprom-turkestan-memorandum-2019-ru
scan fresh2/02-kazphosphate-zhambyl-memorandum-2023 10-kazphosphate-zhambyl-memorandum-2023-kk
scan promises/08-shakhtinsk-akimat-summary-2019 11-shakhtinsk-akimat-summary-2019-ru
# justified paragraphs with wide word gaps (XeLaTeX, 12 pt, no hyphenation, emergency stretch)
scan fresh3/06-mangystau-maslikhat-minutes-2014-ru 12-mangystau-maslikhat-minutes-2014-ru
