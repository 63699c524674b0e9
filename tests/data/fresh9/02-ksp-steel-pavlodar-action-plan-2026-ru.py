# 02: «План мероприятий» (plan of measures) to a memorandum, landscape table made in
# LibreOffice Calc: № / measure / deadline / sum (тыс. тенге) / responsible.
# ru. openpyxl -> XLSX -> LibreOffice Calc -> PDF.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

wb = Workbook()
ws = wb.active
ws.title = "План"
F = "Liberation Serif"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
KSP = "ТОО «KSP Steel»"

ws["A1"] = "Приложение к Меморандуму о сотрудничестве между акиматом города Павлодара и ТОО «KSP Steel» от 22 декабря 2025 года"
ws["A2"] = "ПЛАН МЕРОПРИЯТИЙ"
ws["A3"] = "по реализации Меморандума на 2026 год"
for r, size, bold in ((1, 10, False), (2, 13, True), (3, 12, True)):
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    c = ws.cell(row=r, column=1)
    c.font = Font(name=F, size=size, bold=bold)
    c.alignment = Alignment(horizontal="right" if r == 1 else "center", wrap_text=True)
ws.row_dimensions[1].height = 28

head = ["№", "Наименование мероприятия", "Срок исполнения", "Сумма, тыс. тенге", "Ответственный"]
rows = [
    ("S", "1. Объекты социальной инфраструктуры"),
    ("1.1", "Строительство детского сада на 280 мест в микрорайоне Сарыарка города Павлодара", "III–IV кварталы 2026 года", "1 450 000", KSP),
    ("1.2", "Подведение инженерных сетей (тепло-, водоснабжение, электроснабжение) к детскому саду в микрорайоне Сарыарка", "II квартал 2026 года", "85 000", "ГУ «Отдел жилищно-коммунального хозяйства города Павлодара»"),
    ("1.3", "Капитальный ремонт спортивного зала средней общеобразовательной школы № 24", "июнь – август 2026 года", "62 500", KSP),
    ("1.4", "Благоустройство сквера по улице Естая: освещение, скамейки, детская игровая площадка", "май – сентябрь 2026 года", "38 000", KSP),
    ("1.5", "Реконструкция трибун стадиона «Трактор» (перенесено на 2027 год, в 2026 году финансирование не предусмотрено)", "—", "—", KSP),
    ("T", "Итого по разделу 1 (средства Компании)", "", "1 550 500", ""),
    ("S", "2. Благотворительная и спонсорская помощь"),
    ("2.1", "Приобретение реанимобиля для Павлодарской областной детской больницы", "I квартал 2026 года", "42 000", KSP),
    ("2.2", "Перечисление средств корпоративному благотворительному фонду «KSP Жүрек» на лечение детей с тяжёлыми заболеваниями", "в течение года", "50 000", KSP),
    ("2.3", "Поддержка хоккейного клуба «Иртыш» и женской волейбольной команды «Ертіс» (20 000 и 10 000 тыс. тенге соответственно)", "в течение года", "30 000", KSP),
    ("2.4", "Приобретение сценических костюмов и национальных инструментов для ансамбля народного танца «Шаттық»", "март 2026 года", "6 500", KSP),
    ("2.5", "Финансовая помощь религиозным объединениям (не предусматривается)", "—", "—", KSP),
    ("T", "Итого по разделу 2", "", "128 500", ""),
    ("S", "3. Праздничные и массовые мероприятия"),
    ("3.1", "Проведение Дня металлурга для жителей города: концерт на набережной и праздничный фейерверк", "июль 2026 года", "25 000", KSP),
    ("3.2", "Новогодние подарки детям из малообеспеченных семей (2 000 подарков)", "декабрь 2026 года", "8 000", KSP),
    ("3.3", "Обеспечение общественного порядка и организация уборки территории после Дня металлурга", "июль 2026 года", "—", "Акимат города Павлодара, УП г. Павлодара"),
    ("T", "Итого по разделу 3", "", "33 000", ""),
    ("S", "4. Развитие человеческого капитала"),
    ("4.1", "Производственная практика на участках завода для 60 студентов Павлодарского машиностроительного колледжа", "в течение года", "в натуральной форме", KSP),
    ("4.2", "Образовательные гранты студентам Торайгыров университета по специальности «Металлургия» (15 студентов)", "сентябрь 2026 года", "1 200 на одного студента в год", KSP),
    ("4.3", "Обязательное обучение работников по охране труда и промышленной безопасности", "в течение года", "14 000", KSP),
    ("4.4", "Корпоративное волонтёрство: уборка прибрежной зоны реки Иртыш силами работников Компании", "май 2026 года", "—", KSP),
    ("4.5", "Трудоустройство выпускников детских домов и молодёжи категории NEET", "в течение года", "—", "ГУ «Центр занятости населения города Павлодара»"),
    ("S", "5. Развитие производства"),
    ("5.1", "Модернизация электросталеплавильного цеха и создание 250 новых рабочих мест", "2026 год", "18 500 000", KSP),
    ("T", "ВСЕГО по Плану социальных мероприятий Компании (разделы 1–4)", "", "1 726 000", ""),
]

r = 5
for i, h in enumerate(head, 1):
    c = ws.cell(row=r, column=i, value=h)
    c.font = Font(name=F, size=11, bold=True)
    c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    c.border = box
ws.row_dimensions[r].height = 32
for row in rows:
    r += 1
    if row[0] == "S":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        c = ws.cell(row=r, column=1, value=row[1])
        c.font = Font(name=F, size=11, bold=True)
        c.alignment = Alignment(horizontal="left", vertical="center")
        for col in range(1, 6):
            ws.cell(row=r, column=col).border = box
        ws.row_dimensions[r].height = 22
        continue
    vals = ["" if row[0] == "T" else row[0]] + list(row[1:])
    for i, v in enumerate(vals, 1):
        c = ws.cell(row=r, column=i, value=v)
        c.font = Font(name=F, size=11, bold=row[0] == "T")
        c.alignment = Alignment(horizontal="right" if i == 4 else ("center" if i in (1, 3) else "left"),
                                vertical="top", wrap_text=True)
        c.border = box
    ws.row_dimensions[r].height = 48 if len(row[1]) > 70 or len(row[-1]) > 30 else 34

for col, w in zip("ABCDE", (7, 68, 22, 24, 34)):
    ws.column_dimensions[col].width = w
ws.print_title_rows = "5:5"
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7)
ws.oddFooter.center.text = "Страница &P из &N"
ws.oddFooter.center.font = "Liberation Serif"
wb.save(sys.argv[1])
