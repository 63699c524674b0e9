#!/usr/bin/python3
"""Build a DOCX from the small line markup used in src/*.txt.

Markup (one block per line, blank lines ignored):
  @landscape            page in landscape A4 (directive, anywhere)
  @size N               base font size in pt (default 12)
  :c text               centred paragraph
  :r text               right-aligned paragraph
  :h text               bold heading paragraph
  :fn text              footnote-size paragraph (9 pt)
  :sig left | right     two-column signature block without borders
  | a | b | c           table row; consecutive rows form one table; the first
                        row is the header (bold); a row starting with '|!' is bold
  @tsize N              font size of table cells (default 10)
  @widths 5,50,15,...   relative column widths of the next table
  anything else         body paragraph (left-aligned: LibreOffice's justified
                        lines with wide gaps make pdftotext split them)
Inline: **bold**, ^{x} superscript, '//' line break.
"""
import re
import sys

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"


def add_runs(par, text, size, bold=False):
    for li, line in enumerate(text.split("//")):
        if li:
            par.add_run().add_break()
        for tok in re.split(r"(\*\*.*?\*\*|\^\{.*?\})", line.strip()):
            if not tok:
                continue
            if tok.startswith("**"):
                r = par.add_run(tok[2:-2])
                r.bold = True
            elif tok.startswith("^{"):
                r = par.add_run(tok[2:-1])
                r.font.superscript = True
                r.bold = bold
            else:
                r = par.add_run(tok)
                r.bold = bold
            r.font.name = FONT
            r.font.size = Pt(size)
            rpr = r._element.get_or_add_rPr()
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                rpr.append(fonts)
            for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(a), FONT)


def para(doc, text, size, align=WD_ALIGN_PARAGRAPH.LEFT, bold=False, space=6):
    p = doc.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(space)
    p.paragraph_format.space_before = Pt(0)
    add_runs(p, text, size, bold)
    return p


NUM = re.compile(r"^[\s\d,–—\-]+(,\d)?$")


def set_borders(table, on=True):
    tbl = table._tbl
    tblPr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement("w:" + edge)
        e.set(qn("w:val"), "single" if on else "nil")
        if on:
            e.set(qn("w:sz"), "4")
            e.set(qn("w:color"), "000000")
        borders.append(e)
    tblPr.append(borders)


def flush_table(doc, rows, tsize, widths, usable_cm):
    ncol = max(len(r[1]) for r in rows)
    t = doc.add_table(rows=0, cols=ncol)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_borders(t, True)
    if widths is None:
        widths = [1] * ncol
    tot = float(sum(widths))
    cw = [Cm(usable_cm * w / tot) for w in widths]
    for ri, (bold, cells) in enumerate(rows):
        row = t.add_row()
        for ci in range(ncol):
            txt = cells[ci] if ci < len(cells) else ""
            cell = row.cells[ci]
            cell.width = cw[ci]
            p = cell.paragraphs[0]
            p.paragraph_format.space_after = Pt(2)
            if ri == 0:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif txt and NUM.match(txt) and ci > 0:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            else:
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            add_runs(p, txt, tsize, bold or ri == 0)
    t.autofit = False
    for ci, col in enumerate(t.columns):
        col.width = cw[ci]
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def sig(doc, text, size):
    left, right = [s.strip() for s in text.split("|", 1)]
    t = doc.add_table(rows=1, cols=2)
    set_borders(t, False)
    for i, s in enumerate((left, right)):
        p = t.rows[0].cells[i].paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.RIGHT
        add_runs(p, s, size)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def build(src, out):
    lines = open(src, encoding="utf-8").read().splitlines()
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    size, tsize, widths = 12, 10, None
    if any(l.strip() == "@landscape" for l in lines):
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        sec.left_margin = sec.right_margin = Cm(1.5)
        sec.top_margin = sec.bottom_margin = Cm(1.5)
    usable = (sec.page_width - sec.left_margin - sec.right_margin) / 360000.0
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(size)
    rows = []
    for raw in lines + [""]:
        line = raw.rstrip()
        if rows and not line.startswith("|"):
            flush_table(doc, rows, tsize, widths, usable)
            rows, widths = [], None
        if not line.strip():
            continue
        if line.startswith("@"):
            parts = line.split()
            if parts[0] == "@size":
                size = float(parts[1])
                style.font.size = Pt(size)
            elif parts[0] == "@tsize":
                tsize = float(parts[1])
            elif parts[0] == "@widths":
                widths = [float(x) for x in parts[1].split(",")]
            continue
        if line.startswith("|"):
            bold = line.startswith("|!")
            body = line[2:] if bold else line[1:]
            cells = [c.strip() for c in body.split("|")]
            if cells and cells[-1] == "":
                cells = cells[:-1]
            rows.append((bold, cells))
        elif line.startswith(":c "):
            para(doc, line[3:], size, WD_ALIGN_PARAGRAPH.CENTER)
        elif line.startswith(":r "):
            para(doc, line[3:], size, WD_ALIGN_PARAGRAPH.RIGHT)
        elif line.startswith(":h "):
            para(doc, line[3:], size, WD_ALIGN_PARAGRAPH.LEFT, bold=True, space=4)
        elif line.startswith(":fn "):
            para(doc, line[4:], 9, WD_ALIGN_PARAGRAPH.LEFT, space=2)
        elif line.startswith(":sig "):
            sig(doc, line[5:], size)
        else:
            para(doc, line, size)
    doc.core_properties.title = ""
    doc.core_properties.author = ""
    doc.core_properties.comments = "written for evaluating Kelisim's promise-delivery linking"
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
