#!/usr/bin/env python3
"""PDF-side checks of the gold quotes (a helper of make.sh; verify.py is the source-side check).

For every NN-<slug>.gold.tsv (or the stems given as arguments):

1. "pieces": a quote must lie inside one piece of the PDF's text, where a piece is a run
   of lines of one pdftotext block (pdftotext -bbox-layout), cut at every line that ends
   in a hyphen. Blocks never span two pages, two columns or two table cells, so a quote
   found in one piece crosses no page, column or cell boundary and no hyphenated line
   break.  (This check is conservative: it also cuts at a line-final hyphen of a compound.)
2. "default": is the quote found as-is in `pdftotext` default-mode output, whitespace
   collapsed?  Quotes that are not found are expected for these layouts; they are listed
   in README.md.  For information the same is reported for `pdftotext -raw` and
   `pdftotext -layout`.

Usage: check_pdf.py [--quiet] [stem ...]
"""
import glob
import html
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def read_gold(stem):
    rows = []
    with open(os.path.join(HERE, stem + ".gold.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            line = line.rstrip("\n")
            if line:
                cid, cat, amt, q = line.split("\t")
                rows.append((cid, cat, amt, q))
    return rows


def lines_of(pdf):
    """Lines of every page as (page, x0, y0, x1, y1, text), words glued by their gaps."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    out = out.replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(out)
    res = []
    for pno, page in enumerate(root.iter("page"), 1):
        for line in page.iter("line"):
            # glue words that touch (pdftotext splits a word where the font changes,
            # e.g. a Kazakh letter taken from a fallback font)
            text = ""
            prev = None
            for w in line.iter("word"):
                x0, x1 = float(w.get("xMin")), float(w.get("xMax"))
                y0, y1 = float(w.get("yMin")), float(w.get("yMax"))
                if prev is not None:
                    text += "" if x0 - prev < 0.12 * (y1 - y0) else " "
                text += w.text or ""
                prev = x1
            res.append((pno, float(line.get("xMin")), float(line.get("yMin")),
                        float(line.get("xMax")), float(line.get("yMax")), text))
    return res


def merge_justified(ls):
    """pdftotext cuts a widely justified line into several one-word "lines". Glue the pieces
    of one baseline back together when together they span the same width as a neighbouring
    line (above or below) of the same paragraph; lines of two columns or two table cells
    never do, because no single neighbouring line spans both."""
    out = []
    pages = sorted(set(l[0] for l in ls))
    for pg in pages:
        L = [l for l in ls if l[0] == pg]
        groups = []
        for l in sorted(L, key=lambda l: (round(l[2], 0), l[1])):
            for g in groups:
                if abs(g[0][2] - l[2]) < 1.0 and abs(g[0][4] - l[4]) < 1.0:
                    g.append(l)
                    break
            else:
                groups.append([l])
        for g in groups:
            g.sort(key=lambda l: l[1])
            if len(g) == 1:
                out.append(g[0])
                continue
            h = g[0][4] - g[0][2]
            neigh = [l for l in L if l not in g and 0 < abs(l[2] - g[0][2]) < 2.5 * h]
            i = 0
            while i < len(g):
                done = False
                for j in range(len(g) - 1, i, -1):
                    x0, x1 = g[i][1], g[j][3]
                    if any(abs(n[3] - x1) < 3 and abs(n[1] - x0) < 45 for n in neigh):
                        text = " ".join(f[5] for f in g[i:j + 1])
                        out.append((pg, x0, g[i][2], x1, g[i][4], text))
                        i = j + 1
                        done = True
                        break
                if not done:
                    out.append(g[i])
                    i += 1
    return out


def pieces(pdf):
    """Chains of lines that follow each other geometrically (the next line directly below,
    overlapping horizontally, at ordinary line spacing), cut after a line ending in a hyphen.
    Independent of pdftotext's reading order: a chain never jumps to another column, page,
    table cell (cell padding makes the gap larger than line spacing) or sidebar."""
    ls = merge_justified(lines_of(pdf))
    succ = {}
    pred = {}
    for i, (p, x0, y0, x1, y1, t) in enumerate(ls):
        h = y1 - y0
        best = None
        for j, (q, a0, b0, a1, b1, u) in enumerate(ls):
            if q != p or j == i:
                continue
            gap = b0 - y1
            if gap < -0.3 * h or gap > 0.6 * h:
                continue
            ov = min(x1, a1) - max(x0, a0)
            if ov < 0.5 * min(x1 - x0, a1 - a0):
                continue
            if abs((b1 - b0) - h) > 0.35 * h:      # another font size: a heading, a note
                continue
            if best is None or b0 < ls[best][2]:
                best = j
        if best is not None and best not in pred:
            succ[i] = best
            pred[best] = i
    res = []
    for i in range(len(ls)):
        if i in pred:
            continue
        cur = []
        k = i
        seen = set()
        while k is not None and k not in seen:
            seen.add(k)
            t = ls[k][5]
            cur.append(t)
            if t.endswith("-") or t.endswith("\u00ad"):
                res.append((ls[k][0], ws(" ".join(cur))))
                cur = []
            k = succ.get(k)
        if cur:
            res.append((ls[i][0], ws(" ".join(cur))))
    return res


def default_text(pdf, *opts):
    out = subprocess.run(["pdftotext", *opts, pdf, "-"], capture_output=True, check=True).stdout
    return ws(out.decode("utf-8"))


def sentence_span(unit, q):
    """The text from the start of the quote to the end of its sentence or clause (";"),
    or, in a table, to the end of its row: what a reader reads in one go."""
    i = unit.index(q)
    rest = unit[i + len(q):]
    end = len(rest)
    for m in re.finditer(r"[;]|[.!?](?=\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«“\"(]|$)", rest):
        if m.group() == ";":
            end = m.start()
            break
        word = re.findall(r"(\S+)$", unit[:i + len(q) + m.start()])
        w = word[0] if word else ""
        if len(w.strip("()«»“”")) >= 4 or w.endswith(")"):
            end = m.start()
            break
    return unit[i:i + len(q) + end]


def probes(stem):
    """For every gold line: is the quote's whole sentence (clause, table row), which carries
    the amount, found as-is in pdftotext default output?"""
    import verify
    src = None
    for ext in (".docx",):
        if os.path.exists(os.path.join(HERE, stem + ext)):
            units = verify.docx_row_units(os.path.join(HERE, stem + ext))
            break
    else:
        _, units = verify.units_of(stem)
    dt = default_text(os.path.join(HERE, stem + ".pdf"))
    res = []
    for cid, cat, amt, q in read_gold(stem):
        unit = next(u for u in units if q in u)
        span = sentence_span(unit, q)
        res.append((cid, amt, span, span in dt))
    return res


def main(argv):
    if argv and argv[0] == "--probes":
        for stem in argv[1:] or sorted(os.path.basename(p)[:-9] for p in glob.glob(os.path.join(HERE, "*.gold.tsv"))):
            for cid, amt, span, ok in probes(stem):
                if not ok:
                    print(f"{cid}\t{amt or '-'}\tspan NOT FOUND\t{span}")
        return 0
    quiet = "--quiet" in argv
    stems = [a for a in argv if not a.startswith("--")]
    if not stems:
        stems = sorted(os.path.basename(p)[:-9] for p in glob.glob(os.path.join(HERE, "*.gold.tsv")))
    bad = 0
    for stem in stems:
        pdf = os.path.join(HERE, stem + ".pdf")
        ps = pieces(pdf)
        dt = default_text(pdf)
        rt = default_text(pdf, "-raw")
        lt = default_text(pdf, "-layout")
        for cid, cat, amt, q in read_gold(stem):
            inpiece = [p for p, t in ps if q in t]
            ok = bool(inpiece)
            d = q in dt
            if not ok:
                bad += 1
            if not quiet or not ok or not d:
                print(f"{stem}\t{cid}\tpieces={'ok' if ok else 'CROSSES'}"
                      f"{'(p' + ','.join(map(str, sorted(set(inpiece)))) + ')' if ok else ''}"
                      f"\tdefault={'found' if d else 'NOT FOUND'}"
                      f"\traw={'found' if q in rt else 'NOT FOUND'}"
                      f"\tlayout={'found' if q in lt else 'NOT FOUND'}\t{q}")
    print(f"# {bad} quote(s) not inside one piece")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
