#!/usr/bin/python3
"""Verify the gold files of /work/sets/fresh31 against the PDFs' text layers.

A quote of a bilingual document may give both languages' quotes separated by " ||| "
(Russian first, then Kazakh); each alternative is checked on its own.

For every NN-<slug>.gold.tsv: header, clause ids, categories, amounts; each quote
<= 120 characters, no tab, no leading/trailing space, found exactly once in the
whole document and inside a single page, in both `pdftotext` (default) and
`pdftotext -raw` output, with whitespace collapsed.

Scans (listed in scans.tsv: scan stem -> source stem) have no text layer: the scan
PDF must give no text, its gold must equal the source's gold line for line (apart
from the clause-id prefix), and its quotes are checked against the SOURCE PDF.

Also checks corporations.tsv and usd.txt (dollars x rate, the rate the document
states, listed in RATES, else 450), and prints the answer key with --key.
"""
import glob, os, re, subprocess, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CATS = ["infrastructure", "charity", "sponsorship", "one_time_event", "human_development"]
# documents that state their own exchange rate (DESIGN.md: the document's rate wins)
RATES = {"03": 452.3}


def text(pdf, raw):
    args = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if raw else []) + [pdf, "-"]
    out = subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")
    pages = [" ".join(p.split()) for p in out.split("\f")]
    return " ".join(p for p in pages if p), pages


def load_tsv(name):
    rows = []
    for line in open(os.path.join(HERE, name), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


def corp_of(rules, stem, cid):
    for key, corp in rules:
        if ":" in key:
            doc, pre = key.split(":", 1)
            if stem.startswith(doc) and cid.startswith(pre):
                return corp
        elif stem.startswith(key):
            return corp
    return None


def read_gold(path):
    return [r for r in open(path, encoding="utf-8").read().split("\n")]


def main():
    errors = 0
    rules = [tuple(r) for r in load_tsv("corporations.tsv")]
    scans = {r[0]: r[1] for r in load_tsv("scans.tsv")}
    usd = {(r[0], r[1]): float(r[2]) for r in load_tsv("usd.txt")}
    seen_usd = set()
    key = defaultdict(lambda: [0, 0, 0])      # (corp, cat) -> sum, lines, with amount
    perdoc = defaultdict(lambda: [0, 0])
    total = 0
    for gold in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.gold.tsv"))):
        stem = os.path.basename(gold)[:-len(".gold.tsv")]
        nn = stem[:2]
        pdf = os.path.join(HERE, stem + ".pdf")
        if not os.path.exists(pdf):
            print(f"{stem}: no PDF"); errors += 1; continue
        rows = read_gold(gold)
        qpdf = pdf
        if stem in scans:
            src = scans[stem]
            qpdf = os.path.join(HERE, src + ".pdf")
            if text(pdf, False)[0].strip():
                print(f"{stem}: scan has a text layer"); errors += 1
            srows = [r for r in read_gold(os.path.join(HERE, src + ".gold.tsv")) if r]
            mine = [r for r in rows if r]
            if len(srows) != len(mine) or any(
                    a.split("\t", 1)[1] != b.split("\t", 1)[1] for a, b in zip(srows[1:], mine[1:])):
                print(f"{stem}: gold differs from its source {src}"); errors += 1
        modes = {"default": text(qpdf, False), "raw": text(qpdf, True)}
        if rows[0] != "clause_id\tcategory\tamount_kzt\tquote":
            print(f"{stem}: bad header"); errors += 1
        n = 0
        for row in rows[1:]:
            if not row:
                continue
            n += 1
            f = row.split("\t")
            if len(f) != 4:
                print(f"{stem}: bad row {row!r}"); errors += 1; continue
            cid, cat, amt, q = f
            if cid != f"{nn}.{n:02d}":
                print(f"{stem}: clause id {cid}, expected {nn}.{n:02d}"); errors += 1
            if cat not in CATS:
                print(f"{stem} {cid}: bad category {cat}"); errors += 1
            if amt and not re.fullmatch(r"[1-9][0-9]*", amt):
                print(f"{stem} {cid}: bad amount {amt}"); errors += 1
            for alt in q.split(" ||| "):
                if len(alt) > 120 or alt != alt.strip() or "  " in alt or not alt or "|||" in alt:
                    print(f"{stem} {cid}: bad quote shape ({len(alt)} chars)"); errors += 1
                for mode, (full, pages) in modes.items():
                    c = full.count(alt)
                    if c != 1:
                        print(f"{stem} {cid} [{mode}]: found {c} times: {alt}"); errors += 1
                    elif not any(alt in p for p in pages):
                        print(f"{stem} {cid} [{mode}]: crosses a page break: {alt}"); errors += 1
            corp = corp_of(rules, stem, cid)
            if corp is None:
                print(f"{stem} {cid}: no corporation"); errors += 1
            if (stem, cid) in usd:
                seen_usd.add((stem, cid))
                rate = RATES.get(nn, RATES.get(scans.get(stem, "")[:2], 450))
                if not amt or int(amt) != round(usd[(stem, cid)] * rate):
                    print(f"{stem} {cid}: USD line not at {rate}"); errors += 1
            a = int(amt) if amt else 0
            if stem not in scans:     # a scan repeats its source: not counted twice
                k = key[(corp, cat)]
                k[0] += a; k[1] += 1; k[2] += 1 if amt else 0
            perdoc[(stem, cat)][0] += a; perdoc[(stem, cat)][1] += 1
            total += 1
        print(f"{stem}: {n} lines" + (f" (scan of {scans[stem][:2]})" if stem in scans else ""))
    for k in usd:
        if k not in seen_usd:
            print(f"usd.txt: {k} has no gold line"); errors += 1
    print(f"total gold lines: {total}; errors: {errors}")
    if "--key" in sys.argv:
        corps = sorted({c for c, _ in key})
        print("| Corporation | " + " | ".join(CATS) + " | all categories |")
        print("|---|" + "---:|" * (len(CATS) + 1))
        for c in corps:
            cells, s, l = [], 0, 0
            for cat in CATS:
                v = key.get((c, cat), [0, 0, 0])
                cells.append(f"{v[0]} ({v[1]}; {v[2]} with amount)")
                s += v[0]; l += v[1]
            print(f"| {c} | " + " | ".join(cells) + f" | {s} ({l}) |")
        cells, s, n_all = [], 0, 0
        for cat in CATS:
            v = [sum(key[(c, cat)][i] for c in corps if (c, cat) in key) for i in range(3)]
            cells.append(f"{v[0]} ({v[1]})"); s += v[0]; n_all += v[1]
        print("| **All (without scans)** | " + " | ".join(cells) + f" | {s} ({n_all}) |")
        print()
        stems = sorted({s for s, _ in perdoc})
        print("| Doc | " + " | ".join(CATS) + " | lines |")
        print("|---|" + "---:|" * (len(CATS) + 1))
        for st in stems:
            cells, l = [], 0
            for cat in CATS:
                v = perdoc.get((st, cat), [0, 0])
                cells.append(f"{v[0]} ({v[1]})"); l += v[1]
            print(f"| {st[:2]} | " + " | ".join(cells) + f" | {l} |")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
