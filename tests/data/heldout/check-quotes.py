#!/usr/bin/env python3
"""Checks every gold quote of the held-out set: at most 120 characters, no tab, found
exactly once in the HTML's visible text and in `pdftotext -layout` of the PDF (lines
joined with a space, whitespace collapsed) or, for table cells that wrap, in plain
`pdftotext`, which keeps a cell's lines together."""
import html, re, subprocess, sys, glob, os

def visible(path):
    s = open(path, encoding='utf-8').read()
    s = re.sub(r'<title>.*?</title>', ' ', s, flags=re.S)
    s = re.sub(r'<style>.*?</style>', ' ', s, flags=re.S)
    s = re.sub(r'<br\s*/?>', ' ', s)
    s = re.sub(r'<[^>]+>', ' ', s)
    return re.sub(r'\s+', ' ', html.unescape(s))

def pdftext(path, mode):
    out = subprocess.run(['pdftotext'] + mode + [path, '-'], capture_output=True,
                         text=True, check=True).stdout
    return re.sub(r'\s+', ' ', out)

bad = 0
d = sys.argv[1] if len(sys.argv) > 1 else '.'
for gold in sorted(glob.glob(os.path.join(d, '*.gold.tsv'))):
    stem = gold[:-len('.gold.tsv')]
    h, p, r = visible(stem + '.html'), pdftext(stem + '.pdf', ['-layout']), pdftext(stem + '.pdf', [])
    lines = open(gold, encoding='utf-8').read().splitlines()
    assert lines[0] == 'clause_id\tcategory\tamount_kzt\tquote', gold
    for ln in lines[1:]:
        f = ln.split('\t')
        if len(f) != 4:
            print(gold, 'bad line', ln); bad += 1; continue
        q = f[3]
        probs = []
        if len(q) > 120: probs.append('long %d' % len(q))
        if f[1] not in ('infrastructure', 'charity', 'sponsorship', 'one_time_event',
                        'human_development'): probs.append('category')
        if f[2] and not f[2].isdigit(): probs.append('amount')
        if h.count(q) != 1: probs.append('html x%d' % h.count(q))
        if p.count(q) != 1 and r.count(q) != 1: probs.append('pdf x%d/%d' % (p.count(q), r.count(q)))
        if probs:
            bad += 1
            print(os.path.basename(gold), f[0], probs, q)
print('problems:', bad)
sys.exit(1 if bad else 0)
