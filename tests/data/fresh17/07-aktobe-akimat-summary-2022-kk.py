# 07: an akimat department's summary table of three companies' social commitments for 2022
# (plan/fact, thousand tenge), landscape. kk. openpyxl -> XLSX -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "2022"
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
F = "Liberation Sans"
thin = Side(style="thin")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
widths = {"A": 4, "B": 22, "C": 50, "D": 11, "E": 11, "F": 22}
for k, v in widths.items():
    ws.column_dimensions[k].width = v

def put(r, c, v, bold=False, al="left", border=True, size=10):
    cell = ws.cell(row=r, column=c, value=v)
    cell.font = Font(name=F, size=size, bold=bold)
    cell.alignment = Alignment(horizontal=al, vertical="top", wrap_text=True)
    if border:
        cell.border = box
    return cell

put(1, 1, "Ақтөбе облысының кәсіпкерлік және индустриялық-инновациялық даму басқармасы", True, "center", False, 11)
ws.merge_cells("A1:F1")
put(2, 1, "Ірі кәсіпорындардың 2022 жылға арналған әлеуметтік міндеттемелерінің орындалуы туралы жиынтық мәлімет", True, "center", False, 11)
ws.merge_cells("A2:F2")
put(3, 1, "2023 жылғы 10 ақпандағы жағдай бойынша; мың теңге", False, "right", False, 9)
ws.merge_cells("A3:F3")
hdr = ["№", "Кәсіпорын", "Іс-шара", "Жоспар, 2022", "Нақты, 2022", "Ескерту"]
for i, h in enumerate(hdr, 1):
    put(4, i, h, True, "center")
data = [
    # company, rows [(no, measure, plan, fact, note)], subtotal
    ("«Ақтөбе хром қосындылары зауыты» АҚ (АХҚЗ)", [
        ("1", "Ақтөбе қаласындағы № 45 мектептің спорт залын күрделі жөндеу", "40 000", "41 200", "орындалды"),
        ("2", "Облыстық онкологиялық диспансерге медициналық жабдық сатып алу", "25 000", "25 000", "орындалды"),
        ("3", "«Ақжелкен» қыздар волейбол командасына демеушілік", "10 000", "10 000", "орындалды"),
        ("4", "Химиктер күнін мерекелеу", "5 000", "4 800", "орындалды"),
        ("5", "Ақтөбе өңірлік университетінің 20 студентіне атаулы шәкіртақы", "7 200", "7 200", "орындалды"),
    ], ("87 200", "88 200")),
    ("«Ақтөбе мұнай өңдеу» ЖШС", [
        ("6", "Қарғалы ауылындағы көшелерді жарықтандыру", "30 000", "0", "2023 жылға ауыстырылды"),
        ("7", "Мүгедектігі бар балаларды оңалту орталығына арнайы көлік сатып алу", "18 000", "17 500", "орындалды"),
        ("8", "Балалар үйінің 5 түлегін жұмысқа орналастыру және тәлімгерлік", "–", "–", "қаржыландыру талап етілмейді"),
        ("9", "Қызметкерлерді еңбек қауіпсіздігі бойынша міндетті оқыту", "6 000", "6 000", "орындалды"),
    ], ("54 000", "23 500")),
    ("«Ақтөбецемент» ЖШС", [
        ("10", "Аз қамтылған отбасылардың балаларына жаңа жылдық сыйлықтар (800 дана)", "3 200", "3 200", "орындалды"),
        ("11", "«Қазына» балалар үйіне жиһаз беру", "–", "заттай", "орындалды"),
        ("12", "«Ақтөбе жастары» облыстық марафонын ұйымдастыру", "4 000", "4 500", "орындалды"),
        ("13", "Ақтөбе құрылыс колледжінің 30 студентіне өндірістік практика", "–", "–", "орындалды"),
    ], ("7 200", "7 700")),
]
r = 5
for company, rows, (sp, sf) in data:
    first = r
    for no, m, p, f, note in rows:
        put(r, 1, no, al="center"); put(r, 3, m); put(r, 4, p, al="right"); put(r, 5, f, al="right"); put(r, 6, note)
        put(r, 2, company if r == first else None)
        r += 1
    ws.merge_cells(start_row=first, start_column=2, end_row=r - 1, end_column=2)
    put(r, 1, ""); put(r, 2, ""); put(r, 3, "Барлығы", True); put(r, 4, sp, True, "right"); put(r, 5, sf, True, "right"); put(r, 6, "")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    r += 1
put(r, 1, "ЖИЫНЫ", True); put(r, 2, ""); put(r, 3, ""); put(r, 4, "148 400", True, "right"); put(r, 5, "119 400", True, "right"); put(r, 6, "")
ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
r += 2
put(r, 1, "Ескерту: әкімдік өз тарапынан жергілікті бюджет есебінен Қарғалы ауылына кіреберіс жолды жөндеді (120 млн теңге); бұл сома кестеге енгізілмеген.", False, "left", False, 9)
ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
ws.row_dimensions[r].height = 26
r += 1
put(r, 1, "Басқарма басшысы ____________ А. Серікбаев", False, "left", False, 10)
ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
for rr in range(5, r):
    if ws.row_dimensions[rr].height is None:
        ws.row_dimensions[rr].height = 28
wb.save(sys.argv[1])
