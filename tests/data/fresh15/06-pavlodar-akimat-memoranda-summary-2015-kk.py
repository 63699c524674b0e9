# 06: Akimat of Pavlodar Region, summary of the execution in 2014 of the memoranda of ERG's
# companies and KAZ Minerals Bozshakol. kk. openpyxl -> XLSX -> LibreOffice Calc, landscape.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "2014"
thin = Side(style="thin")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "Liberation Sans"
rows = [
    ("t", "Павлодар облысының экономика және бюджеттік жоспарлау басқармасы"),
    ("t", "Ірі кәсіпорындардың әлеуметтік әріптестік туралы меморандумдарын 2014 жылы орындауы туралы жиынтық мәлімет"),
    ("t", "(2015 жылғы 10 ақпандағы жағдай бойынша, мың теңге)"),
    ("h", ["№", "Кәсіпорын", "Іс-шара", "Жоспар", "Факт", "Ескерту"]),
    ("g", ["", "Eurasian Resources Group (ERG) компаниялары", "", "", "", ""]),
    ("r", ["1", "«Қазақстан алюминийі» АҚ", "Павлодар қаласының № 2 емханасын күрделі жөндеу", "320 000", "318 500", "орындалды"]),
    ("r", ["2", "«Қазақстан алюминийі» АҚ", "«Ертіс» хоккей клубына демеушілік көмек", "100 000", "100 000", "орындалды"]),
    ("r", ["3", "«Қазақстан алюминийі» АҚ", "Облыстық музыкалық драма театрына жарық және дыбыс жабдықтары", "40 000", "39 200", "орындалды"]),
    ("r", ["4", "«Еуразиялық энергетикалық корпорация» АҚ", "Ақсу қаласында 280 орындық балабақша салу", "450 000", "0", "2015 жылға ауыстырылды"]),
    ("r", ["5", "«Еуразиялық энергетикалық корпорация» АҚ", "Ақсу қаласының күнін мерекелеу", "12 000", "12 000", "орындалды"]),
    ("r", ["6", "«Еуразиялық энергетикалық корпорация» АҚ", "Ақсу энергетикалық колледжінің 40 студентіне шәкіртақы", "9 600", "9 600", "орындалды"]),
    ("r", ["7", "«ТҰК «Қазхром» АҚ Ақсу ферроқорытпа зауыты", "Ақсу қалалық стадионының трибуналарын қайта жаңарту", "75 000", "73 800", "орындалды"]),
    ("r", ["8", "«ТҰК «Қазхром» АҚ Ақсу ферроқорытпа зауыты", "Жеңіс күніне Ұлы Отан соғысы ардагерлеріне сыйлықтар", "6 000", "6 000", "орындалды"]),
    ("s", ["", "ERG бойынша барлығы", "", "1 012 600", "559 100", ""]),
    ("g", ["", "KAZ Minerals", "", "", "", ""]),
    ("r", ["9", "«KAZ Minerals Bozshakol» ЖШС", "Екібастұз ауданы Бозшакөл ауылындағы орта мектепті күрделі жөндеу", "90 000", "87 500", "орындалды"]),
    ("r", ["10", "«KAZ Minerals Bozshakol» ЖШС", "Екібастұз политехникалық колледжінде тау-кен мамандарын даярлау (120 адам)", "30 000", "28 000", "орындалды"]),
    ("r", ["11", "«KAZ Minerals Bozshakol» ЖШС", "Екібастұз қалалық ардагерлер кеңесіне қайырымдылық көмек", "5 000", "5 000", "орындалды"]),
    ("r", ["12", "«KAZ Minerals Bozshakol» ЖШС", "Бозшакөл ауылы әкімдігінің ғимаратын жөндеу", "15 000", "0", "қаржыландырылмады"]),
    ("s", ["", "KAZ Minerals бойынша барлығы", "", "140 000", "120 500", ""]),
    ("s", ["", "ЖАЛПЫ", "", "1 152 600", "679 600", ""]),
    ("n", "Анықтама: өндірістік жобалар меморандумдарға кірмейді (Бозшакөл кен байыту фабрикасының құрылысы – 2,2 млрд АҚШ доллары, 2014 жылы 1 500 жұмыс орны ашылды; Қазақстан алюминийінің электролиз зауытын жаңғырту)."),
    ("n", "Басқарма басшысы ______________ Ж. Смағұлова"),
]
widths = [5, 30, 58, 13, 13, 24]
for i, w in enumerate("ABCDEF"):
    ws.column_dimensions[w].width = widths[i]
r = 1
for kind, val in rows:
    if kind in ("t", "n"):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        c = ws.cell(row=r, column=1, value=val)
        c.font = Font(name=F, size=11 if kind == "t" else 9, bold=(kind == "t" and r <= 2))
        c.alignment = Alignment(horizontal="center" if kind == "t" else "left", wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = 30 if kind == "n" and len(val) > 100 else 16
    else:
        for j, v in enumerate(val):
            c = ws.cell(row=r, column=j + 1, value=v)
            c.border = box
            c.font = Font(name=F, size=10, bold=kind in ("h", "g", "s"))
            c.alignment = Alignment(wrap_text=True, vertical="top",
                                    horizontal="right" if j in (3, 4) and kind != "h" else ("center" if kind == "h" else "left"))
        ws.row_dimensions[r].height = 28 if kind == "r" else 16
    r += 1
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.print_options.horizontalCentered = True
wb.save(sys.argv[1])
