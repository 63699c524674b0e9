# 06: summary of the memoranda of two corporations for 2017, by the Department of Economy and
# Budget Planning of East Kazakhstan Region. ru. openpyxl -> LibreOffice Calc, landscape.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "Свод 2017"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
widths = {"A": 5, "B": 22, "C": 58, "D": 13, "E": 13, "F": 34}
for c, w in widths.items():
    ws.column_dimensions[c].width = w

ws.merge_cells("A1:F1")
ws["A1"] = "Управление экономики и бюджетного планирования Восточно-Казахстанской области"
ws["A1"].font = Font(name="Liberation Sans", size=10, italic=True)
ws.merge_cells("A2:F2")
ws["A2"] = ("Сводная информация о социальных обязательствах предприятий по меморандумам "
            "с акиматом Восточно-Казахстанской области на 2017 год")
ws["A2"].font = Font(name="Liberation Sans", size=12, bold=True)
ws["A2"].alignment = Alignment(horizontal="center", wrap_text=True)
ws.row_dimensions[2].height = 32
ws.merge_cells("A3:F3")
ws["A3"] = "по состоянию на 10.02.2017"
ws["A3"].alignment = Alignment(horizontal="right")

head = ["№", "Предприятие", "Мероприятие", "Срок", "Сумма, млн тенге", "Примечание"]
rows = [
    ["1", "ТОО «Казцинк»", "Строительство Дворца спорта в г. Риддере", "2017–2018", "2 500,0", "общая стоимость объекта"],
    ["2", "ТОО «Казцинк»", "Средний ремонт автомобильной дороги Алтай – Зубовка (12 км)", "2017", "310,0", ""],
    ["3", "ТОО «Казцинк»", "Приобретение медицинского оборудования для центральной районной больницы Глубоковского района", "II кв. 2017", "48,5", ""],
    ["4", "ТОО «Казцинк»", "Поддержка хоккейного клуба «Торпедо» (г. Усть-Каменогорск)", "2017", "600,0", "спонсорская помощь"],
    ["5", "ТОО «Казцинк»", "Проведение праздника «День города Усть-Каменогорска»", "сентябрь 2017", "15,0", ""],
    ["6", "ТОО «Казцинк»", "Именные стипендии «Казцинка» 20 студентам ВКГТУ им. Д. Серикбаева", "2017", "0,03", "на 1 студента в месяц"],
    ["7", "ТОО «Казцинк»", "Строительство спортивного комплекса в п. Глубокое", "—", "—", "перенесено на 2018 год"],
    ["", "", "Итого по ТОО «Казцинк»", "", "3 473,5", ""],
    ["8", "ТОО «KAZ Minerals Aktogay»", "Строительство школы на 300 мест в с. Актогай Аягозского района", "2017–2018", "1 200,0", "финансирование в два этапа"],
    ["9", "ТОО «KAZ Minerals Aktogay»", "Строительство 24-квартирного арендного дома для учителей и врачей в г. Аягозе", "2017", "420,0", ""],
    ["10", "ТОО «KAZ Minerals Aktogay»", "Музыкальные инструменты и звуковое оборудование для Аягозского районного Дома культуры", "2017", "12,0", ""],
    ["11", "ТОО «KAZ Minerals Aktogay»", "Переподготовка безработных жителей района по рабочим специальностям (80 человек)", "2017", "18,0", "совместно с ЦЗН"],
    ["12", "ТОО «KAZ Minerals Aktogay»", "Создание 1 500 постоянных рабочих мест на ГОК «Актогай»", "2017", "—", "производственная программа"],
    ["13", "Акимат Аягозского района", "Выделение земельного участка под строительство школы в с. Актогай", "I кв. 2017", "—", "за счёт акимата"],
    ["", "", "Итого по ТОО «KAZ Minerals Aktogay»", "", "1 650,0", ""],
    ["", "", "ВСЕГО", "", "5 123,5", ""],
]
r0 = 5
for ci, h in enumerate(head, 1):
    c = ws.cell(row=r0, column=ci, value=h)
    c.font = Font(name="Liberation Sans", size=10, bold=True)
    c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    c.border = box
for ri, row in enumerate(rows, r0 + 1):
    total = row[2].startswith(("Итого", "ВСЕГО"))
    for ci, v in enumerate(row, 1):
        c = ws.cell(row=ri, column=ci, value=v)
        c.font = Font(name="Liberation Sans", size=10, bold=total)
        c.alignment = Alignment(horizontal="right" if ci == 5 else "left", vertical="top", wrap_text=True)
        c.border = box
    ws.row_dimensions[ri].height = 28
ws.cell(row=r0 + len(rows) + 2, column=2, value="Руководитель управления                                   А. Б. Касымова").font = Font(name="Liberation Sans", size=10)
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.print_options.horizontalCentered = True
ws.page_margins.left = ws.page_margins.right = 0.5
wb.save(sys.argv[1])
