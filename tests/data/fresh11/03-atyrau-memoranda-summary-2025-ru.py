# 03: a regional department's summary of several companies' memoranda for 2025 as one long
# table (company in its own merged column, one row per item, subtotals per company, «ВСЕГО»),
# landscape. ru. openpyxl -> XLSX -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "Свод"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins.left = ws.page_margins.right = 0.5
ws.page_margins.top = ws.page_margins.bottom = 0.6
widths = {"A": 5, "B": 24, "C": 70, "D": 17, "E": 38}
for k, v in widths.items():
    ws.column_dimensions[k].width = v

def put(r, c, v, bold=False, wrap=True, align="left", size=10):
    cell = ws.cell(row=r, column=c, value=v)
    cell.font = Font(name="Liberation Sans", size=size, bold=bold)
    cell.alignment = Alignment(wrap_text=wrap, vertical="top", horizontal=align)
    return cell

put(1, 1, "Управление предпринимательства и индустриально-инновационного развития Атырауской области", True, False, size=10)
put(2, 1, "СВОДНАЯ ИНФОРМАЦИЯ об исполнении меморандумов о социально-экономическом сотрудничестве за 2025 год", True, False, size=11)
put(3, 1, "(по состоянию на 31 декабря 2025 года; к письму № 04-12/1187 от 19.01.2026)", False, False)
hdr = ["№", "Компания", "Мероприятие", "Профинансировано, млн тенге", "Статус / примечание"]
R = 5
for c, h in enumerate(hdr, 1):
    put(R, c, h, True, True, "center").border = box
ws.row_dimensions[R].height = 30

blocks = [
    ("ТОО «Атырауский нефтеперерабатывающий завод» (АНПЗ)", [
        ("1", "Строительство физкультурно-оздоровительного комплекса в с. Жумыскер", "1 240,0", "исполнено, введён в эксплуатацию"),
        ("2", "Капитальный ремонт здания СОШ № 17 г. Атырау", "385,5", "исполнено"),
        ("3", "Приобретение медицинского оборудования для Областной детской больницы", "96,0", "исполнено"),
        ("4", "Спонсорская помощь ФК «Атырау»", "0,0", "не финансировалось (отказ компании)"),
        ("5", "Проведение городских мероприятий ко Дню города и Наурызу", "30,0", "исполнено"),
        ("6", "Гранты на обучение 40 студентов Атырауского университета нефти и газа", "48,0", "исполнено"),
        ("7", "Создание 150 постоянных рабочих мест (модернизация установки)", "—", "выполнено, в рамках инвестпроекта"),
    ], "Итого по АНПЗ", "1 799,5"),
    ("ТОО «Бургылау»", [
        ("8", "Благоустройство сквера «Жастар» в г. Кульсары", "62,4", "исполнено"),
        ("9", "Благотворительная помощь ОО «Общество инвалидов Жылыойского района»", "7,5", "исполнено"),
        ("10", "Обучение 25 безработных профессии помбура с трудоустройством", "11,2", "исполнено, трудоустроены 19 чел."),
        ("11", "Обязательное обучение работников по охране труда и ТБ", "3,0", "исполнено"),
    ], "Итого по ТОО «Бургылау»", "84,1"),
    ("ТОО «Атырау Балык»", [
        ("12", "Новогодние подарки детям из малообеспеченных семей Махамбетского района", "4,5", "исполнено"),
        ("13", "Поддержка сборной района по қазақ күресі", "3,0", "исполнено"),
        ("14", "Строительство спортивной площадки в с. Бейбарыс", "0,0", "перенесено на 2026 год"),
        ("15", "Рыбная продукция для КГУ «Махамбетский дом-интернат»", "в натуральной форме", "исполнено"),
    ], "Итого по ТОО «Атырау Балык»", "7,5"),
]
r = R + 1
for comp, items, tlabel, tsum in blocks:
    first = r
    for no, what, s, st in items:
        put(r, 1, no, align="center").border = box
        put(r, 2, comp).border = box
        put(r, 3, what).border = box
        put(r, 4, s, align="right").border = box
        put(r, 5, st).border = box
        ws.row_dimensions[r].height = 27
        r += 1
    ws.merge_cells(start_row=first, start_column=2, end_row=r - 1, end_column=2)
    for c in range(1, 6):
        put(r, c, "", True).border = box
    put(r, 3, tlabel, True).border = box
    put(r, 4, tsum, True, align="right").border = box
    ws.row_dimensions[r].height = 18
    r += 1
for c in range(1, 6):
    put(r, c, "", True).border = box
put(r, 3, "ВСЕГО по области", True).border = box
put(r, 4, "1 891,1", True, align="right").border = box
r += 2
put(r, 1, "Примечание: подключение ФОК в с. Жумыскер к инженерным сетям (45,0 млн тенге) обеспечено за счёт местного бюджета.", False, False)
put(r + 1, 1, "Справочно: в 2024 году по меморандумам профинансировано 1 512,3 млн тенге.", False, False)
put(r + 3, 1, "Руководитель управления                                        А. Жумагалиев", False, False)
wb.save(sys.argv[1])
