# 04: akimat's summary table of several companies' help for 2023, ru. openpyxl -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "2023"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "Liberation Sans"

ws.append(["Управление предпринимательства и индустриально-инновационного развития города Алматы"])
ws.append(["Сводная информация о спонсорской и благотворительной помощи предприятий города за 2023 год"])
ws.append(["(по данным предприятий на 15.01.2024)"])
ws.append([])
head = ["№", "Предприятие", "Мероприятие / объект", "Вид помощи (по данным предприятия)",
        "План, тыс. тенге", "Факт, тыс. тенге", "Примечание"]
ws.append(head)
rows = [
    ["1", "АО «Kaspi Bank»", "Строительство школы на 1200 мест в мкр. Алгабас Алатауского района",
     "благотворительная помощь", "5 200 000,0", "5 200 000,0", "введена в эксплуатацию"],
    ["2", "АО «Kaspi Bank»", "Медицинское оборудование для городской детской больницы № 2",
     "спонсорская помощь", "350 000,0", "347 500,0", ""],
    ["3", "АО «Kaspi Bank»", "Празднование Дня города Алматы", "спонсорская помощь",
     "60 000,0", "60 000,0", ""],
    ["", "", "Итого по АО «Kaspi Bank»", "", "5 610 000,0", "5 607 500,0", ""],
    ["4", "АО «Эфес Казахстан»", "Поддержка баскетбольного клуба «Алматинский Легион»",
     "спонсорская помощь", "120 000,0", "120 000,0", ""],
    ["5", "АО «Эфес Казахстан»", "Благоустройство сквера на ул. Жандосова", "благотворительная помощь",
     "85 000,0", "83 640,0", ""],
    ["6", "АО «Эфес Казахстан»", "Благотворительный забег «Алматы 10К»", "спонсорская помощь",
     "25 000,0", "0,0", "не проводился, перенесён на 2024 год"],
    ["", "", "Итого по АО «Эфес Казахстан»", "", "230 000,0", "203 640,0", ""],
    ["7", "ТОО «Astana Motors»", "Два автомобиля для станции скорой медицинской помощи",
     "в натуральной форме", "48 000,0", "48 000,0", "переданы в июне"],
    ["8", "ТОО «Astana Motors»", "Стажировки студентов Алматинского колледжа транспорта",
     "без финансирования", "—", "—", "25 стажёров"],
    ["9", "ТОО «Astana Motors»", "Поддержка сборной команды города по каратэ", "спонсорская помощь",
     "30 000,0", "30 000,0", ""],
    ["10", "ТОО «Astana Motors»", "Перечисление в общественный фонд «Дара» (детские дома)",
     "благотворительная помощь", "40 000,0", "40 000,0", ""],
    ["", "", "Итого по ТОО «Astana Motors»", "", "118 000,0", "118 000,0", ""],
    ["", "", "ВСЕГО", "", "5 958 000,0", "5 929 140,0", ""],
]
for r in rows:
    ws.append(r)
ws.append([])
ws.append(["Справочно: из местного бюджета на проведение Дня города выделено 410 000,0 тыс. тенге."])
ws.append(["Руководитель управления ____________ Е. Сапаров"])

widths = [5, 22, 58, 30, 15, 15, 30]
for i, w in enumerate(widths):
    ws.column_dimensions["ABCDEFG"[i]].width = w
for r in ws.iter_rows(min_row=1, max_row=ws.max_row):
    for c in r:
        c.font = Font(name=F, size=10)
ws["A1"].font = Font(name=F, size=10, italic=True)
ws["A2"].font = Font(name=F, size=12, bold=True)
for row in ws.iter_rows(min_row=5, max_row=5 + len(rows)):
    for c in row:
        c.border = box
        c.alignment = Alignment(wrap_text=True, vertical="top",
                                horizontal="right" if c.column in (5, 6) else None)
        if c.row == 5 or (row[2].value or "").startswith(("Итого", "ВСЕГО")):
            c.font = Font(name=F, size=10, bold=True)
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.print_options.gridLines = False
wb.save(sys.argv[1])
