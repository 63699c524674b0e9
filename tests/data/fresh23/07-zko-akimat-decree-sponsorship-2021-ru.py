# 07: an akimat's decree («Постановление акимата») approving a list of companies' sponsorship and
# charity agreements for 2021, with the list as an appendix table (several companies), landscape.
# openpyxl -> XLSX -> LibreOffice Calc. ru.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "Постановление"
widths = [5, 30, 32, 52, 13, 14, 30]
for i, w in enumerate(widths):
    ws.column_dimensions[chr(65 + i)].width = w
F = "Liberation Serif"
thin = Side(style="thin")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
row = 1


def text(s, bold=False, align="left", h=16, size=11, italic=False):
    global row
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    c = ws.cell(row=row, column=1, value=s)
    c.font = Font(name=F, size=size, bold=bold, italic=italic)
    c.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
    ws.row_dimensions[row].height = h
    row += 1


text("АКИМАТ ЗАПАДНО-КАЗАХСТАНСКОЙ ОБЛАСТИ", bold=True, align="center")
text("ПОСТАНОВЛЕНИЕ", bold=True, align="center", size=13, h=20)
text("от 22 января 2021 года № 14                                                                                                                          г. Уральск", h=18)
text("Об утверждении Перечня соглашений о спонсорской и благотворительной помощи на 2021 год", bold=True, align="center", h=20)
text("В соответствии с Законом Республики Казахстан «О местном государственном управлении и самоуправлении в Республике Казахстан» и "
     "в целях развития спорта, культуры и социальной сферы области акимат Западно-Казахстанской области ПОСТАНОВЛЯЕТ:", h=32)
text("1. Утвердить прилагаемый Перечень соглашений о спонсорской и благотворительной помощи, заключаемых предприятиями области "
     "с организациями социальной сферы на 2021 год (далее – Перечень).", h=32)
text("2. Управлению физической культуры и спорта области обеспечить за счет областного бюджета ремонт трибун стадиона имени "
     "Петра Атояна и содержание областных спортивных школ.", h=32)
text("3. Принять к сведению, что по аналогичным соглашениям в 2020 году в социальную сферу области привлечено 310 млн тенге.", h=18)
text("4. Контроль за исполнением настоящего постановления возложить на заместителя акима области по социальным вопросам.", h=18)
text("Аким Западно-Казахстанской области                                                                                                        Г. Искалиев", bold=True, h=24)
row += 1
text("Приложение к постановлению акимата Западно-Казахстанской области от 22 января 2021 года № 14", italic=True, align="right", h=16, size=10)
text("Перечень соглашений о спонсорской и благотворительной помощи на 2021 год", bold=True, align="center", h=20)

rows = [
    ["№", "Спонсор (благотворитель)", "Получатель", "Предмет соглашения", "Срок", "Сумма, тыс. тенге", "Примечание"],
    ["1", "ТОО «Уральский мясокомбинат «Орал Ет»", "ГККП «Областная ДЮСШ по национальным видам спорта»", "Приобретение борцовских ковров и тренажеров", "II квартал", "4 500", ""],
    ["2", "ТОО «Уральский мясокомбинат «Орал Ет»", "ОО «Федерация казах куреси ЗКО»", "Участие сборной области по казах куресі в чемпионате Республики Казахстан", "май–июнь", "6 000", ""],
    ["3", "ТОО «Жайык Пиво»", "ТОО «ФК «Акжайык»", "Спонсорская поддержка футбольного клуба в сезоне 2021 года", "год", "150 000", ""],
    ["4", "ТОО «Жайык Пиво»", "ГККП «Областной дом народного творчества»", "Проведение областного фестиваля народного творчества «Жайық жұлдыздары»", "сентябрь", "8 000", ""],
    ["5", "ТОО «Жайык Пиво»", "ОО «Баскетбольный клуб «Уральск»", "Спонсорская помощь баскетбольному клубу", "год", "–", "Соглашение расторгнуто по инициативе спонсора"],
    ["6", "ТОО «Ақ Жайық Сүт»", "КГУ «Областной дом ребенка»", "Ежемесячная поставка молочной продукции для воспитанников", "год", "в натуральной форме", ""],
    ["7", "ТОО «Ақ Жайық Сүт»", "ГККП «Дворец культуры «Шаңырақ»", "Пошив сценических костюмов для танцевального ансамбля «Шаңырақ»", "март", "2 500", ""],
    ["8", "АО «Altyn Bank» (ДБ China CITIC Bank)", "НАО «ЗКУ им. М. Утемисова»", "Оплачиваемые стажировки в филиале банка для 30 студентов", "год", "5 000", ""],
    ["9", "АО «Altyn Bank» (ДБ China CITIC Bank)", "Отдел образования г. Уральска", "Новогодний утренник и подарки для детей из многодетных семей", "декабрь", "3 000", ""],
    ["", "", "", "ИТОГО", "", "179 000", ""],
]
heights = [32, 44, 44, 32, 32, 32, 32, 32, 32, 32, 18]
for r, (vals, h) in enumerate(zip(rows, heights)):
    for ci, v in enumerate(vals):
        c = ws.cell(row=row, column=ci + 1, value=v)
        c.border = box
        c.font = Font(name=F, size=10, bold=(r == 0 or v == "ИТОГО" or (r == len(rows) - 1 and ci == 5)))
        c.alignment = Alignment(horizontal="right" if ci == 5 and r else ("center" if r == 0 or ci in (0, 4) else "left"),
                                vertical="top", wrap_text=True)
    ws.row_dimensions[row].height = h
    row += 1

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.6, right=0.5, top=0.6, bottom=0.6)
wb.save(sys.argv[1])
