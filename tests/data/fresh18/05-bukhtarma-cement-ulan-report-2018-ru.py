# 05: execution report of Bukhtarma Cement Company to the Akimat of Ulan District (VKO) on the
# 2017 memorandum: cover text and a plan/fact table in «тыс. тенге» with merged header cells,
# a «в т.ч.» block and ИТОГО. ru. openpyxl -> XLSX -> LibreOffice Calc (landscape A4).
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "Отчёт"
F = "Liberation Sans"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
widths = {"A": 6, "B": 62, "C": 14, "D": 14, "E": 46}
for k, v in widths.items():
    ws.column_dimensions[k].width = v

def put(r, c, v, bold=False, size=10, align="left", wrap=True, border=False, italic=False):
    cell = ws.cell(row=r, column=c, value=v)
    cell.font = Font(name=F, size=size, bold=bold, italic=italic)
    cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=wrap)
    if border:
        cell.border = box
    return cell

r = 1
put(r, 1, "АО «Бухтарминская цементная компания»", bold=True, size=11); ws.merge_cells("A1:C1"); r += 1
put(r, 1, "070000, ВКО, Уланский район, п. Огневка · тел. 8 (72338) 2-15-40", size=9); ws.merge_cells("A2:C2")
put(1, 5, "Акиму Уланского района\nВосточно-Казахстанской области", size=10)
ws.row_dimensions[1].height = 30
r = 4
put(r, 1, "Исх. № 14/92 от 19.01.2018 г.", size=10); ws.merge_cells("A4:B4"); r += 2
put(r, 1, "Информация об исполнении Меморандума о социальном партнёрстве между акиматом Уланского района "
    "и АО «Бухтарминская цементная компания» (далее – БЦК) за 2017 год", bold=True, size=11)
ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5); ws.row_dimensions[r].height = 30; r += 2
hdr = r
put(r, 1, "№", bold=True, align="center", border=True); put(r, 2, "Наименование мероприятия", bold=True, align="center", border=True)
put(r, 3, "Сумма, тыс. тенге", bold=True, align="center", border=True); put(r, 4, None, border=True)
put(r, 5, "Примечание", bold=True, align="center", border=True)
put(r + 1, 3, "План", bold=True, align="center", border=True); put(r + 1, 4, "Факт", bold=True, align="center", border=True)
for c in (1, 2, 5):
    put(r + 1, c, None, border=True)
ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)
for c in (1, 2, 5):
    ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
r += 2
rows = [
    ("1", "Капитальный ремонт спортивного зала средней школы им. Абая в п. Касыма Кайсенова", "85 000", "84 350", "выполнено, акт ввода от 28.08.2017"),
    ("2", "Благоустройство п. Касыма Кайсенова, всего", "58 000", "56 400", ""),
    ("", "в т.ч.:", "", "", ""),
    ("", "– освещение улиц Абая и Мира (1,9 км)", "32 000", "31 200", "выполнено"),
    ("", "– ремонт и оснащение детской игровой площадки в парке «Жастар»", "26 000", "25 200", "выполнено"),
    ("3", "Приобретение медицинского оборудования (электрокардиограф, дефибриллятор) для Уланской центральной районной больницы", "12 000", "11 870", "передано по акту"),
    ("4", "Поддержка детского хореографического ансамбля «Шұғыла» (пошив сценических костюмов)", "2 500", "2 500", ""),
    ("5", "Подарки к Дню пожилых людей для 420 пенсионеров района", "3 000", "2 940", ""),
    ("6", "Спонсорская помощь хоккейному клубу «Буран»", "5 000", "0", "не оказывалась в связи с расформированием клуба"),
    ("7", "Именные стипендии студентам ВКГТУ им. Д. Серикбаева из Уланского района (5 чел.)", "1 800", "1 800", ""),
    ("8", "Производственная практика студентов Усть-Каменогорского строительного колледжа (20 чел.)", "–", "–", "без финансовых затрат"),
    ("9", "Строительство водопровода в с. Енбек", "120 000", "0", "перенесено на 2018 год"),
    ("10", "Корпоративное волонтёрство: акция «Чистый берег» (уборка побережья Бухтарминского водохранилища, 150 работников)", "–", "–", ""),
    ("", "ИТОГО", "287 300", "159 860", ""),
]
for i, row in enumerate(rows):
    bold = row[1] in ("ИТОГО",) or row[1].endswith("всего")
    for c, v in enumerate(row, start=1):
        put(r, c, v, bold=bold, align=("right" if c in (3, 4) else ("center" if c == 1 else "left")), border=True)
    ws.row_dimensions[r].height = 15 * max(1, -(-len(row[1]) // 62), -(-len(row[4]) // 44))
    r += 1
ws.merge_cells(start_row=hdr + 3, start_column=1, end_row=hdr + 6, end_column=1)  # row 2 spans its «в т.ч.» lines
r += 1
notes = [
    "Справочно: в 2016 году объём социальных вложений БЦК в районе составил 212,4 млн тенге.",
    "Кроме того, в 2017 году БЦК провела обязательное обучение персонала по промышленной безопасности (4,6 млн тенге) "
    "и завершила модернизацию вращающейся печи № 2 (1,9 млрд тенге); указанные расходы в Меморандум не входят.",
]
for n in notes:
    put(r, 1, n, size=10, italic=True); ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    ws.row_dimensions[r].height = 28; r += 1
r += 1
put(r, 2, "Генеральный директор АО «БЦК»", size=10); put(r, 5, "_____________ А. В. Гриценко", size=10)
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.6, right=0.5, top=0.6, bottom=0.6)
wb.save(sys.argv[1])
