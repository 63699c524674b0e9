# 03: a regional office's summary of several companies' memoranda for 2025, one long table
# (company in its own column, one row per item, plan/fact in «млн тенге», subtotals per
# company, a grand total). ru. openpyxl -> XLSX -> LibreOffice Calc -> PDF (landscape).
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "Свод 2025"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
widths = [5, 24, 58, 12, 12, 34]
for i, w in enumerate(widths):
    ws.column_dimensions[chr(65 + i)].width = w

r = 1
def line(text, bold=False, size=11, height=18):
    global r
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    c = ws.cell(row=r, column=1, value=text)
    c.font = Font(name="Liberation Sans", bold=bold, size=size)
    c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[r].height = height
    r += 1

line("Управление предпринимательства и индустриально-инновационного развития Мангистауской области", size=10)
line("СВОДНАЯ ИНФОРМАЦИЯ", bold=True, size=12)
line("об исполнении меморандумов о взаимном сотрудничестве, заключённых акиматом Мангистауской области "
     "с предприятиями региона, за 2025 год (по данным предприятий на 15.01.2026)", size=11, height=32)
r += 1

head = ["№", "Предприятие", "Мероприятие", "План, млн тенге", "Факт, млн тенге", "Примечание"]
rows = [
    ("1", "ТОО «КазАзот»", "Капитальный ремонт школы-гимназии № 7 г. Актау", "150,0", "152,4", "Исполнено, акт ввода от 20.08.2025"),
    ("2", "ТОО «КазАзот»", "Приобретение медицинского оборудования для Мангистауской областной детской больницы", "60,0", "60,0", "Исполнено"),
    ("3", "ТОО «КазАзот»", "Спонсорская поддержка сборной области по тогызкумалаку", "12,0", "12,0", "Исполнено"),
    ("4", "ТОО «КазАзот»", "Стипендии для 20 студентов Yessenov University по химическим специальностям", "14,4", "14,4", "Выплачено за 2025 год"),
    ("5", "ТОО «КазАзот»", "Строительство ледовой арены в г. Жанаозен", "800,0", "0,0", "Перенесено на 2026 год (ПСД на экспертизе)"),
    ("", "", "Итого по ТОО «КазАзот»", "1 036,4", "238,8", ""),
    ("6", "ТОО «Порт Курык»", "Благоустройство набережной в с. Курык", "95,0", "97,8", "Исполнено"),
    ("7", "ТОО «Порт Курык»", "Празднование Наурыза и Дня села Курык", "8,0", "8,0", "соответственно 3,0 и 5,0 млн тенге"),
    ("8", "ТОО «Порт Курык»", "Профориентационные экскурсии в порт и производственная практика для учащихся Мангистауского политехнического колледжа", "—", "—", "В натуральной форме, 64 учащихся"),
    ("9", "ТОО «Порт Курык»", "Создание рабочих мест для жителей Каракиянского района", "—", "—", "Трудоустроено 250 человек"),
    ("", "", "Итого по ТОО «Порт Курык»", "103,0", "105,8", ""),
    ("10", "АО «МРЭК»", "Уличное освещение в мкр. Шапагат г. Жанаозен", "45,0", "44,1", "Исполнено, экономия по итогам закупа"),
    ("11", "АО «МРЭК»", "Модернизация подстанций 110/10 кВ (инвестиционная программа)", "2 100,0", "2 350,0", "Утверждена уполномоченным органом"),
    ("12", "АО «МРЭК»", "Новогодние подарки детям из малообеспеченных семей г. Жанаозен", "4,0", "4,0", "Исполнено"),
    ("13", "АО «МРЭК»", "Помощь общественному фонду «Шапагат»", "5,0", "0,0", "Не профинансировано"),
    ("", "", "Итого по АО «МРЭК»", "2 154,0", "2 398,1", ""),
    ("", "", "ВСЕГО по области", "3 293,4", "2 742,7", ""),
]
for ci, h in enumerate(head, 1):
    c = ws.cell(row=r, column=ci, value=h)
    c.font = Font(name="Liberation Sans", bold=True, size=10)
    c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    c.border = box
ws.row_dimensions[r].height = 30
r += 1
for row in rows:
    bold = row[2].startswith(("Итого", "ВСЕГО"))
    longest = max(len(row[2]) / 55, len(row[5]) / 32, len(row[1]) / 22)
    for ci, v in enumerate(row, 1):
        c = ws.cell(row=r, column=ci, value=v)
        c.font = Font(name="Liberation Sans", bold=bold, size=10)
        c.alignment = Alignment(horizontal="right" if ci in (4, 5) else "left", vertical="top", wrap_text=True)
        c.border = box
    ws.row_dimensions[r].height = 15 * max(1, int(longest) + 1) + 3
    r += 1
r += 1
notes = [
    "Справочно: в 2024 году ТОО «КазАзот» построило спортивную площадку в 14 мкр. г. Актау (35,0 млн тенге).",
    "АО «МРЭК» – акционерное общество «Мангистауская распределительная электросетевая компания».",
    "Акиматом области в 2025 году выделены земельные участки под объекты пунктов 5 и 6.",
    "Исп.: Сарсенова А., тел. 8 (7292) 30-12-45",
]
for t in notes:
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    c = ws.cell(row=r, column=1, value=t)
    c.font = Font(name="Liberation Sans", size=9)
    c.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    ws.row_dimensions[r].height = 15
    r += 1

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7)
ws.oddFooter.center.text = "Страница &P из &N"
wb.save(sys.argv[1])
