# 06: execution report of a regional energy company to a city akimat: a short letter on top of a
# landscape plan/fact table in thousand tenge with section subtotals. kk. openpyxl -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "Есеп 2025"
FONT = "Liberation Sans"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
widths = {"A": 7, "B": 62, "C": 14, "D": 14, "E": 12, "F": 30}
for k, v in widths.items():
    ws.column_dimensions[k].width = v

r = 1
def text_row(t, bold=False, align="left", height=None, size=10):
    global r
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    c = ws.cell(row=r, column=1, value=t)
    c.font = Font(name=FONT, size=size, bold=bold)
    c.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
    if height:
        ws.row_dimensions[r].height = height
    r += 1

text_row("«ТЕКЕЛІ ЭНЕРГОКЕШЕНІ» ЖАУАПКЕРШІЛІГІ ШЕКТЕУЛІ СЕРІКТЕСТІГІ", bold=True, align="center", size=11)
text_row("Жетісу облысы, Текелі қ., Тәуелсіздік к-сі, 1 · тел. +7 72835 4-12-01", align="center", size=9)
text_row("Шығ. № 02-14/36, 2026 жылғы 19 қаңтар")
text_row("Жетісу облысы Текелі қаласының әкімі Б. Ә. Қасымовқа", align="right")
text_row("Әлеуметтік әріптестік туралы меморандумның 2025 жылғы орындалуы туралы", bold=True, align="center")
text_row("«Текелі энергокешені» ЖШС (бұдан әрі – Серіктестік) Текелі қаласының әкімдігімен 2025 жылғы 12 ақпанда "
         "жасалған әлеуметтік әріптестік туралы меморандумның орындалуы туралы ақпаратты ұсынады. 2025 жылы "
         "әлеуметтік жобаларға барлығы 149,7 млн теңге жұмсалды (2024 жылы – 131 млн теңге).", height=42)
r += 1

header = ["№", "Іс-шараның атауы", "Жоспар, мың теңге", "Факт, мың теңге", "Орындалуы, %", "Ескерту"]
rows = [
    ("sec", "1. Әлеуметтік инфрақұрылым"),
    ("1.1", "Текелі қаласындағы № 3 мектептің жылу жүйесін күрделі жөндеу", "45 000", "44 200", "98", "орындалды"),
    ("1.2", "Көктем шағын ауданындағы көпқабатты үйлер аулаларын абаттандыру (4 аула)", "60 000", "61 500", "103", "орындалды"),
    ("1.3", "Қалалық стадионда жасанды жабынды футбол алаңын салу", "80 000", "0", "0", "2026 жылға ауыстырылды"),
    ("sub", "1-бөлім бойынша жиыны", "185 000", "105 700", "57", ""),
    ("sec", "2. Қайырымдылық және демеушілік көмек"),
    ("2.1", "Қалалық балалар ауруханасына физиотерапия жабдығын сатып алу", "15 000", "14 800", "99", "орындалды"),
    ("2.2", "«Текелі» әйелдер волейбол командасын қолдау", "8 000", "8 000", "100", "орындалды"),
    ("2.3", "«Жетісу саздары» халық ансамблі мен «Шұғыла» би ұжымына сахналық киім сатып алу", "6 000", "6 000", "100", "екі ұжымға бір шарт бойынша"),
    ("sub", "2-бөлім бойынша жиыны", "29 000", "28 800", "99", ""),
    ("sec", "3. Мерекелік іс-шаралар"),
    ("3.1", "Энергетиктер күнін қала тұрғындарымен бірге мерекелеу", "5 000", "4 600", "92", "орындалды"),
    ("3.2", "Қарттар күніне орай жалғызбасты зейнеткерлерге азық-түлік себеттері (300 себет)", "4 500", "4 500", "100", "орындалды"),
    ("sub", "3-бөлім бойынша жиыны", "9 500", "9 100", "96", ""),
    ("sec", "4. Адами капиталды дамыту"),
    ("4.1", "Текелі политехникалық колледжінің студенттеріне шәкіртақы (8 студент, айына 30 000 теңгеден)", "2 880", "2 880", "100", "орындалды"),
    ("4.2", "Жылу энергетикасы мамандықтары бойынша өндірістік практика (25 студент)", "–", "–", "–", "заттай, ТЭО базасында"),
    ("4.3", "Персоналды өнеркәсіптік қауіпсіздік бойынша міндетті оқыту", "3 200", "3 200", "100", "заң талабы"),
    ("sub", "4-бөлім бойынша жиыны", "6 080", "6 080", "100", ""),
    ("tot", "БАРЛЫҒЫ", "229 580", "149 680", "65", ""),
    ("sec", "Анықтама үшін (меморандумға кірмейді)"),
    ("5.1", "ТЭО № 2 қазандығын жаңғырту", "1 450 000", "1 380 000", "95", "инвестициялық бағдарлама"),
]

def put(rr, col, val, bold=False, align="left"):
    c = ws.cell(row=rr, column=col, value=val)
    c.font = Font(name=FONT, size=10, bold=bold)
    c.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
    c.border = box

for i, h in enumerate(header, 1):
    put(r, i, h, bold=True, align="center")
ws.row_dimensions[r].height = 28
r += 1
for row in rows:
    kind = row[0]
    if kind == "sec":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        put(r, 1, row[1], bold=True)
        for col in range(2, 7):
            ws.cell(row=r, column=col).border = box
        ws.row_dimensions[r].height = 15
    else:
        num = "" if kind in ("sub", "tot") else kind
        bold = kind in ("sub", "tot")
        put(r, 1, num, align="center")
        put(r, 2, row[1], bold=bold)
        put(r, 3, row[2], bold=bold, align="right")
        put(r, 4, row[3], bold=bold, align="right")
        put(r, 5, row[4], bold=bold, align="right")
        put(r, 6, row[5])
        ws.row_dimensions[r].height = 15 if len(row[1]) < 60 else 28
    r += 1
r += 1
text_row("2024 жылы салынған хоккей кортына (22 млн теңге) "
         "Серіктестік 2025 жылы қосымша қаражат бөлген жоқ. 2026 жылы Серіктестік әлеуметтік жобаларды "
         "жалғастыруды жоспарлап отыр.", height=42)
r += 1
text_row("Бас директор                                                                                     Д. Ж. Оспанов")
text_row("Орынд.: А. Серікова, тел. 4-12-17", size=8)

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins.left = ws.page_margins.right = 0.6
ws.page_margins.top = ws.page_margins.bottom = 0.7
wb.save(sys.argv[1])
