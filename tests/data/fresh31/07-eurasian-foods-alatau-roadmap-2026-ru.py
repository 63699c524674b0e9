# 07: «Дорожная карта» — annex 2 to a memorandum, by quarters of 2026: sections, «Итого по разделу»,
# «ВСЕГО», a unit in the header (тыс. тенге), akimat rows, a per-month rate, one sum for two
# holidays, a row moved to 2027, a core row, «—» for unpriced rows. ru. openpyxl -> LibreOffice Calc.
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

wb = Workbook()
ws = wb.active
ws.title = "Дорожная карта"
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
widths = [6, 52, 7, 7, 7, 7, 14, 18, 22]
for i, w in enumerate(widths):
    ws.column_dimensions[chr(65 + i)].width = w

def put(r, vals, bold=False, border=True, merge=None, h=None, size=10):
    for c, v in enumerate(vals, 1):
        cell = ws.cell(row=r, column=c, value=v)
        cell.font = Font(name="Liberation Sans", size=size, bold=bold)
        cell.alignment = Alignment(wrap_text=True, vertical="top",
                                   horizontal="right" if c == 7 and r > 5 else "left")
        if border:
            cell.border = box
    if merge:
        ws.merge_cells(merge)
    if h:
        ws.row_dimensions[r].height = h

put(1, ["Приложение 2 к Меморандуму о социальном партнёрстве от 15 января 2026 года"], border=False, merge="A1:I1")
put(2, ["ДОРОЖНАЯ КАРТА реализации социальных проектов АО «Евразиан Фудс» в Алатауском районе города Алматы на 2026 год"],
    bold=True, border=False, merge="A2:I2", h=30, size=11)
put(4, ["№", "Мероприятие", "Срок исполнения (квартал 2026 г.)", None, None, None,
        "Сумма, тыс. тенге", "Ответственный", "Примечание"], bold=True, h=30)
ws.merge_cells("C4:F4")
put(5, [None, None, "I", "II", "III", "IV", None, None, None], bold=True)
X = "●"
rows = [
    ("1. Социальная инфраструктура",),
    ("1.1", "Капитальный ремонт спортивного зала школы-гимназии № 182", "", X, X, "", "72 000", "Компания", ""),
    ("1.2", "Благоустройство сквера по улице Рыскулова (озеленение, освещение, малые архитектурные формы)", "", X, X, "", "45 500", "Компания", ""),
    ("1.3", "Подведение сетей электроснабжения и полива к скверу", X, X, "", "", "—", "Акимат района", "за счёт местного бюджета"),
    ("", "Итого по разделу 1", "", "", "", "", "117 500", "", ""),
    ("2. Социальная поддержка",),
    ("2.1", "Передача продукции Общественному фонду «Банк продовольствия Алматы»", X, X, X, X, "1 500 в месяц", "Компания", "кондитерские изделия, мука"),
    ("2.2", "Медицинское оборудование (физиотерапевтические аппараты) для городской поликлиники № 28", "", X, "", "", "18 000", "Компания", ""),
    ("2.3", "Новогодние подарки для воспитанников детских домов № 1 и № 5", "", "", "", X, "6 000", "Компания", ""),
    ("", "Итого по разделу 2", "", "", "", "", "24 000", "", "без п. 2.1"),
    ("3. Спорт и культура",),
    ("3.1", "Поддержка команды по таэквондо ДЮСШ Алатауского района (экипировка, участие в турнирах)", "", X, X, "", "4 000", "Компания", ""),
    ("3.2", "Проведение районных праздников «Наурыз мейрамы» и Дня защиты детей", X, X, "", "", "5 000", "Компания, акимат района", "на оба мероприятия"),
    ("3.3", "Строительство мини-футбольного поля в мкр. Шанырак-2", "", "", "", "", "—", "Компания", "перенесено на 2027 год"),
    ("", "Итого по разделу 3", "", "", "", "", "9 000", "", ""),
    ("4. Развитие человеческого капитала",),
    ("4.1", "Производственная практика студентов Алматинского технологического университета на фабрике", "", X, X, "", "—", "Компания", "12 студентов"),
    ("4.2", "Корпоративное волонтёрство сотрудников «Добрые выходные» (уборка дворов, помощь пожилым)", "", X, X, X, "—", "Компания", ""),
    ("4.3", "Обязательное обучение персонала по охране труда и промышленной безопасности", X, X, X, X, "3 200", "Компания", "требование законодательства"),
    ("", "Итого по разделу 4", "", "", "", "", "3 200", "", ""),
    ("", "ВСЕГО", "", "", "", "", "153 700", "", ""),
]
r = 6
for row in rows:
    if len(row) == 1:
        put(r, [row[0]] + [None] * 8, bold=True, merge=f"A{r}:I{r}")
    else:
        put(r, list(row), bold=row[1].startswith(("Итого", "ВСЕГО")))
        n = max(len(row[1]) // 48 + 1, len(row[8]) // 20 + 1, len(row[7]) // 17 + 1)
        ws.row_dimensions[r].height = 14 * n + 2
    r += 1
r += 1
put(r, ["Справочно: в 2025 году Компания передала Банку продовольствия продукцию на 16 200 тыс. тенге."], border=False, merge=f"A{r}:I{r}")
r += 2
put(r, ["Аким Алатауского района ____________ Е. Жунусов", None, None, None, None, None,
        "Генеральный директор АО «Евразиан Фудс» ____________ С. Ким"], border=False)
ws.merge_cells(f"A{r}:B{r}"); ws.merge_cells(f"G{r}:I{r}")
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.print_options.horizontalCentered = True
ws.oddFooter.center.text = "Страница &P из &N"
wb.save(sys.argv[1])
