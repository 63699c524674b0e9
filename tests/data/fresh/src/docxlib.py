"""Small helpers shared by the DOCX generators (python3-docx)."""
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

LEFT = WD_ALIGN_PARAGRAPH.LEFT
CENTER = WD_ALIGN_PARAGRAPH.CENTER
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def new_document(font="Times New Roman", size=12, margins=(2.0, 1.5, 2.0, 3.0), landscape=False):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    for k in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(k), font)
    pf = st.paragraph_format
    pf.space_after = Pt(0)
    pf.space_before = Pt(0)
    pf.line_spacing = 1.0
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    top, right, bottom, left = margins
    sec.top_margin, sec.right_margin = Cm(top), Cm(right)
    sec.bottom_margin, sec.left_margin = Cm(bottom), Cm(left)
    return doc


def para(doc, text="", align=JUSTIFY, bold=False, italic=False, size=None, indent=1.25,
         space_after=0, space_before=0, keep=False):
    """Add a paragraph. `text` may be a list of (text, style) runs, style in '', 'b', 'i', 'bi'."""
    p = doc.add_paragraph()
    p.alignment = align
    pf = p.paragraph_format
    if indent:
        pf.first_line_indent = Cm(indent)
    pf.space_after = Pt(space_after)
    pf.space_before = Pt(space_before)
    if keep:
        pf.keep_with_next = True
    runs = text if isinstance(text, list) else [(text, ("b" if bold else "") + ("i" if italic else ""))]
    for t, s in runs:
        r = p.add_run(t)
        r.bold = "b" in s
        r.italic = "i" in s
        if size:
            r.font.size = Pt(size)
    return p


def table(doc, rows, widths, header_rows=1, size=10, bold_rows=(), aligns=None, shade_rows=()):
    t = doc.add_table(rows=len(rows), cols=len(widths))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, row in enumerate(rows):
        cells = t.rows[i].cells
        if len(row) == 1:  # a full-width row (section heading)
            c = cells[0].merge(cells[-1])
            row = [row[0]]
            cells = [c]
        for j, val in enumerate(row):
            c = cells[j]
            c.text = ""
            p = c.paragraphs[0]
            if aligns and len(row) == len(widths):
                p.alignment = aligns[j]
            if i < header_rows:
                p.alignment = CENTER
            r = p.add_run(val)
            r.font.size = Pt(size)
            r.bold = i < header_rows or i in bold_rows
            if i in shade_rows:
                tcpr = c._tc.get_or_add_tcPr()
                shd = tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): "EEEEEE"})
                tcpr.append(shd)
    for j, col in enumerate(t.columns):
        col.width = Cm(widths[j])
    grid = t._tbl.tblGrid
    for j, gc in enumerate(grid.findall(qn("w:gridCol"))):
        gc.set(qn("w:w"), str(int(widths[j] * 567)))
    for row in t.rows:
        for j, tc in enumerate(row._tr.tc_lst):
            span = tc.grid_span
            w = sum(widths[j:j + span]) if len(row._tr.tc_lst) < len(widths) else widths[j]
            tc.width = Cm(w)
    return t
