#!/usr/bin/python3
"""Writes 06-kazakhmys-ulytau-memorandum-2023-kk.docx (python-docx): a Kazakh memorandum with
a running header, a footer with page numbers, and clauses numbered by Word's automatic
multi-level numbering (1. / 1.1.), so the clause numbers are in the PDF but not in the
paragraph text. make.sh converts it to PDF with LibreOffice."""
import os
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn, nsdecls
from docx.shared import Cm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "06-kazakhmys-ulytau-memorandum-2023-kk.docx")
FONT = "DejaVu Serif"

TITLE1 = "ӘЛЕУМЕТТІК-ЭКОНОМИКАЛЫҚ ЫНТЫМАҚТАСТЫҚ ТУРАЛЫ МЕМОРАНДУМ"
TITLE2 = ("Ұлытау облысының әкімдігі мен «Қазақмыс Корпорациясы» ЖШС арасында "
          "2023 жылға арналған")
PLACE, DATE = "Жезқазған қ.", "2023 жылғы «14» наурыз"

PREAMBLE = [
    "Бұдан әрі «Әкімдік» деп аталатын Ұлытау облысының әкімдігі «Қазақстан Республикасындағы "
    "жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Қазақстан Республикасының Заңы "
    "негізінде әрекет ететін облыс әкімі Б. Т. Жұмановтың атынан, бір тараптан, және бұдан әрі "
    "«Компания» деп аталатын «Қазақмыс Корпорациясы» жауапкершілігі шектеулі серіктестігі "
    "Жарғы негізінде әрекет ететін Басқарма төрағасы А. С. Оспановтың атынан, екінші тараптан, "
    "бұдан әрі бірлесіп «Тараптар» деп аталатындар,",
    "Ұлытау облысының 2022 жылғы 8 маусымда құрылғанын және жаңа облыс орталығы – Жезқазған "
    "қаласының әлеуметтік инфрақұрылымын дамыту қажеттігін ескере отырып,",
    "Компанияның 2022 жылы Ұлытау ауылында 300 орындық мектеп салуға және Жезқазған қаласының "
    "орталық көшелерін абаттандыруға 2,3 млрд теңге бөлгенін атап өте отырып,",
    "төмендегілер туралы осы Меморандумды жасасты:",
]

