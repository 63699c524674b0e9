# 06: execution report (letter + plan/fact table in «мың теңге», subtotals), kk.
# openpyxl -> XLSX -> LibreOffice Calc, landscape A4.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "Есеп 2025"
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins.left = ws.page_margins.right = 0.6
widths = {"A": 6, "B": 62, "C": 16, "D": 16, "E": 30}
for k, v in widths.items():
    ws.column_dimensions[k].width = v
F = "Liberation Sans"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
wrap = Alignment(wrap_text=True, vertical="top")
r = 1

def text(t, bold=False, h=16, align="left"):
    global r
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    c = ws.cell(row=r, column=1, value=t)
    c.font = Font(name=F, size=10, bold=bold)
    c.alignment = Alignment(wrap_text=True, vertical="top", horizontal=align)
    ws.row_dimensions[r].height = h
    r += 1

text("«КУБЛЕЙ» ЖАУАПКЕРШІЛІГІ ШЕКТЕУЛІ СЕРІКТЕСТІГІ · Қостанай қ., Элеваторная к-сі, 2 · тел. 8 7142 39-00-00", True, align="center")
text("Шығ. № 02-15/31, 2026 жылғы 22 қаңтар", h=16)
text("Қостанай қаласының әкіміне", align="right")
text("2025 жылға арналған әлеуметтік серіктестік туралы меморандумның орындалуы туралы", True, align="center")
text("«Кублей» ЖШС (бұдан әрі – Серіктестік) 2025 жылғы 14 ақпандағы меморандум бойынша 2025 жылы атқарылған жұмыстар туралы ақпаратты ұсынады. "
     "Салыстыру үшін: 2024 жылы Серіктестік әлеуметтік жобаларға 70,4 млн теңге бөлген. Төмендегі кестеде жоспар мен нақты орындалу көрсетілген.", h=44)
r += 1
hdr = ["№", "Іс-шаралар", "Жоспар, мың теңге", "Орындалды (факт), мың теңге", "Ескерту"]
rows = [
    ("sec", "1. Әлеуметтік инфрақұрылым"),
    ("1.1", "Қостанай қаласындағы № 9 мектептің спорт залын күрделі жөндеу", "60 000", "58 700", "орындалды"),
    ("1.2", "Орталық саябақта субұрқақ салу", "25 000", "0", "2026 жылға ауыстырылды"),
    ("sub", "Жиыны (1-бөлім)", "85 000", "58 700", ""),
    ("sec", "2. Қайырымдылық, демеушілік, іс-шаралар"),
    ("2.1", "Облыстық балалар ауруханасына УДЗ аппаратын сатып алу", "18 000", "18 000", "орындалды"),
    ("2.2", "«Тобыл» қазақ күресі клубының балуандарына демеушілік", "4 000", "4 000", "орындалды"),
    ("2.3", "Ет өнеркәсібі қызметкерлері күні мен Наурыз мерекесіндегі қалалық концерттер", "3 000", "2 600", "екі іс-шараға бір сома"),
    ("2.4", "Аз қамтылған отбасыларға Ораза айтқа азық-түлік себеттері (600 себет)", "5 000", "5 000", "орындалды"),
    ("sub", "Жиыны (2-бөлім)", "30 000", "29 600", ""),
    ("sec", "3. Адами капиталды дамыту"),
    ("3.1", "Қостанай жоғары аграрлық колледжі студенттерінің өндірістік практикасы", "—", "—", "32 студент"),
    ("3.2", "Ветеринария мамандығы бойынша 8 студентке шәкіртақы", "4 800", "4 800", "орындалды"),
    ("sub", "Жиыны (3-бөлім)", "4 800", "4 800", ""),
    ("sec", "4. Өндірістік бағдарлама (анықтама үшін)"),
    ("4.1", "Шұжық цехын жаңғырту", "950 000", "1 020 000", "негізгі қызмет"),
    ("tot", "БАРЛЫҒЫ (1–3-бөлімдер)", "119 800", "93 100", ""),
]
for ci, v in enumerate(hdr, 1):
    c = ws.cell(row=r, column=ci, value=v)
    c.font = Font(name=F, size=10, bold=True); c.border = box
    c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
ws.row_dimensions[r].height = 30
r += 1
for row in rows:
    if row[0] == "sec":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        c = ws.cell(row=r, column=1, value=row[1]); c.font = Font(name=F, size=10, bold=True)
        for ci in range(1, 6):
            ws.cell(row=r, column=ci).border = box
        ws.row_dimensions[r].height = 16
    else:
        vals = ["" if row[0] in ("sub", "tot") else row[0]] + list(row[1:])
        for ci, v in enumerate(vals, 1):
            c = ws.cell(row=r, column=ci, value=v)
            c.font = Font(name=F, size=10, bold=row[0] == "tot", italic=row[0] == "sub")
            c.border = box
            c.alignment = Alignment(wrap_text=True, vertical="top",
                                    horizontal="right" if ci in (3, 4) else "left")
        ws.row_dimensions[r].height = 16
    r += 1
r += 1
text("2025 жылы Серіктестік 1 450 адамды жұмыспен қамтып, бюджетке 2,9 млрд теңге салық төледі. "
     "Серіктестік 2026 жылы да қала әкімдігімен әлеуметтік әріптестікті жалғастырады.", h=30)
text("Бас директор ____________ Е. Жақсыбеков", h=20)
text("Орынд.: А. Нұрланова, тел. 39-00-15", h=16)
wb.save(sys.argv[1])
