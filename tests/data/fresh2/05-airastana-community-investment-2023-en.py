# Source of 05-airastana-community-investment-2023-en (XLSX, then LibreOffice Calc PDF):
# a sustainability-report annex table, KZT thousand, with prior-year, budget and actual columns.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "Annex 4"

thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
head_fill = PatternFill("solid", fgColor="D9E2F3")
sect_fill = PatternFill("solid", fgColor="F2F2F2")
F = "Liberation Sans"

widths = {"A": 6, "B": 58, "C": 22, "D": 13, "E": 13, "F": 13, "G": 30}


def fit_height(row, values):
    """Set a row's height from the longest wrapped text (9 pt font)."""
    import math
    n = 1
    for col, v in zip("ABCDEFG", values):
        if v and col not in "DEF":
            n = max(n, math.ceil(len(v) / (widths[col] * 1.1)))
    ws.row_dimensions[row].height = 12.5 * n
for col, w in widths.items():
    ws.column_dimensions[col].width = w

r = 1
ws.cell(r, 1, "Air Astana JSC — Sustainability Report 2023").font = Font(name=F, bold=True, size=13)
r += 1
ws.cell(r, 1, "Annex 4. Community investment by project, 2023").font = Font(name=F, bold=True, size=11)
r += 1
ws.cell(r, 1, "All amounts in KZT thousand, excluding VAT").font = Font(name=F, italic=True, size=9)
r += 2

header = ["No.", "Project", "Beneficiary / location", "Actual 2022, KZT thousand",
          "Budget 2023, KZT thousand", "Actual 2023, KZT thousand", "Comment"]
for c, v in enumerate(header, 1):
    cell = ws.cell(r, c, v)
    cell.font = Font(name=F, bold=True, size=9)
    cell.fill = head_fill
    cell.border = box
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
ws.row_dimensions[r].height = 38
r += 1

# kind: "s" section row, "t" subtotal/total row, "i" item row
rows = [
    ("s", "A. Social infrastructure"),
    ("i", ["1", "Renovation of the sports ground of Boarding School No. 3", "Astana",
           "—", "45 000", "41 500", "completed in August"]),
    ("s", "B. Charitable programmes"),
    ("i", ["2", "“Fly with Care”: free air tickets for children travelling for medical treatment (312 tickets)",
           "Kazakhstan", "151 200", "180 000", "182 450", ""]),
    ("i", ["3", "Donation to the Public Foundation “Umit Zhuldyzy” (support for children with autism)",
           "Almaty", "40 000", "50 000", "50 000", ""]),
    ("i", ["4", "Medical rehabilitation equipment for the Talgar Rehabilitation Centre for Children",
           "Almaty Region, Talgar", "—", "40 000", "36 800", ""]),
    ("t", ["", "Subtotal B", "", "191 200", "270 000", "269 250", ""]),
    ("s", "C. Sports and culture"),
    ("i", ["5", "Sponsorship of the national judo team (air travel to international tournaments)",
           "Kazakhstan", "80 000", "95 000", "95 000", ""]),
    ("i", ["6", "Official air carrier sponsorship of the Almaty Marathon 2023", "Almaty",
           "55 000", "60 000", "60 000", ""]),
    ("i", ["7", "Support of the folk-craft workshop “Sheber Qolder” (felt and leather crafts)",
           "Astana", "—", "5 000", "4 200", ""]),
    ("t", ["", "Subtotal C", "", "135 000", "160 000", "159 200", ""]),
    ("s", "D. Education and youth"),
    ("i", ["8", "Scholarships for students of the Academy of Civil Aviation (40 students)",
           "Almaty", "25 600", "28 800", "28 800", ""]),
    ("i", ["9", "“Sky Class” career guidance days for schoolchildren", "Astana, Almaty, Atyrau",
           "2 400", "3 500", "3 100", ""]),
    ("i", ["10", "Internships for university students in engineering and commercial departments (65 students)",
           "Astana, Almaty", "—", "—", "—", "no direct cost"]),
    ("i", ["11", "Corporate volunteering programme “Wings of Kindness” (1,350 employees)",
           "Kazakhstan", "—", "—", "—", "no direct cost"]),
    ("t", ["", "Subtotal D", "", "28 000", "32 300", "31 900", ""]),
    ("s", "E. Events"),
    ("i", ["12", "New Year gifts for children from orphanages (600 gifts)", "Astana, Almaty",
           "8 200", "9 000", "9 000", ""]),
    ("i", ["13", "Astana City Day air show", "Astana", "20 000", "25 000", "0",
           "postponed to 2024 at the organiser’s request"]),
    ("t", ["", "Subtotal E", "", "28 200", "34 000", "9 000", ""]),
    ("t", ["", "TOTAL COMMUNITY INVESTMENT", "", "382 400", "541 300", "510 850", ""]),
]

for kind, val in rows:
    if kind == "s":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
        cell = ws.cell(r, 1, val)
        cell.font = Font(name=F, bold=True, size=9)
        cell.fill = sect_fill
        for c in range(1, 8):
            ws.cell(r, c).border = box
        r += 1
        continue
    for c, v in enumerate(val, 1):
        cell = ws.cell(r, c, v)
        cell.font = Font(name=F, size=9, bold=(kind == "t"))
        cell.border = box
        horiz = "right" if c in (4, 5, 6) else ("center" if c == 1 else "left")
        cell.alignment = Alignment(horizontal=horiz, vertical="top", wrap_text=(c not in (4, 5, 6)))
    fit_height(r, val)
    r += 1

r += 1
ws.cell(r, 1, "Memorandum items, not included in community investment").font = Font(name=F, bold=True, size=9)
r += 1
memo = [
    ["M1", "Mandatory recurrent safety and emergency procedures training of flight and cabin crew",
     "", "1 105 000", "1 200 000", "1 240 600", "regulatory requirement"],
    ["M2", "Ab-initio pilot training programme (cadets for the Air Astana fleet)",
     "", "3 540 000", "3 900 000", "3 870 000", "staffing of the company"],
    ["M3", "Corporate income tax and payroll taxes paid", "", "38 900 000", "—", "41 600 000", ""],
]
for val in memo:
    for c, v in enumerate(val, 1):
        cell = ws.cell(r, c, v)
        cell.font = Font(name=F, size=9)
        cell.border = box
        horiz = "right" if c in (4, 5, 6) else ("center" if c == 1 else "left")
        cell.alignment = Alignment(horizontal=horiz, vertical="top", wrap_text=(c not in (4, 5, 6)))
    fit_height(r, val)
    r += 1

r += 1
notes = [
    "Notes: 1. Actual 2022 figures are shown for comparison only.",
    "2. Air tickets under “Fly with Care” are valued at the published economy fare.",
    "3. The Astana City Day air show was postponed to 2024 at the request of the organiser.",
]
for n in notes:
    ws.cell(r, 1, n).font = Font(name=F, size=8)
    r += 1

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
ws.print_area = f"A1:G{r}"
ws.oddFooter.center.text = "Page &P of &N"
wb.save(sys.argv[1])
