# 07: an akimat's summary table of several companies' social commitments for 2022 (plan/fact,
# thousand tenge), landscape, company names in vertically merged cells. ru.
# openpyxl -> XLSX -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "Свод 2022"
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
widths = {"A": 5, "B": 24, "C": 50, "D": 20, "E": 13, "F": 13, "G": 24}
for k, v in widths.items():
    ws.column_dimensions[k].width = v
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "Liberation Serif"

def put(r, c, v, bold=False, italic=False, align="left", size=10, border=True):
    cell = ws.cell(row=r, column=c, value=v)
    cell.font = Font(name=F, size=size, bold=bold, italic=italic)
    cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
    if border:
        cell.border = box
    return cell

put(1, 1, "Приложение 2 к протоколу заседания Общественного совета Туркестанской области от 10.02.2023 № 1",
    italic=True, align="right", border=False)
ws.merge_cells("A1:G1")
put(2, 1, "СВОДНАЯ ИНФОРМАЦИЯ об исполнении социальных обязательств крупных предприятий Туркестанской "
    "области за 2022 год", bold=True, align="center", size=11, border=False)
ws.merge_cells("A2:G2")
ws.row_dimensions[2].height = 30
put(3, 1, "Управление экономики и бюджетного планирования Туркестанской области", italic=True,
    align="center", border=False)
ws.merge_cells("A3:G3")
head = ["№", "Предприятие", "Мероприятие", "Направление (по данным предприятия)", "План, тыс. тенге",
        "Факт, тыс. тенге", "Примечание"]
for c, h in enumerate(head, 1):
    put(5, c, h, bold=True, align="center")
ws.row_dimensions[5].height = 30

data = [
    ("ТОО «Совместное предприятие «КАТКО»» (Созакский район)", [
        ("1", "Строительство врачебной амбулатории в п. Таукент", "Инфраструктура", 180000, 176300,
         "введена в эксплуатацию"),
        ("2", "Компьютерный томограф для Созакской районной больницы", "Благотворительность", 95000, 95000,
         "поставлен"),
        ("3", "Гранты на обучение 25 студентов из Созакского района", "Образование", 30000, 28750, ""),
        ("4", "Перечисление в ОФ «Созақ жастары»", "Спонсорская помощь", 15000, 15000, ""),
        ("5", "Празднование Наурыза в с. Шолаккорган", "Мероприятия", 8000, 0, "не проводилось"),
    ], (328000, 315050)),
    ("ТОО «Международный аэропорт Туркестан»", [
        ("6", "Мини-футбольное поле с искусственным покрытием, СШ № 12 г. Туркестан", "Спорт", 35000, 34200,
         "выполнено"),
        ("7", "Грант благотворительному фонду областной детской больницы (50 тыс. долл. США)",
         "Благотворительность", 22500, 23450, "по курсу на дату платежа"),
        ("8", "Праздничная программа Наурыз в аэропорту", "Мероприятия", 6000, 6000, ""),
        ("9", "Молодежная сборная области по казакша куресу", "Спорт", 4000, 4000, ""),
    ], (67500, 67650)),
    ("ТОО «Оңтүстік Су Арнасы»", [
        ("10", "Реконструкция магистрального водовода (инвестиционная программа)", "Инфраструктура",
         640000, 612000, "2-я очередь"),
        ("11", "Благоустройство сквера «Достық» в г. Туркестан", "Инфраструктура", 12000, 11600, ""),
        ("12", "Команда по кокпару «Түркістан»", "Спорт", 5000, 5000, ""),
    ], (657000, 628600)),
    ("ТОО «Шаһар Құрылыс»", [
        ("13", "Арендный дом на 40 квартир для молодых учителей г. Кентау", "Жилье", 420000, 0,
         "перенесено на 2023 год"),
        ("14", "Капитальный ремонт детского сада «Айгөлек» в г. Кентау", "Образование", 26000, 25300, ""),
    ], (446000, 25300)),
]
r = 6
for name, rows, (tp, tf) in data:
    first = r
    for no, what, kind, plan, fact, note in rows:
        put(r, 1, no, align="center"); put(r, 3, what); put(r, 4, kind)
        put(r, 5, plan, align="right").number_format = "# ##0"
        put(r, 6, fact, align="right").number_format = "# ##0"
        put(r, 7, note)
        ws.row_dimensions[r].height = 30
        r += 1
    put(first, 2, name, bold=True)
    for rr in range(first + 1, r):
        put(rr, 2, None)
    ws.merge_cells(start_row=first, start_column=2, end_row=r - 1, end_column=2)
    put(r, 1, ""); put(r, 2, ""); put(r, 3, "Итого по предприятию", bold=True); put(r, 4, "")
    put(r, 5, tp, bold=True, align="right").number_format = "# ##0"
    put(r, 6, tf, bold=True, align="right").number_format = "# ##0"
    put(r, 7, "")
    r += 1
put(r, 1, ""); put(r, 2, ""); put(r, 3, "ВСЕГО по области", bold=True); put(r, 4, "")
put(r, 5, 1498500, bold=True, align="right").number_format = "# ##0"
put(r, 6, 1036600, bold=True, align="right").number_format = "# ##0"
put(r, 7, "")
r += 2
put(r, 1, "Справочно: в 2021 году предприятия области направили на социальные проекты 512,4 млн тенге.",
    italic=True, border=False)
ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
wb.save(sys.argv[1])
