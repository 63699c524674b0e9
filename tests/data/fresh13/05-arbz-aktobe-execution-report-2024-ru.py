# 05: execution report of a rail-and-beam plant on its 2024 memorandum with the regional akimat, ru.
# A cover text and a plan/fact table in «тыс. тенге» with section subtotals. openpyxl -> LibreOffice Calc, landscape.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "Исполнение 2024"
widths = {"A": 6, "B": 62, "C": 16, "D": 16, "E": 40}
for k, v in widths.items():
    ws.column_dimensions[k].width = v
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "Liberation Sans"

def put(r, vals, bold=False, border=True, height=None, merge=False, size=10, align=None):
    for i, v in enumerate(vals):
        c = ws.cell(row=r, column=i + 1, value=v)
        c.font = Font(name=F, size=size, bold=bold)
        h = align or ("right" if i in (2, 3) else "left")
        c.alignment = Alignment(wrap_text=True, vertical="top", horizontal=h)
        if border:
            c.border = box
    if merge:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    if height:
        ws.row_dimensions[r].height = height

r = 1
put(r, ["ТОО «Актюбинский рельсобалочный завод»   ·   030012, г. Актобе, Промзона, 1   ·   исх. № 07-118 от 22.01.2025"], border=False, merge=True, size=9); r += 1
put(r, ["Акиму Актюбинской области (на исх. № 02-1/88 от 05.01.2025)"], border=False, merge=True, align="right"); r += 2
put(r, ["Информация об исполнении Меморандума о социальном партнёрстве между акиматом Актюбинской области и ТОО «АРБЗ» за 2024 год"], bold=True, border=False, merge=True, size=11, height=30, align="center"); r += 1
put(r, ["ТОО «Актюбинский рельсобалочный завод» (далее — ТОО «АРБЗ») сообщает об исполнении Меморандума за 2024 год. Для сравнения: в 2023 году аналогичные расходы составили 148,2 млн тенге."], border=False, merge=True, height=30); r += 2
put(r, ["№", "Наименование мероприятия", "План, тыс. тенге", "Факт, тыс. тенге", "Примечание"], bold=True, height=30, align="center"); r += 1
rows = [
    ("S", "1. Социальная инфраструктура"),
    ("1.1", "Строительство спортивной площадки в селе Курайлы", "60 000,0", "58 740,5", "Выполнено, площадка введена в эксплуатацию"),
    ("1.2", "Капитальный ремонт Дома культуры поселка Новый", "120 000,0", "0,0", "Перенесено на 2025 год"),
    ("1.3", "Реконструкция водопровода в селе Каргалинское", "45 000,0", "45 000,0", "Выполнено"),
    ("T", "Итого по разделу 1", "225 000,0", "103 740,5", ""),
    ("S", "2. Благотворительная помощь"),
    ("2.1", "Медицинское оборудование для областной детской больницы", "30 000,0", "29 600,0", "Аппарат ИВЛ, кувезы"),
    ("2.2", "Компьютерная техника для специальной школы № 3", "8 000,0", "8 000,0", "Выполнено"),
    ("2.3", "Перечисление общественному фонду «Қамқорлық Ақтөбе»", "15 000,0", "15 000,0", "Помощь многодетным семьям"),
    ("T", "Итого по разделу 2", "53 000,0", "52 600,0", ""),
    ("S", "3. Спорт и массовые мероприятия"),
    ("3.1", "Поддержка сборной области по казах куресі", "10 000,0", "10 000,0", "Выполнено"),
    ("3.2", "Праздничные мероприятия: Наурыз мейрамы, День города Актобе", "12 000,0", "11 850,0", "Выполнено"),
    ("3.3", "Спонсорская помощь футбольному клубу", "50 000,0", "0,0", "Не оказывалась"),
    ("T", "Итого по разделу 3", "72 000,0", "21 850,0", ""),
    ("S", "4. Развитие человеческого капитала"),
    ("4.1", "Именные стипендии 15 студентам АРУ им. К. Жубанова (по 50 тыс. тенге в месяц)", "9 000,0", "9 000,0", "Выплачено за 12 месяцев"),
    ("4.2", "Производственная практика для 40 студентов политехнического колледжа", "—", "—", "Без финансовых затрат"),
    ("4.3", "Корпоративное волонтёрство работников завода (акция «Жасыл Ақтөбе»)", "—", "—", "Участвовали 210 работников"),
    ("T", "Итого по разделу 4", "9 000,0", "9 000,0", ""),
    ("T", "ВСЕГО по Меморандуму", "359 000,0", "187 190,5", ""),
]
for row in rows:
    if row[0] == "S":
        put(r, ["", row[1], "", "", ""], bold=True)
    elif row[0] == "T":
        put(r, ["", row[1], row[2], row[3], row[4]], bold=True)
    else:
        long = max(len(row[1]) / 60, len(row[4]) / 38)
        put(r, list(row), height=30 if long > 1 else None)
    r += 1
r += 1
put(r, ["Справочно (основная деятельность, в Меморандум не входит): уплачено налогов 2,1 млрд тенге; модернизация прокатного стана — 3 200 000 тыс. тенге; обязательное обучение работников по охране труда — 14 500 тыс. тенге; численность персонала 1 120 человек."], border=False, merge=True, height=45); r += 2
put(r, ["Генеральный директор ТОО «АРБЗ»                         ____________  Д. Сарсенов"], border=False, merge=True)

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins.left = ws.page_margins.right = 0.6
ws.page_margins.top = ws.page_margins.bottom = 0.7
wb.save(sys.argv[1])
