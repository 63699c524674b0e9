# 07: the Pavlodar Region akimat's summary table of two groups' 2022 social-partnership memoranda
# (ERG enterprises; KAZ Minerals Bozshakol), subtotal per company and a grand total, landscape.
# kk. openpyxl -> XLSX -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "Жиынтық"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "Liberation Sans"

ws.merge_cells("A1:F1")
ws["A1"] = "ПАВЛОДАР ОБЛЫСЫНЫҢ ӘКІМДІГІ · Экономика және бюджеттік жоспарлау басқармасы"
ws["A1"].font = Font(name=F, size=10, bold=True)
ws.merge_cells("A2:F2")
ws["A2"] = ("Ірі кәсіпорындармен 2022 жылға жасалған әлеуметтік әріптестік туралы меморандумдардың "
            "жиынтығы (2022 жылғы 1 наурыздағы жағдай бойынша)")
ws["A2"].font = Font(name=F, size=11, bold=True)
ws["A2"].alignment = Alignment(wrap_text=True)
ws.row_dimensions[2].height = 30

head = ["№", "Кәсіпорын", "Іс-шара", "Елді мекен", "Сомасы, мың теңге", "Ескертпе"]
rows = [
    ("sec", "Eurasian Resources Group (ERG) кәсіпорындары"),
    ("1", "«Еуразиялық энергетикалық корпорация» АҚ", "Ақсу қаласындағы № 3 мектептің спорт залын салу",
     "Ақсу қ.", "265 000", ""),
    ("2", "«ТҰК «Қазхром» АҚ Ақсу ферроқорытпа зауыты", "Ақсу қалалық ауруханасына медициналық жабдық сатып алу",
     "Ақсу қ.", "38 500", ""),
    ("3", "«Қазақстан алюминийі» АҚ", "«Ертіс» хоккей клубының балалар командаларына демеушілік көмек",
     "Павлодар қ.", "150 000", ""),
    ("4", "ERG", "Ақсу қаласының күнін мерекелеу", "Ақсу қ.", "12 000", ""),
    ("5", "ERG", "Мектеп түлектеріне арналған «Тәлімгер» тәлімгерлік бағдарламасы", "Ақсу қ., Павлодар қ.", "—",
     "қаржылай емес"),
    ("sub", "ERG бойынша жиыны", "465 500"),
    ("sec", "KAZ Minerals"),
    ("6", "«KAZ Minerals Bozshakol» ЖШС", "Бозшакөл ауылында су құбырын реконструкциялау", "Екібастұз ауданы",
     "180 000", ""),
    ("7", "«KAZ Minerals Bozshakol» ЖШС", "Екібастұз қаласының мәдениет үйіне музыкалық аспаптар сатып алу",
     "Екібастұз қ.", "9 200", ""),
    ("8", "«KAZ Minerals Bozshakol» ЖШС", "Екібастұз политехникалық колледжінің 25 студентіне шәкіртақы",
     "Екібастұз қ.", "15 000", ""),
    ("9", "«KAZ Minerals Bozshakol» ЖШС", "Бозшакөл ауылында спорт кешенін салу", "Екібастұз ауданы", "—",
     "2023 жылға ауыстырылды; жер учаскесін аудан әкімдігі бөледі"),
    ("10", "«KAZ Minerals Bozshakol» ЖШС", "Өндірістік экологиялық бақылау бағдарламасы", "Екібастұз ауданы",
     "54 000", "негізгі қызмет (экология заңнамасының талабы)"),
    ("sub", "KAZ Minerals бойынша жиыны", "258 200"),
    ("sub", "БАРЛЫҒЫ", "723 700"),
]
widths = [5, 30, 52, 20, 14, 34]
for i, w in enumerate(widths):
    ws.column_dimensions["ABCDEF"[i]].width = w
r = 4
for c, h in enumerate(head, 1):
    cell = ws.cell(row=r, column=c, value=h)
    cell.font = Font(name=F, size=10, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cell.border = box
ws.row_dimensions[r].height = 30
for row in rows:
    r += 1
    if row[0] == "sec":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        ws.cell(row=r, column=1, value=row[1]).font = Font(name=F, size=10, bold=True, italic=True)
        for c in range(1, 7):
            ws.cell(row=r, column=c).border = box
        continue
    if row[0] == "sub":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        ws.cell(row=r, column=1, value=row[1]).font = Font(name=F, size=10, bold=True)
        ws.cell(row=r, column=5, value=row[2]).font = Font(name=F, size=10, bold=True)
        ws.cell(row=r, column=5).alignment = Alignment(horizontal="right")
        for c in range(1, 7):
            ws.cell(row=r, column=c).border = box
        continue
    longest = 0
    for c, v in enumerate(row, 1):
        cell = ws.cell(row=r, column=c, value=v)
        cell.font = Font(name=F, size=10)
        cell.border = box
        cell.alignment = Alignment(vertical="top", wrap_text=True,
                                   horizontal="right" if c == 5 else ("center" if c == 1 else "left"))
        longest = max(longest, len(v) / widths[c - 1])
    ws.row_dimensions[r].height = 15 * max(1, int(longest * 1.15) + 1)
r += 2
ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
ws.cell(row=r, column=1, value="Ескертпе: сомалар кәсіпорындардың меморандумдарында көрсетілген жоспарлы "
        "көлем бойынша берілген. Басқарма басшысы ____________").font = Font(name=F, size=9)
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.print_options.horizontalCentered = True
ws.page_margins.left = ws.page_margins.right = 0.5
wb.save(sys.argv[1])
