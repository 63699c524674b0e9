#!/usr/bin/python3
"""ТОО «Orda Glass Ltd»: информация об исполнении Меморандума за 9 месяцев 2025 года
(квартальная форма, тыс. тенге). openpyxl -> XLSX (LibreOffice Calc -> PDF)."""
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "9 месяцев 2025"
F = "Liberation Serif"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)

widths = [6, 52, 12, 11, 11, 11, 13, 30]
for i, w in enumerate(widths):
    ws.column_dimensions[chr(65 + i)].width = w

def put(r, c, v, bold=False, align="left", border=True, size=10, wrap=True):
    cell = ws.cell(row=r, column=c, value=v)
    cell.font = Font(name=F, size=size, bold=bold)
    cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=wrap)
    if border:
        cell.border = box
    return cell

put(1, 8, "Приложение к письму\n№ 01-07/412 от 08.10.2025 г.", border=False, size=9)
ws.row_dimensions[1].height = 26
ws.merge_cells("A2:H2")
put(2, 1, "Информация об исполнении Меморандума о социальном партнёрстве между акиматом Кызылординской области и ТОО «Orda Glass Ltd» за 9 месяцев 2025 года", bold=True, align="center", border=False, size=12)
ws.row_dimensions[2].height = 34
put(3, 8, "тыс. тенге", border=False, align="right")

head = ["№ п/п", "Наименование мероприятия", "План на 2025 год", "Факт I квартал", "Факт II квартал", "Факт III квартал", "Факт за 9 месяцев", "Примечание"]
for c, v in enumerate(head, 1):
    put(4, c, v, bold=True, align="center")
ws.row_dimensions[4].height = 30

rows = [
    ("1.", "Социальная инфраструктура", None, None, None, None, None, None, "S"),
    ("1.1", "Капитальный ремонт спортивного зала школы-лицея № 5 г. Кызылорды", "60 000", "0", "18 500", "39 700", "58 200", "Работы завершены, акт ввода от 29.08.2025", ""),
    ("1.2", "Благоустройство сквера «Достық» в пос. Тасбогет (освещение, скамейки, детская площадка)", "35 000", "0", "12 000", "21 000", "33 000", "", ""),
    ("1.3", "Строительство мини-футбольного поля в с. Шиели", "25 000", "0", "0", "0", "0", "Перенесено на 2026 год (отсутствие земельного участка)", ""),
    ("", "Итого по разделу 1", "120 000", "0", "30 500", "60 700", "91 200", "", "T"),
    ("2.", "Благотворительная помощь", None, None, None, None, None, None, "S"),
    ("2.1", "Приобретение медицинского оборудования для областного перинатального центра", "20 000", "19 800", "0", "0", "19 800", "", ""),
    ("2.2", "Перечисление средств ОФ «Мейірімді жүрек» и ОО «Общество инвалидов г. Кызылорды» (6 000 и 4 000 соответственно)", "10 000", "0", "10 000", "0", "10 000", "", ""),
    ("", "Итого по разделу 2", "30 000", "19 800", "10 000", "0", "29 800", "", "T"),
    ("3.", "Спонсорская помощь и мероприятия", None, None, None, None, None, None, "S"),
    ("3.1", "Спонсорская поддержка ФК «Кайсар»", "50 000", "0", "0", "0", "0", "Не финансируется по решению Наблюдательного совета", ""),
    ("3.2", "Пошив сценических костюмов для ансамбля народного танца «Сыр сұлуы»", "3 500", "0", "3 500", "0", "3 500", "", ""),
    ("3.3", "Организация праздничных мероприятий: Наурыз мейрамы, День города Кызылорды", "8 000", "4 000", "0", "3 000", "7 000", "", ""),
    ("", "Итого по разделу 3", "61 500", "4 000", "3 500", "3 000", "10 500", "", "T"),
    ("4.", "Развитие человеческого капитала", None, None, None, None, None, None, "S"),
    ("4.1", "Именные стипендии студентам Кызылординского университета им. Коркыт Ата по специальности «Химическая технология» (20 чел., 50 тыс. тенге в месяц на 1 студента)", "9 000", "3 000", "3 000", "0", "6 000", "Выплата в период обучения (сентябрь–май)", ""),
    ("4.2", "Производственная практика студентов Кызылординского политехнического колледжа на заводе (30 чел.)", "—", "—", "—", "—", "—", "Без финансовых затрат", ""),
    ("4.3", "Корпоративное волонтёрство сотрудников: шефская помощь Дому ребёнка г. Кызылорды", "—", "—", "—", "—", "—", "Проведено 6 акций", ""),
    ("", "Итого по разделу 4", "9 000", "3 000", "3 000", "0", "6 000", "", "T"),
    ("5.", "Справочно: производственные показатели", None, None, None, None, None, None, "S"),
    ("5.1", "Создание новых рабочих мест на 2-й линии стекольного производства (40 ед.)", "—", "—", "—", "—", "—", "Создано 32 места", ""),
    ("5.2", "Обязательное обучение персонала по охране труда и промышленной безопасности", "4 200", "1 100", "1 300", "1 200", "3 600", "", ""),
    ("", "ВСЕГО по Меморандуму (разделы 1–4)", "220 500", "26 800", "47 000", "63 700", "137 500", "", "T"),
]
r = 5
for num, name, *vals, kind in rows:
    if kind == "S":
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=8)
        put(r, 1, num, bold=True, align="center")
        put(r, 2, name, bold=True)
        for c in range(3, 9):
            ws.cell(row=r, column=c).border = box
        ws.row_dimensions[r].height = 16
    else:
        put(r, 1, num, align="center", bold=(kind == "T"))
        put(r, 2, name, bold=(kind == "T"))
        for i, v in enumerate(vals[:5]):
            put(r, 3 + i, v, align="right", bold=(kind == "T"))
        put(r, 8, vals[5], size=9)
        n = max(len(name) // 48 + 1, len(vals[5]) // 28 + 1)
        ws.row_dimensions[r].height = 15 * n + 2
    r += 1

r += 1
put(r, 2, "Генеральный директор ТОО «Orda Glass Ltd»", border=False, wrap=False)
put(r, 6, "Ли Вэй", border=False, wrap=False)
put(r + 1, 2, "Исп.: Сулейменова А., тел. 8 (7242) 55-30-18", border=False, size=8, wrap=False)

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.6, right=0.5, top=0.6, bottom=0.6)
ws.oddFooter.center.text = "Страница &P из &N"
wb.save(sys.argv[1])