# (heading, [clauses]); a clause starting with "~" is an unnumbered paragraph
SECTIONS = [
    ("Меморандумның мәні", [
        "Осы Меморандумның мәні – Ұлытау облысының Жезқазған, Сәтбаев, Қаражал қалаларында және "
        "Ұлытау ауданында әлеуметтік жобаларды іске асыру жөніндегі Тараптардың ынтымақтастығы.",
        "Меморандум азаматтық-құқықтық шарт болып табылмайды, Тараптардың ниетін білдіреді және "
        "Әкімдікке бюджет заңнамасында көзделмеген қаржылық міндеттемелер жүктемейді.",
    ]),
    ("Компанияның міндеттемелері", [
        "~Компания 2023 жылы:",
        "Жезқазған қаласының Шанхай шағын ауданында 600 орындық жалпы білім беретін мектептің "
        "құрылысын бастайды, жобаның жалпы құны – 4,2 млрд теңге;",
        "Сәтбаев қаласындағы жылу желілерінің ұзындығы 3,1 км учаскесін қайта жаңартуға "
        "900 млн теңге бөледі;",
        "мемлекеттік-жекешелік әріптестік (МЖӘ) тетігі бойынша Жезқазған қаласында "
        "бюджеттік сала қызметкерлері мен жас мамандарға арналған 120 пәтерлі жалдамалы тұрғын "
        "үй салуға 1,5 млрд теңге инвестициялайды;",
        "Жезқазған өңірлік көпбейінді ауруханасына магниттік-резонанстық томограф сатып алып "
        "береді (450 млн теңге);",
        "Қаражал қалалық мәдениет үйінің сахналық жабдығы мен музыкалық аспаптарын жаңартуға "
        "35 млн теңге бөледі;",
        "«Жезқазған» футбол клубына 250 млн теңге, Ұлытау облысының қазақ күресі құрамасына "
        "12 млн теңге демеушілік көмек көрсетеді;",
        "Ұлытау облысының құрылғанына бір жыл толуына арналған мерекелік іс-шараларды "
        "(30 млн теңге) және Жезқазған қаласындағы Кеншілер күні мерекесін қаржыландырады;",
        "Ө. А. Байқоңыров атындағы Жезқазған университетінің тау-кен және металлургия "
        "мамандықтары бойынша оқитын 50 студентіне ай сайын 30 000 теңге мөлшерінде "
        "корпоративтік шәкіртақы төлейді;",
        "Жезқазған және Сәтбаев колледждерінің кемінде 250 студенті үшін Компания "
        "кәсіпорындарында өндірістік практика мен тағылымдама ұйымдастырады;",
        "жас мамандарға арналған тәлімгерлік бағдарламасын жүзеге асырады және "
        "қызметкерлердің корпоративтік волонтерлігін қолдайды;",
        "жұмыс орындарын сақтайды, жалақы мен салықтарды уақтылы төлейді, 2023 жылға арналған "
        "табиғат қорғау іс-шаралары жоспарын орындайды;",
        "еңбекті қорғау және өнеркәсіптік қауіпсіздік бойынша қызметкерлерді міндетті оқытуды "
        "заңнама талаптарына сәйкес жүргізеді.",
        "~Діни бірлестіктерге демеушілік көмек көрсету 2023 жылы көзделмейді.",
    ]),
    ("Әкімдіктің міндеттемелері", [
        "~Әкімдік 2023 жылы:",
        "мектеп пен жалдамалы тұрғын үй құрылысы үшін белгіленген тәртіппен жер учаскелерін "
        "бөледі және салынған нысандарды инженерлік желілерге қосуды жергілікті бюджет қаражаты "
        "есебінен қамтамасыз етеді;",
        "жалдамалы тұрғын үйдегі пәтерлерді бюджеттік сала қызметкерлеріне бөлу тәртібін "
        "айқындайды;",
        "жобалау-сметалық құжаттаманың мемлекеттік сараптамадан өтуіне жәрдемдеседі;",
        "Меморандумның орындалу барысын бұқаралық ақпарат құралдарында жариялауды қамтамасыз "
        "етеді.",
    ]),
    ("Қаржыландыру және есептілік", [
        "2023 жылы Компанияның осы Меморандум шеңберіндегі әлеуметтік жобаларын "
        "қаржыландырудың жалпы көлемі кемінде 7,5 млрд теңгені құрайды.",
        "Сәтбаев қаласындағы спорт кешенінің құрылысы жобалау-сметалық құжаттаманы түзетуге "
        "байланысты Тараптардың келісімі бойынша 2024 жылға ауыстырылады.",
        "Компания жарты жылдың қорытындысы бойынша есепті кезеңнен кейінгі айдың 20-күнінен "
        "кешіктірмей Әкімдікке Меморандумның орындалуы туралы ақпарат ұсынады.",
    ]),
    ("Қорытынды ережелер", [
        "Меморандум Тараптар қол қойған күннен бастап күшіне енеді және 2023 жылғы "
        "31 желтоқсанға дейін қолданылады.",
        "Меморандум мемлекеттік және орыс тілдерінде екі данада жасалды, екі мәтіннің заңдық "
        "күші бірдей.",
    ]),
]

SIGN = [
    ("Ұлытау облысының әкімдігі", "«Қазақмыс Корпорациясы» ЖШС"),
    ("Жезқазған қ., Алашахан даңғылы, 1", "Жезқазған қ., Жамбыл көшесі, 1"),
    ("Облыс әкімі", "Басқарма төрағасы"),
    ("_____________ Б. Т. Жұманов", "_____________ А. С. Оспанов"),
]


