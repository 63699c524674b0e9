# 07: Ekibastuz city akimat's summary of three companies' social investment in 2022 (ru),
# a spreadsheet (XLSX, openpyxl) printed to PDF by LibreOffice Calc
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "Меморандумы 2022"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "Nimbus Roman"
grey = PatternFill("solid", fgColor="E7E6E6")

widths = {"A": 6, "B": 52, "C": 20, "D": 14, "E": 14, "F": 26}
for k, v in widths.items():
    ws.column_dimensions[k].width = v

def put(r, c, v, bold=False, size=10, h="left", wrap=True, border=True, fill=None, italic=False):
    cell = ws.cell(row=r, column=c, value=v)
    cell.font = Font(name=F, size=size, bold=bold, italic=italic)
    cell.alignment = Alignment(horizontal=h, vertical="top", wrap_text=wrap, indent=1 if h in ("left", "right") and border else 0)
    if border:
        cell.border = box
    if fill:
        cell.fill = fill
    return cell

r = 1
put(r, 6, "Приложение 2 к протоколу\nзаседания рабочей группы\nот 17.02.2023 г. № 2", size=9, h="right", border=False)
ws.row_dimensions[r].height = 40
r = 2
ws.merge_cells("A2:F2")
put(r, 1, "Акимат города Экибастуза\nОтдел экономики и бюджетного планирования города Экибастуза", bold=True, size=11, h="center", border=False)
ws.row_dimensions[r].height = 30
r = 3
ws.merge_cells("A3:F3")
put(r, 1, "ИНФОРМАЦИЯ\nоб исполнении меморандумов о социальном партнёрстве крупными предприятиями города Экибастуза за 2022 год", bold=True, size=11, h="center", border=False)
ws.row_dimensions[r].height = 30
r = 4
put(r, 6, "тыс. тенге", italic=True, h="right", border=False)

hdr = ["№ п/п", "Наименование мероприятия", "Направление", "План на 2022 год", "Факт за 2022 год", "Примечание"]
r = 5
for c, v in enumerate(hdr, 1):
    put(r, c, v, bold=True, h="center", fill=grey)
ws.row_dimensions[r].height = 28

data = [
    ("sec", "ТОО «Экибастузская ГРЭС-1 имени Булата Нуржанова» (группа АО «Самрук-Энерго»)"),
    ("1", "Капитальный ремонт здания детской школы искусств № 1", "социальная инфраструктура", "180 000,0", "176 420,3", ""),
    ("2", "Приобретение медицинского оборудования для городской поликлиники № 2", "здравоохранение", "60 000,0", "58 900,0", ""),
    ("3", "Спонсорская помощь ФК «Экибастуз»", "спорт", "250 000,0", "250 000,0", ""),
    ("4", "Проведение городского праздника, посвящённого Дню энергетика", "массовые мероприятия", "15 000,0", "0,0", "не проводилось"),
    ("5", "Стажировки студентов Экибастузского инженерно-технического института им. академика К. Сатпаева", "образование", "5 000,0", "4 800,0", "25 студентов"),
    ("sum", "Итого по ТОО «ЭГРЭС-1»", "", "510 000,0", "490 120,3", ""),
    ("sec", "ТОО «KAZ Minerals Bozshakol» (группа KAZ Minerals)"),
    ("6", "Строительство врачебной амбулатории в с. Торайгыр", "социальная инфраструктура", "320 000,0", "305 700,0", "введена в эксплуатацию в ноябре 2022 г."),
    ("7", "Благоустройство парка «Жастар»", "благоустройство", "410 000,0", "398 150,0", ""),
    ("8", "Спонсорская поддержка сборной команды города по казахша курес", "спорт", "8 000,0", "8 000,0", ""),
    ("9", "Перечисление средств в общественный фонд «Екібастұз – біздің үй» на поддержку многодетных семей", "благотворительность", "40 000,0", "40 000,0", ""),
    ("10", "Корпоративное волонтёрство работников компании (уборка территорий, помощь ветеранам)", "волонтёрство", "—", "—", "в натуральной форме"),
    ("sum", "Итого по ТОО «KAZ Minerals Bozshakol»", "", "778 000,0", "751 850,0", ""),
    ("sec", "АО «Евроазиатская энергетическая корпорация» (ERG), разрез «Восточный»"),
    ("11", "Строительство 60-квартирного арендного жилого дома для работников бюджетной сферы", "жильё", "1 200 000,0", "950 000,0", "переходящий объект, ввод – 2023 г."),
    ("12", "Ремонт кровли СОШ № 14", "образование", "45 000,0", "—", "перенесено на 2023 год"),
    ("13", "Праздничные мероприятия «Наурыз мейрамы»", "массовые мероприятия", "10 000,0", "10 000,0", ""),
    ("14", "Новогодние подарки детям из многодетных семей (2 500 шт.)", "массовые мероприятия", "12 500,0", "12 350,0", ""),
    ("15", "Профориентационная программа для старшеклассников «Энергия будущего»", "образование", "3 000,0", "2 950,0", "12 школ города"),
    ("sum", "Итого по АО «ЕЭК»", "", "1 270 500,0", "975 300,0", ""),
    ("sum", "ВСЕГО", "", "2 558 500,0", "2 217 270,3", ""),
]
r = 6
for row in data:
    if row[0] == "sec":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        put(r, 1, row[1], bold=True, fill=grey)
        for c in range(2, 7):
            ws.cell(row=r, column=c).border = box
    elif row[0] == "sum":
        put(r, 1, "", fill=grey)
        put(r, 2, row[1], bold=True, fill=grey)
        put(r, 3, row[2], fill=grey)
        put(r, 4, row[3], bold=True, h="right", fill=grey, wrap=False)
        put(r, 5, row[4], bold=True, h="right", fill=grey, wrap=False)
        put(r, 6, row[5], fill=grey)
    else:
        put(r, 1, row[0], h="center")
        put(r, 2, row[1])
        put(r, 3, row[2])
        put(r, 4, row[3], h="right", wrap=False)
        put(r, 5, row[4], h="right", wrap=False)
        put(r, 6, row[5])
        lines = max(1, -(-len(row[1]) // 50), -(-len(row[5]) // 25))
        ws.row_dimensions[r].height = 14 * lines + 2
    r += 1

r += 1
notes = [
    "В 2022 году крупными предприятиями города в рамках меморандумов на социальные проекты направлено 2,2 млрд тенге, исполнение составило 86,7% от плана. Справочно: в 2021 году – 1,9 млрд тенге.",
    "Неисполнение плана связано с отменой праздника, посвящённого Дню энергетика, переносом ремонта кровли СОШ № 14 и переходящим характером строительства арендного жилого дома.",
]
for n in notes:
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    put(r, 1, n, border=False)
    ws.row_dimensions[r].height = 28
    r += 1
r += 1
ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
put(r, 1, "Руководитель отдела экономики и бюджетного планирования города Экибастуза                    Г. Жунусова", bold=True, border=False)

ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.6, bottom=0.6)
ws.print_title_rows = "5:5"
ws.oddFooter.center.text = "Страница &P из &N"
wb.save(sys.argv[1])
