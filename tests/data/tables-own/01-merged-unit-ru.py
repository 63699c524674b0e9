# 01: a plan/fact table printed by LibreOffice Calc (landscape A4): the unit «тыс. тенге»
# in a header cell merged over the "План" and "Факт" columns, a «в т.ч.» block, a total.
# Invented figures. openpyxl -> XLSX -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "Отчёт"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
for k, v in {"A": 6, "B": 60, "C": 14, "D": 14, "E": 40}.items():
    ws.column_dimensions[k].width = v
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True


def put(r, c, v, bold=False, align="left", border=True):
    cell = ws.cell(row=r, column=c, value=v)
    cell.font = Font(name="Liberation Sans", size=10, bold=bold)
    cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
    if border:
        cell.border = box


put(1, 1, "Отчёт об исполнении меморандума за 2019 год", bold=True, border=False)
ws.merge_cells("A1:E1")
r = 3
put(r, 1, "№", bold=True, align="center"); put(r, 2, "Мероприятие", bold=True, align="center")
put(r, 3, "Сумма, тыс. тенге", bold=True, align="center"); put(r, 4, None)
put(r, 5, "Примечание", bold=True, align="center")
put(r + 1, 3, "План", bold=True, align="center"); put(r + 1, 4, "Факт", bold=True, align="center")
for c in (1, 2, 5):
    put(r + 1, c, None)
ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)
for c in (1, 2, 5):
    ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
r += 2
rows = [
    ("1", "Ремонт кровли сельского клуба в с. Жаналык", "40 000", "39 500", "выполнено"),
    ("2", "Благоустройство с. Жаналык, всего", "30 000", "29 000", ""),
    ("", "в т.ч.:", "", "", ""),
    ("", "– устройство тротуаров по ул. Абая", "18 000", "17 600", "выполнено"),
    ("", "– ограждение детской площадки у школы", "12 000", "11 400", "выполнено"),
    ("3", "Приобретение рентгеновского аппарата для районной больницы", "25 000", "24 750", "передано по акту"),
    ("", "ИТОГО", "95 000", "93 250", ""),
]
for row in rows:
    for c, v in enumerate(row, start=1):
        put(r, c, v, align=("right" if c in (3, 4) else ("center" if c == 1 else "left")))
    r += 1
wb.save(sys.argv[1])
