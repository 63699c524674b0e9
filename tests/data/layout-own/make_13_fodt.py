#!/usr/bin/env python3
"""Writes 13-cards-frames-en.fodt: a LibreOffice Writer page of my own (invented company,
villages and sums) laid out without a table: a title and a paragraph, then six project
cards, each a text frame with a thin border anchored to the page, two to a row; make.sh
converts it to PDF with LibreOffice."""
import os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "13-cards-frames-en.fodt")

CARDS = [
    ("Water tower for Shiderty", "Shiderty village · 2021",
     "A steel water tower and 2 km of pipes bring running water to the eastern streets.",
     "Cost: KZT 74 million"),
    ("Dialysis machines for Ekibastuz", "Ekibastuz · 2021",
     "Two dialysis machines were given to the city hospital.", "Cost: KZT 31 million"),
    ("Boxing club “Sunkar”", "Ekibastuz · 2021 season",
     "The company pays the coaches and the travel of the young boxers to the national cup.",
     "Cost: KZT 9 million"),
    ("Internships for graduates", "Pavlodar · summer 2021",
     "Forty graduates of the technical college worked as paid interns at the mine.",
     "Cost: KZT 16 million"),
    ("Miners' Day concert", "Shiderty · August 2021",
     "An open-air concert and a fair for the residents of the village.",
     "Cost: KZT 3 million"),
    ("Library books for rural schools", "Ekibastuz district · 2021",
     "Six village schools received new textbooks and fiction in Kazakh and Russian.",
     "Cost: KZT 5.5 million"),
]


def frame(i, card):
    title, place, text, cost = (escape(s) for s in card)
    x = 2.0 if i % 2 == 0 else 10.9
    y = 4.4 + (i // 2) * 3.4
    return f'''<text:p text:style-name="P"><draw:frame draw:style-name="fr" draw:name="Card{i + 1}"
 text:anchor-type="page" text:anchor-page-number="1" svg:x="{x}cm" svg:y="{y}cm" svg:width="8.1cm"
 svg:height="3.0cm" draw:z-index="{i}"><draw:text-box>
<text:p text:style-name="T">{title}</text:p>
<text:p text:style-name="S">{place}</text:p>
<text:p text:style-name="B">{text}</text:p>
<text:p text:style-name="C">{cost}</text:p>
</draw:text-box></draw:frame></text:p>
'''


body = "".join(frame(i, c) for i, c in enumerate(CARDS))
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:language="en" fo:country="GB"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="H" style:family="paragraph"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="P" style:family="paragraph"/>
 <style:style style:name="L" style:family="paragraph"/>
 <style:style style:name="T" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-left="0.2cm" fo:margin-right="0.2cm"/><style:text-properties fo:font-size="10.5pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="S" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.2cm" fo:margin-right="0.2cm"/><style:text-properties fo:font-size="8.5pt" fo:color="#555555"/></style:style>
 <style:style style:name="B" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.2cm" fo:margin-right="0.2cm"/></style:style>
 <style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.2cm" fo:margin-right="0.2cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="fr" style:family="graphic">
  <style:graphic-properties fo:border="0.5pt solid #666666" fo:padding="0.25cm" style:wrap="none"
   draw:fill="none" fo:background-color="transparent" draw:textarea-vertical-align="top"
   style:vertical-pos="from-top" style:vertical-rel="page" style:horizontal-pos="from-left" style:horizontal-rel="page"/>
 </style:style>
</office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="H">Shiderty Coal: community projects 2021</text:p>
<text:p text:style-name="L">Shiderty Coal LLP supports the villages near its mine under its memorandum with the Akimat of Ekibastuz. Each card gives the company's cost of the project.</text:p>
{body}</office:text></office:body></office:document>
'''
with open(OUT, "w", encoding="utf-8") as f:
    f.write(doc)
