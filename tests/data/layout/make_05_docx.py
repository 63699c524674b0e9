#!/usr/bin/python3
"""Writes 05-kazzinc-vko-planfact-2022-ru.docx (python-docx): a landscape plan/fact table
in thousand tenge, bordered, with a two-row header repeated on every page (w:tblHeader)
and cells whose text wraps over two or three lines. make.sh converts it to PDF with
LibreOffice."""
import os
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "05-kazzinc-vko-planfact-2022-ru.docx")

HEAD = ["№ п/п", "Наименование мероприятия", "Населенный пункт",
        "Предусмотрено Меморандумом на 2022 год, тыс. тенге",
        "Фактически исполнено за 2022 год, тыс. тенге", "Примечание"]
WIDTHS = [1.3, 9.0, 4.0, 3.4, 3.4, 5.6]

# ("s", title) section row; ("r", no, name, place, plan, fact, note); ("t", title, plan, fact)
ROWS = [
    ("s", "1. Развитие социальной инфраструктуры"),
    ("r", "1.1", "Строительство плавательного бассейна на 25 метров с трибуной на 150 мест "
     "по ул. Гагарина", "г. Риддер", "2 400 000,0", "2 386 512,4",
     "Введен в эксплуатацию 28.12.2022; подключение к инженерным сетям обеспечено акиматом г. Риддера"),
    ("r", "1.2", "Капитальный ремонт здания КГУ «Средняя школа № 7» (кровля, фасад, "
     "спортивный зал, система отопления)", "г. Алтай", "310 000,0", "304 220,0", "Работы завершены в августе"),
    ("r", "1.3", "Реконструкция тепловых сетей мкр. Защита протяженностью 2,4 км "
     "(финансирование через АО «СПК «Ертіс»)", "г. Усть-Каменогорск", "650 000,0", "648 900,0", ""),
    ("r", "1.4", "Строительство физкультурно-оздоровительного комплекса", "п. Глубокое, "
     "Глубоковский район", "800 000,0", "0,0",
     "Перенесено на 2023 год в связи с корректировкой проектно-сметной документации"),
    ("r", "1.5", "Благоустройство сквера Металлургов: уличное освещение, малые архитектурные "
     "формы, детская площадка, озеленение", "г. Усть-Каменогорск", "180 000,0", "176 450,5", ""),
    ("t", "Итого по разделу 1", "4 340 000,0", "3 516 082,9"),
    ("s", "2. Благотворительная помощь"),
    ("r", "2.1", "Приобретение компьютерного томографа для КГП «Риддерская городская "
     "больница»", "г. Риддер", "280 000,0", "279 600,0", "Оборудование поставлено и введено в работу"),
    ("r", "2.2", "Приобретение сценических костюмов и звукового оборудования для "
     "Восточно-Казахстанского областного драматического театра", "г. Усть-Каменогорск",
     "45 000,0", "44 870,0", ""),
    ("r", "2.3", "Перечисление в корпоративный благотворительный фонд «Шапағат» на "
     "программу помощи детям с ограниченными возможностями", "ВКО", "150 000,0", "150 000,0",
     "Фонд учрежден ТОО «Казцинк»"),
    ("t", "Итого по разделу 2", "475 000,0", "474 470,0"),
    ("s", "3. Спонсорская поддержка спорта и культуры"),
    ("r", "3.1", "Спонсорская поддержка хоккейного клуба «Торпедо» (Усть-Каменогорск) для "
     "участия в сезоне 2022/2023", "г. Усть-Каменогорск", "1 200 000,0", "1 200 000,0", ""),
    ("r", "3.2", "Спонсорская помощь сборной команде области по тогызкумалаку для участия в "
     "чемпионате Республики Казахстан", "ВКО", "6 000,0", "6 000,0", ""),
    ("t", "Итого по разделу 3", "1 206 000,0", "1 206 000,0"),
    ("s", "4. Праздничные и массовые мероприятия"),
    ("r", "4.1", "Проведение праздничных мероприятий, посвященных Дню металлурга",
     "г. Усть-Каменогорск, г. Риддер, г. Алтай", "60 000,0", "58 300,0", ""),
    ("r", "4.2", "Новогодние подарки детям из малообеспеченных и многодетных семей "
     "(6 500 подарков)", "г. Усть-Каменогорск, г. Риддер, г. Алтай", "19 500,0", "19 435,0", ""),
    ("t", "Итого по разделу 4", "79 500,0", "77 735,0"),
    ("s", "5. Развитие человеческого капитала"),
    ("r", "5.1", "Корпоративные стипендии студентам ВКТУ им. Д. Серикбаева, обучающимся по "
     "горно-металлургическим специальностям (60 человек)", "г. Усть-Каменогорск", "28 800,0",
     "28 800,0", ""),
    ("r", "5.2", "Дуальное обучение и производственная практика студентов технических "
     "колледжей на предприятиях Компании (420 человек)", "г. Усть-Каменогорск, г. Риддер",
     "35 000,0", "33 150,0", ""),
    ("r", "5.3", "Программа «Жас маман»: трудоустройство и наставничество выпускников детских "
     "домов (18 человек)", "г. Усть-Каменогорск", "9 000,0", "8 640,0", ""),
    ("r", "5.4", "Корпоративное волонтерство: акции «Чистый берег Ульбы» и «Тепло в каждый "
     "дом» (1 240 участников)", "г. Усть-Каменогорск, г. Риддер", "4 000,0", "3 950,0", ""),
    ("r", "5.5", "Обязательное обучение персонала по охране труда и промышленной безопасности",
     "все площадки", "–", "412 600,0", "Справочно; в сумму социальных расходов не включается"),
    ("t", "Итого по разделу 5", "76 800,0", "74 540,0"),
    ("t", "ВСЕГО", "6 177 300,0", "5 348 827,9"),
]

