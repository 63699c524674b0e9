# Source of 08-zhambyl-akimat-summary-2024-kk (XLSX via openpyxl, then LibreOffice Calc PDF).
# Landscape A4; the table breaks across two pages; the header rows repeat on page 2.
import math, sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

F = "DejaVu Sans"
wb = Workbook()
ws = wb.active
ws.title = "2024"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
widths = {1: 5, 2: 20, 3: 38, 4: 11, 5: 17, 6: 13, 7: 13, 8: 22}
for c, w in widths.items():
    ws.column_dimensions[chr(64 + c)].width = w


def fit(row, values, size):
    n = 1
    for c, v in enumerate(values, 1):
        if v:
            per = widths[c] * (10.0 / size) * 0.95
            n = max(n, sum(math.ceil(max(1, len(part)) / per) for part in str(v).split("\n")))
    ws.row_dimensions[row].height = (size + 4) * n + 3


r = 1
ws.cell(r, 8, "Облыстық мәслихат сессиясының хаттамасына 3-қосымша").font = Font(name=F, italic=True, size=9)
ws.cell(r, 8).alignment = Alignment(horizontal="right")
r = 2
ws.cell(r, 1, "Жамбыл облысы әкімдігінің экономика және бюджеттік жоспарлау басқармасы").font = Font(name=F, bold=True, size=11)
r = 3
ws.cell(r, 1, "Ірі кәсіпорындардың 2024 жылғы әлеуметтік-экономикалық ынтымақтастық туралы "
              "меморандумдарды орындауы туралы жиынтық мәліметтер").font = Font(name=F, bold=True, size=12)
r = 4
ws.cell(r, 1, "2025 жылғы 12 ақпандағы жағдай бойынша").font = Font(name=F, italic=True, size=9)
ws.cell(r, 8, "мың теңге").font = Font(name=F, bold=True, size=10)
ws.cell(r, 8).alignment = Alignment(horizontal="right")
r = 6
head = ["№", "Кәсіпорын", "Іс-шараның атауы", "Іске асыру жылы", "Санаты (әкімдік жіктемесі)",
        "Жоспар", "Факт", "Ескертпе"]
for c, v in enumerate(head, 1):
    cell = ws.cell(r, c, v)
    cell.font = Font(name=F, bold=True, size=10)
    cell.border = box
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
ws.row_dimensions[r].height = 44
r = 7
for c in range(1, 9):
    cell = ws.cell(r, c, str(c))
    cell.font = Font(name=F, size=8)
    cell.border = box
    cell.alignment = Alignment(horizontal="center")

EC = "«ЕвроХим-Қаратау» ЖШС"
TMZ = "«Тараз металлургия зауыты» ЖШС"
GRES = "«Жамбыл ГРЭС» АҚ"
rows = [
    ("1", EC, "Жаңатас қаласында 300 орындық балабақша салу", "2023–2024", "әлеуметтік инфрақұрылым", "1 450 000", "1 438 200", "2024 жылғы қарашада пайдалануға берілді"),
    ("2", EC, "Жаңатас қаласының орталық саябағын абаттандыру", "2024", "әлеуметтік инфрақұрылым", "180 000", "176 500", ""),
    ("3", EC, "Сарысу аудандық ауруханасына екі жедел жәрдем автокөлігін сатып алу", "2024", "қайырымдылық", "62 000", "62 000", ""),
    ("4", EC, "«Қаратау» әйелдер волейбол клубын қолдау", "2024", "демеушілік", "40 000", "40 000", ""),
    ("5", EC, "Жаңатаста Наурыз мейрамын мерекелеу", "2024", "мерекелік іс-шаралар", "8 000", "8 000", ""),
    ("6", EC, "М.Х. Дулати атындағы Тараз өңірлік университетінің 40 студентіне корпоративтік шәкіртақы", "2024", "білім беру", "19 200", "19 200", ""),
    ("", EC, "Жиыны", "", "", "1 759 200", "1 743 900", ""),
    ("7", TMZ, "Тараз қаласындағы № 45 мектептің спорт залын күрделі жөндеу", "2024", "әлеуметтік инфрақұрылым", "55 000", "54 300", ""),
    ("8", TMZ, "«Тараз» футбол клубына демеушілік", "2024", "демеушілік", "120 000", "0", "қаржыландыру тоқтатылды"),
    ("9", TMZ, "«Асыл жүрек» қоғамдық қорына мүмкіндігі шектеулі балаларды қолдауға аударым", "2024", "қайырымдылық", "25 000", "25 000", ""),
    ("10", TMZ, "Металлургтер күніне арналған қалалық мереке", "2024", "демеушілік", "15 000", "14 650", ""),
    ("11", TMZ, "Оқымайтын және жұмыс істемейтін 25 жасты электр дәнекерлеушісі мамандығына оқыту", "2024", "жұмыспен қамту", "9 500", "9 500", ""),
    ("", TMZ, "Жиыны", "", "", "224 500", "103 450", ""),
    ("12", GRES, "Аса ауылының жылу желілерін ауыстыру (3,6 км)", "2023–2025", "әлеуметтік инфрақұрылым", "240 000", "215 000", "көпжылдық жоба, жалпы құны 640 000"),
    ("13", GRES, "Аса ауылдық мәдениет үйіне дыбыс күшейткіш жабдық", "2024", "қайырымдылық", "12 000", "11 800", ""),
    ("14", GRES, "Жамбыл ауданының тоғызқұмалақ құрамасына демеушілік", "2024", "демеушілік", "3 000", "3 000", ""),
    ("15", GRES, "Аса ауылының балаларына жаңажылдық сыйлықтар", "2024", "мерекелік іс-шаралар", "6 000", "5 900", ""),
    ("16", GRES, "Жамбыл энергетика колледжі студенттерінің ГРЭС-те өндірістік практикасы", "2024", "білім беру", "—", "—", "қаржылық шығынсыз"),
    ("17", GRES, "Аса ауылында дене шынықтыру-сауықтыру кешенін салу", "2025", "әлеуметтік инфрақұрылым", "300 000", "—", "2025 жылға ауыстырылды"),
    ("", GRES, "Жиыны", "", "", "561 000", "235 700", ""),
    ("", "", "БАРЛЫҒЫ", "", "", "2 544 700", "2 083 050", ""),
]
for row in rows:
    r += 1
    total = row[2] in ("Жиыны", "БАРЛЫҒЫ")
    for c, v in enumerate(row, 1):
        cell = ws.cell(r, c, v)
        cell.font = Font(name=F, size=11, bold=total)
        cell.border = box
        horiz = "right" if c in (6, 7) else ("center" if c in (1, 4) else "left")
        cell.alignment = Alignment(horizontal=horiz, vertical="top", wrap_text=True)
    fit(r, row, 11)
r += 2
ws.cell(r, 1, "Ескертпе: «Іске асыру жылы» бағаны жобаның басталу және аяқталу жылдарын көрсетеді; "
              "«Санаты» бағаны әкімдіктің ішкі жіктемесі бойынша берілген.").font = Font(name=F, italic=True, size=9)
r += 2
ws.cell(r, 2, "Басқарма басшысы").font = Font(name=F, size=10)
ws.cell(r, 7, "Д. Әбдіқадыров").font = Font(name=F, size=10)

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.print_title_rows = "6:7"
ws.page_margins.left = ws.page_margins.right = 0.5
ws.page_margins.top = ws.page_margins.bottom = 0.6
wb.save(sys.argv[1])
