# 06: AgromashHolding KZ's quarterly information on the execution of its 2018 memorandum with the
# Kostanay Region akimat (4th quarter, year result): columns plan / I-IV quarter / year fact in
# «мың теңге», sections with subtotals, a grand total, a postponed row, a core row «анықтама үшін»,
# an akimat row. kk. openpyxl -> XLSX -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.properties import PageSetupProperties

wb = Workbook()
ws = wb.active
ws.title = "IV тоқсан"
widths = [6, 56, 11, 10, 10, 10, 10, 12, 30]
for i, w in enumerate(widths):
    ws.column_dimensions["ABCDEFGHI"[i]].width = w
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "DejaVu Sans"
N = len(widths)
r = 1

def text_row(t, bold=False, size=10, align="left", height=15):
    global r
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=N)
    c = ws.cell(row=r, column=1, value=t)
    c.font = Font(name=F, size=size, bold=bold)
    c.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
    ws.row_dimensions[r].height = height
    r += 1

text_row("«АгромашХолдинг KZ» акционерлік қоғамы", bold=True, size=11, align="center")
text_row("110000, Қостанай қ., Промышленная к-сі, 41 · тел. +7 7142 55-70-00 · info@agromash.kz", size=8, align="center")
text_row("2019 жылғы 15 қаңтар № 07-1/34", size=9)
text_row("Қостанай облысының әкімдігіне (экономика және бюджеттік жоспарлау басқармасы)", size=9, align="right")
text_row("2018 жылға арналған әлеуметтік-экономикалық ынтымақтастық туралы меморандумның орындалуы туралы тоқсандық ақпарат (IV тоқсан, жыл қорытындысы)", bold=True, align="center", height=30)
text_row("мың теңге", size=9, align="right")
hdr = ["№", "Іс-шараның атауы", "2018 жылға жоспар", "I тоқсан", "II тоқсан", "III тоқсан", "IV тоқсан", "Жыл бойынша факт", "Ескерту"]
for i, h in enumerate(hdr, 1):
    c = ws.cell(row=r, column=i, value=h)
    c.font = Font(name=F, size=9, bold=True)
    c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    c.border = box
ws.row_dimensions[r].height = 30
r += 1
rows = [
    ("S", "1. Әлеуметтік инфрақұрылым"),
    ("1.1", "№ 15 мектеп-гимназияның шатырын күрделі жөндеу", "42 000", "–", "40 850", "–", "–", "40 850", "жұмыс қабылданды, акт 28.06.2018"),
    ("1.2", "Затобол кентіндегі жылу желілерін қайта жаңарту", "60 000", "–", "–", "–", "–", "0", "2019 жылға ауыстырылды"),
    ("1.3", "Мектеп ауласын абаттандыру (Қостанай қаласының әкімдігі)", "–", "–", "–", "–", "–", "–", "жергілікті бюджет есебінен"),
    ("T", "1-бөлім бойынша жиыны", "102 000", "–", "40 850", "–", "–", "40 850", ""),
    ("S", "2. Қайырымдылық, демеушілік, іс-шаралар"),
    ("2.1", "Облыстық балалар ауруханасына медициналық жабдық сатып алу", "18 000", "17 600", "–", "–", "–", "17 600", "инкубатор, мониторлар"),
    ("2.2", "«Тобыл» волейбол командасына демеушілік көмек", "25 000", "6 250", "6 250", "6 250", "6 250", "25 000", ""),
    ("2.3", "Қостанай қаласының күніне арналған мерекелік іс-шаралар", "8 000", "–", "–", "7 500", "–", "7 500", ""),
    ("2.4", "«Қарттар үйі» интернатына азық-түлік пен төсек жабдықтарын беру", "2 400", "1 200", "–", "–", "1 200", "2 400", ""),
    ("2.5", "Аз қамтылған отбасылардың балаларына жаңажылдық сыйлықтар", "4 200", "–", "–", "–", "4 350", "4 350", "1 450 сыйлық"),
    ("T", "2-бөлім бойынша жиыны", "57 600", "25 050", "6 250", "13 750", "11 800", "56 850", ""),
    ("S", "3. Білім беру және жастар"),
    ("3.1", "ҚИЭУ студенттеріне шәкіртақы (10 студент, айына 30 мың теңгеден)", "3 600", "900", "900", "900", "900", "3 600", ""),
    ("3.2", "Қостанай политехникалық колледжі студенттерінің өндірістік практикасы", "–", "–", "–", "–", "–", "–", "қаржыландыруды талап етпейді, 24 студент"),
    ("T", "3-бөлім бойынша жиыны", "3 600", "900", "900", "900", "900", "3 600", ""),
    ("T", "Барлығы", "163 200", "25 950", "48 000", "14 650", "12 700", "101 300", ""),
    ("4", "Анықтама үшін: тракторлар құрастыру цехын кеңейту", "–", "–", "–", "–", "–", "1 250 000", "өндірістік инвестиция, жиынға кірмейді"),
]
for row in rows:
    if row[0] == "S":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=N)
        c = ws.cell(row=r, column=1, value=row[1])
        c.font = Font(name=F, size=9, bold=True)
        for i in range(1, N + 1):
            ws.cell(row=r, column=i).border = box
        ws.row_dimensions[r].height = 15
        r += 1
        continue
    vals = row if row[0] != "T" else ("",) + row[1:]
    for i, v in enumerate(vals, 1):
        c = ws.cell(row=r, column=i, value=v)
        c.font = Font(name=F, size=9, bold=(row[0] == "T"))
        c.alignment = Alignment(horizontal="right" if 3 <= i <= 8 else "left", vertical="top", wrap_text=True)
        c.border = box
    long = max(len(vals[1]) / 52, len(vals[8]) / 27)
    ws.row_dimensions[r].height = 13 * (int(long) + 1) + 4
    r += 1
text_row("")
text_row("Анықтама: 2017 жылы компания Қостанай қаласындағы «Балдырған» балабақшасына 25 млн теңгеге жабдық сатып алған болатын.", size=9, height=28)
text_row("")
text_row("Басқарма төрағасының орынбасары                                          Р. Әбенов", size=10, height=18)
text_row("Орынд.: Нұрмағамбетова С., тел. 55-70-31", size=8)
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.page_margins.left = ws.page_margins.right = 0.6
ws.page_margins.top = ws.page_margins.bottom = 0.7
wb.save(sys.argv[1])