def add_field(run, instr):
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin")
    t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = instr
    s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate")
    v = OxmlElement("w:t"); v.text = "1"
    e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end")
    for el in (b, t, s, v, e):
        run._r.append(el)


def add_numbering(doc):
    numbering = doc.part.numbering_part.element
    absid, numid = 90, 90
    absxml = (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{absid}">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr>'
        '<w:rPr><w:b/></w:rPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/>'
        '<w:lvlJc w:val="left"/><w:suff w:val="space"/><w:pPr><w:ind w:left="0" w:firstLine="709"/></w:pPr></w:lvl>'
        '</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    el = parse_xml(absxml)
    if first_num is not None:
        first_num.addprevious(el)
    else:
        numbering.append(el)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{numid}"><w:abstractNumId w:val="{absid}"/></w:num>'))
    return numid


def set_num(par, numid, ilvl):
    pPr = par._p.get_or_add_pPr()
    numPr = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl"); il.set(qn("w:val"), str(ilvl))
    ni = OxmlElement("w:numId"); ni.set(qn("w:val"), str(numid))
    numPr.append(il); numPr.append(ni)
    pPr.insert(0, numPr)


def bottom_border(par):
    pPr = par._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bot = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "808080")):
        bot.set(qn(k), v)
    bdr.append(bot)
    pPr.append(bdr)


def main():
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(11)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    st.element.rPr.rFonts.set(qn("w:cs"), FONT)
    st.paragraph_format.space_after = Pt(0)
    st.paragraph_format.line_spacing = 1.1
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin, sec.right_margin = Cm(2.5), Cm(1.5)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    sec.header_distance = sec.footer_distance = Cm(1)

    hp = sec.header.paragraphs[0]
    hp.paragraph_format.tab_stops.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT)
    r = hp.add_run("«Қазақмыс Корпорациясы» ЖШС\tМеморандум, 2023 жыл")
    r.font.size = Pt(8); r.italic = True
    bottom_border(hp)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text, fld in ((None, "PAGE"), ("-бет, барлығы ", None), (None, "NUMPAGES"), (" бет", None)):
        rr = fp.add_run(); rr.font.size = Pt(8)
        if fld:
            add_field(rr, fld)
        else:
            rr.text = text

    numid = add_numbering(doc)

    def para(text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, bold=False, indent=True, before=0, after=0):
        p = doc.add_paragraph()
        p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Cm(1.25)
        p.paragraph_format.space_before = Pt(before)
        p.paragraph_format.space_after = Pt(after)
        p.add_run(text).bold = bold
        return p

    para(TITLE1, WD_ALIGN_PARAGRAPH.CENTER, True, False)
    para(TITLE2, WD_ALIGN_PARAGRAPH.CENTER, False, False, after=12)
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT)
    p.add_run(PLACE + "\t" + DATE)
    p.paragraph_format.space_after = Pt(12)
    for t in PREAMBLE:
        para(t)
    for head, items in SECTIONS:
        h = para(head, WD_ALIGN_PARAGRAPH.CENTER, True, False, before=10, after=4)
        set_num(h, numid, 0)
        for t in items:
            if t.startswith("~"):
                para(t[1:])
            else:
                c = para(t, indent=False)
                set_num(c, numid, 1)
    para("Тараптардың қолдары", WD_ALIGN_PARAGRAPH.CENTER, True, False, before=12, after=6)
    tbl = doc.add_table(rows=len(SIGN), cols=2)
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, (a, b) in enumerate(SIGN):
        for j, t in enumerate((a, b)):
            tbl.cell(i, j).paragraphs[0].add_run(t).bold = (i == 0)
    doc.core_properties.title = TITLE1
    doc.core_properties.language = "kk-KZ"
    doc.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
