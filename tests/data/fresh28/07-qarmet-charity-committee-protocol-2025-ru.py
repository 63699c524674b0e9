# Protocol of the company's sponsorship and charity committee with its register of applications (Calc).
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "Протокол 3"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
widths = [5, 30, 40, 13, 24, 13]
for i, w in enumerate(widths):
    ws.column_dimensions[chr(65 + i)].width = w

def put(r, text, bold=False, size=11, align="left", merge=True, height=None):
    ws.cell(row=r, column=1, value=text)
    ws.cell(row=r, column=1).font = Font(name="Liberation Sans", bold=bold, size=size)
    ws.cell(row=r, column=1).alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
    if merge:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    if height:
        ws.row_dimensions[r].height = height

r = 1
put(r, "АО «Qarmet»", bold=True, size=12, align="center"); r += 1
put(r, "ПРОТОКОЛ № 3", bold=True, size=13, align="center"); r += 1
put(r, "заседания Комитета по спонсорской и благотворительной помощи", bold=True, align="center"); r += 1
put(r, "г. Темиртау, 18 июня 2025 года", align="right"); r += 1
put(r, "Присутствовали: председатель Комитета – вице-президент по корпоративным вопросам Д. Сейткали; члены Комитета: Е. Пак (финансы), А. Нурланова (связи с общественностью), Р. Касенов (юридический департамент), Ж. Омарова (комплаенс). Кворум имеется.", height=45); r += 1
put(r, "Повестка: рассмотрение заявок, поступивших во II квартале 2025 года, в пределах бюджета социальных программ на 2025 год в рамках Меморандума с акиматом Карагандинской области.", height=32); r += 1
r += 1
hdr = ["№", "Заявитель", "Цель заявки", "Запрошено, тыс. тенге", "Решение Комитета", "Одобрено, тыс. тенге"]
rows = [
    ["1", "КГУ «Школа-лицей № 3» г. Темиртау", "Капитальный ремонт актового зала", "18 500", "Одобрить", "18 500"],
    ["2", "ОФ «Ана үйі», г. Караганда", "Содержание кризисного центра для матерей с детьми", "6 000", "Одобрить частично", "4 000"],
    ["3", "ТОО «ФК «Шахтёр-Караганды»", "Спонсорская поддержка клуба в сезоне 2025 года", "250 000", "Отклонить", "—"],
    ["4", "ОО «Федерация бокса Карагандинской области»", "Участие сборной юниоров в чемпионате Республики Казахстан", "3 200", "Одобрить", "3 200"],
    ["5", "ГУ «Аппарат акима города Темиртау»", "Проведение Дня металлурга (городские праздничные мероприятия)", "35 000", "Одобрить", "30 000"],
    ["6", "КГП «Многопрофильная больница г. Темиртау»", "Приобретение ультразвукового аппарата экспертного класса", "42 000", "Одобрить", "42 000"],
    ["7", "НАО «Карагандинский индустриальный университет»", "Именные стипендии Qarmet для 20 студентов металлургических специальностей", "60 на 1 студента в месяц", "Одобрить", "60 на 1 студента в месяц"],
    ["8", "ОО «Общество инвалидов г. Темиртау»", "Новогодние подарки для детей с инвалидностью", "1 800", "Перенести рассмотрение на IV квартал", "—"],
    ["9", "ГККП «Дворец культуры металлургов»", "Сценические костюмы для ансамбля народного танца «Шаттық»", "2 400", "Одобрить", "2 400"],
    ["10", "КГУ «Молодёжный ресурсный центр г. Темиртау»", "Программа профориентации «Металлург будущего»: экскурсии на комбинат, наставники из числа работников", "—", "Одобрить (без финансирования, силами работников)", "—"],
    ["11", "ГУ «Аппарат акима поселка Актау»", "Благоустройство сквера Победы", "15 000", "Одобрить", "15 000"],
    ["", "Итого", "", "373 900", "", "115 100"],
]
start = r
for ci, v in enumerate(hdr, 1):
    c = ws.cell(row=r, column=ci, value=v)
    c.font = Font(name="Liberation Sans", bold=True, size=10)
    c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    c.border = box
ws.row_dimensions[r].height = 30
r += 1
for row in rows:
    longest = max(len(row[1]) / 28, len(row[2]) / 38, len(row[4]) / 22, 1)
    ws.row_dimensions[r].height = 14 * (int(longest) + 1) + 2
    for ci, v in enumerate(row, 1):
        c = ws.cell(row=r, column=ci, value=v)
        c.font = Font(name="Liberation Sans", size=10, bold=(row[1] == "Итого"))
        c.alignment = Alignment(horizontal="right" if ci in (4, 6) else ("center" if ci == 1 else "left"),
                                vertical="top", wrap_text=True)
        c.border = box
    r += 1
r += 1
put(r, "Комитет РЕШИЛ:", bold=True); r += 1
put(r, "1. Одобрить заявки № 1, 2, 4, 5, 6, 7, 9, 10 и 11 в суммах, указанных в графе «Одобрено». Департаменту финансов произвести перечисления до 30 сентября 2025 года.", height=30); r += 1
put(r, "2. Заявку № 3 отклонить: спонсорская поддержка профессиональных футбольных клубов в 2025 году бюджетом социальных программ не предусматривается.", height=30); r += 1
put(r, "3. Рассмотрение заявки № 8 перенести на заседание Комитета в IV квартале 2025 года.", height=16); r += 1
put(r, "4. Справочно: в I квартале 2025 года Комитетом одобрено 11 заявок на 96,3 млн тенге (протоколы № 1 и № 2).", height=16); r += 1
r += 1
put(r, "Председатель Комитета ____________ Д. Сейткали          Секретарь ____________ А. Нурланова", height=16); r += 1

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.6, bottom=0.6)
ws.oddFooter.center.text = "Страница &P из &N"
wb.save(sys.argv[1])
