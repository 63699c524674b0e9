# 01: Kazzinc's report on the execution of a three-year memorandum (2021-2023) with the
# East Kazakhstan Region akimat: cover letter + plan/fact table by year in «тыс. тенге»,
# year sections with subtotals, a grand total; the table breaks across pages. ru.
# openpyxl -> XLSX -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.properties import PageSetupProperties

wb = Workbook()
ws = wb.active
ws.title = "Исполнение"
widths = {"A": 6, "B": 62, "C": 16, "D": 13, "E": 13, "F": 34}
for c, w in widths.items():
    ws.column_dimensions[c].width = w
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
F = "Liberation Serif"
r = 1

def text_row(t, bold=False, size=11, align="left", height=16):
    global r
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    c = ws.cell(row=r, column=1, value=t)
    c.font = Font(name=F, size=size, bold=bold)
    c.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
    ws.row_dimensions[r].height = height
    r += 1

text_row("ТОВАРИЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ «КАЗЦИНК»", bold=True, align="center")
text_row("070002, г. Усть-Каменогорск, ул. Промышленная, 1 · тел. +7 7232 29-20-00 · www.kazzinc.com", size=9, align="center")
text_row("")
text_row("Исх. № 21-07/155 от 26 января 2024 года")
text_row("Акиму Восточно-Казахстанской области", align="right")
text_row("")
text_row("Об исполнении Меморандума о взаимопонимании на 2021–2023 годы", bold=True, align="center")
text_row("ТОО «Казцинк» (далее – Компания) направляет информацию об исполнении Меморандума о взаимопонимании "
         "между акиматом Восточно-Казахстанской области и ТОО «Казцинк» на 2021–2023 годы. За три года "
         "Компанией на реализацию мероприятий Меморандума направлено 1,77 млрд тенге.", height=48)
text_row("Справочно: в 2020 году Компания завершила строительство Ледового дворца в г. Риддер (1,4 млрд тенге).", height=32)
text_row("")
text_row("Информация об исполнении Меморандума за 2021–2023 годы", bold=True, align="center")
hdr = ["№", "Мероприятие", "Ответственный", "План, тыс. тенге", "Факт, тыс. тенге", "Примечание"]
for i, h in enumerate(hdr, 1):
    c = ws.cell(row=r, column=i, value=h)
    c.font = Font(name=F, size=10, bold=True)
    c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    c.border = box
ws.row_dimensions[r].height = 30
r += 1

rows = [
    ("S", "2021 год"),
    ("1.1", "Капитальный ремонт здания детской музыкальной школы г. Риддер", "ТОО «Казцинк»", "180 000", "176 450,5", "акт ввода от 12.11.2021"),
    ("1.2", "Приобретение медицинского оборудования для Глубоковской районной больницы", "ТОО «Казцинк»", "95 000", "95 000", "УЗИ-аппарат, аппарат ИВЛ"),
    ("1.3", "Поддержка хоккейного клуба «Торпедо» (г. Усть-Каменогорск)", "ТОО «Казцинк»", "600 000", "600 000", ""),
    ("1.4", "Строительство спортивного комплекса в пос. Новая Бухтарма", "ТОО «Казцинк»", "450 000", "0", "перенесено на 2022 год"),
    ("1.5", "Проведение праздничных мероприятий ко Дню металлурга", "ТОО «Казцинк»", "20 000", "18 300", "г. Усть-Каменогорск, г. Риддер"),
    ("T", "Итого за 2021 год", "", "1 345 000", "889 750,5", ""),
    ("S", "2022 год"),
    ("2.1", "Завершение строительства спортивного комплекса в пос. Новая Бухтарма", "ТОО «Казцинк»", "450 000", "462 800", "введён в эксплуатацию 30.09.2022"),
    ("2.2", "Стипендии студентам ВКТУ им. Д. Серикбаева (50 студентов, 40 тыс. тенге в месяц на 1 студента)", "ТОО «Казцинк»", "24 000", "24 000", ""),
    ("2.3", "Производственная практика студентов Риддерского аграрно-технического колледжа", "ТОО «Казцинк»", "–", "–", "без финансовых затрат, 45 студентов"),
    ("2.4", "Новогодние подарки детям из малообеспеченных семей (5 000 подарков)", "ТОО «Казцинк»", "30 000", "29 750", ""),
    ("2.5", "Перечисление ОФ «Ана үйі» на содержание кризисного центра для матерей", "ТОО «Казцинк»", "12 000", "12 000", ""),
    ("2.6", "Пошив костюмов для ансамбля народного танца «Шаттық»", "ТОО «Казцинк»", "8 500", "8 500", ""),
    ("2.7", "Благоустройство территории, прилегающей к спорткомплексу", "акимат Алтайского района", "–", "–", "за счёт местного бюджета"),
    ("T", "Итого за 2022 год", "", "524 500", "537 050", ""),
    ("S", "2023 год"),
    ("3.1", "Реконструкция сетей водоснабжения пос. Зубовка", "ТОО «Казцинк»", "310 000", "305 120,4", "акт ввода от 20.12.2023"),
    ("3.2", "Модернизация обогатительной фабрики Риддерского ГОКа", "ТОО «Казцинк»", "–", "12 400 000", "справочно: производственная программа, в итог не включено"),
    ("3.3", "Волонтёрская акция «Чистый Иртыш» (320 работников Компании)", "ТОО «Казцинк»", "–", "–", "без финансовых затрат"),
    ("3.4", "Профориентационные «Дни открытых дверей» для школьников г. Риддер", "ТОО «Казцинк»", "–", "–", "1 100 школьников"),
    ("3.5", "Оснащение кабинетов робототехники в 10 школах г. Алтай", "ТОО «Казцинк»", "40 000", "38 600", ""),
    ("3.6", "Финансирование футбольного клуба «Алтай»", "ТОО «Казцинк»", "150 000", "0", "не финансировалось: клуб снят с первенства"),
    ("T", "Итого за 2023 год", "", "500 000", "343 720,4", ""),
    ("T", "ВСЕГО за 2021–2023 годы", "", "2 369 500", "1 770 520,9", ""),
]
for row in rows:
    if row[0] == "S":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        c = ws.cell(row=r, column=1, value=row[1])
        c.font = Font(name=F, size=10, bold=True)
        c.alignment = Alignment(horizontal="center")
        for i in range(1, 7):
            ws.cell(row=r, column=i).border = box
        ws.row_dimensions[r].height = 16
        r += 1
        continue
    vals = row if row[0] != "T" else ("",) + row[1:]
    for i, v in enumerate(vals, 1):
        c = ws.cell(row=r, column=i, value=v)
        c.font = Font(name=F, size=10, bold=(row[0] == "T"))
        c.alignment = Alignment(horizontal="right" if i in (4, 5) else "left", vertical="top", wrap_text=True)
        c.border = box
    long = max(len(vals[1]) / 60, len(vals[5]) / 32, len(vals[2]) / 15)
    ws.row_dimensions[r].height = 15 * (int(long) + 1) + 4
    r += 1
text_row("")
text_row("Обязательное обучение работников по промышленной безопасности (46 200 тыс. тенге) в Меморандум не входит.", size=10, height=30)
text_row("")
text_row("Директор по связям с общественностью ТОО «Казцинк»                                   Е. Нурпеисов", height=20)
text_row("Исп.: Ахметова Г., тел. 29-21-44", size=9)
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.print_options.horizontalCentered = True
ws.page_margins.left = ws.page_margins.right = 0.6
ws.page_margins.top = ws.page_margins.bottom = 0.7
wb.save(sys.argv[1])