INTRO = [
    "Приложение",
    "к письму ТОО «Казцинк»",
    "от 16.01.2023 № 01-12/85",
]
TITLE = ("Информация об исполнении Меморандума о сотрудничестве между акиматом "
         "Восточно-Казахстанской области и ТОО «Казцинк» за 2022 год")
NOTE = ("Всего в 2022 году ТОО «Казцинк» направило на реализацию Меморандума 5 348,8 млн тенге "
        "(в 2021 году – 4 912,6 млн тенге). Сведения приведены в тысячах тенге.")
SIGN = "Директор по связям с общественностью ТОО «Казцинк»                                        А. Б. Нургалиева"


def set_cell_margins(table, top=90, bottom=90, left=80, right=80):
    tblPr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for k, v in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        el = OxmlElement(f"w:{k}")
        el.set(qn("w:w"), str(v)); el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblPr.append(mar)


def header_row(row):
    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader"); h.set(qn("w:val"), "true")
    trPr.append(h)


def shade(cell, fill):
    tcPr = cell._tc.get_or_add_tcPr()
    sh = OxmlElement("w:shd")
    sh.set(qn("w:val"), "clear"); sh.set(qn("w:color"), "auto"); sh.set(qn("w:fill"), fill)
    tcPr.append(sh)


def write(cell, text, bold=False, align=None, size=10):
    p = cell.paragraphs[0]
    if align is not None:
        p.alignment = align
    r = p.add_run(text)
    r.bold = bold
    r.font.size = Pt(size)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def add_field(run, instr):
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin")
    t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = instr
    s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate")
    v = OxmlElement("w:t"); v.text = "1"
    e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end")
    for el in (b, t, s, v, e):
        run._r.append(el)


def main():
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(12)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    st.paragraph_format.space_after = Pt(0)
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    sec.left_margin = sec.right_margin = Cm(1.5)
    sec.top_margin, sec.bottom_margin = Cm(1.5), Cm(1.5)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = fp.add_run(); r.font.size = Pt(9); add_field(r, "PAGE")

    for t in INTRO:
        p = doc.add_paragraph(t)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.space_after = Pt(6)
    p.add_run(TITLE).bold = True
    p = doc.add_paragraph(NOTE)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = Cm(1.25)
    p.paragraph_format.space_after = Pt(8)
    p = doc.add_paragraph("(тыс. тенге)")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    tbl = doc.add_table(rows=2, cols=6)
    tbl.style = "Table Grid"
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    set_cell_margins(tbl)
    for j, t in enumerate(HEAD):
        write(tbl.cell(0, j), t, True, WD_ALIGN_PARAGRAPH.CENTER)
        write(tbl.cell(1, j), str(j + 1), False, WD_ALIGN_PARAGRAPH.CENTER, 9)
        shade(tbl.cell(0, j), "D9E2F3")
    header_row(tbl.rows[0]); header_row(tbl.rows[1])
    for row in ROWS:
        cells = tbl.add_row().cells
        if row[0] == "s":
            m = cells[0].merge(cells[5])
            write(m, row[1], True)
            shade(m, "F2F2F2")
        elif row[0] == "t":
            m = cells[0].merge(cells[2])
            write(m, row[1], True, WD_ALIGN_PARAGRAPH.RIGHT)
            write(cells[3], row[2], True, WD_ALIGN_PARAGRAPH.RIGHT)
            write(cells[4], row[3], True, WD_ALIGN_PARAGRAPH.RIGHT)
        else:
            _, no, name, place, plan, fact, note = row
            write(cells[0], no, align=WD_ALIGN_PARAGRAPH.CENTER)
            write(cells[1], name)
            write(cells[2], place)
            write(cells[3], plan, align=WD_ALIGN_PARAGRAPH.RIGHT)
            write(cells[4], fact, align=WD_ALIGN_PARAGRAPH.RIGHT)
            write(cells[5], note, size=9)
    for row in tbl.rows:
        for j, c in enumerate(row.cells):
            c.width = Cm(WIDTHS[j]) if len(set(map(id, row.cells))) == 6 else c.width
    for j, col in enumerate(tbl.columns):
        col.width = Cm(WIDTHS[j])
    # explicit grid widths for every cell of unmerged rows
    for row in tbl.rows:
        tcs = row._tr.findall(qn("w:tc"))
        if len(tcs) == 6:
            for j, tc in enumerate(tcs):
                tcPr = tc.get_or_add_tcPr()
                w = tcPr.find(qn("w:tcW"))
                if w is None:
                    w = OxmlElement("w:tcW"); tcPr.insert(0, w)
                w.set(qn("w:w"), str(int(WIDTHS[j] * 567))); w.set(qn("w:type"), "dxa")

    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(18)
    p.add_run(SIGN)
    doc.core_properties.title = TITLE
    doc.core_properties.language = "ru-RU"
    doc.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
