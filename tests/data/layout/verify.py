#!/usr/bin/env python3
"""Source-side verification of the gold files of tests/data/layout (standard library only).

For every NN-<slug>.gold.tsv the visible text of the document's *source* is extracted in
reading order (the .tex without commands, the .fodt paragraphs, the HTML without markup,
the DOCX paragraphs and table cells), whitespace is collapsed, and every quote is checked:

* the header is clause_id, category, amount_kzt, quote; clause ids are NN.01, NN.02, ...;
  the category is one of the five; amount_kzt is an integer or empty;
* the quote is at most 120 characters and has no tab;
* it occurs exactly once in the document's visible text;
* it lies inside one unit of the source (a paragraph, heading, list item or table cell),
  so it crosses no cell boundary.

The PDF-side checks (no quote crosses a hyphenated line break, a column break or a page
break; which quotes pdftotext finds as-is) are in check_pdf.py.

Usage: verify.py [stem ...]     exit status 1 if anything fails
"""
import glob
import html.parser
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
CATS = {"infrastructure", "charity", "sponsorship", "one_time_event", "human_development"}


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------- LaTeX
def tex_units(path):
    src = open(path, encoding="utf-8").read()
    body = src.split(r"\begin{document}", 1)[1].split(r"\end{document}", 1)[0]
    body = re.sub(r"(?<!\\)%.*", "", body)
    body = re.sub(r"\\setcounter\{[^}]*\}\{[^}]*\}", "", body)
    body = re.sub(r"\\begin\{tabular\}\{[^}]*\}", "\n\n", body)
    body = re.sub(r"\\(begin|end)\{[^}]*\}(\[[^\]]*\])?", "\n\n", body)
    body = re.sub(r"\\(sub)*section\*?\{([^}]*)\}", r"\n\n\2\n\n", body)
    body = re.sub(r"\\(toprule|midrule|bottomrule|centering|sffamily|small|par|smallskip|noindent)\b", "\n\n", body)
    body = re.sub(r"\\(textbf|textit|emph|mbox)\{([^}]*)\}", r"\2", body)
    body = body.replace(r"\%", "%").replace(r"\&", "&").replace("~", " ")
    body = body.replace("\\\\", "\n\n").replace("&", "\n\n")   # table rows and cells
    body = body.replace("{", "").replace("}", "")
    if "\\" in body:
        raise SystemExit(f"{path}: unhandled command near {body[body.index(chr(92)):][:40]!r}")
    return [ws(u) for u in re.split(r"\n\s*\n", body) if ws(u)]


# ---------------------------------------------------------------- flat ODT
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def fodt_units(path):
    root = ET.parse(path).getroot()
    units = []
    for el in root.iter():
        if el.tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
            units.append(ws("".join(el.itertext())))
    return [u for u in units if u]


# ---------------------------------------------------------------- HTML
BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr",
         "table", "caption", "blockquote", "header", "footer", "nav", "article", "aside",
         "section", "br", "time", "body", "html", "hr"}


class _HTML(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units, self.cur, self.skip = [], [], 0

    def flush(self):
        t = ws("".join(self.cur))
        if t:
            self.units.append(t)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head", "title"):
            self.skip += 1
        elif tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head", "title"):
            self.skip -= 1
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def html_units(path):
    p = _HTML()
    p.feed(open(path, encoding="utf-8").read())
    p.flush()
    return p.units


# ---------------------------------------------------------------- DOCX
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _ptext(p):
    out = []
    for el in p.iter():
        if el.tag == f"{{{W}}}t":
            out.append(el.text or "")
        elif el.tag in (f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"):
            out.append(" ")
    return ws("".join(out))


def docx_units(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(f"{{{W}}}body")
    units = []

    def walk(el):
        for ch in el:
            if ch.tag == f"{{{W}}}p":
                t = _ptext(ch)
                if t:
                    units.append(t)
            elif ch.tag == f"{{{W}}}tbl":
                for tc in ch.iter(f"{{{W}}}tc"):
                    for p in tc.findall(f"{{{W}}}p"):
                        t = _ptext(p)
                        if t:
                            units.append(t)
    walk(body)
    return units


def docx_row_units(path):
    """Like docx_units, but a row of a data table (three or more columns) is one unit, its
    cells joined by spaces; used by check_pdf.py --probes."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(f"{{{W}}}body")
    units = []
    for ch in body:
        if ch.tag == f"{{{W}}}p":
            t = _ptext(ch)
            if t:
                units.append(t)
        elif ch.tag == f"{{{W}}}tbl":
            for tr in ch.iter(f"{{{W}}}tr"):
                cells = [ws(" ".join(_ptext(p) for p in tc.iter(f"{{{W}}}p")))
                         for tc in tr.findall(f"{{{W}}}tc")]
                if len(cells) <= 2:           # a layout table (parallel texts, signatures)
                    units.extend(c for c in cells if c)
                else:
                    t = ws(" ".join(cells))
                    if t:
                        units.append(t)
    return units


SOURCES = [(".tex", tex_units), (".fodt", fodt_units), (".html", html_units), (".docx", docx_units)]


def units_of(stem):
    for ext, fn in SOURCES:
        p = os.path.join(HERE, stem + ext)
        if os.path.exists(p):
            return os.path.basename(p), fn(p)
    raise SystemExit(f"{stem}: no source file")


def check(stem):
    errors = []
    src, units = units_of(stem)
    text = " ".join(units)
    nn = stem[:2]
    with open(os.path.join(HERE, stem + ".gold.tsv"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[0] != "clause_id\tcategory\tamount_kzt\tquote":
        errors.append("bad header")
    rows = [l for l in lines[1:] if l]
    for i, line in enumerate(rows, 1):
        parts = line.split("\t")
        if len(parts) != 4:
            errors.append(f"line {i}: {len(parts)} fields")
            continue
        cid, cat, amt, q = parts
        if cid != f"{nn}.{i:02d}":
            errors.append(f"{cid}: expected {nn}.{i:02d}")
        if cat not in CATS:
            errors.append(f"{cid}: unknown category {cat}")
        if amt and not re.fullmatch(r"[1-9][0-9]*", amt):
            errors.append(f"{cid}: bad amount {amt!r}")
        if len(q) > 120:
            errors.append(f"{cid}: quote has {len(q)} characters")
        if q != ws(q):
            errors.append(f"{cid}: quote has extra whitespace")
        n = text.count(q)
        if n != 1:
            errors.append(f"{cid}: quote occurs {n} times in the visible text of {src}: {q}")
        elif not any(q in u for u in units):
            errors.append(f"{cid}: quote crosses a paragraph or cell boundary of {src}: {q}")
    return src, len(rows), errors


def main(argv):
    stems = argv or sorted(os.path.basename(p)[:-9] for p in glob.glob(os.path.join(HERE, "*.gold.tsv")))
    total, bad = 0, 0
    for stem in stems:
        src, n, errors = check(stem)
        total += n
        bad += len(errors)
        print(f"{stem}: {n} gold lines, source {src}: {'OK' if not errors else 'FAIL'}")
        for e in errors:
            print("   ", e)
    print(f"# {total} gold lines, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
