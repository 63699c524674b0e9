#!/usr/bin/env python3
"""Writes 02-kazakhmys-sustainability-2019-ru.fodt: a flat-ODT (LibreOffice Writer) document
whose body is a two-column section (justified, Russian hyphenation on), with a
full-width title and lead, running header and footer, converted to PDF by make.sh."""
import os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "02-kazakhmys-sustainability-2019-ru.fodt")

TITLE = "5. Социальная ответственность и развитие регионов присутствия"
LEAD = ("Корпорация Казахмыс является градообразующим предприятием для Жезказгана, Сатпаева "
        "и Балхаша: на её рудниках, обогатительных фабриках и заводах работает почти каждый "
        "третий трудоспособный житель этих городов. Социальные проекты Компании реализуются в "
        "рамках меморандумов о сотрудничестве с акиматом Карагандинской области и акиматами "
        "городов, а также по обращениям жителей, поступающим в общественные приёмные.")

# (kind, text): h = subheading, p = paragraph
BODY = [
    ("h", "5.1. Социальные инвестиции в 2019 году"),
    ("p", "В 2019 году на социальные проекты в регионах присутствия Компания направила 6,8 млрд "
          "тенге, что на 11% больше, чем в 2018 году (6,1 млрд тенге). Распределение средств по "
          "направлениям приведено в таблице 5.2. Перечень проектов ежегодно согласовывается с "
          "акиматами и обсуждается на встречах с жителями и общественными советами городов."),
    ("h", "5.2. Социальная инфраструктура"),
    ("p", "В рамках Меморандума о сотрудничестве с акиматом Карагандинской области на 2019 год "
          "Компания завершила капитальный ремонт городского Дворца культуры горняков в г. Сатпаеве. "
          "Были заменены кровля, инженерные системы и кресла зрительного зала, отремонтирован "
          "фасад; стоимость работ составила 640 млн тенге."),
    ("p", "В г. Балхаше через АО «Социально-предпринимательская корпорация «Сарыарка» "
          "профинансирована реконструкция 2,3 км магистральных тепловых сетей по проспекту Абая "
          "на сумму 1 млрд 180 млн тенге. Работы выполнены до начала отопительного сезона, что "
          "позволило снизить число аварийных отключений в северных микрорайонах города."),
    ("p", "В посёлке Жезды завершено благоустройство центральной площади и сквера у школы имени "
          "К. Сатпаева (95,4 млн тенге): установлены детские игровые площадки, уличное освещение "
          "и скамейки, высажено более 300 деревьев."),
    ("p", "Строительство физкультурно-оздоровительного комплекса в г. Сатпаеве, предусмотренное "
          "Меморандумом, перенесено на 2020 год в связи с корректировкой проектно-сметной "
          "документации. Акимат г. Жезказгана в соответствии с Меморандумом обеспечил выделение "
          "земельных участков и подключение новых объектов к инженерным сетям."),
    ("h", "5.3. Здравоохранение и социальная поддержка"),
    ("p", "Для Балхашской городской больницы приобретены компьютерный томограф и реанимобиль "
          "общей стоимостью 312 млн тенге. Благодаря новому оборудованию жителям Балхаша больше "
          "не нужно ездить на обследование в Караганду."),
    ("p", "В корпоративный благотворительный фонд «Қазақмыс Қайырымдылық» перечислено 270 млн "
          "тенге; средства фонда направлены на адресную помощь многодетным семьям, ветеранам и "
          "людям с инвалидностью Жезказганского региона."),
    ("h", "5.4. Спорт и культура"),
    ("p", "Компания продолжила оказывать спонсорскую поддержку футбольному клубу «Жезказган» "
          "(180 млн тенге) и борцам казах куреси Жезказганского региона – призёрам чемпионата "
          "Казахстана (6,5 млн тенге). Ансамбль домбристов «Ұлытау» получил спонсорскую помощь "
          "для участия в республиканском фестивале «Күй керуен» в сумме 3,2 млн тенге."),
    ("p", "Компания выступила генеральным спонсором празднования Дня металлурга в г. Балхаше "
          "(28 млн тенге) и Наурыз мейрамы в Жезказгане и Сатпаеве (14 млн тенге). Спонсорская "
          "помощь религиозным объединениям в 2019 году не оказывалась."),
    ("h", "5.5. Образование и развитие человеческого капитала"),
    ("p", "Корпоративную стипендию Компании в 2019 году получали 75 студентов Жезказганского "
          "университета имени О. А. Байконурова, обучающихся по горным и металлургическим "
          "специальностям; расходы составили 33,7 млн тенге. Производственную практику на "
          "рудниках и обогатительных фабриках Компании прошли 430 студентов колледжей и вузов "
          "области."),
    ("p", "В рамках проекта «Мамандық таңдау» инженеры Компании провели профориентационные "
          "уроки для 2 100 старшеклассников школ Жезказгана, Сатпаева и Балхаша. В корпоративном "
          "волонтёрстве – субботниках, акциях «Тёплая зима» и «Дорога в школу» – участвовали "
          "более 1 300 работников."),
    ("p", "Обязательное обучение работников по охране труда и промышленной безопасности "
          "проводится в рамках производственной программы и в социальные инвестиции не "
          "включается. В 2019 году Компания уплатила в бюджет 96,4 млрд тенге налогов и других "
          "обязательных платежей."),
    ("t", None),
    ("p", "В 2020 году Компания продолжит реализацию социальных программ в Карагандинской "
          "области, уделяя особое внимание развитию профессиональных навыков молодёжи."),
]

