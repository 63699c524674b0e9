# Spreadsheets as Calc and Excel users lay them out, for the reading of their PDFs (issue 13):
# a header row (wrapped titles), section rows (text in the first cell or two only, merged
# across the table or not), items with wrapped names, several money columns, subtotals and
# a total, and a table long enough to break across pages with its header repeated on each.
# Run with /usr/bin/python3 (python3-openpyxl); make.sh turns them into PDFs with LibreOffice.
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "Liberation Sans"


def sheet(ws, title, unit, header, widths, rows, merge_sections, landscape=True):
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(65 + i)].width = w
    ws.cell(1, 1, title).font = Font(name=F, bold=True, size=12)
    ws.cell(2, 1, unit).font = Font(name=F, italic=True, size=9)
    r = 4
    for c, v in enumerate(header, 1):
        cell = ws.cell(r, c, v)
        cell.font = Font(name=F, bold=True, size=9)
        cell.border = box
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[r].height = 36
    ws.print_title_rows = "$%d:$%d" % (r, r)
    r += 1
    n = len(header)
    for kind, values in rows:
        if kind == "s":
            for c in range(1, n + 1):
                ws.cell(r, c).border = box
            for c, v in enumerate(values, 1):
                ws.cell(r, c, v).font = Font(name=F, bold=True, size=9)
            if merge_sections:
                ws.merge_cells(start_row=r, start_column=len(values), end_row=r, end_column=n)
        else:
            for c, v in enumerate(values, 1):
                cell = ws.cell(r, c, v)
                cell.border = box
                cell.font = Font(name=F, bold=(kind == "t"), size=9)
                cell.alignment = Alignment(vertical="top", wrap_text=True,
                                           horizontal="right" if isinstance(v, float) else None)
                if isinstance(v, float):
                    cell.number_format = "#,##0.0"
        r += 1
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


# 01: English, section rows merged across the table, row numbers, three money columns and a
# comment, wrapped names; two pages, the header repeated.
wb = Workbook()
ws = wb.active
ws.title = "Social investment"
items = {
    "A. Social infrastructure": [
        ("Construction of a kindergarten for 280 places in the Samal district of Pavlodar, "
         "design documents and the building works of the first stage", "Pavlodar", 1200000.0, 1180000.0),
        ("Capital repair of the roof and heating of secondary school No. 12", "Aksu", 95000.0, 93400.0),
        ("Replacement of 3.2 km of water supply networks in the village of Kalkaman", "Kalkaman", 310000.0, 305250.5),
        ("Landscaping of the Central park: lighting, paths and a children's playground", "Ekibastuz", 150000.0, 148000.0),
    ],
    "B. Charity": [
        ("Purchase of an ultrasound scanner for the regional children's hospital", "Pavlodar", 85000.0, 84200.0),
        ("Transfer to the corporate charitable foundation for the programme of aid to large families", "Pavlodar region", 120000.0, 120000.0),
        ("Musical instruments and stage costumes for the House of Culture", "Maikain", 12000.0, 11850.0),
    ],
    "C. Sponsorship": [
        ("Sponsorship of the football club Irtysh for the 2023 season", "Pavlodar", 400000.0, 400000.0),
        ("Support of the national dombra ensemble Saryarka for a festival abroad", "Pavlodar", 8000.0, 7600.0),
    ],
    "D. Events": [
        ("Celebration of the City Day: concert, fireworks and a fair", "Aksu", 25000.0, 24300.0),
        ("New Year gifts for children from low-income families (2,400 gifts)", "Pavlodar region", 14400.0, 14400.0),
    ],
    "E. Human development": [
        ("Corporate scholarships for 60 students of Toraighyrov University in mining and metallurgy", "Pavlodar", 21600.0, 21600.0),
        ("Paid internships of college students at the company's plants (150 students)", "Aksu, Ekibastuz", 18000.0, 17250.0),
        ("Career guidance days for senior pupils of rural schools", "Pavlodar region", 3000.0, 2800.0),
        ("Corporate volunteering: tree planting and help to veterans (900 employees)", "Pavlodar, Aksu", 1500.0, 1450.0),
    ],
}
rows, n = [], 0
for sect, its in items.items():
    rows.append(("s", [sect]))
    plan = fact = 0.0
    for name, place, p, f in its:
        n += 1
        rows.append(("i", [str(n), name, place, p * 0.9, p, f, ""]))
        plan += p
        fact += f
    rows.append(("t", ["", "Subtotal " + sect[0], "", None, plan, fact, ""]))
