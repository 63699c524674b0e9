# 07: akimat's summary of two companies' memoranda for 2015 (Akimat of Ekibastuz city,
# Department of Economy): ERG's Eurasian Energy Corporation and KAZ Minerals Bozshakol.
# kk. openpyxl -> XLSX -> LibreOffice Calc (landscape A4, fit to width).
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "Жиынтық"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "Liberation Sans"
widths = {"A": 5, "B": 62, "C": 16, "D": 20, "E": 40}
for k, v in widths.items():
    ws.column_dimensions[k].width = v

r = 1
ws.merge_cells("A1:E1")
ws["A1"] = "Екібастұз қаласы әкімдігінің экономика және бюджеттік жоспарлау бөлімі"
ws["A1"].font = Font(name=F, size=10, italic=True)
ws.merge_cells("A2:E2")
ws["A2"] = ("Ірі кәсіпорындардың Екібастұз қаласы әкімдігімен жасалған әлеуметтік әріптестік туралы "
            "меморандумдары бойынша 2015 жылға арналған міндеттемелерінің жиынтығы")
ws["A2"].font = Font(name=F, size=12, bold=True)
ws["A2"].alignment = Alignment(wrap_text=True, horizontal="center")
ws.row_dimensions[2].height = 34
ws.merge_cells("A3:E3")
ws["A3"] = "2015 жылғы 2 наурыздағы жағдай бойынша"
ws["A3"].font = Font(name=F, size=10)
ws["A3"].alignment = Alignment(horizontal="center")

rows = [
    ("h", ["№", "Іс-шара", "Жоспар, мың теңге", "Меморандум", "Ескерту"]),
    ("s", ["", "«Еуразиялық энергетикалық корпорация» АҚ (ERG тобы, бұдан әрі – ЕЭК)", "", "", ""]),
    ("d", ["1", "Екібастұз қаласындағы №2 емхананы күрделі жөндеу", "310 000", "16.01.2015", ""]),
    ("d", ["2", "«Екібастұз» хоккей клубына демеушілік", "120 000", "16.01.2015", ""]),
    ("d", ["3", "Қалалық мәдениет сарайына жарық және дыбыс жабдығын сатып алу", "22 000", "16.01.2015", ""]),
    ("d", ["4", "Энергетик күні мен Қала күнін мерекелеу", "16 000", "16.01.2015", "екі іс-шараға бірге"]),
    ("d", ["5", "Екібастұз энергетика колледжі студенттеріне тағылымдама", "–", "16.01.2015", "ЕЭК қаражатынсыз"]),
    ("d", ["6", "Қаратал шағын ауданында балабақша салу", "–", "16.01.2015", "2016 жылға ауыстырылды"]),
    ("t", ["", "ЕЭК бойынша барлығы", "468 000", "", ""]),
    ("s", ["", "«KAZ Minerals Bozshakol» ЖШС (бұдан әрі – Бозшакөл)", "", "", ""]),
    ("d", ["7", "Бозшакөл ауылында дәрігерлік амбулатория салу", "185 000", "29.01.2015", "жер телімін әкімдік бөледі"]),
    ("d", ["8", "Шідерті кентіндегі №1 мектепке компьютер сыныбы", "9 500", "29.01.2015", ""]),
    ("d", ["9", "«Бозшакөл» жастар марафонын өткізу", "5 000", "29.01.2015", ""]),
    ("d", ["10", "ЖОО-ға түскен ауыл жастарына білім гранттары", "450", "29.01.2015", "бір студентке жылына"]),
    ("d", ["11", "Бозшакөл кен байыту фабрикасының құрылысын аяқтау", "–", "29.01.2015",
           "өндірістік инвестиция, шамамен 2,2 млрд АҚШ доллары; анықтама үшін"]),
    ("t", ["", "Бозшакөл бойынша барлығы", "199 950", "", ""]),
    ("t", ["", "ЖИЫНЫ", "667 950", "", ""]),
]
r = 5
for kind, vals in rows:
    for ci, v in enumerate(vals):
        c = ws.cell(row=r, column=ci + 1, value=v)
        c.border = box
        c.font = Font(name=F, size=10, bold=kind in ("h", "s", "t"))
        c.alignment = Alignment(wrap_text=True, vertical="top",
                                horizontal="right" if ci == 2 and kind != "h" else
                                ("center" if kind == "h" else "left"))
    if kind == "s":
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
    long = max(len(vals[1]) / 60, len(vals[4]) / 38, 1)
    ws.row_dimensions[r].height = 15 * (1 + int(long - 0.01)) + 2
    r += 1
r += 1
ws.cell(row=r, column=1, value=("Анықтама: 2014 жылы екі кәсіпорын қаланың әлеуметтік жобаларына "
                                "барлығы 610 млн теңге бөлген.")).font = Font(name=F, size=9, italic=True)
r += 1
ws.cell(row=r, column=1, value="Бөлім басшысы ____________ Н. С. Жақыпова").font = Font(name=F, size=10)

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins.left = ws.page_margins.right = 0.6
wb.save(sys.argv[1])