TABLE_TITLE = "Таблица 5.2. Социальные инвестиции по направлениям, млн тенге"
TABLE = [
    ("Направление", "2018", "2019"),
    ("Социальная инфраструктура", "3 240,0", "3 830,2"),
    ("Здравоохранение и социальная поддержка", "1 410,5", "1 205,8"),
    ("Спорт и культура", "880,0", "952,0"),
    ("Образование", "569,5", "812,0"),
    ("Итого", "6 100,0", "6 800,0"),
]

HEADER = "ТОО «Корпорация Казахмыс» · Отчёт об устойчивом развитии за 2019 год"


def p(style, text):
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>\n'


def build():
    body = []
    body.append(p("TitleFirst", TITLE))
    body.append(p("Lead", LEAD))
    sec = []
    for kind, text in BODY:
        if kind == "h":
            sec.append(p("Sub", text))
        elif kind == "p":
            sec.append(p("Body", text))
        else:
            sec.append(p("TabTitle", TABLE_TITLE))
            rows = []
            for i, row in enumerate(TABLE):
                cells = []
                for j, c in enumerate(row):
                    st = "TabHead" if i == 0 or i == len(TABLE) - 1 else ("TabNum" if j else "TabText")
                    if i == 0 and j:
                        st = "TabHeadNum"
                    if i == len(TABLE) - 1 and j:
                        st = "TabHeadNum"
                    cells.append(f'<table:table-cell table:style-name="Cell" office:value-type="string">'
                                 f'{p(st, c)}</table:table-cell>')
                rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>\n")
            sec.append('<table:table table:name="T52" table:style-name="Tab">\n'
                       '<table:table-column table:style-name="ColA"/>'
                       '<table:table-column table:style-name="ColB" table:number-columns-repeated="2"/>\n'
                       + "".join(rows) + "</table:table>\n")
    body.append('<text:section text:style-name="TwoCol" text:name="Body">\n' + "".join(sec) + "</text:section>\n")
    return "".join(body)


DOC = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Отчёт об устойчивом развитии за 2019 год. Раздел 5</dc:title><dc:language>ru-RU</dc:language></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="10pt" fo:language="ru" fo:country="RU" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.12cm" fo:line-height="115%"/>
  <style:text-properties fo:hyphenate="true"/>
 </style:style>
 <style:style style:name="Lead" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.4cm" fo:line-height="120%"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:font-style="italic" fo:hyphenate="true"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.35cm" fo:border-bottom="1.5pt solid #1f5c99" fo:padding-bottom="0.15cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="17pt" fo:font-weight="bold" fo:color="#1f5c99" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Sub" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:font-weight="bold" fo:color="#1f5c99" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="TabTitle" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="TabText" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="TabNum" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="TabHead" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="TabHeadNum" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:paragraph-properties fo:border-bottom="0.5pt solid #808080" fo:padding-bottom="0.1cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#555555"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#555555"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="TitleFirst" style:family="paragraph" style:parent-style-name="Title" style:master-page-name="Standard">
  <style:paragraph-properties style:page-number="47"/>
 </style:style>
 <style:style style:name="TwoCol" style:family="section">
  <style:section-properties text:dont-balance-text-columns="false">
   <style:columns fo:column-count="2" fo:column-gap="0.7cm">
    <style:column-sep style:width="0.5pt" style:color="#999999" style:height="100%" style:vertical-align="top"/>
   </style:columns>
  </style:section-properties>
 </style:style>
 <style:style style:name="Tab" style:family="table"><style:table-properties style:width="8.2cm" table:align="left" style:may-break-between-rows="false" fo:keep-with-next="auto"/></style:style>
 <style:style style:name="ColA" style:family="table-column"><style:table-column-properties style:column-width="4.6cm"/></style:style>
 <style:style style:name="ColB" style:family="table-column"><style:table-column-properties style:column-width="1.8cm"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.06cm" fo:border-bottom="0.5pt solid #808080" fo:border-top="none" fo:border-left="none" fo:border-right="none"/></style:style>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="1.8cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="Header">HEADER_TEXT</text:p></style:header>
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">47</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
BODY</office:text></office:body>
</office:document>
"""

if __name__ == "__main__":
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(DOC.replace("HEADER_TEXT", escape(HEADER)).replace("BODY", build()))
    print(OUT)
