# 07: a company's social passport / CSR register exported from Excel (kk): many short rows,
# merged category cells (the company's own categories), amounts in «млн теңге» with one
# decimal, a status column, a total and a reference line. openpyxl -> XLSX -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side, PatternFill
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "Паспорт 2024"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
for col, w in zip("ABCDEF", [5, 18, 46, 30, 12, 16]):
    ws.column_dimensions[col].width = w
F = lambda **k: Font(name="Liberation Sans", size=k.pop("size", 10), **k)

def title(r, text, bold=False, size=10):
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    c = ws.cell(row=r, column=1, value=text)
    c.font = F(bold=bold, size=size)
    c.alignment = Alignment(horizontal="center", wrap_text=True)
    ws.row_dimensions[r].height = 18

title(1, "«Ақтөбе ЖЭО» ЖШС (ТОО «Актобе ТЭЦ»)", bold=True)
title(2, "КОМПАНИЯНЫҢ ӘЛЕУМЕТТІК ПАСПОРТЫ: ӘЛЕУМЕТТІК ЖАУАПКЕРШІЛІК ТІЗІЛІМІ, 2024 ЖЫЛ", bold=True, size=11)
title(3, "Excel-ден экспорт: 2025 жылғы 17 қаңтар · Жауапты: қоғаммен байланыс бөлімі")
head = ["№", "Санат", "Іс-шара", "Алушы", "Сомасы, млн теңге", "Мәртебесі"]
r = 5
for ci, h in enumerate(head, 1):
    c = ws.cell(row=r, column=ci, value=h)
    c.font = F(bold=True); c.border = box
    c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    c.fill = PatternFill("solid", fgColor="DDEBF7")
ws.row_dimensions[r].height = 30
groups = [
    ("Инфрақұрылым", [
        ("№ 5 балабақшаның жылыту жүйесін ауыстыру", "№ 5 «Күншуақ» балабақшасы", "18,6", "Орындалды"),
        ("«Болашақ» шағынауданында балалар ойын алаңын салу", "Ақтөбе қ. әкімдігі", "12,4", "Орындалды"),
        ("Жылу желілерін жаңғырту (инвестициялық бағдарлама)", "Компанияның өз желілері", "1 250,0", "Орындалды"),
    ]),
    ("Қайырымдылық", [
        ("Медициналық жабдық сатып алу", "Облыстық балалар ауруханасы", "9,5", "Орындалды"),
        ("Қайырымдылық қорына аударым", "«Шуақ» қоғамдық қоры", "3,0", "Орындалды"),
        ("Микроавтобус сыйға тарту (заттай)", "Балаларды оңалту орталығы", "—", "Орындалды"),
    ]),
    ("Спорт және мәдениет", [
        ("Волейбол клубына демеушілік", "«Ақтөбе» волейбол клубы", "6,0", "Орындалды"),
        ("Энергетик күніне арналған қалалық концерт (демеушілік)", "Қала тұрғындары", "2,5", "Орындалды"),
        ("Би ансамбліне демеушілік", "«Ақжайық» би ансамблі", "1,8", "Орындалды"),
        ("Футбол клубына демеушілік", "«Ақтөбе» ФК", "—", "Қабылданбады"),
    ]),
    ("Жастар", [
        ("Студенттерге өндірістік практика", "Ақтөбе энергетика колледжі", "—", "Орындалды"),
        ("Кәсіби бағдар беру күндері", "Қаланың 6 мектебі", "—", "Орындалды"),
        ("Еңбекті қорғау бойынша міндетті оқыту", "Компания қызметкерлері", "4,2", "Орындалды"),
    ]),
    ("Қоршаған орта", [
        ("Күл үйіндісін рекультивациялау (табиғат қорғау іс-шаралары жоспары)", "—", "85,0", "Орындалу үстінде"),
    ]),
]
r += 1
n = 0
for cat, items in groups:
    start = r
    for it in items:
        n += 1
        vals = [str(n), cat if r == start else None, *it]
        for ci, v in enumerate(vals, 1):
            c = ws.cell(row=r, column=ci, value=v)
            c.font = F(); c.border = box
            c.alignment = Alignment(horizontal="right" if ci == 5 else "left", vertical="top", wrap_text=True)
        ws.row_dimensions[r].height = 30 if len(it[0]) > 44 or len(it[1]) > 28 else 16
        r += 1
    ws.merge_cells(start_row=start, start_column=2, end_row=r - 1, end_column=2)
    ws.cell(row=start, column=2).alignment = Alignment(vertical="center", wrap_text=True)
    ws.cell(row=start, column=2).font = F(bold=True)
for ci, v in enumerate(["", "", "Барлығы", "", "1 393,0", ""], 1):
    c = ws.cell(row=r, column=ci, value=v)
    c.font = F(bold=True); c.border = box
    c.alignment = Alignment(horizontal="right" if ci == 5 else "left")
r += 2
for t in ["Анықтама: 2023 жылы әлеуметтік жобаларға 47,3 млн теңге бөлінген.",
          "«Барлығы» жолына инвестициялық бағдарлама мен табиғат қорғау іс-шаралары кіреді."]:
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    c = ws.cell(row=r, column=1, value=t); c.font = F(size=9)
    r += 1
ws.page_setup.orientation = "portrait"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.7, bottom=0.7)
wb.save(sys.argv[1])