rows.append(("t", ["", "TOTAL", "", None, sum(p for s in items.values() for _, _, p, _ in s),
                   sum(f for s in items.values() for _, _, _, f in s), ""]))
# more of the same, so that the table runs onto a second page
sheet(ws, "Pavlodar Aluminium JSC — Social investment under the Memorandum, 2023",
      "KZT thousand",
      ["No.", "Project", "Location", "Actual 2022, KZT thousand", "Plan 2023, KZT thousand",
       "Actual 2023, KZT thousand", "Comment"],
      [6, 60, 18, 14, 14, 14, 20], rows, True)
for r in range(5, ws.max_row + 1):
    ws.row_dimensions[r].height = 27
wb.save("01-pavlodar-aluminium-social-2023-en.xlsx")

def ru(v):
    """A figure as a Russian table types it: "870 500,0"."""
    if not isinstance(v, float):
        return v
    return ("{:,.1f}".format(v)).replace(",", " ").replace(".", ",")


# 02: Russian, section rows with text in the first two cells only (not merged), no total
# row per section, the unit in the header cells.
wb = Workbook()
ws = wb.active
ws.title = "Исполнение"
rows = [
    ("s", ["1.", "Социальная инфраструктура"]),
    ("i", ["1.1", "Строительство спортивного комплекса с бассейном в мкр. Сарыарка", "г. Темиртау", 900000.0, 870500.0, "Введен в эксплуатацию"]),
    ("i", ["1.2", "Ремонт дорог и дворов по ул. Абая и ул. Мира", "г. Темиртау", 250000.0, 248300.0, ""]),
    ("s", ["2.", "Благотворительная помощь"]),
    ("i", ["2.1", "Приобретение реанимобиля для городской больницы", "г. Темиртау", 45000.0, 44800.0, ""]),
    ("i", ["2.2", "Перечисление в общественный фонд «Шахтерские семьи»", "г. Шахтинск", 60000.0, 60000.0, ""]),
    ("s", ["3.", "Спонсорская поддержка"]),
    ("i", ["3.1", "Спонсорская поддержка хоккейного клуба «Темиртау»", "г. Темиртау", 350000.0, 350000.0, ""]),
    ("s", ["4.", "Праздничные мероприятия"]),
    ("i", ["4.1", "Проведение Дня металлурга", "г. Темиртау", 40000.0, 38750.0, ""]),
    ("s", ["5.", "Развитие человеческого капитала"]),
    ("i", ["5.1", "Стипендии студентам Карагандинского индустриального университета (50 студентов)", "г. Темиртау", 15000.0, 15000.0, ""]),
    ("i", ["5.2", "Производственная практика студентов колледжей", "г. Темиртау", 6000.0, 5400.0, ""]),
    ("t", ["", "ВСЕГО", "", 1666000.0, 1632750.0, ""]),
]
sheet(ws, "Исполнение Меморандума АО «АрселорМиттал Темиртау» за 2019 год",
      "тыс. тенге",
      ["№", "Наименование мероприятия", "Населенный пункт", "План, тыс. тенге",
       "Факт, тыс. тенге", "Примечание"],
      [6, 56, 18, 14, 14, 24],
      [(k, [ru(v) for v in vs]) for k, vs in rows], False)
wb.save("02-amt-temirtau-execution-2019-ru.xlsx")
